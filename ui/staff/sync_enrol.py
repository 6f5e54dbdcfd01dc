"""The admin's "Provincial server" box: enrol this device, where its secrets live, the CA bundle.

Mirrors `sync enrol` and `sync settings` (cli/sync_cmd.py): the server's address and the one-time
code from the province, "Enrol device" (sync.enrol.enrol off the GUI thread), then the result or
the error's sentence (insecure http to another PC, a used code, no keyring...). Enrolling again
is allowed (same device id; a lost answer does not burn the code).

The secrets (token, device key) go to the OS keyring. Keeping them in a file in the data folder
is only on the admin's explicit choice, confirmed after a warning that it is safe only on an
encrypted disk; the warning stays visible while the file is used. No file dialogs anywhere:
the CA bundle is a path typed in a field."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from kiosk import catalog
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.messages import describe
from sync import enrol as enrolment
from sync.engine import CA_BUNDLE_KEY, sync_status
from sync.errors import SyncError
from sync.secrets import SecretStore, chosen_backend, keyring_works
from ui.i18n import LANG
from ui.staff.style import set_tone
from ui.workers import run_store_task

ENROL_QSS = """
QLabel#secrets_warning { background: #fff8e1; border: 2px solid #e0a800; border-radius: 8px;
    padding: 8px 12px; }
