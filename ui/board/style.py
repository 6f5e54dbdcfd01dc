"""The board's look: light on dark blue, every size a fraction of the window's height, so one
layout reads across a hall on a 1080p or 4K TV and still fits a 1280×800 test grab."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication

MIN_PT = 16.0
# Text heights as fractions of the board's height. The called number's font is a quarter of
# it, so its digits (about 0.7 of the font) stand well above 12 % of the screen.
SIZES = {
    "office": 0.042, "date": 0.030, "clock": 0.060, "call_caption": 0.045, "number": 0.25,
    "counter": 0.10, "recent_title": 0.034, "recent_number": 0.060, "recent_counter": 0.045,
    "section": 0.034, "serving_name": 0.032, "serving_number": 0.055, "next": 0.055,
    "reports": 0.022,
}

BOARD_QSS = """
QWidget { background: #0b2545; color: white; }
QLabel { background: transparent; }
QLabel#bq_date, QLabel#bq_recent_title, QLabel#bq_section, QLabel#bq_serving_name,
QLabel#bq_reports, QLabel#bq_call_caption { color: #c9d6e8; }
QLabel#bq_office, QLabel#bq_clock, QLabel#bq_number, QLabel#bq_counter, QLabel#bq_recent_number,
QLabel#bq_serving_number, QLabel#bq_next { font-weight: bold; }
QLabel#bq_clock, QLabel#bq_number, QLabel#bq_next { color: #ffd166; }
QLabel#bq_number { letter-spacing: 6px; }
QLabel#bq_counter { color: white; }
QLabel#bq_recent_counter { color: #c9d6e8; }
QLabel#bq_serving_number[idle="true"] { color: #6f86a6; }
QFrame#bq_latest { border: 4px solid #3e5c82; border-radius: 24px; background: #10305a; }
QFrame#bq_latest[fresh="true"] { border: 6px solid #ffd166; background: #174a85; }
QFrame#bq_panel { border: 2px solid #3e5c82; border-radius: 18px; background: #0e2d52; }
QFrame#bq_cell { border: 2px solid #3e5c82; border-radius: 12px; background: #10305a; }
QPushButton { min-width: 64px; min-height: 64px; padding: 0; font-size: 16pt;
    font-weight: bold; color: #c9d6e8; border: 2px solid #3e5c82; border-radius: 8px; }
QPushButton:checked { background: #3e5c82; color: white; }
"""


def points(fraction: float, height: int) -> float:
    """Font points for text `fraction` of `height` pixels tall on this screen."""
    screen = QGuiApplication.primaryScreen()
    dpi = screen.logicalDotsPerInchY() if screen is not None else 96.0
    return max(MIN_PT, fraction * height * 72.0 / dpi)


def board_sheet(height: int) -> str:
    # Sizes go in the widget's own sheet: an application QSS font-size would beat setFont().
    sizes = "\n".join(f"QLabel#bq_{key} {{ font-size: {points(f, height):.1f}pt; }}"
                      for key, f in SIZES.items())
    return BOARD_QSS + sizes
