"""The staff screens' look: 16 pt text at least, high contrast, 64 px touch keys on the PIN pad.

Set on each staff screen (not the application), so it holds whatever the application's QSS
says: the kiosk sheet paints every QWidget white and sizes buttons for residents, and a
widget's own sheet wins over the application's in a conflict.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

STAFF_PT = 16
TITLE_PT = 24
KEY_PX = 80          # PIN keys: above the 64 px touch minimum, thumb-sized on a 1280x800 kiosk
BLUE = "#0b3d91"     # the kiosk's blue, so staff and resident screens look like one app
RED = "#b00020"
GREEN = "#1b5e20"

STAFF_QSS = f"""
QWidget {{ font-size: {STAFF_PT}pt; color: #10213f; background: #ffffff; }}
QWidget#staffHeader {{ border-bottom: 3px solid {BLUE}; }}
QLabel#title {{ font-size: {TITLE_PT}pt; font-weight: bold; color: {BLUE}; }}
QLabel#fieldName {{ color: #4a5866; }}
QLabel#section {{ font-weight: bold; color: {BLUE}; margin-top: 12px; }}
QLabel[tone="error"] {{ color: {RED}; font-weight: bold; }}
QLabel[tone="ok"] {{ color: {GREEN}; font-weight: bold; }}
QLabel[tone="muted"] {{ color: #4a5866; }}
QLabel#clockBanner {{ background: {RED}; color: white; padding: 14px 18px; font-weight: bold;
    border-radius: 8px; }}
QPushButton {{ min-height: 56px; padding: 4px 18px; border: 2px solid {BLUE};
    border-radius: 10px; background: white; color: {BLUE}; font-weight: bold; }}
QPushButton:pressed {{ background: #dbe5f5; }}
QPushButton:checked {{ background: {BLUE}; color: white; }}
QPushButton:focus {{ border: 3px solid #e0a800; }}
QPushButton[primary="true"] {{ background: {BLUE}; color: white; }}
QPushButton[danger="true"] {{ border-color: {RED}; color: {RED}; }}
QPushButton:disabled {{ color: #8a94a6; border: 2px dashed #b3bccb; background: #eceff3; }}
QPushButton#pinKey {{ min-width: {KEY_PX + 24}px; min-height: {KEY_PX}px; padding: 0;
    font-size: 28pt; }}
QPushButton#pinKey[small="true"] {{ font-size: 18pt; }}
QPushButton#langButton {{ min-width: 64px; min-height: 64px; padding: 0; }}
QPushButton#roleButton {{ text-align: left; padding-left: 16px; }}
QGroupBox {{ font-weight: bold; color: {BLUE}; border: 2px solid #c5ced8; border-radius: 10px;
    margin-top: 24px; padding: 16px 14px 12px 14px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 14px; padding: 0 6px; }}
QGroupBox QLabel {{ font-weight: normal; color: #10213f; }}
QLineEdit {{ min-height: 48px; padding: 2px 10px; border: 2px solid #8a94a6;
    border-radius: 8px; font-size: {STAFF_PT}pt; }}
QLineEdit:focus {{ border-color: {BLUE}; }}
QTableView {{ gridline-color: #d7dde4; alternate-background-color: #f3f6fb;
    selection-background-color: {BLUE}; selection-color: white; }}
QHeaderView::section {{ background: #e3e8ee; padding: 6px; border: none;
    border-right: 1px solid #c5ced8; font-weight: bold; }}
QScrollArea {{ border: none; }}
QSplitter::handle {{ background: #c5ced8; }}
QTabWidget::pane {{ border: none; border-top: 3px solid {BLUE}; }}
QTabBar::tab {{ min-height: 48px; min-width: 160px; padding: 6px 24px; font-weight: bold;
    color: {BLUE}; background: #e3e8ee; border: 2px solid #c5ced8; border-bottom: none;
    border-top-left-radius: 10px; border-top-right-radius: 10px; margin-right: 4px; }}
QTabBar::tab:selected {{ background: {BLUE}; color: white; border-color: {BLUE}; }}
QFrame#currentCard {{ border: 3px solid {BLUE}; border-radius: 14px; background: #f3f6fb; }}
QFrame#currentCard QLabel {{ background: transparent; }}
QLabel#currentTicket {{ font-size: 72pt; font-weight: bold; color: {BLUE}; }}
QLabel#currentState {{ font-size: 20pt; font-weight: bold; }}
QWidget#ratingPanel {{ background: #fff8e1; border: 3px solid #e0a800; border-radius: 14px; }}
QWidget#ratingPanel QLabel {{ background: transparent; }}
QLabel#ratingQuestion {{ font-size: 20pt; font-weight: bold; }}
QWidget#ratingPanel QPushButton {{ font-size: 22pt; }}
QPushButton#rate_satisfied {{ background: {GREEN}; color: white; border-color: {GREEN}; }}
QPushButton#rate_acceptable {{ background: #e0a800; color: #10213f; border-color: #b38600; }}
QPushButton#rate_unsatisfied {{ background: {RED}; color: white; border-color: {RED}; }}
QPushButton#rate_skip {{ font-size: {STAFF_PT}pt; min-height: 56px; }}
"""


def style_screen(widget: QWidget) -> None:
    """Give a top-level staff screen its look; children inherit the sheet."""
    widget.setObjectName("staffScreen")
    widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    widget.setStyleSheet(STAFF_QSS)


def set_tone(widget: QWidget, tone: str) -> None:
    """Switch a label between normal / error / ok / muted; dynamic properties need a re-polish."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def field_rows(form: QFormLayout, keys: tuple[str, ...],
               prefix: str) -> tuple[dict[str, QLabel], dict[str, QLabel]]:
    """Rows of (name, value) labels; the names are set, and re-set on a language switch, by
    the owner. Values are selectable: staff copy codes and paths from them."""
    names: dict[str, QLabel] = {}
    values: dict[str, QLabel] = {}
    for key in keys:
        name, value = QLabel(), QLabel()
        name.setObjectName("fieldName")
        value.setObjectName(f"{prefix}_{key}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(name, value)
        names[key], values[key] = name, value
    return names, values
