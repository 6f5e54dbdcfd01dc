"""The console's two lists: who waits for this counter's services, in call order, and today's
figures per service. Plain QTableWidgets: at most 30 + a handful of rows, redrawn on change."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from kiosk.clock import from_iso
from kiosk.queue.api import DayFigures, Figures, ServiceInfo, Ticket
from ui.i18n import LANG


def _cell(text: str, centre: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if centre:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def local_hm(iso: str | None, zone: str) -> str:
    if not iso:
        return ""
    instant: datetime = from_iso(iso)
    return instant.astimezone(ZoneInfo(zone)).strftime("%H:%M")


def minutes(value: float | None) -> str:
    """Minutes for the figures: whole above 10, one decimal below (a decimal comma in
    Vietnamese), "—" without data."""
    if value is None:
        return "—"
    text = f"{value:.0f}" if value >= 10 else f"{value:.1f}"
    return text.replace(".", ",") if LANG.code == "vi" else text


class WaitingTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setObjectName("waiting_table")
        _setup(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Service"),
                                        self.tr("Taken at"), self.tr("Note")])

    def show_tickets(self, tickets: tuple[Ticket, ...], zone: str) -> None:
        self.setRowCount(len(tickets))
        for row, ticket in enumerate(tickets):
            note = []
            if ticket.booking_code:
                note.append(self.tr("Booked"))
            if ticket.priority:
                note.append(self.tr("Priority"))
            name = ticket.service_vi if LANG.code == "vi" else ticket.service_en
            for column, item in enumerate((_cell(ticket.label), _cell(name),
                                           _cell(local_hm(ticket.issued_utc, zone), True),
                                           _cell(", ".join(note)))):
                self.setItem(row, column, item)
            font = self.item(row, 0).font()
            font.setBold(True)
            self.item(row, 0).setFont(font)
        self._fit()

    def _fit(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)


class FiguresTable(QTableWidget):
    """Per service: issued, served, no-show, median wait and service time (minutes)."""

    def __init__(self) -> None:
        super().__init__(0, 6)
        self.setObjectName("figures_table")
        _setup(self)
        self.retranslate()

    def retranslate(self) -> None:
        # Short headers: the service names need the width (the title says "minutes").
        self.setHorizontalHeaderLabels([self.tr("Service"), self.tr("Issued"), self.tr("Done"),
                                        self.tr("Absent"), self.tr("Wait"),
                                        self.tr("Serve")])

    def show_figures(self, figures: DayFigures, services: tuple[ServiceInfo, ...]) -> None:
        names = {s.id: (s.name_vi if LANG.code == "vi" else s.name_en) for s in services}
        rows: list[Figures] = [f for f in figures.services if f.issued or f.called]
        self.setRowCount(len(rows))
        for row, fig in enumerate(rows):
            name = _cell(names.get(fig.key, fig.key))
            name.setToolTip(name.text())
            cells = (name, _cell(str(fig.issued), True),
                     _cell(str(fig.served), True), _cell(str(fig.no_show), True),
                     _cell(minutes(fig.median_wait_min), True),
                     _cell(minutes(fig.median_service_min), True))
            for column, item in enumerate(cells):
                self.setItem(row, column, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _setup(table: QTableWidget) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
