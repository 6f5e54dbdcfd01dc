"""Printing the resident's receipt or ticket on the station's printer once it is saved, off the
GUI thread. Like the ticket PDF job, the shell owns it: results land in the WizardState (a
rebuilt screen reads them there), and a reset in between drops a late result."""
from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.printing import PrintOutcome
from kiosk.printing.documents import report_document, ticket_document
from ui.printing.job import start_print, station_request
from ui.screens.base import Host
from ui.screens.state import QUEUE_TICKET, RECEIPT

SHOWN = {"saved": "saved", "printed": "printed", "failed": "failed"}


def _refresh(host: Host, name: str) -> None:
    show = getattr(host.screen(name), "show_print", None)
    if show is not None:
        show()


def print_report_receipt(host: Host) -> None:
    """Print the filed report's receipt (again, after a failure)."""
    state = host.state
    if state.filed is None or state.print_state == "printing":
        return
    code = state.filed.code
    request = station_request(host.store)
    state.print_state, state.print_error = ("saved" if request.silent else "printing"), None
    _refresh(host, RECEIPT)

    def done(outcome: PrintOutcome) -> None:
        if host.state is not state:
            return
        state.print_state, state.print_error = SHOWN[outcome.state], outcome.error
        _refresh(host, RECEIPT)

    start_print(host.store, lambda store: report_document(store, code), done, request,
                owner=host if isinstance(host, QObject) else None)


def print_ticket(host: Host) -> None:
    """Print the queue ticket (its PDF is made by queue_take.render_ticket first)."""
    flow = host.state.queue
    ticket = flow.ticket
    if ticket is None or flow.print_state == "printing":
        return
    ticket_id = ticket.id
    request = station_request(host.store)
    flow.print_state, flow.print_error = ("saved" if request.silent else "printing"), None
    _refresh(host, QUEUE_TICKET)

    def done(outcome: PrintOutcome) -> None:
        if host.state.queue is not flow:
            return
        flow.print_state, flow.print_error = SHOWN[outcome.state], outcome.error
        _refresh(host, QUEUE_TICKET)

    start_print(host.store, lambda store: ticket_document(store, ticket_id), done, request,
                owner=host if isinstance(host, QObject) else None)
