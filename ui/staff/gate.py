"""PinGate: the PIN pad as page one of a stack; on success the real screen replaces it.

The screen is built only after the PIN is accepted (`factory`), so nothing of it exists, or
reads the store, before then; the pad is deleted so no digits outlive the check.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kiosk.clock import utc_now
from kiosk.db import Store
from ui.staff.pin_pad import PinPad


class PinGate(QStackedWidget):
    opened = Signal(QWidget)   # the screen made by the factory, once the PIN was accepted

    def __init__(self, role: str, store: Store, factory: Callable[[], QWidget], *,
                 clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = role
        self._factory = factory
        self.pad: PinPad | None = PinPad(role, store, clock=clock)
        self.pad.unlocked.connect(self._open)
        self.addWidget(self.pad)

    def content(self) -> QWidget | None:
        """The unlocked screen, or None while the PIN pad is showing."""
        current = self.currentWidget()
        return None if current is self.pad else current

    def _open(self) -> None:
        screen = self._factory()
        self.addWidget(screen)
        self.setCurrentWidget(screen)
        if self.pad is not None:
            self.removeWidget(self.pad)
            self.pad.deleteLater()
            self.pad = None
        self.opened.emit(screen)
