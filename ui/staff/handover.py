"""USB hand-over and paper forms from the screen (sync/transfer.py, kiosk/report_import.py,
docs/transfer.md, docs/paper-forms.md).

- UsbExportPage (volunteer window): "Copy to USB for the commune" into a folder (prefilled with a
  mounted removable drive, typed, or chosen with a folder dialog: the volunteer role allows it),
  and "Read the commune's confirmation" (the receipt the office wrote back to the stick).
- UsbImportBox and PaperImportBox (admin window): the admin window may run on the hall's kiosk PC,
  where the lock-down forbids every file dialog, so paths are typed (prefilled with a mounted
  removable drive) and no dialog is ever constructed here.

Every file operation runs on a worker thread (ui/workers.run_task); a KioskError shows its
sentence; nothing is said "done" before the call returned.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QVBoxLayout, QWidget)

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


def _in_worker(store: Store, job: Any) -> Any:   # noqa: ANN401 - the job's own result
    """Run `job()` on a pool thread and close that thread's store connection afterwards."""
    def run() -> Any:
        try:
            return job()
        finally:
            store.close()
    return run


def _say(label: QLabel, text: str, tone: str) -> None:
    label.setText(text)
    set_tone(label, tone)


def _words(error: BaseException, fallback: str) -> str:
    return describe(error, LANG.code) if isinstance(error, KioskError) else fallback


class _PathRow(QWidget):
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
        self.path = _PathRow("usb_path", browse=True)
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
            _say(self.result, self.tr("Please type the USB folder, or choose it."), "error")
        return path

    def _start(self, job: Any, done: Any) -> None:  # noqa: ANN401
        self.busy = True
        for widget in (self.export_button, self.confirm_button):
            widget.setEnabled(False)
        _say(self.result, self.tr("Working… please do not unplug the USB stick."), "muted")

        def finished(result: Any) -> None:   # noqa: ANN401
            self._idle()
            done(result)

        def failed(error: BaseException) -> None:
            self._idle()
            _say(self.result, _words(error, self.tr(
                "Something went wrong; nothing was marked. Please try again.")), "error")
            self.refresh()

        run_task(_in_worker(self.store, job), finished, failed, owner=self)

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
        _say(self.result, text, "ok")
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
        _say(self.result, text, "ok")
        self.refresh()
        self.changed.emit()


