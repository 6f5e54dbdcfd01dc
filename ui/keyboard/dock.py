"""Shows the keyboard for whichever text field has focus inside one window, from one place
(QApplication.focusChanged), so screens need no keyboard code."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import (QApplication, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QScrollArea, QWidget)

from ui.keyboard.widget import OnScreenKeyboard

MARGIN = 16           # px kept around what is scrolled into view
MULTI_LINE_PX = 120   # how much of a text box must show: its first lines


def wants_keyboard(widget: QWidget | None, scope: QWidget) -> bool:
    if not isinstance(widget, (QLineEdit, QPlainTextEdit)) or widget.isReadOnly():
        return False
    if not (scope is widget or scope.isAncestorOf(widget)):
        return False
    # A field with its own key pad beside it (the booking code) keeps only that pad.
    parent = widget.parentWidget()
    return parent is None or parent.findChild(QPushButton, "codeKey") is None


class KeyboardDock(QObject):
    def __init__(self, keyboard: Callable[[], OnScreenKeyboard | None], scope: QWidget) -> None:
        super().__init__(scope)
        self._keyboard = keyboard      # made on first use by its owner
        self._built: OnScreenKeyboard | None = None
        self.scope = scope
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return      # the window lost focus: keep the target
        field = new if wants_keyboard(new, self.scope) else None
        keyboard = self._keyboard() if field is not None else self._built
        if keyboard is None:
            return      # no text field yet: nothing to build or hide
        self._built = keyboard
        if keyboard.isAncestorOf(new):
            return      # a key was touched: keep the target
        keyboard.attach(field)
        if field is not None:
            # The keyboard takes the bottom of the screen: once the layout has settled, scroll
            # the field back into view.
            QTimer.singleShot(0, self, lambda: reveal(field))


def reveal(field: QWidget) -> None:
    """Scroll the focused field into view above the docked keyboard, with the screen's question
    too when both fit; otherwise with as much as fits above the field (the consent box sits
    just above the name and phone fields), or, for a field taller than the view, its top."""
    if not shiboken6.isValid(field):
        return
    area = field.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if not isinstance(area, QScrollArea) or area.widget() is None:
        return
    # Nested layouts settle through posted requests; flush them so the viewport has its final
    # height before scrolling.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    body = area.widget()
    top_left = field.mapTo(body, QPoint(0, 0))
    top = top_left.y()
    # A text box needs its first lines in view (where the resident types), a line its whole.
    bottom = top + (min(field.height(), MULTI_LINE_PX) if isinstance(field, QPlainTextEdit)
                    else field.height())
    view = area.viewport().height()
    question = next((child for child in body.findChildren(QLabel, "question")
                     if child.isVisible()), None)
    heading = question.mapTo(body, QPoint(0, 0)).y() if question is not None else top
    if bottom - heading + MARGIN <= view:
        value = heading - MARGIN
    elif bottom - top + 2 * MARGIN <= view:
        value = bottom + MARGIN - view
    else:
        value = top - MARGIN
    area.verticalScrollBar().setValue(max(0, value))
    half_w = field.width() // 2
    area.ensureVisible(top_left.x() + half_w, area.verticalScrollBar().value() + view // 2,
                       half_w + MARGIN, 0)
