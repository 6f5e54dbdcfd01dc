"""Shows the keyboard for whichever text field has focus inside one window, from one place
(QApplication.focusChanged), so screens need no keyboard code."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import (QApplication, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QWidget)

from ui.keyboard.widget import OnScreenKeyboard


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
    if not shiboken6.isValid(field):
        return
    parent = field.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if isinstance(parent, QScrollArea):
        # Nested layouts settle through posted requests; flush them so the viewport has its
        # final height before scrolling.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # The whole field, not ensureWidgetVisible's text cursor rectangle.
        top_left = field.mapTo(parent.widget(), QPoint(0, 0))
        half_w, half_h = field.width() // 2, field.height() // 2
        parent.ensureVisible(top_left.x() + half_w, top_left.y() + half_h, half_w + 16,
                             half_h + 16)
