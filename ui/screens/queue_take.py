"""Taking a number and making its ticket PDF, both off the GUI thread.

The shell (not a screen) owns the jobs: a language switch rebuilds the screens meanwhile, and the
result must still arrive. Results land in the WizardState; a reset in between (idle timeout,
Home) replaces that state, so a late result is dropped instead of reaching the next resident.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QImage

from kiosk.errors import KioskError
from kiosk.queue.api import Ticket
from ui.screens.base import Host
from ui.screens.state import QUEUE_TICKET, QueueFlow
from ui.workers import run_store_task, run_task

log = logging.getLogger("caunoi.ui.queue")
PREVIEW_WIDTH = 340


def take_number(host: Host, service_id: str | None, booking_code: str | None = None) -> bool:
    """Issue a number for the resident (limited: office hours and tickets per minute apply);
    on success show the ticket screen, on a KioskError its sentence. False if one is running."""
    flow = host.state.queue
    if flow.taking:
        return False   # a second touch while the first take runs would issue two numbers
    flow.taking = True
    priority = flow.priority
    queue = host.queue
    host.clear_error()
    host.set_busy(True)

    def work(_conn: object) -> Ticket:
        return queue.take(service_id, priority=priority, booking_code=booking_code,
                          limited=True)

    def done(ticket: Ticket) -> None:
        if host.state.queue is not flow:
            return
        flow.taking = False
        flow.ticket = ticket
        host.set_busy(False)
        host.go(QUEUE_TICKET)

    def failed(error: BaseException) -> None:
        if host.state.queue is not flow:
            return
        flow.taking = False
        host.set_busy(False)
        if isinstance(error, KioskError):
            host.show_error(error)
        else:
            host.show_error(QCoreApplication.translate(
                "QueueTake", "The number could not be issued. Please try again or ask a staff "
                "member."))
        refresh = getattr(host.screen(host.state.screen), "taking_ended", None)
        if refresh is not None:
            refresh()

    owner = host if isinstance(host, QObject) else None
    run_store_task(owner, host.store, work, done, failed)
    return True


def render_ticket(host: Host) -> None:
    """Save the ticket's PDF under <data dir>/tickets and render its first page, off the GUI
    thread; the ticket screen shows it when ready. A failure leaves the ticket valid (it is
    committed) and the screen says so."""
    flow: QueueFlow = host.state.queue
    ticket = flow.ticket
    if ticket is None or flow.pdf_state:
        return
    flow.pdf_state = "rendering"
    office_name = host.office.name       # the paper is always Vietnamese, as the core prints it
    data_dir = host.store.data_dir

    def work() -> tuple[Path, QImage | None]:
        from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path
        from ui.screens.receipt import render_first_page

        path = save_ticket_pdf(ticket, office_name, ticket_path(data_dir, ticket))
        return path, render_first_page(path, PREVIEW_WIDTH)

    def done(result: tuple[Path, QImage | None]) -> None:
        if host.state.queue is not flow:
            return
        flow.ticket_pdf, flow.ticket_image = result
        flow.pdf_state = "done"
        _refresh_ticket_screen(host)
        from ui.screens.print_flow import print_ticket  # imports this module's neighbours

        if not flow.print_state:
            print_ticket(host)

    def failed(error: BaseException) -> None:
        if host.state.queue is not flow:
            return
        log.warning("ticket PDF failed: %s", type(error).__name__)
        flow.pdf_state = "failed"
        _refresh_ticket_screen(host)

    run_task(work, done, failed, owner=host if isinstance(host, QObject) else None)


def _refresh_ticket_screen(host: Host) -> None:
    screen = host.screen(QUEUE_TICKET)
    show = getattr(screen, "show_preview", None)
    if show is not None:
        show()
