"""The hall's board for queue numbers: office and clock on top, the latest call huge with its
counter, the calls before it, each counter's number and the next numbers; today's report count
small at the bottom. Each new call is announced once (chime and voice), in call order.

It polls the queue's watermark like every station, so a board on a second screen or another
process shows what the consoles did within half a second. No window flags here: the app decides.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.reports import count_filed_on
from kiosk import catalog
from kiosk.clock import OFFICE_ZONE, utc_now
from kiosk.db import Store
from kiosk.queue.api import BoardState, QueueService
from ui.board.calls import Announces, CallTracker
from ui.board.panels import LatestPanel, NextPanel, RecentPanel, ServingPanel, draw
from ui.board.style import board_sheet
from ui.i18n import LANG
from ui.queue_poll import QueuePoller
from ui.staff.header import LangToggle
from ui.workers import run_store_task

log = logging.getLogger("caunoi.ui.board")
TICK_MS = 1_000
REPORTS_MS = 30_000
FRESH_MS = 8_000      # how long the latest call stays highlighted


class QueueBoard(QWidget):
    def __init__(self, store: Store, queue: QueueService, *, announcer: Announces | None = None,
                 clock: Callable[[], datetime] = utc_now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.store, self.queue = store, queue
        self._clock = clock
        self.zone = OFFICE_ZONE
        self.state: BoardState | None = None
        self.reports_today: int | None = None
        self.tracker = CallTracker()
        self.announcer = announcer if announcer is not None else _default_announcer(self)
        self._height = 0

        self.office = QLabel()
        self.office.setObjectName("bq_office")
        self.date = QLabel()
        self.date.setObjectName("bq_date")
        self.clock = QLabel()
        self.clock.setObjectName("bq_clock")
        self.lang = LangToggle()
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.office, 1)
        top.addWidget(self.date)
        top.addWidget(self.clock)
        top.addWidget(self.lang, 0, Qt.AlignmentFlag.AlignVCenter)

        self.latest = LatestPanel()
        self.recent = RecentPanel()
        main = QHBoxLayout()
        main.setSpacing(24)
        main.addWidget(self.latest, 3)
        main.addWidget(self.recent, 2)
        self.serving = ServingPanel()
        self.upcoming = NextPanel()
        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        bottom.addWidget(self.serving, 3)
        bottom.addWidget(self.upcoming, 2)
        self.reports = QLabel()
        self.reports.setObjectName("bq_reports")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 20, 40, 16)
        outer.setSpacing(16)
        outer.addLayout(top)
        outer.addLayout(main, 1)
        outer.addLayout(bottom)
        outer.addWidget(self.reports)
        self._scale(800)

        self.fresh = QTimer(self)
        self.fresh.setSingleShot(True)
        self.fresh.setInterval(FRESH_MS)
        self.fresh.timeout.connect(lambda: self.latest.set_fresh(False))
        self.tick = QTimer(self)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._show_time)
        self.tick.start()
        self.reports_timer = QTimer(self)
        self.reports_timer.setInterval(REPORTS_MS)
        self.reports_timer.timeout.connect(self._count_reports)
        self.reports_timer.start()
        self.poller = QueuePoller(store, queue, self._read, parent=self)
        self.poller.changed.connect(self._changed)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.poller.start()
        self._count_reports()

    def _read(self) -> tuple[BoardState, str]:
        """Runs on a pool thread, inside the poller's store job."""
        return self.queue.board_state(), catalog.office_zone(self.store.conn())

    # --- the queue moved --------------------------------------------------------------------
    def _changed(self, result: tuple[BoardState, str]) -> None:
        state, self.zone = result
        self.state = state
        fresh = self.tracker.new_calls(state.recent_calls)
        for call in fresh:
            try:
                self.announcer.announce(call.label, call.counter)
            except ValueError:
                log.warning("cannot announce %r at counter %s", call.label, call.counter)
        if fresh:
            self.latest.set_fresh(True)
            self.fresh.start()
        self._draw()

    def _draw(self) -> None:
        state = self.state
        if state is not None:
            self.office.setText(state.office_name_en if LANG.code == "en" else state.office_name)
            draw(state, self.latest, self.recent, self.serving, self.upcoming)
        if self.reports_today is not None:
            self.reports.setText(self.tr("Reports received today: %n", "", self.reports_today))
        self._show_time()

    def retranslate(self, _code: str = "") -> None:
        if self.state is None:
            self.latest.show_call(None)
        self._draw()

    def _show_time(self) -> None:
        local = self._clock().astimezone(ZoneInfo(self.zone))
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom) \
            if LANG.code == "en" else QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
        weekday = locale.dayName(local.isoweekday(), QLocale.FormatType.LongFormat)
        self.date.setText(f"{weekday}, {local:%d/%m/%Y}")
        self.clock.setText(f"{local:%H:%M}")

    # --- today's reports, small at the bottom -----------------------------------------------
    def _count_reports(self) -> None:
        now, zone = self._clock(), self.zone
        run_store_task(self, self.store, lambda conn: count_filed_on(conn, now, zone),
                       self._counted, lambda _e: None)

    def _counted(self, count: int) -> None:
        self.reports_today = count
        self._draw()

    # --- size -------------------------------------------------------------------------------
    def _scale(self, height: int) -> None:
        self._height = height
        self.setStyleSheet(board_sheet(height))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        height = event.size().height()
        if abs(height - self._height) > 8:
            self._scale(height)


def _default_announcer(parent: QWidget) -> Announces:
    """Chime and voice: Qt's speech when it has a Vietnamese voice, else espeak-ng."""
    from ui.speech import Announcer, EspeakEngine, QtSpeechEngine

    return Announcer([QtSpeechEngine(), EspeakEngine()], parent=parent)
