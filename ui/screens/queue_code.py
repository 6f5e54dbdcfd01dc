"""A number booked online: the resident types (or scans) the booking code and gets a ticket
for the booked service, called first within its slot."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ui.screens.base import Host, Screen
from ui.screens.code_keys import CodeKeys
from ui.screens.queue_take import take_number
from ui.widgets import button, label

MAX_CODE = 24
# Spaces and lower case are forgiven as the core forgives them; anything else is not a code.
_NOT_CODE = re.compile(r"[^A-Z0-9-]")


def clean_code(text: str) -> str:
    return _NOT_CODE.sub("", text.upper())[:MAX_CODE]


class QueueCodeScreen(Screen):
    name = "queue_code"
    scrolls = False   # the key pad fits 1280×800; a scroll bar would steal its last column

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        question = self.tr("Type the booking code you received")
        self.add_question(question)
        self.layout_.addWidget(label(self.tr(
            "It is in your booking message. You can also scan its QR code."), "hint"))
        self.field = QLineEdit(self.state.queue.booking_code)
        self.field.setObjectName("bookingCode")
        self.field.setAccessibleName(question)
        self.field.setMaxLength(MAX_CODE)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setClearButtonEnabled(False)
        self.field.textEdited.connect(self._edited)
        self.field.returnPressed.connect(self.submit)
        self.layout_.addWidget(self.field)
        self.keys = CodeKeys()
        self.keys.typed.connect(self._type)
        self.keys.erased.connect(self._erase)
        self.layout_.addWidget(self.keys)
        self.layout_.addStretch(1)
        self.submit_button = button(self.tr("Take a number"), "primary")
        self.submit_button.clicked.connect(self.submit)
        self.add_footer(self.submit_button)
        self.taking_ended()

    def focus_first(self) -> None:
        self.field.setFocus()   # a scanner types as a keyboard does

    def _set(self, text: str) -> None:
        code = clean_code(text)
        self.state.queue.booking_code = code
        if self.field.text() != code:
            self.field.setText(code)
        self.submit_button.setEnabled(len(code) >= 4 and not self.state.queue.taking)

    def _edited(self, text: str) -> None:
        self._set(text)

    def _type(self, char: str) -> None:
        self._set(self.state.queue.booking_code + char)

    def _erase(self) -> None:
        self._set(self.state.queue.booking_code[:-1])

    def submit(self) -> None:
        code = self.state.queue.booking_code
        if len(code) >= 4 and take_number(self.host, None, booking_code=code):
            self.submit_button.setEnabled(False)
            self.keys.setEnabled(False)

    def taking_ended(self) -> None:
        self.keys.setEnabled(not self.state.queue.taking)
        self._set(self.state.queue.booking_code)
