"""Typing into the focused field the way a physical keyboard does: key events, so validators,
max length, undo and the idle watcher all see ordinary typing."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QDoubleValidator, QIntValidator, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from kiosk.telex import is_word_char

TextField = QLineEdit | QPlainTextEdit

_NUMBER_HINTS = (Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhDialableCharactersOnly
                 | Qt.InputMethodHint.ImhFormattedNumbersOnly)


def send_key(widget: QWidget, key: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                                                     text))


def type_text(widget: QWidget, text: str) -> None:
    if text:
        send_key(widget, Qt.Key.Key_unknown, text)


def backspace(widget: QWidget, count: int = 1) -> None:
    for _ in range(count):
        send_key(widget, Qt.Key.Key_Backspace)


def replace_tail(widget: QWidget, before: str, after: str) -> None:
    """Turn the `before` just left of the cursor into `after`, retyping only what differs."""
    common = 0
    while common < min(len(before), len(after)) and before[common] == after[common]:
        common += 1
    backspace(widget, len(before) - common)
    type_text(widget, after[common:])


def word_before_cursor(widget: TextField) -> str:
    """The letters between the cursor and the previous non-letter; "" with a selection (the
    next key replaces it) or a cursor inside a word."""
    if isinstance(widget, QLineEdit):
        if widget.hasSelectedText():
            return ""
        text, position = widget.text(), widget.cursorPosition()
    else:
        cursor = widget.textCursor()
        if cursor.hasSelection():
            return ""
        text, position = cursor.block().text(), cursor.positionInBlock()
    if position < len(text) and is_word_char(text[position]):
        return ""
    start = position
    while start and is_word_char(text[start - 1]):
        start -= 1
    return text[start:position]


def number_keys(widget: QWidget) -> str | None:
    """The extra keys of the number pad ("" for digits only), or None for a text field."""
    if isinstance(widget, QLineEdit):
        validator = widget.validator()
        hints = widget.inputMethodHints()
        if hints & Qt.InputMethodHint.ImhDialableCharactersOnly:
            return "+"
        if isinstance(validator, QDoubleValidator):
            return ".-" if validator.bottom() < 0 else "."
        if isinstance(validator, QIntValidator) or hints & _NUMBER_HINTS:
            return ""
    return None
