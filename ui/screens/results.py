"""Published results ("Kết quả xử lý"): the answers the province published to the commune's
reports, from the local mirror (works offline), by category and month. Each item shows the
category, when it was filed and answered, and the answer; never a tracking code (a stranger
could rate someone else's report with it) and nothing personal."""
from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from ui.i18n import LANG
from ui.screens.base import Host, Screen
from ui.screens.lookup_result import local
from ui.screens.state import RESULTS
from ui.theme import TOUCH_MIN_PX
from ui.widgets import button, label

SHOWN_MAX = 100        # a month of one commune; more would only slow the screen down
SIDEBAR_PX = 340


class Chip(QPushButton):
    """A category to filter by: a checkable button whose caption wraps ("Hạ tầng (điện,
    đường, nước, chiếu sáng)" is longer than the column), styled as the priority toggle."""

    def __init__(self, text: str, checked: bool) -> None:
        super().__init__()
        self.setObjectName("priorityToggle")
        self.setCheckable(True)
        self.setAccessibleName(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 8, 18, 8)
        self.caption = QLabel(text)
        self.caption.setObjectName("priorityCaption")
        self.caption.setWordWrap(True)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.caption)
        self.toggled.connect(self._show_state)
        self.setChecked(checked)
        self._show_state(checked)

    def _show_state(self, on: bool) -> None:
        self.caption.setProperty("on", on)
        self.caption.style().unpolish(self.caption)
        self.caption.style().polish(self.caption)

    def text(self) -> str:  # the caption, for tests and accessibility
        return self.caption.text()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        return max(TOUCH_MIN_PX, self.layout().totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(SIDEBAR_PX - 40, self.heightForWidth(SIDEBAR_PX - 40))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(160, TOUCH_MIN_PX)


def month_words(month: str) -> str:
    """'2026-11' → '11/2026'."""
    year, _, number = month.partition("-")
    return f"{number}/{year}"


class ResultsScreen(Screen):
    name = RESULTS
    scrolls = False   # only the list scrolls: the chips and the month stay in view

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        from kiosk.lookup import result_categories, result_months

        conn = host.store.conn()
        flow = self.state.lookup
        self.zone = host.office.zone
        vi = LANG.code == "vi"
        self.add_question(self.tr("Results of reports filed in the commune"))
        self.months = result_months(conn)
        self.categories = result_categories(conn)
        if flow.month not in self.months:
            flow.month = self.months[0] if self.months else None
        if flow.category not in {c[0] for c in self.categories}:
            flow.category = None

        # Categories down the left (their names are long), the month and the answers right.
        columns = QHBoxLayout()
        columns.setSpacing(24)
        chips_host = QWidget()
        chips_host.setObjectName("screenBody")
        chips = QVBoxLayout(chips_host)
        chips.setContentsMargins(0, 0, 8, 0)
        chips.setSpacing(10)
        self.chips: dict[str | None, Chip] = {}
        entries = [(None, self.tr("All categories"))] + [
            (cid, name_vi if vi else name_en) for cid, name_vi, name_en in self.categories]
        for cid, name in entries:
            chip = Chip(name, flow.category == cid)
            chip.clicked.connect(lambda _=False, c=cid: self.choose(c))
            chips.addWidget(chip)
            self.chips[cid] = chip
        chips.addStretch(1)
        side = QScrollArea()
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setWidgetResizable(True)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.setWidget(chips_host)
        side.setFixedWidth(SIDEBAR_PX)
        columns.addWidget(side)
        right = QVBoxLayout()
        right.setSpacing(16)
        columns.addLayout(right, 1)
        self.layout_.addLayout(columns, 1)

        months = QHBoxLayout()
        months.setSpacing(16)
        self.prev_button = button(self.tr("‹ Earlier"), "secondary")
        self.prev_button.setAccessibleName(self.tr("Earlier month"))
        self.prev_button.clicked.connect(lambda: self.step(+1))
        self.next_button = button(self.tr("Later ›"), "secondary")
        self.next_button.setAccessibleName(self.tr("Later month"))
        self.next_button.clicked.connect(lambda: self.step(-1))
        self.month_label = label("", "due", wrap=False)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        months.addWidget(self.prev_button)
        months.addWidget(self.month_label, 1)
        months.addWidget(self.next_button)
        right.addLayout(months)

        self.items_host = QWidget()
        self.items_host.setObjectName("screenBody")
        self.items = QVBoxLayout(self.items_host)
        self.items.setContentsMargins(0, 0, 12, 0)
        self.items.setSpacing(14)
        self.scroll = QScrollArea()
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.items_host)
        right.addWidget(self.scroll, 1)
        self.entries: list[QLabel] = []
        self.fill()

    def choose(self, category: str | None) -> None:
        self.state.lookup.category = category
        for cid, chip in self.chips.items():
            chip.setChecked(cid == category)
        self.fill()

    def step(self, by: int) -> None:
        """+1 = an earlier month (months are newest first), -1 = a later one."""
        flow = self.state.lookup
        if flow.month is None:
            return
        index = self.months.index(flow.month) + by
        if 0 <= index < len(self.months):
            flow.month = self.months[index]
            self.fill()

    def fill(self) -> None:
        from kiosk.lookup import published_results

        flow = self.state.lookup
        while self.items.count():
            item = self.items.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.entries = []
        index = self.months.index(flow.month) if flow.month in self.months else -1
        self.prev_button.setEnabled(0 <= index < len(self.months) - 1)
        self.next_button.setEnabled(index > 0)
        self.month_label.setText(self.tr("Month {month}").format(
            month=month_words(flow.month)) if flow.month else "")
        results = [] if flow.month is None else published_results(
            self.host.store.conn(), flow.category, flow.month, limit=SHOWN_MAX)
        vi = LANG.code == "vi"
        for result in results:
            text = (f"<b>{html.escape(result.category_vi if vi else result.category_en)}</b>"
                    "<br>" + html.escape(self.tr("Filed {filed} · answered {answered}").format(
                        filed=local(result.filed_utc, self.zone, "%d/%m/%Y"),
                        answered=local(result.answered_utc, self.zone, "%d/%m/%Y")))
                    + "<br>" + html.escape(result.answer).replace("\n", "<br>"))
            entry = label(text, "notice")
            entry.setTextFormat(Qt.TextFormat.RichText)
            self.items.addWidget(entry)
            self.entries.append(entry)
        if not results:
            self.items.addWidget(label(
                self.tr("No results have been published yet.") if not self.months
                else self.tr("No results in this category this month."), "hint"))
        self.items.addStretch(1)
        self.scroll.verticalScrollBar().setValue(0)
