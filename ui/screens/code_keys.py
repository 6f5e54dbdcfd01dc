"""An on-screen key pad for codes (digits, Latin capitals, dash): the hall's kiosk has no
keyboard, and a code needs no accents, so this is all a resident has to type with. A scanner or
a physical keyboard still types into the field directly."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from ui.theme import TOUCH_MIN_PX

ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM")
ERASE = "⌫"


class CodeKeys(QWidget):
    typed = Signal(str)
    erased = Signal()

    def __init__(self, rows: tuple[str, ...] = ROWS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        self.keys: dict[str, QPushButton] = {}
        for row, chars in enumerate(rows):
            for column, char in enumerate(chars):
                key = self._key(char)
                key.clicked.connect(lambda _=False, c=char: self.typed.emit(c))
                grid.addWidget(key, row, column)
        erase = self._key(ERASE)
        erase.setProperty("erase", True)
        erase.setAccessibleName(self.tr("Delete"))
        erase.clicked.connect(self.erased.emit)
        # The last row is short (7 or 8 keys): the erase key takes the free columns.
        grid.addWidget(erase, len(rows) - 1, len(rows[-1]), 1, 10 - len(rows[-1]))

    def _key(self, char: str) -> QPushButton:
        key = QPushButton(char)
        key.setObjectName("codeKey")
        key.setMinimumSize(TOUCH_MIN_PX, TOUCH_MIN_PX)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the field keeps the cursor
        key.setCursor(Qt.CursorShape.PointingHandCursor)
        self.keys[char] = key
        return key
