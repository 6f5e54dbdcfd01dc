"""What a resident may change for themselves on the kiosk: larger text and a high-contrast
theme (black, white, yellow). Both restyle the whole application from kiosk.qss, so every
screen, the header and the keyboard follow without code of their own; the idle wipe puts the
defaults back for the next resident."""
from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from kiosk.paths import RESOURCES
from ui.theme import BODY_PT, load_fonts

LARGE_SCALE = 1.25
QSS = RESOURCES / "styles" / "kiosk.qss"
BLACK, WHITE, YELLOW, CYAN = "#000000", "#ffffff", "#ffff00", "#00ffff"
# The brand blue fills the header and primary buttons and colours questions: yellow in high
# contrast (with black text on it). Focus outlines become cyan so focus stays distinct from
# yellow borders; a pressed primary button turns white, so presses stay visible.
CONTRAST_EXACT = {"#0b3d91": YELLOW, "#082c69": WHITE, "#e0a800": CYAN, "#ffcc00": CYAN,
                  "#c62828": YELLOW, "#8a1c12": YELLOW, "#1b5e20": YELLOW}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_PT = re.compile(r"(\d+(?:\.\d+)?)pt\b")
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
# The header keeps its size: at 1280 px it has no room to grow, and its buttons are large already.
_FIXED_SIZE = ("header", "langButton", "stepIndicator", "officeName", "headerToggle")


def contrast_colour(hex_colour: str) -> str:
    """Light tints become black, dark text white, the greys of disabled states a mid grey."""
    exact = CONTRAST_EXACT.get(hex_colour.lower())
    if exact:
        return exact
    lightness = QColor(hex_colour).lightnessF()
    if lightness >= 0.7:
        return BLACK
    if lightness <= 0.35:
        return WHITE
    return "#a0a0a0"


def _border_colour(hex_colour: str) -> str:
    """Borders stay visible: any colour not mapped on purpose becomes white."""
    return CONTRAST_EXACT.get(hex_colour.lower(), WHITE)


def _scale_rule(match: re.Match[str]) -> str:
    selector, body = match.group(1), match.group(2)
    if any(name in selector for name in _FIXED_SIZE):
        return match.group(0)
    body = _PT.sub(lambda m: f"{round(float(m.group(1)) * LARGE_SCALE)}pt", body)
    return f"{selector}{{{body}}}"


def style_sheet(large: bool = False, contrast: bool = False) -> str:
    qss = QSS.read_text(encoding="utf-8") if QSS.exists() else ""
    if large:
        qss = _RULE.sub(_scale_rule, qss)
    if contrast:
        qss = _HEX.sub(lambda m: _contrast_in_place(qss, m), qss)
    return qss


def _contrast_in_place(qss: str, match: re.Match[str]) -> str:
    start = max(qss.rfind(";", 0, match.start()), qss.rfind("{", 0, match.start())) + 1
    declaration = qss[start:match.start()].strip()
    if declaration.startswith("border"):
        return _border_colour(match.group(0))
    return contrast_colour(match.group(0))


class Appearance(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.large = False
        self.contrast = False

    def set(self, large: bool | None = None, contrast: bool | None = None) -> None:
        large = self.large if large is None else large
        contrast = self.contrast if contrast is None else contrast
        if (large, contrast) == (self.large, self.contrast):
            return
        self.large, self.contrast = large, contrast
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply(app, large, contrast)
        self.changed.emit()

    def reset(self) -> None:
        self.set(large=False, contrast=False)


def apply(app: QApplication, large: bool = False, contrast: bool = False) -> None:
    font = QFont(load_fonts())
    font.setPointSize(round(BODY_PT * (LARGE_SCALE if large else 1)))
    app.setFont(font)
    app.setStyleSheet(style_sheet(large, contrast))


APPEARANCE = Appearance()
