"""The admin's "Backup and restore" box: the same as `main.py backup PATH` / `restore PATH`.

Paths are typed (no file dialog anywhere: the kiosk role forbids them); the backup path starts
as a USB stick when one is mounted, else the data folder's backups/. The passphrase is asked
twice for a backup and is never kept: the fields are emptied after each try. Results are said in
words, and a restore ends with what to do next: enrol this device again, then restart.
"""
from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from ui.i18n import LANG
from ui.staff.style import set_tone
from ui.widgets import WrapCheckBox
from ui.workers import run_store_task

MEDIA_ROOTS = ("/media/{user}", "/run/media/{user}", "/media")


def usb_folders() -> list[Path]:
    """Mounted removable media a Linux desktop shows (udisks mounts under /media/<user>)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    found: list[Path] = []
    for pattern in MEDIA_ROOTS:
        root = Path(pattern.format(user=user))
        try:
            children = sorted(p for p in root.iterdir() if p.is_dir() and p.name != user)
        except OSError:
            continue
        found.extend(p for p in children if os.access(p, os.W_OK) and p not in found)
    return found


def default_backup_folder(store: Store) -> Path:
    usb = usb_folders()
    return usb[0] if usb else store.data_dir / "backups"


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class BackupBox(QGroupBox):
    restored = Signal(object)   # kiosk.backup.RestoreResult

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backup_box")
        self.store = store
        self.busy = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        self.backup_path = QLineEdit(str(default_backup_folder(store)))
        self.backup_path.setObjectName("backup_path")
        self.backup_pass = _password_field("backup_pass")
        self.backup_confirm = _password_field("backup_confirm")
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backup_button")
        self.backup_button.setProperty("primary", True)
        self.backup_button.clicked.connect(self.make_backup)

        self.restore_path = QLineEdit()
        self.restore_path.setObjectName("restore_path")
        self.restore_pass = _password_field("restore_pass")
        self.replace_box = WrapCheckBox("")   # a long sentence: wrapped, not wider than the tab
        self.replace_box.setObjectName("restore_replace")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setProperty("danger", True)
        self.restore_button.clicked.connect(self.restore)

        self.result = QLabel()
        self.result.setObjectName("backup_result")
        self.result.setWordWrap(True)

        form = QFormLayout()
        form.setVerticalSpacing(8)
        self.names = {key: QLabel() for key in ("backup_path", "backup_pass", "backup_confirm",
                                                 "restore_path", "restore_pass")}
        form.addRow(self.names["backup_path"], self.backup_path)
        form.addRow(self.names["backup_pass"], self.backup_pass)
        form.addRow(self.names["backup_confirm"], self.backup_confirm)
        form.addRow("", self.backup_button)
        form.addRow(self.names["restore_path"], self.restore_path)
        form.addRow(self.names["restore_pass"], self.restore_pass)
        form.addRow("", self.replace_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.result)
        self._said = lambda: ""
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Backup and restore"))
        self.intro.setText(self.tr(
            "A backup holds every report, photo and queue record of this device and the key "
            "for residents' contact details, encrypted with a passphrase you choose. Keep the "
            "passphrase apart from the USB stick: without it the backup cannot be opened."))
        names = {"backup_path": self.tr("Save the backup in"),
                 "backup_pass": self.tr("Backup passphrase"),
                 "backup_confirm": self.tr("Passphrase again"),
                 "restore_path": self.tr("Backup file to restore"),
                 "restore_pass": self.tr("Its passphrase")}
        for key, label in self.names.items():
            label.setText(names[key])
        self.backup_path.setAccessibleName(names["backup_path"])
        self.backup_pass.setAccessibleName(names["backup_pass"])
        self.backup_confirm.setAccessibleName(names["backup_confirm"])
        self.restore_path.setAccessibleName(names["restore_path"])
        self.restore_pass.setAccessibleName(names["restore_pass"])
        self.restore_path.setPlaceholderText(self.tr("for example /media/usb/caunoi-….caunoi-backup"))
        self.backup_button.setText(self.tr("Make a backup"))
        self.restore_button.setText(self.tr("Restore this backup"))
        self.replace_box.setText(self.tr(
            "Replace the data already on this device (it is backed up first, with the same "
            "passphrase)"))
        self.result.setText(self._said())

    def _say(self, message, tone: str = "normal") -> None:  # noqa: ANN001 - a callable
        self._said = message
        set_tone(self.result, tone)
        self.result.setText(message())

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.backup_button, self.restore_button):
            widget.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, KioskError):
            self._say(lambda: describe(error, LANG.code), "error")
        else:
            self._say(lambda: self.tr("The operation failed unexpectedly; the details were "
                                      "written to the log."), "error")

    # --- backup ------------------------------------------------------------------------------
    def make_backup(self) -> None:
        if self.busy:
            return
        passphrase, again = self.backup_pass.text(), self.backup_confirm.text()
        self.backup_pass.clear()
        self.backup_confirm.clear()
        from kiosk import backup

        try:
            if passphrase != again:
                raise KioskError("backup_passphrase_mismatch")
            backup.check_passphrase(passphrase)
        except KioskError as error:
            # bound now: `error` is unbound when the except block ends; the lambda runs later
            self._say(lambda err=error: describe(err, LANG.code), "error")
            return
        target = Path(self.backup_path.text().strip() or default_backup_folder(self.store))
        store = self.store
        self._set_busy(True)
        self._say(lambda: self.tr("Making the backup…"))
        run_store_task(self, store, lambda _conn: backup.make_backup(store, target, passphrase),
                       self._made, self._failed)

    def _made(self, made) -> None:  # noqa: ANN001 - kiosk.backup.BackupResult
        self._set_busy(False)
        counts = made.manifest.counts
        path = str(made.path)
        self._say(lambda: self.tr(
            "Backup saved: {path}. Reports in it: {reports}; photos: {photos}.").format(
            path=path, reports=counts.get("reports", 0), photos=counts.get("media", 0)), "ok")

    # --- restore -----------------------------------------------------------------------------
    def restore(self) -> None:
        if self.busy:
            return
        passphrase = self.restore_pass.text()
        self.restore_pass.clear()
        source = Path(self.restore_path.text().strip())
        if not self.restore_path.text().strip():
            self._say(lambda: self.tr("Type the path of the backup file first."), "error")
            return
        from kiosk import backup
        from sync.enrol import forget_enrolment

        store, replace = self.store, self.replace_box.isChecked()
        self._set_busy(True)
        self._say(lambda: self.tr("Restoring…"))
        run_store_task(
            self, store,
            lambda _conn: backup.restore_backup(
                source, passphrase, store, replace=replace,
                prepare=lambda conn, manifest: forget_enrolment(conn, manifest.device_id)),
            self._restored, self._failed)

    def _restored(self, done) -> None:  # noqa: ANN001 - kiosk.backup.RestoreResult
        self._set_busy(False)
        self.replace_box.setChecked(False)
        reports = done.counts.get("reports", 0)
        pending = done.outbox.get("pending", 0)
        self._say(lambda: self.tr(
            "Restored. Reports: {reports}; still to be sent: {pending}. This device must now be "
            "enrolled again (Sync tab, a new code from the province); then restart the "
            "application.").format(reports=reports, pending=pending), "ok")
        self.restored.emit(done)