class UsbImportBox(QGroupBox):
    """The office's side: import a volunteer's transfer file(s) and write the receipt back."""
    imported = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usbImport")
        self.store = store
        self.busy = False
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.path = _PathRow("usb_import_path", browse=False)
        self.import_button = QPushButton()
        self.import_button.setObjectName("usb_import")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.run_import)
        self.result = QLabel()
        self.result.setObjectName("usb_import_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.explain)
        layout.addLayout(row)
        layout.addWidget(self.result)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Import from a volunteer's USB"))
        self.explain.setText(self.tr(
            "Type the USB folder (every transfer file in it is imported) or one transfer file. "
            "The signature is checked, the reports are queued for the province, and the "
            "confirmation for the volunteer's laptop is written back to the stick."))
        self.path.field.setPlaceholderText(self.tr("e.g. E:\\ or /media/canbo/USB"))
        self.import_button.setText(self.tr("Import"))
        self.refresh()

    def refresh(self) -> None:
        drive = first_drive()
        if drive is None:
            self.path.prefill(None)
            return
        sets = transfer_sets(drive)
        self.path.prefill(str(sets[0]) if len(sets) == 1 else str(drive))

    def run_import(self) -> None:
        if self.busy:
            return
        typed = self.path.field.text().strip().strip('"')
        if not typed:
            _say(self.result, self.tr("Please type the USB folder or the transfer file."),
                 "error")
            return
        path = Path(typed).expanduser()
        store = self.store

        def job() -> list[tuple[Path, Any]]:
            from sync.transfer import import_transfer

            paths = transfer_sets(path) if path.is_dir() else [path]
            if not paths:
                raise KioskError("transfer_not_found", path=str(path))
            return [(p, import_transfer(store, p)) for p in paths]

        self.busy = True
        self.import_button.setEnabled(False)
        _say(self.result, self.tr("Checking and importing… please do not unplug the USB "
                                  "stick."), "muted")
        run_task(_in_worker(store, job), self._done, self._failed, owner=self)

    def _done(self, results: list[tuple[Path, Any]]) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        lines, tone = [], "ok"
        for path, result in results:
            line = self.tr("{file}: imported {imported}, already here {skipped}.").format(
                file=path.name, imported=result.imported, skipped=result.skipped)
            if result.receipt:
                line += " " + self.tr("Confirmation written to {receipt}.").format(
                    receipt=result.receipt)
            elif result.receipt_error is not None:
                line += " " + describe(result.receipt_error, LANG.code)
                tone = "error"
            lines.append(line)
        _say(self.result, "\n".join(lines), tone)
        self.imported.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        _say(self.result, _words(error, self.tr("The import failed; nothing was imported.")),
             "error")


class PaperImportBox(QGroupBox):
    """Paper forms from a CSV: check first (every row's problems listed), import only a clean
    file, and write the empty template."""
    imported = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperImport")
        self.store = store
        self.busy = False
        self.checked: str | None = None      # the path whose check came back clean
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setObjectName("paper_path")
        self.path.textChanged.connect(lambda _t: self._forget())
        self.check_button = QPushButton()
        self.check_button.setObjectName("paper_check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton()
        self.import_button.setObjectName("paper_import")
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.template_button = QPushButton()
        self.template_button.setObjectName("paper_template")
        self.template_button.clicked.connect(self.template)
        self.result = QLabel()
        self.result.setObjectName("paper_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows = QListWidget()
        self.rows.setObjectName("paper_rows")
        self.rows.setWordWrap(True)
        self.rows.setMinimumHeight(160)
        self.rows.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.explain)
        layout.addWidget(self.path)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.rows)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Import paper forms (CSV)"))
        self.explain.setText(self.tr(
            "Type the path of the spreadsheet (CSV) filled in from paper forms. “Check” lists "
            "every row's problems and stores nothing; “Import” is possible once the check is "
            "clean. “Make template” writes an empty sheet and its instructions to the path "
            "typed (a folder or a .csv file)."))
        self.path.setPlaceholderText(self.tr("e.g. E:\\phieu-giay.csv"))
        self.check_button.setText(self.tr("Check"))
        self.import_button.setText(self.tr("Import"))
        self.template_button.setText(self.tr("Make template"))

    def _forget(self) -> None:
        self.checked = None
        self.import_button.setEnabled(False)

    def _path(self) -> Path | None:
        typed = self.path.text().strip().strip('"')
        if not typed:
            _say(self.result, self.tr("Please type the path of the CSV file."), "error")
            return None
        return Path(typed).expanduser()

    def _run(self, job: Any, done: Any) -> None:  # noqa: ANN401
        self.busy = True
        for widget in (self.check_button, self.import_button, self.template_button):
            widget.setEnabled(False)
        _say(self.result, self.tr("Working…"), "muted")

        def finished(result: Any) -> None:  # noqa: ANN401
            self._idle()
            done(result)

        def failed(error: BaseException) -> None:
            self._idle()
            self.rows.clear()
            self.rows.hide()
            _say(self.result, _words(error, self.tr("The file could not be read.")), "error")

        run_task(_in_worker(self.store, job), finished, failed, owner=self)

    def _idle(self) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        self.template_button.setEnabled(True)
        self.import_button.setEnabled(self.checked is not None)

    def check(self) -> None:
        path = self._path()
        if path is None or self.busy:
            return
        self._forget()
        store = self.store
        typed = self.path.text()

        def job() -> Any:
            from kiosk.report_import import import_file

            return import_file(store, path, dry_run=True)

        self._run(job, lambda result: self._checked(typed, result))

    def _checked(self, typed: str, result: Any) -> None:  # noqa: ANN401
        from kiosk.messages_import import describe_row

        self.rows.clear()
        if result.errors:
            rows = len({e.row for e in result.errors})
            for error in result.errors:
                self.rows.addItem(describe_row(error, LANG.code))
            self.rows.show()
            _say(self.result, self.tr("{bad} of {rows} rows have errors; nothing was stored. "
                                      "Correct the file, then check again.").format(
                bad=rows, rows=result.rows), "error")
            return
        self.rows.hide()
        if self.path.text() == typed:
            self.checked = typed
            self.import_button.setEnabled(True)
        _say(self.result, self.tr("The file is correct: {rows} form(s) ready to import. "
                                  "Nothing stored yet.").format(rows=result.rows), "ok")

    def run_import(self) -> None:
        path = self._path()
        if path is None or self.busy or self.checked != self.path.text():
            return
        store = self.store

        def job() -> Any:
            from kiosk.report_import import import_file

            return import_file(store, path)

        self.checked = None
        self._run(job, self._imported)

    def _imported(self, result: Any) -> None:  # noqa: ANN401
        from kiosk.messages_import import describe_row

        self.rows.clear()
        if result.errors:        # changed between the check and the import
            for error in result.errors:
                self.rows.addItem(describe_row(error, LANG.code))
            self.rows.show()
            _say(self.result, self.tr("The file changed since the check; nothing was stored."),
                 "error")
            return
        for item in result.imported:
            self.rows.addItem(self.tr("row {row} · form {form} → {code} · due {due}").format(
                row=item.row, form=item.form, code=item.code, due=f"{item.due_date:%d/%m/%Y}"))
        self.rows.setVisible(bool(result.imported))
        text = self.tr("Imported %n paper form(s).", "", len(result.imported))
        if result.results:
            text += " " + self.tr("Tracking codes written to {path}.").format(path=result.results)
        elif result.results_error is not None:
            text += " " + describe(result.results_error, LANG.code)
        _say(self.result, text, "ok")
        self.imported.emit()

    def template(self) -> None:
        path = self._path()
        if path is None or self.busy:
            return
        target = path / TEMPLATE_NAME if path.is_dir() else path
        store = self.store

        def job() -> tuple[Path, Path]:
            from kiosk.report_template import write_template

            return write_template(store.conn(), target)

        def done(paths: tuple[Path, Path]) -> None:
            self.rows.hide()
            _say(self.result, self.tr("Template written to {sheet}, instructions to "
                                      "{guide}.").format(sheet=paths[0], guide=paths[1]), "ok")

        self._run(job, done)
