"""The number taken: huge, with its service, counters, people ahead and the wait estimate, and
the ticket as printed. It is committed before this shows; the printout is a copy, so a printer
or PDF failure only changes the preview's text. Home comes back by itself after ~20 s."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout

from kiosk.queue.api import Ticket
from ui.i18n import LANG
from ui.printing.status import PrintStatus
from ui.screens.base import Host, Screen
from ui.screens.print_flow import print_ticket
from ui.screens.queue_take import PREVIEW_WIDTH, render_ticket
from ui.screens.state import HOME
from ui.widgets import button, label

TICKET_SCREEN_S = 20


class QueueTicketScreen(Screen):
    name = "queue_ticket"
    scrolls = False
    idle_timeout_s = TICKET_SCREEN_S

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        ticket = self.state.queue.ticket
        assert ticket is not None   # the shell builds this screen only with a ticket
        columns = QHBoxLayout()
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(label(self.tr("Your number"), "fieldLabel"))
        self.number = label(ticket.label, "ticketNumber", wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.number, 0, Qt.AlignmentFlag.AlignLeft)
        self.service = label(ticket.service_vi if LANG.code == "vi" else ticket.service_en,
                             "ticketService")
        left.addWidget(self.service)
        self.details = label(self._details(ticket), "ticketDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        left.addWidget(self.details)
        left.addWidget(label(self.tr(
            "Please watch the screen and listen: your number will be called with its counter."),
            "notice"))
        self.print_status = PrintStatus(lambda: print_ticket(host))
        left.addWidget(self.print_status)
        left.addStretch(1)
        self.done_button = button(self.tr("Done"), "primary")
        self.done_button.setMinimumWidth(260)
        self.done_button.clicked.connect(lambda: host.go(HOME))
        left.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        columns.addLayout(left, 1)

        self.preview = QLabel()
        self.preview.setObjectName("receiptPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("receiptScroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.preview)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setFixedWidth(PREVIEW_WIDTH + 40)
        columns.addWidget(self.scroll)
        self.layout_.addLayout(columns, 1)
        self.show_preview()
        self.show_print()
        render_ticket(host)   # once per ticket; a rebuilt screen reuses the rendered page;
                              # printing starts when its PDF is ready (queue_take)

    def _details(self, ticket: Ticket) -> str:
        lines = []
        counters = ", ".join(str(c) for c in ticket.counters)
        if len(ticket.counters) > 1:
            lines.append(self.tr("Counters: {counters}").format(counters=counters))
        elif counters:
            lines.append(self.tr("Counter: {counters}").format(counters=counters))
        if ticket.state == "waiting":
            lines.append(self.tr("%n people ahead of you", "", ticket.ahead) if ticket.ahead
                         else self.tr("You are next"))
        if ticket.estimate_minutes:   # None: no history today, so no guess
            lines.append(self.tr("Estimated wait: about %n minutes", "",
                                 ticket.estimate_minutes))
        if ticket.priority:
            lines.append(self.tr("Priority number"))
        if ticket.booking_code:
            lines.append(self.tr("Booked: {code}").format(code=ticket.booking_code))
        return "\n".join(lines)

    @property
    def has_preview(self) -> bool:
        return self.state.queue.ticket_image is not None

    def show_preview(self) -> None:
        flow = self.state.queue
        image = flow.ticket_image
        self.scroll.setWidgetResizable(image is None)
        if image is not None:
            self.preview.setPixmap(QPixmap.fromImage(image))
            self.preview.adjustSize()
        elif flow.pdf_state == "failed" or flow.pdf_state == "done":
            assert flow.ticket is not None
            self.preview.setText(self.tr(
                "The ticket could not be printed. Please remember your number: {number}."
            ).format(number=flow.ticket.label))
        else:
            self.preview.setText(self.tr("Preparing the ticket…"))

    def show_print(self) -> None:
        flow = self.state.queue
        self.print_status.show_state(flow.print_state, flow.print_error)
