"""Fonts and style: the vendored Vietnamese-complete font, so screens never depend on what the
machine has installed, and the QSS for the touch kiosk (large targets, high contrast)."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.paths import RESOURCES

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
BODY_PT = 20          # body text at least 20 pt on the kiosk
TOUCH_MIN_PX = 64     # touch targets at least 64 px


_family = ""


def load_fonts() -> str:
    """Register the vendored fonts (once); return the family name."""
    global _family
    if _family:
        return _family
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / name))
        if font_id < 0:
            raise RuntimeError(f"cannot load font {name}")
        family = QFontDatabase.applicationFontFamilies(font_id)[0]
    _family = family
    return family


def apply_theme(app: QApplication, body_pt: int = BODY_PT) -> None:
    family = load_fonts()
    font = QFont(family)
    font.setPointSize(body_pt)
    app.setFont(font)
    qss = RESOURCES / "styles" / "kiosk.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
