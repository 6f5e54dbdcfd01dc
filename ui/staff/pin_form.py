"""Admin's form to set or change a staff PIN: pick the role, the new PIN twice, errors in words.

Roles are big exclusive buttons rather than a drop-down: the admin may be at the touch kiosk.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QGroupBox, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.pins import MAX_LEN, MIN_LEN, check_pin_strength, has_pin, set_pin
from ui.i18n import LANG
from ui.staff.roles import PIN_ROLES, role_name
from ui.staff.style import set_tone
from ui.workers import run_store_task


class PinForm(QGroupBox):
    saved = Signal(str)   # the role whose PIN was just set

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.role = PIN_ROLES[0]
        self._message: Callable[[], str] = lambda: ""
        column = QVBoxLayout(self)
        column.setSpacing(6)

        self.role_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(self)
        for role in PIN_ROLES:
            button = QPushButton()
            button.setObjectName("roleButton")
            button.setCheckable(True)
            button.setChecked(role == self.role)
            button.clicked.connect(lambda _=False, r=role: self._choose(r))
            group.addButton(button)
            column.addWidget(button)
            self.role_buttons[role] = button
        self.status = QLabel()
        self.status.setObjectName("pin_status")
        self.status.setWordWrap(True)   # unwrapped, the admin's first tab got wider than 1280
        column.addWidget(self.status)

        self.new_label, self.again_label = QLabel(), QLabel()
        self.new_pin = self._pin_field("pin_new")
        self.again = self._pin_field("pin_again")
        self.again.returnPressed.connect(self.save)
        for widget in (self.new_label, self.new_pin, self.again_label, self.again):
            column.addWidget(widget)
        self.save_button = QPushButton()
        self.save_button.setObjectName("pin_save")
        self.save_button.setProperty("primary", True)
        self.save_button.setMinimumHeight(64)
        self.save_button.clicked.connect(self.save)
        column.addSpacing(6)
        column.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setObjectName("pin_form_message")
        self.message.setWordWrap(True)
        column.addWidget(self.message)
        column.addStretch(1)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def _pin_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMaxLength(MAX_LEN)
        field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), field))
        return field

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Staff PINs"))
        for role, button in self.role_buttons.items():
            button.setText(role_name(role))
        self.new_label.setText(self.tr("New PIN ({min} to {max} digits)").format(
            min=MIN_LEN, max=MAX_LEN))
        self.again_label.setText(self.tr("New PIN again"))
        self.save_button.setText(self.tr("Save PIN"))
        self._show_status()
        self.message.setText(self._message())

    def _choose(self, role: str) -> None:
        self.role = role
        for each, button in self.role_buttons.items():
            button.setChecked(each == role)
        self.new_pin.clear()
        self.again.clear()
        self._say(lambda: "", "normal")
        self._show_status()

    def _show_status(self) -> None:
        if has_pin(self.store.conn(), self.role):
            self.status.setText(self.tr("This role has a PIN; saving replaces it."))
            set_tone(self.status, "ok")
        else:
            self.status.setText(self.tr("No PIN yet: nobody can open this role."))
            set_tone(self.status, "error")

    def _say(self, message: Callable[[], str], tone: str) -> None:
        self._message = message
        set_tone(self.message, tone)
        self.message.setText(message())

    def save(self) -> None:
        role, pin, again = self.role, self.new_pin.text(), self.again.text()
        try:
            check_pin_strength(pin)
        except KioskError as error:
            # bind now: `error` is unbound when the except block ends; the lambda runs later
            self._say(lambda err=error: describe(err, LANG.code), "error")
            return
        if pin != again:
            self.again.clear()
            self._say(lambda: self.tr("The two PINs are not the same. Type the new PIN again."),
                      "error")
            return
        self.new_pin.clear()
        self.again.clear()
        self.save_button.setEnabled(False)
        self._say(lambda: self.tr("Saving the PIN…"), "normal")
        run_store_task(self, self.store, lambda conn: set_pin(conn, role, pin),
                       lambda _none: self._saved(role), self._failed)

    def _saved(self, role: str) -> None:
        self.save_button.setEnabled(True)
        self._show_status()
        self._say(lambda: self.tr("The PIN for “{role}” has been saved.").format(
            role=role_name(role)), "ok")
        self.saved.emit(role)

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, KioskError):
            self._say(lambda: describe(error, LANG.code), "error")
        else:
            self._say(lambda: self.tr("The PIN could not be saved. Please try again."), "error")