QFrame#secrets_confirm { border: 2px solid #b00020; border-radius: 10px; }
QRadioButton { spacing: 12px; min-height: 40px; }
QRadioButton::indicator { width: 28px; height: 28px; }
"""


class SyncEnrolBox(QGroupBox):
    enrolled = Signal(object)       # sync.enrol.Enrolment

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_enrol")
        self.store = store
        self.busy = False
        self.keyring_problem = False   # set with the keyring line under the choice

        self.state = QLabel()
        self.state.setObjectName("enrol_state")
        self.state.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setObjectName("enrol_server")
        self.code = QLineEdit()
        self.code.setObjectName("enrol_code")
        self.enrol_button = QPushButton()
        self.enrol_button.setObjectName("enrol_button")
        self.enrol_button.setProperty("primary", True)
        self.enrol_button.clicked.connect(self.enrol)
        self.result = QLabel()
        self.result.setObjectName("enrol_result")
        self.result.setWordWrap(True)

        self.secrets_label = QLabel()
        self.keyring_choice = QRadioButton()
        self.keyring_choice.setObjectName("secrets_keyring")
        self.file_choice = QRadioButton()
        self.file_choice.setObjectName("secrets_file")
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.keyring_choice)
        self.choices.addButton(self.file_choice)
        self.keyring_state = QLabel()
        self.keyring_state.setObjectName("keyring_state")
        self.keyring_state.setWordWrap(True)
        self.secrets_warning = QLabel()
        self.secrets_warning.setObjectName("secrets_warning")
        self.secrets_warning.setWordWrap(True)
        self.confirm = QFrame()
        self.confirm.setObjectName("secrets_confirm")
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("secrets_file_confirm")
        self.confirm_button.setProperty("danger", True)
        self.confirm_button.clicked.connect(lambda: self.set_secrets_store("file"))
        self.confirm_cancel = QPushButton()
        self.confirm_cancel.setObjectName("secrets_file_cancel")
        self.confirm_cancel.clicked.connect(self._show_secrets)
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.addWidget(self.confirm_text)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.confirm_cancel)
        confirm_row.addStretch(1)
        confirm_layout.addLayout(confirm_row)
        self.keyring_choice.clicked.connect(self._keyring_clicked)
        self.file_choice.clicked.connect(self._file_clicked)

        self.ca_bundle = QLineEdit()
        self.ca_bundle.setObjectName("ca_bundle")
        self.ca_save = QPushButton()
        self.ca_save.setObjectName("ca_save")
        self.ca_save.clicked.connect(self.save_ca_bundle)
        self.settings_result = QLabel()
        self.settings_result.setObjectName("settings_result")
        self.settings_result.setWordWrap(True)

        self.form = QFormLayout(self)
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(18)
        self.server_label, self.code_label, self.ca_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.state)
        self.form.addRow(self.server_label, self.server)
        self.form.addRow(self.code_label, self.code)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_button)
        enrol_row.addStretch(1)
        self.form.addRow(enrol_row)
        self.form.addRow(self.result)
        self.section = QLabel()
        self.section.setObjectName("section")
        self.form.addRow(self.section)
        choices = QVBoxLayout()
        choices.addWidget(self.keyring_choice)
        choices.addWidget(self.file_choice)
        self.form.addRow(self.secrets_label, choices)
        # Its own full-width row: wrapped inside the choices' column, QFormLayout drew the long
        # "no keyring" sentence over the choice above it.
        self.form.addRow(self.keyring_state)
        self.form.addRow(self.secrets_warning)
        self.form.addRow(self.confirm)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.ca_save)
        self.form.addRow(self.ca_label, ca_row)
        self.form.addRow(self.settings_result)
        self.setStyleSheet(ENROL_QSS)
        self.ca_bundle.setText(str(catalog.get_setting(store.conn(), CA_BUNDLE_KEY) or ""))
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    # --- words and state -----------------------------------------------------------------------
    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Provincial server: enrolment"))
        self.server_label.setText(self.tr("Server address"))
        self.server.setPlaceholderText(self.tr("e.g. https://caunoi.example.gov.vn"))
        self.code_label.setText(self.tr("Enrolment code"))
        self.code.setPlaceholderText(self.tr("the one-time code from the province"))
        self.section.setText(self.tr("Where the device's access token is kept"))
        self.secrets_label.setText(self.tr("Kept in"))
        self.keyring_choice.setText(self.tr("The operating system's keyring (recommended)"))
        self.file_choice.setText(self.tr("A file in the data folder"))
        self.secrets_warning.setText(self.tr(
            "Warning: the access token is kept in a file in the data folder. This is only safe "
            "when this PC's disk is encrypted (BitLocker, LUKS…)."))
        self.confirm_text.setText(self.tr(
            "Keep the access token in a file in the data folder? Anyone who can read this PC's "
            "disk can then use it to send data as this device. Only choose this if the disk is "
            "encrypted and no keyring can be set up."))
        self.confirm_button.setText(self.tr("I understand, use a file"))
        self.confirm_cancel.setText(self.tr("Cancel"))
        self.ca_label.setText(self.tr("CA certificate file"))
        self.ca_bundle.setPlaceholderText(self.tr("empty: the system's certificates"))
        self.ca_save.setText(self.tr("Save"))
        self.show_state()

    def show_state(self) -> None:
        status = sync_status(self.store.conn())
        if status["enrolled"]:
            self.state.setText(self.tr(
                "This device is enrolled with {server} for commune {commune}. Device id: "
                "{device}. Enrolling again with a new code is allowed.").format(
                server=status["server_url"], commune=status["commune"],
                device=status["device_id"]))
            set_tone(self.state, "ok")
            self.enrol_button.setText(self.tr("Enrol again"))
            if not self.server.text():
                self.server.setText(str(status["server_url"]))
        else:
            self.state.setText(self.tr("This device is not enrolled with the provincial server "
                                       "yet: nothing is sent to the province."))
            set_tone(self.state, "error")
            self.enrol_button.setText(self.tr("Enrol device"))
        for widget in (self.server, self.code, self.enrol_button):
            widget.setEnabled(not self.busy)
        self._show_secrets()

    def _show_secrets(self) -> None:
        backend = chosen_backend(self.store.conn())
        self.keyring_choice.setChecked(backend == "keyring")
        self.file_choice.setChecked(backend == "file")
        self.secrets_warning.setVisible(backend == "file")
        self.confirm.hide()
        problem = keyring_works()
        self.keyring_problem = problem is not None
        if problem is None:
            self.keyring_state.setText(self.tr("The keyring works on this PC."))
            set_tone(self.keyring_state, "ok")
        else:
            self.keyring_state.setText(describe(SyncError("secrets_unavailable", detail=problem),
                                                LANG.code))
            set_tone(self.keyring_state, "error")

    def _say(self, label: QLabel, text: str, tone: str) -> None:
        label.setText(text)
        set_tone(label, tone)

    # --- enrol -------------------------------------------------------------------------------
    def enrol(self) -> None:
        if self.busy:
            return
        url, code = self.server.text().strip(), self.code.text().strip()
        if not url or not code:
            self._say(self.result, self.tr("Type the server's address and the enrolment code."),
                      "error")
            return
        self.busy = True
        self.show_state()
        self._say(self.result, self.tr("Enrolling…"), "muted")
        data_dir = self.store.data_dir

        def work(conn: sqlite3.Connection) -> enrolment.Enrolment:
            ca = catalog.get_setting(conn, CA_BUNDLE_KEY)
            return enrolment.enrol(conn, url, code, SecretStore.for_store(conn, data_dir),
                                   ca_bundle=str(ca) if ca else None)

        run_store_task(self, self.store, work, self._enrolled, self._failed)

    def _enrolled(self, done: enrolment.Enrolment) -> None:
        self.busy = False
        self.code.clear()
        self.show_state()
        self._say(self.result, self.tr("Enrolled with {server} for commune {commune}.").format(
            server=done.server_url, commune=done.commune), "ok")
        from ui.sync_runner import shared_runner

        runner = shared_runner(self.store)
        if not runner.active:
            runner.start()     # enrolled now: the automatic sync may begin
        self.enrolled.emit(done)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.show_state()
        text = describe(error, LANG.code) if isinstance(error, KioskError) else self.tr(
            "Enrolment failed unexpectedly ({error}). The details are in the log.").format(
            error=type(error).__name__)
        if isinstance(error, KioskError) and error.code == "secrets_unavailable" \
                and self.keyring_problem:
            # The keyring's sentence is already shown in full (wrapped) under the choice below:
            # point to it rather than say it twice.
            text = self.tr("Not enrolled: this PC cannot keep the device's secrets yet. See "
                           "“{section}” below.").format(section=self.section.text())
        self._say(self.result, text, "error")

    # --- secrets store -------------------------------------------------------------------------
    def _file_clicked(self) -> None:
        if chosen_backend(self.store.conn()) == "file":
            return
        self.keyring_choice.setChecked(True)     # not until confirmed
        self.confirm.show()

    def _keyring_clicked(self) -> None:
        self.confirm.hide()
        if chosen_backend(self.store.conn()) != "keyring":
            self.set_secrets_store("keyring")

    def set_secrets_store(self, backend: str) -> None:
        """Switch where the secrets live, carrying an enrolment over (as `sync settings`); off
        the GUI thread, because a keyring call may wait up to its timeout."""
        self.confirm.hide()
        for widget in (self.keyring_choice, self.file_choice):
            widget.setEnabled(False)

        def work(_conn: sqlite3.Connection) -> str:
            from cli.sync_cmd import _move_secrets
            from sync.secrets import BACKEND_KEY

            _move_secrets(self.store, backend, BACKEND_KEY)
            return backend

        run_store_task(self, self.store, work, self._secrets_moved, self._secrets_failed)

    def _secrets_moved(self, backend: str) -> None:
        self._say(self.settings_result,
                  self.tr("Saved: the access token is now kept in a file in the data folder.")
                  if backend == "file" else
                  self.tr("Saved: the access token is now kept in the keyring."), "ok")
        self._secrets_done()

    def _secrets_failed(self, error: BaseException) -> None:
        self._say(self.settings_result, describe(error, LANG.code) if isinstance(
            error, KioskError) else type(error).__name__, "error")
        self._secrets_done()

    def _secrets_done(self) -> None:
        for widget in (self.keyring_choice, self.file_choice):
            widget.setEnabled(True)
        self._show_secrets()

    # --- CA bundle -------------------------------------------------------------------------------
    def save_ca_bundle(self) -> None:
        path = self.ca_bundle.text().strip()
        if path and not Path(path).is_file():
            self._say(self.settings_result,
                      self.tr("There is no certificate file “{path}”.").format(path=path), "error")
            return
        conn = self.store.conn()
        with transaction(conn):
            if path:
                catalog.set_setting(conn, CA_BUNDLE_KEY, str(Path(path).resolve()))
            else:
                conn.execute("DELETE FROM settings WHERE key = ?", (CA_BUNDLE_KEY,))
        self.ca_bundle.setText(str(Path(path).resolve()) if path else "")
        self._say(self.settings_result,
                  self.tr("Saved: the certificate file {path} is used.").format(
                      path=self.ca_bundle.text()) if path else
                  self.tr("Saved: the system's certificates are used."), "ok")
