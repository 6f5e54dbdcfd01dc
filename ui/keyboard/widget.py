"""The docked keyboard: a letter page (Telex in VI, plain letters in EN) and a number pad.
Keys never take focus, so the field keeps its cursor; each key types into the field with key
events (ui.keyboard.target)."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QPushButton, QSizePolicy,
                               QStackedWidget, QWidget)

from kiosk.telex import TelexComposer
from ui.keyboard import target
from ui.theme import TOUCH_MIN_PX

LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
DIRECT = "ăâđêôơư"
# (tone number in kiosk.telex, the tone shown on an a)
TONES = ((1, "á"), (2, "à"), (3, "ả"), (4, "ã"), (5, "ạ"))
ERASE, SHIFT, SPACE = "⌫", "⇧", " "


class OnScreenKeyboard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.composer = TelexComposer()
        self.target: target.TextField | None = None
        self.vietnamese = True
        self.shift = False
        self.keys: dict[str, QPushButton] = {}
        self.pages = QStackedWidget()
        self.pages.setObjectName("keyboardPages")
        self.letters = self._letter_page()
        self.numbers = self._number_page()
        self.pages.addWidget(self.letters)
        self.pages.addWidget(self.numbers)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.pages)
        self.retranslate()
        self.hide()

    # --- building -------------------------------------------------------------------------
    def _key(self, name: str, label: str, action: Callable[[], None],
             role: str = "") -> QPushButton:
        key = QPushButton(label)
        key.setObjectName("oskKey")
        if role:
            key.setProperty("role", role)
        key.setMinimumSize(TOUCH_MIN_PX, TOUCH_MIN_PX)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setCursor(Qt.CursorShape.PointingHandCursor)
        key.setAccessibleName(label)
        key.clicked.connect(lambda _checked=False: action())   # not the checked flag
        self.keys[name] = key
        return key

    def _letter_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("keyboardPage")
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for row, letters in enumerate(LETTER_ROWS):
            offset = 2 if row == 2 else 0     # the shift key takes two columns
            for column, char in enumerate(letters):
                grid.addWidget(self._key(char, char, lambda c=char: self.letter(c)),
                               row, offset + column)
        for column, char in enumerate(DIRECT[:2]):
            grid.addWidget(self._key(char, char, lambda c=char: self.letter(c), "direct"),
                           0, 10 + column)
        grid.addWidget(self._key(ERASE, ERASE, self.erase, "erase"), 0, 12, 1, 2)
        for column, char in enumerate(DIRECT[2:]):
            grid.addWidget(self._key(char, char, lambda c=char: self.letter(c), "direct"),
                           1, 9 + column)
        grid.addWidget(self._key(SHIFT, SHIFT, self.toggle_shift, "shift"), 2, 0, 1, 2)
        for column, char in enumerate(",.?!-"):
            grid.addWidget(self._key(char, char, lambda c=char: self.other(c)), 2, 9 + column)
        grid.addWidget(self._key("123", "123", lambda: self.show_page(numbers=True), "mode"),
                       3, 0, 1, 2)
        grid.addWidget(self._key("lang", "VI", self.toggle_language, "mode"), 3, 2, 1, 2)
        grid.addWidget(self._key(SPACE, "", lambda: self.other(" "), "space"), 3, 4, 1, 5)
        for column, (tone, label) in enumerate(TONES):
            grid.addWidget(self._key(f"tone{tone}", label, lambda t=tone: self.tone(t), "tone"),
                           3, 9 + column)
        return page

    def _number_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("keyboardPage")
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(5, 1)
        for index, char in enumerate("123456789"):
            grid.addWidget(self._key(char, char, lambda c=char: self.other(c)),
                           index // 3, 1 + index % 3)
        # 1 2 3 ⌫ / 4 5 6 + / 7 8 9 - / . 0 ABC: keys a field cannot take are hidden.
        for char, row, column in (("+", 1, 4), ("-", 2, 4), (".", 3, 1)):
            grid.addWidget(self._key(f"{char}#", char, lambda c=char: self.other(c)), row, column)
        grid.addWidget(self._key("0", "0", lambda: self.other("0")), 3, 2)
        grid.addWidget(self._key(f"{ERASE}#", ERASE, self.erase, "erase"), 0, 4)
        grid.addWidget(self._key("abc", "ABC", lambda: self.show_page(numbers=False), "mode"),
                       3, 3)
        for column in range(1, 5):
            grid.setColumnMinimumWidth(column, 140)
        return page

    def retranslate(self) -> None:
        names = {ERASE: self.tr("Delete"), f"{ERASE}#": self.tr("Delete"),
                 SHIFT: self.tr("Capital letter"), SPACE: self.tr("Space"),
                 "123": self.tr("Numbers"), "abc": self.tr("Letters"),
                 "lang": self.tr("Typing language: Vietnamese or English"),
                 "tone1": self.tr("Rising tone (sắc)"), "tone2": self.tr("Falling tone (huyền)"),
                 "tone3": self.tr("Question tone (hỏi)"), "tone4": self.tr("Tumbling tone (ngã)"),
                 "tone5": self.tr("Heavy tone (nặng)")}
        for name, text in names.items():
            self.keys[name].setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- showing --------------------------------------------------------------------------
    def attach(self, field: QWidget | None) -> None:
        """Type into `field` from now on, or hide when it is None."""
        self.target = field if isinstance(field, target.TextField) else None
        self.composer.reset()
        # A press on a key gives focus to the nearest ancestor that takes click focus (the
        # shell, which would hide us): this frame takes it instead and hands it to the field.
        self.setFocusProxy(self.target)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus if self.target else Qt.FocusPolicy.NoFocus)
        if self.target is None:
            self.hide()
            return
        extras = target.number_keys(self.target)
        for char in "+.-":
            self.keys[f"{char}#"].setVisible(extras is not None and char in extras)
        # A number-only field gets only the pad; a text field starts on letters.
        self.keys["abc"].setVisible(extras is None)
        self.show_page(numbers=extras is not None)
        self.show()

    def reset(self) -> None:
        """For the next resident: hidden, Vietnamese, no shift."""
        self.attach(None)
        if self.shift:
            self.toggle_shift()
        if not self.vietnamese:
            self.toggle_language()

    def show_page(self, numbers: bool) -> None:
        self.pages.setCurrentWidget(self.numbers if numbers else self.letters)

    # --- keys -----------------------------------------------------------------------------
    def _field(self) -> target.TextField | None:
        """The field, unless its screen was rebuilt under it (a language switch)."""
        if self.target is not None and not shiboken6.isValid(self.target):
            self.attach(None)
        return self.target

    def letter(self, char: str) -> None:
        field = self._field()
        if field is None:
            return
        if self.shift:
            char = char.upper()
            self.toggle_shift()
        if not self.vietnamese and char.isascii():
            target.type_text(field, char)
            return
        before = target.word_before_cursor(field)
        if before != self.composer.word:
            self.composer.set_word(before)     # the cursor moved, or a key was erased
        self.composer.feed(char)
        target.replace_tail(field, before, self.composer.word)

    def tone(self, tone: int) -> None:
        field = self._field()
        if field is None:
            return
        before = target.word_before_cursor(field)
        self.composer.set_word(before)
        if self.composer.set_tone(tone):
            target.replace_tail(field, before, self.composer.word)

    def other(self, char: str) -> None:
        """Space, punctuation and digits end the word and are typed as they are."""
        field = self._field()
        if field is not None:
            self.composer.reset()
            target.type_text(field, char)

    def erase(self) -> None:
        field = self._field()
        if field is not None:
            target.backspace(field)

    def toggle_shift(self) -> None:
        self.shift = not self.shift
        self.keys[SHIFT].setProperty("on", self.shift)
        _repolish(self.keys[SHIFT])
        for char in "".join(LETTER_ROWS) + DIRECT:
            self.keys[char].setText(char.upper() if self.shift else char)

    def toggle_language(self) -> None:
        self.vietnamese = not self.vietnamese
        self.composer.reset()
        self.keys["lang"].setText("VI" if self.vietnamese else "EN")
        for tone, _label in TONES:
            self.keys[f"tone{tone}"].setEnabled(self.vietnamese)


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)

