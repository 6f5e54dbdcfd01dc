"""The print state under a receipt or ticket: "Printing…", "Printed", or the printer's problem
in words with a "Reprint" button. Hidden for pdf: (nothing is printed)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kiosk.errors import KioskError
from kiosk.messages import describe
from ui.i18n import LANG
from ui.widgets import button

PrintState = str   # "printing", "printed", "failed"; "" and "saved" (pdf:) are not shown
VISIBLE = ("printing", "printed", "failed")


class PrintStatus(QWidget):
    def __init__(self, reprint: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: PrintState = ""
        self.error: KioskError | None = None
        self.text = QLabel()
        self.text.setObjectName("printStatus")
        self.text.setWordWrap(True)
        self.reprint_button = button("", "secondary")
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.clicked.connect(reprint)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(self.text, 1)
        row.addWidget(self.reprint_button)
        LANG.changed.connect(self.retranslate)
        self.show_state("")

    def show_state(self, state: PrintState, error: KioskError | None = None) -> None:
        self.state, self.error = state, error
        self.setVisible(state in VISIBLE)
        self.reprint_button.setVisible(state == "failed")
        self.text.setProperty("tone", {"printed": "ok", "failed": "error"}.get(state, ""))
        self.text.style().unpolish(self.text)
        self.text.style().polish(self.text)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.reprint_button.setText(self.tr("Reprint"))
        if self.state == "printing":
            self.text.setText(self.tr("Printing…"))
        elif self.state == "printed":
            self.text.setText(self.tr("Printed"))
        elif self.state == "failed":
            self.text.setText(describe(self.error, LANG.code) if self.error
                              else self.tr("Printing failed."))
        else:
            self.text.setText("")
