"""The display board for the hall's TV: the office, today's date and a live clock, how many
reports were received today and the latest codes. Codes only: a code shows status, never who.

Text scales with the window's height, so the same board reads across a hall on a 1080p or 4K TV
and still fits a 1280x800 test grab. No window flags are set here: the app decides frameless.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.catalog import office_zone
from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store
from kiosk.reports import ReportView, list_reports
from ui.i18n import LANG
from ui.staff.header import LangToggle

REFRESH_MS = 15_000
TICK_MS = 1_000
LATEST = 5
BASE_HEIGHT = 800      # the sizes below are for an 800 px tall board
SIZES_PT = {"office": 30, "date": 28, "clock": 72, "count": 40, "latest_title": 24, "codes": 40}

# Every widget gets the board's colours: the kiosk's application sheet paints QWidgets white.
BOARD_QSS = """
QWidget { background: #0b2545; color: white; }
QLabel#board_date, QLabel#board_latest_title { color: #c9d6e8; }
QLabel#board_clock { color: #ffd166; }
QLabel#board_count { color: white; }
QLabel#board_codes { color: #ffd166; letter-spacing: 4px; }
QLabel#board_office, QLabel#board_clock, QLabel#board_count, QLabel#board_codes {
    font-weight: bold; }
QPushButton { min-width: 64px; min-height: 64px; padding: 0; font-size: 16pt;
    font-weight: bold; color: #c9d6e8; border: 2px solid #3e5c82; border-radius: 8px; }
QPushButton:checked { background: #3e5c82; color: white; }
"""


def todays_reports(conn: sqlite3.Connection, now: datetime, zone: str) -> list[ReportView]:
    """Reports received on `now`'s office-local date, newest first.

    list_reports is newest first, so fetch a growing window until it reaches before today:
    one small query on an ordinary day, however long the office's history is.
    """
    day = now.astimezone(ZoneInfo(zone)).date()
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    start_iso, end_iso = to_iso(start), to_iso(start + timedelta(days=1))
    limit = 64
    while True:
        views = list_reports(conn, limit=limit)
        if len(views) < limit or views[-1].created_utc < start_iso:
            return [v for v in views if start_iso <= v.created_utc < end_iso]
        limit *= 4


def _locale() -> QLocale:
    if LANG.code == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


class BoardWindow(QWidget):
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._clock = clock
        self.today: list[ReportView] = []
        self.setObjectName("board")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.zone = office_zone(store.conn())
        self._day = self._clock().date()
        self._factor = 1.0
        self.labels = {key: QLabel() for key in SIZES_PT}
        for key, label in self.labels.items():
            label.setObjectName(f"board_{key}")
            label.setWordWrap(key in ("office", "count"))
        self.labels["clock"].setAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
        self.labels["codes"].setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lang = LangToggle()

        top = QHBoxLayout()
        top.addWidget(self.labels["office"], 1)
        top.addWidget(self.lang, 0, Qt.AlignmentFlag.AlignTop)
        when = QHBoxLayout()
        when.addWidget(self.labels["date"], 1)
        when.addWidget(self.labels["clock"])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(18)
        outer.addLayout(top)
        outer.addLayout(when)
        outer.addSpacing(12)
        outer.addWidget(self.labels["count"])
        outer.addSpacing(12)
        outer.addWidget(self.labels["latest_title"])
        outer.addWidget(self.labels["codes"], 1)
        self._scale(1.0)

        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._tick)
        self.tick.start()
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        LANG.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _code: str = "") -> None:
        conn = self.store.conn()
        self.zone = office_zone(conn)
        try:
            office = catalog.office(conn)
            name = office.name_en if LANG.code == "en" else office.name
        except LookupError:
            name = ""
        self.labels["office"].setText(name)
        now = self._clock()
        self._day = now.astimezone(ZoneInfo(self.zone)).date()
        self.today = todays_reports(conn, now, self.zone)
        self.labels["count"].setText(self.tr("Reports received today: %n", "", len(self.today)))
        latest = self.today[:LATEST]
        self.labels["latest_title"].setText(self.tr("Latest codes received") if latest else "")
        self.labels["codes"].setText("\n".join(view.grouped_code for view in latest))
        self._show_time(now)

    def _tick(self) -> None:
        now = self._clock()
        if now.astimezone(ZoneInfo(self.zone)).date() != self._day:
            self.refresh()   # past midnight: today's count starts again
        else:
            self._show_time(now)

    def _show_time(self, now: datetime) -> None:
        local = now.astimezone(ZoneInfo(self.zone))
        weekday = _locale().dayName(local.isoweekday(), QLocale.FormatType.LongFormat)
        self.labels["date"].setText(f"{weekday}, {local:%d/%m/%Y}")
        self.labels["clock"].setText(f"{local:%H:%M}")

    def _scale(self, factor: float) -> None:
        # Sizes go in the widget's own sheet: an application QSS font-size would beat setFont().
        sizes = "\n".join(
            f"QLabel#board_{key} {{ font-size: {max(16.0, pt * factor):.1f}pt; }}"
            for key, pt in SIZES_PT.items())
        self.setStyleSheet(BOARD_QSS + sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        factor = max(0.6, event.size().height() / BASE_HEIGHT)
        if abs(factor - self._factor) > 0.02:
            self._factor = factor
            self._scale(factor)
