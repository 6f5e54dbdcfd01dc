"""What every kiosk screen shares: a question at the top, its content, and a bottom row with the
button that moves on. Screens read and write the shell's WizardState and never keep their own
copy of what the resident entered."""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout,
                               QWidget)

from kiosk.catalog import Office
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.queue.api import QueueService
from ui.screens.state import WizardState
from ui.widgets import label


class Host(Protocol):
    """The shell as screens see it."""
    state: WizardState
    store: Store
    mode: str          # "kiosk" or "volunteer"
    office: Office
    queue: QueueService

    def go(self, screen: str) -> None: ...
    def next_step(self) -> None: ...
    def show_error(self, error: KioskError | str) -> None: ...
    def clear_error(self) -> None: ...
    def set_busy(self, busy: bool) -> None: ...
    def screen(self, name: str) -> QWidget | None: ...


class Screen(QWidget):
    name = ""
    scrolls = True   # False for screens that scroll a part of themselves (no nested scrolling)
    idle_timeout_s: float | None = None   # sooner than the shell's idle timeout, if set
    # True: errors show in the footer beside the button that moves on, not in the shell's banner
    # above the screen, so a message does not push fields (or a key pad) out of view.
    owns_errors = False

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.setObjectName(f"screen-{self.name}")
        self.host = host
        self.error_label: QLabel | None = None
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(40, 24, 40, 24)
        self._outer.setSpacing(16)
        # The content scrolls when it cannot fit (banners shown, a smaller screen, volunteer
        # fields); the footer with the button that moves on stays in view.
        body = QWidget()
        body.setObjectName("screenBody")
        self.layout_ = QVBoxLayout(body)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(16)
        if self.scrolls:
            scroll = QScrollArea()
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidgetResizable(True)
            scroll.setWidget(body)
            self._outer.addWidget(scroll, 1)
        else:
            self._outer.addWidget(body, 1)

    @property
    def state(self) -> WizardState:
        return self.host.state

    def focus_first(self) -> None:
        """Where the keyboard starts on this screen; by default nowhere (touch first)."""

    def add_question(self, text: str) -> None:
        self.layout_.addWidget(label(text, "question"))

    def add_footer(self, *buttons: QPushButton) -> QHBoxLayout:
        footer = QHBoxLayout()
        footer.setSpacing(16)
        if self.owns_errors:
            self.error_label = label("", "screenError")
            self.error_label.setAlignment(Qt.AlignmentFlag.AlignVCenter
                                          | Qt.AlignmentFlag.AlignLeft)
            self.error_label.hide()
            footer.addWidget(self.error_label, 1)
        footer.addStretch(0 if self.owns_errors else 1)
        for button in buttons:
            button.setMinimumWidth(260)
            footer.addWidget(button)
        self._outer.addLayout(footer)
        return footer

    def say_error(self, text: str) -> bool:
        """Show (or, with "", hide) an error in the screen's own line; False when the screen
        leaves errors to the shell's banner."""
        if self.error_label is None:
            return False
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        return True
