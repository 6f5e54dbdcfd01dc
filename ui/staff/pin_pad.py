"""The touch PIN pad in front of staff screens.

States: verify (the role has a PIN), create (admin's first run: enter twice, strength checked;
there is no default PIN), no-PIN (clerk/volunteer: an administrator must set one first), locked
(pad disabled until the persisted lockout ends), busy (scrypt runs on a pool thread).
The digits live only in `_digits`; they are never shown, logged or put in a QLineEdit
(no clipboard, no undo history, no input-method buffer).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from kiosk.catalog import office_zone
from kiosk.pins import locked_until
from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.pins import MAX_LEN, MIN_LEN, PinCheck, check_pin_strength, has_pin, set_pin, verify_pin
from ui.i18n import LANG
from ui.staff.header import StaffHeader
from ui.staff.roles import role_name, screen_title
from ui.staff.style import set_tone, style_screen
from ui.workers import run_store_task

LOCK_SLACK_MS = 250   # re-check just after the lock ends, not a hair before it


class PinPad(QWidget):
    unlocked = Signal()

    def __init__(self, role: str, store: Store, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self.store = store
        self._clock = clock
        self._digits = ""
        self._first: str | None = None      # create flow: the first entry, awaiting its twin
        self.mode = "verify"                 # verify | create | confirm | no_pin | locked | busy
        self._message: Callable[[], str] = lambda: ""
        self.lock_timer = QTimer(self)
        self.lock_timer.setSingleShot(True)
        self.lock_timer.timeout.connect(self.refresh_state)
        self._build()
        style_screen(self)
        LANG.changed.connect(self.retranslate)
        self.refresh_state()

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # the physical keyboard types here
        self.header = StaffHeader()
        self.message = QLabel()
        self.message.setObjectName("pin_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumHeight(72)
        self.message.setStyleSheet("font-size: 20pt;")   # the prompt is the screen's content
        self.dots = QLabel()
        self.dots.setObjectName("pin_dots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots.setStyleSheet("font-size: 30pt; letter-spacing: 6px;")

        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        labels = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        for index, name in enumerate(labels):
            button = QPushButton("⌫" if name == "back" else name)
            button.setObjectName("pinKey")
            button.setProperty("small", name == "clear")   # a word, not a digit: smaller type
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoRepeat(name == "back")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, n=name: self._press(n))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button
        self.ok_button = QPushButton()
        self.ok_button.setObjectName("pinKey")
        self.ok_button.setProperty("primary", True)
        self.ok_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.ok_button, 4, 0, 1, 3)
        self.keypad = QWidget()
        self.keypad.setLayout(grid)
        self.keypad.setFixedWidth(3 * 150 + 2 * 12)

        self.recheck = QPushButton()
        self.recheck.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recheck.setMinimumHeight(64)
        self.recheck.clicked.connect(self.refresh_state)

        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.message)
        column.addWidget(self.dots)
        column.addWidget(self.keypad, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignHCenter)
        centre = QWidget()
        centre.setLayout(column)
        centre.setFixedWidth(640)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addWidget(self.header)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(centre)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)

    def retranslate(self, _code: str = "") -> None:
        self.header.title.setText(screen_title(self.role))
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["back"].setAccessibleName(self.tr("Delete last digit"))
        self.ok_button.setText(self.tr("OK"))
        self.recheck.setText(self.tr("Check again"))
        self.message.setText(self._message())

    # ---- state --------------------------------------------------------------------------
    def _say(self, message: Callable[[], str], tone: str = "normal") -> None:
        """Keep the message as a function so a language switch re-renders it."""
        self._message = message
        set_tone(self.message, tone)
        self.retranslate()

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        typing = mode in ("verify", "create", "confirm")
        for button in self.keys.values():
            button.setEnabled(typing)
        self.keypad.setVisible(mode != "no_pin")
        self.dots.setVisible(mode != "no_pin")
        self.recheck.setVisible(mode == "no_pin")
        self._update_dots()

    def refresh_state(self) -> None:
        """Read the role's PIN and lockout from the store and show the matching state."""
        conn = self.store.conn()
        self._digits, self._first = "", None
        if not has_pin(conn, self.role):
            if self.role == "admin":
                self._set_mode("create")
                self._say(lambda: self.tr("No administrator PIN has been set yet. Choose a PIN of "
                                          "{min} to {max} digits.").format(min=MIN_LEN, max=MAX_LEN))
            else:
                self._set_mode("no_pin")
                self._say(lambda: self.tr("No PIN has been set for “{role}” yet. An administrator "
                                          "must set one first, in the Administration screen."
                                          ).format(role=role_name(self.role)), "error")
            return
        until = locked_until(conn, self.role)
        if until is not None and until > self._clock():
            self._show_locked(until)
            return
        self._set_mode("verify")
        self._say(lambda: self.tr("Enter your PIN"))

    def _show_locked(self, until: datetime) -> None:
        self._set_mode("locked")
        local = until.astimezone(ZoneInfo(office_zone(self.store.conn())))
        hhmm = local.strftime("%H:%M")
        self._say(lambda: self.tr("Locked after too many wrong tries. Try again after {time}."
                                  ).format(time=hhmm), "error")
        wait_ms = int((until - self._clock()).total_seconds() * 1000) + LOCK_SLACK_MS
        self.lock_timer.start(max(wait_ms, LOCK_SLACK_MS))

    def _update_dots(self) -> None:
        slots = max(MIN_LEN, len(self._digits))
        self.dots.setText("●" * len(self._digits) + "○" * (slots - len(self._digits)))
        self.ok_button.setEnabled(self.mode in ("verify", "create", "confirm")
                                  and len(self._digits) >= MIN_LEN)

    # ---- input --------------------------------------------------------------------------
    def _press(self, key: str) -> None:
        if self.mode not in ("verify", "create", "confirm"):
            return
        if key == "back":
            self._digits = self._digits[:-1]
        elif key == "clear":
            self._digits = ""
        elif len(self._digits) < MAX_LEN:
            self._digits += key
        self._update_dots()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if len(text) == 1 and text.isascii() and text.isdigit():
            self._press(text)
        elif key == Qt.Key.Key_Backspace:
            self._press("back")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self._press("clear")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()

    def submit(self) -> None:
        if self.mode not in ("verify", "create", "confirm") or len(self._digits) < MIN_LEN:
            return
        pin, self._digits = self._digits, ""
        if self.mode == "verify":
            self._verify(pin)
        elif self.mode == "create":
            self._choose_first(pin)
        else:
            self._confirm(pin)

    # ---- verify -------------------------------------------------------------------------
    def _verify(self, pin: str) -> None:
        self._set_mode("busy")
        self._say(lambda: self.tr("Checking…"))
        role, now = self.role, self._clock()   # the job captures values, not this widget
        run_store_task(self, self.store, lambda conn: verify_pin(conn, role, pin, now=now),
                       self._verified, self._failed)

    def _verified(self, check: PinCheck) -> None:
        if check.ok:
            self._set_mode("busy")   # stays disabled: the gate replaces this page now
            self.unlocked.emit()
        elif check.locked_until is not None:
            self._show_locked(check.locked_until)
        else:
            left = check.tries_left or 0
            self._set_mode("verify")
            self._say(lambda: self.tr("Wrong PIN. Tries left: %n.", "", left), "error")

    def _failed(self, error: Exception) -> None:
        self.refresh_state()   # also handles pin_not_set: the PIN was removed meanwhile
        if isinstance(error, KioskError) and error.code == "pin_not_set":
            return
        if isinstance(error, KioskError):
            self._say(lambda: describe(error, LANG.code), "error")
        else:
            self._say(lambda: self.tr("The PIN could not be checked. Please try again."), "error")

    # ---- create (admin's first run) -----------------------------------------------------
    def _choose_first(self, pin: str) -> None:
        try:
            check_pin_strength(pin)
        except KioskError as error:
            self._update_dots()
            # bind now: `error` is unbound when the except block ends; the lambda runs later
            self._say(lambda err=error: describe(err, LANG.code), "error")
            return
        self._first = pin
        self._set_mode("confirm")
        self._say(lambda: self.tr("Enter the same PIN again to confirm it."))

    def _confirm(self, pin: str) -> None:
        first, self._first = self._first, None
        if pin != first:
            self._set_mode("create")
            self._say(lambda: self.tr("The two PINs are not the same. Choose a PIN again."),
                      "error")
            return
        self._set_mode("busy")
        self._say(lambda: self.tr("Saving the PIN…"))
        role = self.role
        run_store_task(self, self.store, lambda conn: set_pin(conn, role, pin, only_if_unset=True),
                       self._created, self._failed)

    def _created(self, created: bool) -> None:
        if created:
            self._set_mode("busy")
            self.unlocked.emit()
            return
        self.refresh_state()
        self._say(lambda: self.tr("An administrator PIN was set meanwhile. Enter that PIN."),
                  "error")
