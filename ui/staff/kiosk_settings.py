"""The admin's "Kiosk" box: whether the kiosk reads each screen's title aloud (ui.guidance).
Saved off the GUI thread with an audit row; the kiosk picks it up at its next Home."""
from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from ui import guidance
from ui.i18n import LANG
from ui.staff.style import set_tone
from ui.workers import run_store_task


class KioskSettingsBox(QGroupBox):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_box")
        self.store = store
        self.spoken = QCheckBox()
        self.spoken.setObjectName("spoken_guidance")
        self.save_button = QPushButton()
        self.save_button.setObjectName("kiosk_save")
        self.save_button.setMinimumHeight(56)
        self.save_button.clicked.connect(self.save)
        self.result = QLabel()
        self.result.setObjectName("kiosk_result")
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.spoken)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        self.spoken.setChecked(guidance.enabled(store))
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Kiosk"))
        self.spoken.setText(self.tr("Read the guidance aloud on the kiosk"))
        self.spoken.setAccessibleName(self.spoken.text())
        self.save_button.setText(self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save the kiosk settings"))

    def save(self) -> None:
        on = self.spoken.isChecked()
        self.save_button.setEnabled(False)

        def work(conn: sqlite3.Connection) -> bool:
            guidance.save_enabled(conn, on)
            return on

        run_store_task(self, self.store, work, self._saved, self._failed)

    def _saved(self, on: bool) -> None:
        self.save_button.setEnabled(True)
        self.result.setText(self.tr("Saved. The kiosk reads the guidance aloud from the next "
                                    "resident on.") if on
                            else self.tr("Saved. The kiosk no longer reads the guidance aloud."))
        set_tone(self.result, "ok")

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.result.setText(describe(error, LANG.code) if isinstance(error, KioskError)
                            else self.tr("The kiosk settings could not be saved."))
        set_tone(self.result, "error")
