"""The wizard's state: one plain object the screens are rebuilt from.

Views hold nothing the state does not: a language switch rebuilds the screen from here (no typed
text lost), and the idle timeout simply replaces the object (nothing of the last resident left).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage

from kiosk.errors import KioskError
from kiosk.queue.api import ServiceInfo, Ticket
from kiosk.reports import FiledReport, ReportDraft

if TYPE_CHECKING:
    from kiosk.lookup import LookupResult

# The wizard's steps in order; the receipt follows the last one and is not a numbered step.
STEPS = ("category", "text", "photos", "place", "who", "review")
HOME = "home"
RECEIPT = "receipt"
# Taking a queue number: services → (booking code) → ticket. Back leads to the screen named here.
QUEUE = "queue"
QUEUE_CODE = "queue_code"
QUEUE_TICKET = "queue_ticket"
# A volunteer's laptop: the receipts it has filed, to reprint or open (never on the hall kiosk).
FILED = "filed"
# Looking up a case by its code (typed, scanned or shown to the camera), and the commune's
# published results. Back from a result leads to the code screen.
LOOKUP = "lookup"
LOOKUP_RESULT = "lookup_result"
RESULTS = "results"
QUEUE_BACK = {QUEUE: HOME, QUEUE_CODE: QUEUE, FILED: HOME,
              LOOKUP: HOME, LOOKUP_RESULT: LOOKUP, RESULTS: HOME}


@dataclass
class QueueFlow:
    """What one resident did at the queue screens; wiped with the rest of the state."""
    priority: bool = False
    booking_code: str = ""
    services: tuple[ServiceInfo, ...] | None = None   # last read, for the tiles' waiting counts
    taking: bool = False                 # a take() is running off the GUI thread
    ticket: Ticket | None = None
    ticket_pdf: Path | None = None
    ticket_image: QImage | None = None   # page 1 of the ticket PDF, rendered off the GUI thread
    pdf_state: str = ""                  # "", "rendering", "done", "failed"
    print_state: str = ""                # "", "printing", "printed", "failed", "saved" (pdf:)
    print_error: KioskError | None = None


@dataclass
class LookupFlow:
    """One resident's look-up: the code (and a dossier's secret) as typed, the result shown,
    a rating being chosen; wiped with the rest of the state."""
    code: str = ""
    secret: str = ""
    editing: str = "code"               # the field the key pad types into: "code" or "secret"
    wait_until: float = 0.0             # monotonic deadline after lookup_slow_down
    result: LookupResult | None = None
    level: str = ""                     # the rating chosen, before it is sent
    comment: str = ""
    rated_now: bool = False             # rated during this visit: "thank you"
    rate_error: KioskError | None = None
    print_state: str = ""               # as QueueFlow.print_state, for the status slip
    print_error: KioskError | None = None
    # The published results browser: the category chip and the month shown.
    category: str | None = None
    month: str | None = None


@dataclass
class WizardState:
    draft: ReportDraft = field(default_factory=ReportDraft)
    screen: str = HOME
    leave_contact: bool = False          # "leave name and phone" chosen instead of anonymous
    thumbs: dict[str, QImage] = field(default_factory=dict)   # photo sha256 → thumbnail
    photos_pending: int = 0              # photos still being prepared off the GUI thread
    submitting: bool = False
    filed: FiledReport | None = None
    receipt_pdf: Path | None = None
    print_state: str = ""                # as QueueFlow.print_state, for the report's receipt
    print_error: KioskError | None = None
    queue: QueueFlow = field(default_factory=QueueFlow)
    lookup: LookupFlow = field(default_factory=LookupFlow)

    @property
    def step(self) -> int | None:
        """1-based wizard step of the current screen, None on Home and the receipt."""
        return STEPS.index(self.screen) + 1 if self.screen in STEPS else None

    def draft_to_file(self) -> ReportDraft:
        """The draft as it will be filed: contact fields only when the resident chose to leave
        them (typed-then-abandoned contact details are not sent)."""
        if self.leave_contact:
            return replace(self.draft, photos=list(self.draft.photos))
        return replace(self.draft, photos=list(self.draft.photos), contact_name="",
                       contact_phone="", consent_text=None)
