"""USB hand-over and paper forms from the screen (sync/transfer.py, kiosk/report_import.py,
docs/transfer.md, docs/paper-forms.md).

- UsbExportPage (volunteer window): "Copy to USB for the commune" into a folder (prefilled with a
  mounted removable drive, typed, or chosen with a folder dialog: the volunteer role allows it),
  and "Read the commune's confirmation" (the receipt the office wrote back to the stick).
- The admin window's boxes (ui/staff/usb_import.py, ui/staff/paper_import.py) use the helpers
  here: the admin window may run on the hall's kiosk PC, where the lock-down forbids every file
  dialog, so their paths are typed (prefilled with a mounted removable drive).

Every file operation runs on a worker thread (ui/workers.run_task); a KioskError shows its
sentence; nothing is said "done" before the call returned.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.volunteer import filed_items, identity
from sync import transfer_format as tf
from ui.i18n import LANG
from ui.removable_drives import first_drive
from ui.staff.style import set_tone
from ui.workers import run_task

DEFAULT_NAME = "chuyen-giao"
TEMPLATE_NAME = "mau-phieu-phan-anh.csv"


def export_file_name(store: Store) -> str:
    """One file per volunteer, so several laptops can share one stick: chuyen-giao-TNV-0123.cnt."""
    who = identity(store.conn())
    safe = "".join(ch for ch in who.id if ch.isalnum() or ch in "-_") if who else ""
    return f"{DEFAULT_NAME}-{safe}{tf.SUFFIX}" if safe else f"{DEFAULT_NAME}{tf.SUFFIX}"


def target_path(typed: str, name: str) -> Path | None:
    """A typed folder gets `name` inside it; a typed transfer (or receipt) file is used as is."""
    text = typed.strip().strip('"')
    if not text:
        return None
    path = Path(text).expanduser()
    if path.name.endswith(tf.SUFFIX) or path.name.endswith(".receipt.json"):
        return path
    return path / name


def transfer_sets(folder: Path) -> list[Path]:
    """The transfer sets in a folder (one path per set, parts folded together), sorted."""
    try:
        files = [p for p in folder.iterdir() if p.is_file() and p.name.endswith(tf.SUFFIX)]
    except OSError:
        return []
    stems = sorted({tf.stem_of(p) for p in files})
    out = []
    for stem in stems:
        single = stem.with_name(stem.name + tf.SUFFIX)
        out.append(single if single.exists() else tf.part_path(stem, 1))
    return out


def in_worker(store: Store, job: Any) -> Any:   # noqa: ANN401 - the job's own result
    """Run `job()` on a pool thread and close that thread's store connection afterwards."""
    def run() -> Any:
        try:
            return job()
        finally:
            store.close()
    return run


