"""The board's parts, each drawn from a BoardState: the latest call (huge), the calls before it,
what each counter is doing, and the numbers likely called next. Labels only: a number shows
where to go, never who."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.queue.api import BoardState, Call, CounterSlot

RECENT_ROWS = 6
NEXT_COLUMNS, NEXT_ROWS = 3, 2


def _label(name: str, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel()
    label.setObjectName(f"bq_{name}")
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return label


def _repolish(widget: QWidget, name: str, value: bool) -> None:
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class LatestPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bq_latest")
        centre = Qt.AlignmentFlag.AlignHCenter
        self.caption = _label("call_caption", centre)
        self.number = _label("number", centre)
        self.counter = _label("counter", centre)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 18)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.counter)

    def show_call(self, call: Call | None) -> None:
        if call is None:
            self.caption.setText(self.tr("No number has been called yet"))
            self.number.setText("—")
            self.counter.setText("")
        else:
            self.caption.setText(self.tr("Now calling"))
            self.number.setText(call.label)
            self.counter.setText(self.tr("Counter {n}").format(n=call.counter))

    def set_fresh(self, fresh: bool) -> None:
        _repolish(self, "fresh", fresh)


class RecentPanel(QFrame):
    """The calls before the latest, one line per ticket (a recall does not repeat a line)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bq_panel")
        self.title = _label("recent_title")
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for row in range(RECENT_ROWS):
            pair = (_label("recent_number"), _label("recent_counter"))
            grid.addWidget(pair[0], row, 0)
            grid.addWidget(pair[1], row, 1)
            self.rows.append(pair)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 14)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_calls(self, calls: tuple[Call, ...]) -> None:
        self.title.setText(self.tr("Called before"))
        seen = {calls[0].ticket_id} if calls else set()
        earlier: list[Call] = []
        for call in calls[1:]:
            if call.ticket_id not in seen:
                seen.add(call.ticket_id)
                earlier.append(call)
        for index, (number, counter) in enumerate(self.rows):
            call = earlier[index] if index < len(earlier) else None
            number.setText(call.label if call else "")
            counter.setText(self.tr("Counter {n}").format(n=call.counter) if call else "")


class ServingPanel(QFrame):
    """One cell per counter: its name and the number at it ("—" when free, "Closed")."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bq_panel")
        self.title = _label("section")
        self.cells_row = QHBoxLayout()
        self.cells_row.setSpacing(14)
        self.cells: dict[int, tuple[QLabel, QLabel]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 14)
        layout.addWidget(self.title)
        layout.addLayout(self.cells_row)

    def show_slots(self, slots: tuple[CounterSlot, ...]) -> None:
        self.title.setText(self.tr("At the counters"))
        if list(self.cells) != [s.counter for s in slots]:
            while self.cells_row.count():
                item = self.cells_row.takeAt(0)
                if item.widget() is not None:
                    item.widget().deleteLater()
            self.cells = {}
            for slot in slots:
                cell = QFrame()
                cell.setObjectName("bq_cell")
                box = QVBoxLayout(cell)
                box.setContentsMargins(12, 6, 12, 6)
                box.setSpacing(0)
                pair = (_label("serving_name", Qt.AlignmentFlag.AlignHCenter),
                        _label("serving_number", Qt.AlignmentFlag.AlignHCenter))
                box.addWidget(pair[0])
                box.addWidget(pair[1])
                self.cells_row.addWidget(cell, 1)
                self.cells[slot.counter] = pair
        for slot in slots:
            name, number = self.cells[slot.counter]
            name.setText(self.tr("Counter {n}").format(n=slot.counter))
            if not slot.open and slot.label is None:
                number.setText(self.tr("Closed"))
            else:
                number.setText(slot.label or "—")
            _repolish(number, "idle", slot.label is None)


class NextPanel(QFrame):
    """The numbers likely called next, in call order, in a fixed grid (no reflowing text)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("bq_panel")
        self.title = _label("section")
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(0)
        self.cells: list[QLabel] = []
        for index in range(NEXT_COLUMNS * NEXT_ROWS):
            cell = _label("next")
            grid.addWidget(cell, index // NEXT_COLUMNS, index % NEXT_COLUMNS)
            self.cells.append(cell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 14)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)

    def show_next(self, labels: tuple[str, ...]) -> None:
        self.title.setText(self.tr("Next numbers"))
        shown = labels[:len(self.cells)] or ("—",)
        for index, cell in enumerate(self.cells):
            cell.setText(shown[index] if index < len(shown) else "")


def draw(state: BoardState, latest: LatestPanel, recent: RecentPanel, serving: ServingPanel,
         upcoming: NextPanel) -> None:
    latest.show_call(state.recent_calls[0] if state.recent_calls else None)
    recent.show_calls(state.recent_calls)
    serving.show_slots(state.serving)
    upcoming.show_next(state.next_waiting)
