"""The top bar of every staff screen: a title, the screen's own buttons, and the VI/EN toggle."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import LANG

LANGUAGES = (("vi", "VI", "Tiếng Việt"), ("en", "EN", "English"))


class LangToggle(QWidget):
    """Two exclusive buttons. Their labels are language codes and endonyms, never translated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for code, label, endonym in LANGUAGES:
            button = QPushButton(label)
            button.setObjectName("langButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # keep the keyboard on the screen's task
            button.setToolTip(endonym)
            button.setAccessibleName(endonym)
            button.clicked.connect(lambda _=False, c=code: self._choose(c))
            row.addWidget(button)
            self.buttons[code] = button
        LANG.changed.connect(self._sync)
        self._sync(LANG.code)

    def _choose(self, code: str) -> None:
        if code != LANG.code:
            LANG.set(code)
        self._sync(LANG.code)

    def _sync(self, code: str) -> None:
        for each, button in self.buttons.items():
            button.setChecked(each == code)


class StaffHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)   # its bottom rule
        self.title = QLabel()
        self.title.setObjectName("title")
        self.actions = QHBoxLayout()
        self.actions.setSpacing(12)
        self.lang = LangToggle()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 10)
        row.addWidget(self.title, 1)
        row.addLayout(self.actions)
        row.addSpacing(16)
        row.addWidget(self.lang)

    def add_action(self, button: QPushButton) -> None:
        self.actions.addWidget(button)
