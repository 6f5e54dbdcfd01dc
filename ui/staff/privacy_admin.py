"""The admin's "Personal data" box (docs/privacy.md): how long residents' contact details stay
after the province has them, where the data key lives (a plain warning when it sits in a key
file beside the data, or is lost), and a resident's rights by receipt code — find (masked),
export to the data dir's exports folder, erase with a confirmation. Every action runs off the
GUI thread and is audited by kiosk/privacy.py (actor 'admin'); nothing personal is logged."""
from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSpinBox, QVBoxLayout, QWidget)

from kiosk import datakey, privacy
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from ui.i18n import LANG
from ui.staff.style import set_tone
from ui.workers import run_store_task


class PrivacyAdminBox(QGroupBox):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacy_box")
        self.store = store
        self._found: privacy.PersonalRecord | None = None
        self._erase_armed = False
        self._new_key_armed = False

        self.retention_label = QLabel()
        self.retention_label.setWordWrap(True)   # one long sentence: unwrapped it widened the tab
        self.retention = QSpinBox()
        self.retention.setObjectName("privacy_retention")
        self.retention.setRange(0, privacy.MAX_RETENTION_DAYS)
        self.retention.setMinimumHeight(48)
        self.retention_save = self._button("privacy_retention_save", self.save_retention)
        self.key_status = QLabel()
        self.key_status.setObjectName("privacy_key_status")
        self.key_status.setWordWrap(True)
        self.move_key = self._button("privacy_move_key", self.move_key_to_keyring)
        self.new_key = self._button("privacy_new_key", self.make_new_key)
        self.new_key.setProperty("danger", True)
        self.code_label = QLabel()
        self.code = QLineEdit()
        self.code.setObjectName("privacy_code")
        self.code.setMinimumHeight(48)
        self.code.returnPressed.connect(self.find)
        self.find_button = self._button("privacy_find", self.find)
        self.export_button = self._button("privacy_export", self.export)
        self.erase_button = self._button("privacy_erase", self.erase)
        self.erase_button.setProperty("danger", True)
        self.details = QLabel()
        self.details.setObjectName("privacy_details")
        self.details.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("privacy_result")
        self.result.setWordWrap(True)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.retention_label, 1)
        row.addWidget(self.retention)
        row.addWidget(self.retention_save)
        layout.addLayout(row)
        layout.addWidget(self.key_status)
        keys = QHBoxLayout()
        keys.addWidget(self.move_key)
        keys.addWidget(self.new_key)
        keys.addStretch(1)
        layout.addLayout(keys)
        find = QHBoxLayout()
        find.addWidget(self.code_label)
        find.addWidget(self.code, 1)
        find.addWidget(self.find_button)
        layout.addLayout(find)
        layout.addWidget(self.details)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.erase_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.refresh()

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.setMinimumHeight(48)
        button.clicked.connect(slot)
        return button

    # --- words ----------------------------------------------------------------------------------
    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Personal data"))
        self.retention_label.setText(self.tr(
            "Days residents' contact details stay on this device after the province has the "
            "report (0 = at the next purge; at most 30, as the consent text promises)"))
        self.retention.setAccessibleName(self.tr("Days to keep contact details"))
        self.retention_save.setText(self.tr("Save"))
        self.move_key.setText(self.tr("Move the key into the keyring"))
        self.code_label.setText(self.tr("Receipt code"))
        self.code.setAccessibleName(self.tr("Receipt code"))
        self.code.setPlaceholderText("K7QM-2XPD-9RW")
        self.find_button.setText(self.tr("Find"))
        self.export_button.setText(self.tr("Export for the resident"))
        self._set_erase_text()
        self._set_new_key_text()
        self._show_status()
        self._show_found()

    def _set_erase_text(self) -> None:
        self.erase_button.setText(self.tr("Press again to erase for good") if self._erase_armed
                                  else self.tr("Erase the personal data"))

    def _set_new_key_text(self) -> None:
        self.new_key.setText(self.tr("Press again: older details stay unreadable")
                             if self._new_key_armed else self.tr("Make a new key"))

    # --- status ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.retention.setValue(privacy.retention_days(self.store.conn()))
        self._status: datakey.KeyStatus | None = None
        run_store_task(self, self.store, lambda conn: datakey.status(conn), self._got_status,
                       self._failed)

    def _got_status(self, status: datakey.KeyStatus) -> None:
        self._status = status
        self._show_status()

    def _show_status(self) -> None:
        status = getattr(self, "_status", None)
        self.move_key.setVisible(bool(status and status.storage == "file"))
        self.new_key.setVisible(bool(status and status.problem in ("data_key_missing",
                                                                  "data_key_wrong")))
        if status is None:
            self.key_status.setText("")
            return
        if status.problem:
            text = describe(KioskError(status.problem, detail=status.problem), LANG.code)
            tone = "error"
        elif status.storage == "file":
            text = self.tr(
                "Warning: no keyring works on this PC ({reason}), so the key protecting "
                "residents' personal data is kept in the file keys/data.key beside the data, "
                "readable only by the app's user. Anyone who copies the whole data folder gets "
                "both. Set up the session keyring, then press “Move the key into the keyring”."
            ).replace("{reason}", status.keyring_problem or "?")
            tone = "error"
        elif status.storage == "keyring":
            text = self.tr("Personal data is encrypted; its key is in the system keyring.")
            tone = "ok"
        else:
            text = self.tr("No personal data stored yet; the key is made with the first "
                           "contact details.")
            tone = "muted"
        self.key_status.setText(text)
        set_tone(self.key_status, tone)

    # --- actions --------------------------------------------------------------------------------
    def save_retention(self) -> None:
        days = self.retention.value()

        def work(conn: sqlite3.Connection) -> int:
            privacy.set_retention_days(conn, days)
            return days

        run_store_task(self, self.store, work, lambda _d: self._ok(self.tr("Saved.")),
                       self._failed)

    def move_key_to_keyring(self) -> None:
        run_store_task(self, self.store, self._move, lambda _r: self._key_done(), self._failed)

    @staticmethod
    def _move(conn: sqlite3.Connection) -> None:
        from kiosk import audit

        datakey.move_to_keyring(conn)
        audit.record(conn, "admin", "privacy_key_moved")

    def make_new_key(self) -> None:
        if not self._new_key_armed:
            self._new_key_armed = True
            self._set_new_key_text()
            return
        self._new_key_armed = False
        self._set_new_key_text()
        run_store_task(self, self.store, self._replace, lambda _r: self._key_done(),
                       self._failed)

    @staticmethod
    def _replace(conn: sqlite3.Connection) -> None:
        from kiosk import audit

        datakey.replace_lost_key(conn)
        audit.record(conn, "admin", "privacy_key_replaced")

    def _key_done(self) -> None:
        self._ok(self.tr("Done."))
        self.refresh()

    def find(self) -> None:
        typed = self.code.text()
        self._disarm()
        run_store_task(self, self.store, lambda conn: privacy.find(conn, typed),
                       self._got_record, self._failed)

    def _got_record(self, record: privacy.PersonalRecord) -> None:
        self._found = record
        self.result.clear()
        self._show_found()

    def _show_found(self) -> None:
        record = self._found
        self.export_button.setEnabled(record is not None)
        self.erase_button.setEnabled(record is not None)
        if record is None:
            self.details.setText("")
            return
        lines = []
        if record.anonymous:
            lines.append(self.tr("Anonymous report: no contact details were given."))
        if record.name_masked:
            lines.append(self.tr("Name: {name}").replace("{name}", record.name_masked))
        if record.phone_masked:
            lines.append(self.tr("Phone: {phone}").replace("{phone}", record.phone_masked))
        if record.private_address:
            lines.append(self.tr("Private address: kept encrypted"))
        if record.unreadable:
            lines.append(describe(KioskError(record.unreadable, detail=""), LANG.code))
        if record.erased_utc:
            lines.append(self.tr("Personal data erased ({why}).").replace(
                "{why}", self.tr("on request") if record.erased_why == "request"
                else self.tr("retention period over")))
        elif record.erase_due_utc:
            lines.append(self.tr("Erased automatically after {when} (UTC).").replace(
                "{when}", record.erase_due_utc[:16].replace("T", " ")))
        elif not record.anonymous:
            lines.append(self.tr("Not yet at the province: kept until then."))
        self.details.setText("\n".join(lines))

    def export(self) -> None:
        if self._found is None:
            return
        code = self._found.code
        self._disarm()
        run_store_task(self, self.store, lambda conn: privacy.export(conn, code)[0],
                       lambda path: self._ok(self.tr("Saved for the resident in {path}. It is "
                                                     "removed from this device after a day.")
                                             .replace("{path}", str(path))), self._failed)

    def erase(self) -> None:
        if self._found is None:
            return
        if not self._erase_armed:
            self._erase_armed = True
            self._set_erase_text()
            self.result.setText(self.tr("This cannot be undone. Press again to erase the name, "
                                        "phone and private address of this report."))
            set_tone(self.result, "error")
            return
        code = self._found.code
        self._disarm()
        run_store_task(self, self.store, lambda conn: (privacy.erase(conn, code),
                                                       privacy.find(conn, code)),
                       self._erased, self._failed)

    def _erased(self, answer: tuple[privacy.Erased, privacy.PersonalRecord]) -> None:
        erased, record = answer
        self._found = record
        self._show_found()
        text = self.tr("Erased.") if erased.erased else self.tr("Nothing was left to erase.")
        if erased.province_has_copy:
            text += " " + self.tr("The province already has the report: ask it to erase its "
                                  "copy too.")
        self._ok(text)

    def _disarm(self) -> None:
        self._erase_armed = False
        self._new_key_armed = False
        self._set_erase_text()
        self._set_new_key_text()

    def _ok(self, text: str) -> None:
        self.result.setText(text)
        set_tone(self.result, "ok")

    def _failed(self, error: BaseException) -> None:
        self.result.setText(describe(error, LANG.code) if isinstance(error, KioskError)
                            else self.tr("That did not work. The details were written to the "
                                         "log."))
        set_tone(self.result, "error")
