"""The office's figures for clerks and admins (issue 5): a month picker, reports by category as
a bar chart (QtCharts), the share answered on time as a big figure with "x/y" under it, the
satisfaction shares, and "Save PDF", which writes the monthly one-page report into the data
dir's reports folder (no file dialog: the kiosk lock-down forbids them; the path is shown).
Every query and the PDF run off the GUI thread (ui.workers.run_store_task)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView,
                              QHorizontalBarSeries, QValueAxis)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.catalog import office_zone
from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.stats import LEVELS, MonthFigures, Period, current_month, month_figures, percent
from kiosk.stats_pdf import save_month_report
from ui.i18n import LANG
from ui.staff.style import BLUE, GREEN, RED, set_tone, style_screen
from ui.workers import run_store_task

AXIS_PT = 11        # chart labels: the category names are long; 16 pt would elide them

FIGURES_QSS = f"""
QFrame#figureCard {{ border: 2px solid #b3bccb; border-radius: 12px; background: #f3f6fb; }}
QFrame#figureCard QWidget {{ background: transparent; }}
QLabel#monthLabel {{ font-size: 22pt; font-weight: bold; color: {BLUE}; }}
QLabel#onTimeShare {{ font-size: 48pt; font-weight: bold; color: {BLUE}; }}
QLabel#onTimeCount {{ font-size: 20pt; font-weight: bold; }}
QLabel[level] {{ font-size: 28pt; font-weight: bold; }}
QLabel[level="satisfied"] {{ color: {GREEN}; }}
QLabel[level="acceptable"] {{ color: #a87e00; }}
QLabel[level="unsatisfied"] {{ color: {RED}; }}
"""


def _card(*widgets: QWidget) -> QFrame:
    card = QFrame()
    card.setObjectName("figureCard")
    box = QVBoxLayout(card)
    box.setContentsMargins(16, 12, 16, 12)
    box.setSpacing(4)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return card


class FiguresScreen(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.zone = office_zone(store.conn())
        self.month = current_month(clock(), self.zone)
        self.figures: MonthFigures | None = None
        self.saved_path: Path | None = None
        self._asked = 0          # the newest load asked for; older answers are dropped

        self.prev_button = QPushButton()
        self.prev_button.setObjectName("figures_prev")
        self.prev_button.clicked.connect(lambda: self.show_month(self._shift(-1)))
        self.next_button = QPushButton()
        self.next_button.setObjectName("figures_next")
        self.next_button.clicked.connect(lambda: self.show_month(self._shift(1)))
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.save_button = QPushButton()
        self.save_button.setObjectName("figures_save_pdf")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.month_label, 1)
        top.addWidget(self.next_button)
        top.addSpacing(24)
        top.addWidget(self.save_button)

        self.status = QLabel()
        self.status.setObjectName("figures_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # reports by category: one horizontal bar per category, first category on top
        self.bars = QBarSet("")
        self.bars.setColor(QColor(BLUE))
        self.bars.setLabelColor(QColor("#10213f"))
        self.bars.setLabelFont(QFont(self.font().family(), AXIS_PT))
        self.series = QHorizontalBarSeries()
        self.series.append(self.bars)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.chart = QChart()
        self.chart.addSeries(self.series)
        self.chart.legend().hide()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        for axis in (self.category_axis, self.value_axis):
            axis.setLabelsFont(QFont(self.font().family(), AXIS_PT))
            axis.setLabelsColor(QColor("#10213f"))
        self.chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("figures_chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(360)
        self.chart_title = QLabel()
        self.chart_title.setObjectName("section")

        # on time: the big share, "x/y" under it
        self.on_time_title = QLabel()
        self.on_time_title.setObjectName("section")
        self.on_time_title.setWordWrap(True)
        self.on_time_share = QLabel("—")
        self.on_time_share.setObjectName("onTimeShare")
        self.on_time_count = QLabel()
        self.on_time_count.setObjectName("onTimeCount")
        self.on_time_note = QLabel()
        self.on_time_note.setWordWrap(True)
        set_tone(self.on_time_note, "muted")

        # satisfaction: a row of three figures
        self.sat_title = QLabel()
        self.sat_title.setObjectName("section")
        self.sat_shares: dict[str, QLabel] = {}
        self.sat_names: dict[str, QLabel] = {}
        sat_row = QGridLayout()
        sat_row.setHorizontalSpacing(16)
        for column, level in enumerate(LEVELS):
            share, name = QLabel("—"), QLabel()
            share.setObjectName(f"sat_{level}")
            share.setProperty("level", level)
            share.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setWordWrap(True)
            sat_row.addWidget(share, 0, column)
            sat_row.addWidget(name, 1, column)
            sat_row.setColumnStretch(column, 1)
            self.sat_shares[level], self.sat_names[level] = share, name
        self.sat_total = QLabel()
        self.sat_total.setWordWrap(True)
        set_tone(self.sat_total, "muted")
        sat_box = QWidget()
        sat_layout = QVBoxLayout(sat_box)
        sat_layout.setContentsMargins(0, 0, 0, 0)
        sat_layout.addLayout(sat_row)

        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(_card(self.on_time_title, self.on_time_share, self.on_time_count,
                             self.on_time_note))
        side.addWidget(_card(self.sat_title, sat_box, self.sat_total))
        left = QVBoxLayout()
        left.addWidget(self.chart_title)
        left.addWidget(self.chart_view, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addLayout(left, 3)
        body.addLayout(side, 2)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        outer.addLayout(top)
        outer.addLayout(body, 1)
        outer.addWidget(self.status)
        style_screen(self)
        self.setStyleSheet(self.styleSheet() + FIGURES_QSS)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.show_month(self.month)

    # --- navigation and loading -------------------------------------------------------------

    def _shift(self, months: int) -> str:
        return Period.month(self.month).shifted(months).key

    def show_month(self, month: str) -> None:
        """Show `month` ('YYYY-MM'): the label at once, the figures when the query returns."""
        self.month = Period.month(month).key
        self._asked += 1
        asked = self._asked
        self.next_button.setEnabled(self.month < current_month(self.clock(), self.zone))
        self._label_month()
        run_store_task(self, self.store, lambda conn: month_figures(conn, month),
                       lambda figures: self._loaded(asked, figures),
                       lambda error: self._failed(asked, error))

    def _loaded(self, asked: int, figures: MonthFigures) -> None:
        if asked != self._asked:
            return   # the clerk moved on to another month meanwhile
        self.figures = figures
        self.fill()

    def _failed(self, asked: int, _error: BaseException) -> None:
        if asked != self._asked:
            return
        self.status.setText(self.tr("The figures could not be read. Please try again or tell "
                                    "the administrator."))
        set_tone(self.status, "error")

    # --- showing ------------------------------------------------------------------------------

    def _month_text(self, month: str) -> str:
        year, number = month.split("-")
        return self.tr("Month {month}/{year}").format(month=number, year=year)

    def _label_month(self) -> None:
        self.month_label.setText(self._month_text(self.month))

    def retranslate(self, _code: str = "") -> None:
        self.prev_button.setText(self.tr("‹ Previous month"))
        self.next_button.setText(self.tr("Next month ›"))
        self.save_button.setText(self.tr("Save PDF"))
        self.chart_title.setText(self.tr("Reports received by category"))
        self.on_time_title.setText(self.tr("Answered on time"))
        self.sat_title.setText(self.tr("Satisfaction"))
        names = {"satisfied": self.tr("Satisfied"), "acceptable": self.tr("Acceptable"),
                 "unsatisfied": self.tr("Unsatisfied")}
        for level, label in self.sat_names.items():
            label.setText(names[level])
        self._label_month()
        self.fill()

    def fill(self) -> None:
        f = self.figures
        if f is None:
            return
        english = LANG.code == "en"
        rows = [(row.name_en if english else row.name_vi, count)
                for row, count in f.counts.for_month(f.month)]
        rows.reverse()      # a horizontal bar chart draws its first category at the bottom
        if self.bars.count():
            self.bars.remove(0, self.bars.count())
        self.bars.append([float(count) for _, count in rows])
        self.category_axis.clear()
        self.category_axis.append([name for name, _ in rows])
        biggest = max([count for _, count in rows] + [1])
        self.value_axis.setRange(0, biggest + max(1, biggest // 5))
        self.value_axis.setTickCount(min(biggest + max(1, biggest // 5), 5) + 1)
        self.chart_title.setText(self.tr("Reports received by category: {n} this month")
                                 .format(n=f.reports_in_month))

        on_time = f.on_time
        self.on_time_share.setText(percent(on_time.share))
        self.on_time_count.setText(f"{on_time.answered_on_time}/{on_time.due_in_period}")
        if on_time.due_in_period:
            self.on_time_note.setText(self.tr(
                "Reports due this month answered (resolved or rejected) on or before their due "
                "date. Not answered yet: {open}.").format(open=len(f.overdue_open)))
        else:
            self.on_time_note.setText(self.tr("No report fell due this month."))

        combined = f.satisfaction.combined
        for level, label in self.sat_shares.items():
            label.setText(percent(combined.share(level)))
        reports = f.satisfaction.reports
        self.sat_total.setText(self.tr(
            "{n} ratings: {queue} of counter service, {reports} of report answers.").format(
            n=combined.total, queue=f.satisfaction.queue.total,
            reports=reports.total if reports is not None else 0))
        if self.status.property("tone") == "error":
            self.status.clear()
            set_tone(self.status, "normal")

    # --- PDF ----------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Write the month's PDF into <data dir>/reports (no dialog) and say where it went."""
        month = self.month
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving the PDF…"))
        set_tone(self.status, "muted")
        now = self.clock()
        run_store_task(self, self.store,
                       lambda _conn: save_month_report(self.store, month, now),
                       self._saved, self._save_failed)

    def _saved(self, path: Path) -> None:
        self.saved_path = path
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("PDF saved: {path}").format(path=str(path)))
        set_tone(self.status, "ok")

    def _save_failed(self, _error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("The PDF could not be saved. Check the free disk space and "
                                    "try again."))
        set_tone(self.status, "error")
