"""Admin window: import a volunteer's USB hand-over (sync/transfer.py, docs/transfer.md).
Paths are typed, never chosen in a dialog: the admin window may run on the locked-down kiosk PC."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from ui.i18n import LANG
from ui.removable_drives import first_drive
from ui.staff.handover import PathRow, in_worker, say, transfer_sets, words
from ui.workers import run_task


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
        self.path = PathRow("usb_import_path", browse=False)
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
            say(self.result, self.tr("Please type the USB folder or the transfer file."),
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
        say(self.result, self.tr("Checking and importing… please do not unplug the USB "
                                  "stick."), "muted")
        run_task(in_worker(store, job), self._done, self._failed, owner=self)

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
        say(self.result, "\n".join(lines), tone)
        self.imported.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.import_button.setEnabled(True)
        say(self.result, words(error, self.tr("The import failed; nothing was imported.")),
             "error")
