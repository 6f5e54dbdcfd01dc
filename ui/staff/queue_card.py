"""The ticket at the counter, big, with what is happening to it and since when."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from kiosk.queue.api import Ticket
from ui.i18n import LANG
from ui.staff.queue_tables import local_hm
from ui.staff.style import set_tone


def _centred(name: str = "") -> QLabel:
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class CurrentCard(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("currentCard")
        self.title = QLabel()
        self.title.setObjectName("section")
        self.number = _centred("currentTicket")
        self.number.setWordWrap(False)
        self.state = _centred("currentState")
        self.detail = _centred()
        set_tone(self.detail, "muted")
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        for widget in (self.title, self.number, self.state, self.detail):
            layout.addWidget(widget)

    def show_ticket(self, ticket: Ticket | None, waiting: int, zone: str) -> None:
        self.title.setText(self.tr("At the counter now"))
        self.number.setText(ticket.label if ticket else "—")
        self.state.setText(self._state_text(ticket, waiting))
        self.detail.setText(self._detail(ticket, zone) if ticket else "")

    def _state_text(self, ticket: Ticket | None, waiting: int) -> str:
        if ticket is None:
            return self.tr("Free — press “Call next”") if waiting else self.tr(
                "Free — nobody is waiting")
        if ticket.state == "called":
            return self.tr("Called — waiting for the resident to come")
        if ticket.state == "serving":
            return self.tr("Being served")
        return ticket.state

    def _detail(self, ticket: Ticket, zone: str) -> str:
        name = ticket.service_vi if LANG.code == "vi" else ticket.service_en
        parts = [name, self.tr("taken {taken}, called {called}").format(
            taken=local_hm(ticket.issued_utc, zone), called=local_hm(ticket.called_utc, zone))]
        if ticket.priority:
            parts.append(self.tr("Priority"))
        return " · ".join(parts)