def say(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    set_tone(label, tone)


def words(error: BaseException, fallback: str) -> str:
    return describe(error, LANG.code) if isinstance(error, KioskError) else fallback


class PathRow(QWidget):
    """A path field, with the removable drive prefilled; `browse` adds a folder dialog."""

    def __init__(self, name: str, browse: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName(name)
        self.detected: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        self.browse_button: QPushButton | None = None
        if browse:
            self.browse_button = QPushButton()
            self.browse_button.setObjectName(f"{name}_browse")
            self.browse_button.clicked.connect(self._browse)
            row.addWidget(self.browse_button)

    def prefill(self, value: str | None) -> None:
        """Put a detected drive in, unless the user typed something of their own."""
        current = self.field.text().strip()
        if value and (not current or current == self.detected):
            self.field.setText(value)
        self.detected = value

    def _browse(self) -> None:
        # The volunteer's laptop only (never built in the admin window, see module docstring).
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the USB folder"),
                                                  self.field.text().strip())
        if folder:
            self.field.setText(folder)


class UsbExportPage(QWidget):
    """The volunteer's side of the hand-over."""
    changed = Signal()          # the outbox changed (exported, confirmed)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usbExport")
        self.store = store
        self.busy = False
        self.box = QGroupBox()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.waiting = QLabel()
        self.waiting.setObjectName("usb_waiting")
        self.waiting.setWordWrap(True)
        self.path_label = QLabel()
        self.path = PathRow("usb_path", browse=True)
        self.path_label.setBuddy(self.path.field)
        self.export_button = QPushButton()
        self.export_button.setObjectName("usb_export")
        self.export_button.setProperty("primary", True)
        self.export_button.clicked.connect(self.export)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("usb_confirm")
        self.confirm_button.clicked.connect(self.confirm)
        self.result = QLabel()
        self.result.setObjectName("usb_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        set_tone(self.steps, "muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.box)
        inner.setSpacing(10)
        for widget in (self.explain, self.waiting, self.path_label, self.path):
            inner.addWidget(widget)
        inner.addLayout(buttons)
        inner.addWidget(self.result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.steps)
        layout.addStretch(1)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.box.setTitle(self.tr("Copy to USB for the commune"))
        self.explain.setText(self.tr(
            "Where there is no network, the reports waiting on this laptop travel to the commune "
            "office on a USB stick, encrypted for the office's computers. The laptop still "
            "sends them itself at its next sync, unless the office confirmed them first."))
        self.path_label.setText(self.tr("USB folder"))
        self.path.field.setPlaceholderText(self.tr("e.g. E:\\ or /media/lan/USB"))
        if self.path.browse_button is not None:
            self.path.browse_button.setText(self.tr("Choose folder…"))
        self.export_button.setText(self.tr("Copy to USB for the commune"))
        self.confirm_button.setText(self.tr("Read the commune's confirmation"))
        self.steps.setText(self.tr(
            "1. Copy to the USB stick here.  2. At the commune office, the administrator "
            "chooses “Import from a volunteer's USB”; the office writes its confirmation back "
            "to the stick.  3. Plug the stick in here again and read the confirmation."))
        self.refresh()

    def refresh(self) -> None:
        self.path.prefill(str(first_drive() or "") or None)
        conn = self.store.conn()
        waiting = len(filed_items(conn, "pending"))
        on_stick = len(filed_items(conn, "exported"))
        text = self.tr("%n report(s) waiting to be sent.", "", waiting)
        if on_stick:
            text += " " + self.tr("%n report(s) on a USB stick, waiting for the commune to "
                                  "confirm.", "", on_stick)
        self.waiting.setText(text)

    def _target(self) -> Path | None:
        path = target_path(self.path.field.text(), export_file_name(self.store))
        if path is None:
            say(self.result, self.tr("Please type the USB folder, or choose it."), "error")
        return path

    def _start(self, job: Any, done: Any) -> None:  # noqa: ANN401
        self.busy = True
        for widget in (self.export_button, self.confirm_button):
            widget.setEnabled(False)
        say(self.result, self.tr("Working… please do not unplug the USB stick."), "muted")

        def finished(result: Any) -> None:   # noqa: ANN401
            self._idle()
            done(result)

        def failed(error: BaseException) -> None:
            self._idle()
            say(self.result, words(error, self.tr(
                "Something went wrong; nothing was marked. Please try again.")), "error")
            self.refresh()

        run_task(in_worker(self.store, job), finished, failed, owner=self)

    def _idle(self) -> None:
        self.busy = False
        for widget in (self.export_button, self.confirm_button):
            widget.setEnabled(True)

    def export(self) -> None:
        target = self._target()
        if target is None or self.busy:
            return
        from sync.transfer import export_transfer

        store = self.store
        self._start(lambda: export_transfer(store, target), self._exported)

    def _exported(self, result: Any) -> None:  # noqa: ANN401 - sync.transfer.ExportResult
        text = self.tr("Copied %n report(s)", "", result.items) + " " + self.tr(
            "with {photos} photo(s) to {path}. Hand the stick to the commune office; "
            "afterwards, read its confirmation here.").format(photos=result.photos,
                                                             path=result.path)
        if result.parts > 1:
            text += " " + self.tr("The file is split into {n} parts: copy all of them.").format(
                n=result.parts)
        if result.confirmed:
            text += " " + self.tr("The commune had confirmed %n report(s) of the last "
                                  "hand-over.", "", result.confirmed)
        say(self.result, text, "ok")
        self.refresh()
        self.changed.emit()

    def confirm(self) -> None:
        target = self._target()
        if target is None or self.busy:
            return
        from sync.transfer import confirm_receipt

        store = self.store
        self._start(lambda: confirm_receipt(store, target), self._confirmed)

    def _confirmed(self, result: Any) -> None:  # noqa: ANN401 - sync.transfer.ConfirmResult
        text = self.tr("The commune confirmed %n report(s); they will not be sent again from "
                       "this laptop.", "", result.confirmed)
        if result.already:
            text += " " + self.tr("%n were already marked before.", "", result.already)
        say(self.result, text, "ok")
        self.refresh()
        self.changed.emit()
