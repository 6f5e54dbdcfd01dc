"""The queue's one service interface, and the records that cross it.

Every station (kiosk, clerk console, display board, headless CLI) talks to the queue only through
`QueueService`. On one PC `kiosk.queue.local.LocalQueue` implements it over the shared SQLite
store; a LAN client (office hub, later issue) will implement the same Protocol over the network.
So everything here is plain data: frozen dataclasses of str/int/bool/tuples, no connections, no
Qt, nothing that could not be sent as JSON (`dataclasses.asdict` gives the wire form).

Conventions
- Instants are UTC ISO strings (`kiosk.clock.to_iso`, e.g. "2025-03-04T01:30:00.000000Z");
  show them with `kiosk.clock.local_display` (dd/MM/yyyy HH:mm in the office zone).
- The core returns codes, never sentences: failures raise `kiosk.errors.KioskError` with a
  `queue_*` code (words in `kiosk.messages`). Codes a UI should expect:
    queue_closed            outside hours / lunch / too close to closing; params `reopens`
                            (dd/MM/yyyy HH:mm) and `reopens_utc`
    queue_closed_no_hours   no opening found in the next weeks (hours not set)
    queue_rate_limited      the kiosk path took too many tickets this minute; param `limit`
    queue_service_unknown   no such (active) service; param `service`
    queue_counter_unknown   no such counter; param `counter`
    queue_counter_idle      recall/serve/no_show/transfer/finish with no current ticket
    queue_ticket_unknown    no such ticket; param `ticket`
    queue_ticket_done       cancel/rate a ticket whose state does not allow it; param `ticket`
    queue_transfer_same     transfer to the service the ticket is already in
    queue_booking_unknown / queue_booking_used / queue_booking_other_day / queue_booking_service
    queue_rating_level / queue_already_rated
    (admin and import: queue_prefix_invalid / queue_prefix_taken / queue_booking_row /
     queue_booking_file_unreadable)
- A counter is a number (1, 2, 3 …); a service is a short id ("tu-phap-ho-tich").
- Ticket states (`TicketState`): waiting → called → serving → finished, plus no_show,
  cancelled, not_served (left open at the end of its office day). A recall keeps "called";
  a transfer puts the ticket back to "waiting" in another service, keeping its place by its
  ORIGINAL issue time.
- `call_next` on a counter that still has a called/serving ticket finishes that ticket first
  (the clerk moved on); mark `no_show` before calling next if the resident never came.
- Stations on other processes see changes by polling `watermark()` (cheap) and re-reading
  `board_state()` / `counter_view()` when it moves. A new entry in `BoardState.recent_calls`
  (by `event_id`) is what the board announces, recalls included.

Printing is not part of the service (a LAN client prints on its own printer):
`kiosk.queue.ticket_pdf.save_ticket_pdf(ticket, office_name, path)` renders the 80 mm ticket
(`ticket_pdf.ticket_path(data_dir, ticket)` is where reprints are kept); `estimate.say_estimate`
words an estimate ("khoảng 15 phút"). `clerk` on the clerk actions is a display name for the
per-clerk figures (optional).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

TicketState = Literal["waiting", "called", "serving", "finished", "no_show", "cancelled",
                      "not_served"]
EventKind = Literal["issued", "called", "recalled", "serving", "transferred", "no_show",
                    "finished", "cancelled", "closed"]
RatingLevel = Literal["satisfied", "acceptable", "unsatisfied"]

RATING_LEVELS: tuple[RatingLevel, ...] = ("satisfied", "acceptable", "unsatisfied")
OPEN_STATES: tuple[TicketState, ...] = ("waiting", "called", "serving")
AT_COUNTER_STATES: tuple[TicketState, ...] = ("called", "serving")


@dataclass(frozen=True)
class ServiceInfo:
    """A service tile at the kiosk: names, icon, how many wait now, which counters serve it."""
    id: str
    prefix: str                 # one letter, "A"
    name_vi: str
    name_en: str
    icon: str                   # icon name under resources/icons (without .svg)
    waiting: int                # tickets waiting for this service now (today)
    counters: tuple[int, ...]   # counters serving it (open or not), ascending
    active: bool = True         # inactive services are hidden from the kiosk


@dataclass(frozen=True)
class Ticket:
    """One queue ticket as every station sees it."""
    id: str                     # UUID4; the ticket's QR encodes it, upper-cased ("follow my number")
    label: str                  # "A012"; past 999 "A1000"
    service_id: str             # the service it waits for NOW (after a transfer: the new one)
    service_vi: str
    service_en: str
    priority: bool
    issued_utc: str             # original issue instant; also its place in the queue
    ahead: int                  # people who will be called before it (0 unless waiting)
    estimate_minutes: int | None  # rounded to 5; None without service history today
    counters: tuple[int, ...]   # counters serving its service
    state: TicketState
    counter: int | None         # the counter it is (or was last) called to; None if never called
    office_day: str = ""        # "YYYY-MM-DD" in the office zone
    booking_code: str | None = None
    called_utc: str | None = None   # the latest call (or recall)
    booked_from_utc: str | None = None  # a booking taken in time: called first from this instant


@dataclass(frozen=True)
class IssueWindow:
    """Whether the kiosk may issue numbers now, and when that changes."""
    open: bool
    reopens_utc: str | None     # when closed: next instant issuing resumes (None: unknown)
    closes_utc: str | None      # when open: when issuing stops next (None: open around the clock)
    reason: Literal["open", "lunch", "closed", "stop_before_close"] = "open"


@dataclass(frozen=True)
class Call:
    """One call of a number to a counter, as the board shows and announces it."""
    event_id: int               # increases with every call; a new id = announce it
    ticket_id: str
    label: str
    counter: int
    at_utc: str
    recall: bool                # True when the clerk called the same number again


@dataclass(frozen=True)
class CounterSlot:
    """What one counter is doing, for the board's 'serving' list."""
    counter: int
    name: str
    open: bool
    label: str | None           # the ticket at the counter, if any
    state: TicketState | None   # "called" or "serving"


@dataclass(frozen=True)
class BoardState:
    office_name: str
    office_name_en: str
    recent_calls: tuple[Call, ...]      # newest first, today only
    next_waiting: tuple[str, ...]       # labels likely called next, in call order
    serving: tuple[CounterSlot, ...]    # one per counter, ascending
    watermark: int                      # same value as QueueService.watermark() at read time


@dataclass(frozen=True)
class CounterView:
    """Everything the clerk console shows for its counter."""
    number: int
    name: str
    open: bool
    clerk: str | None
    services: tuple[str, ...]           # service ids it serves
    current: Ticket | None              # called or serving here
    waiting: tuple[Ticket, ...]         # its services' waiting tickets in call order (first 30);
                                        # here `ahead` is the place in THIS counter's order
    waiting_count: int                  # all of them


@dataclass(frozen=True)
class Figures:
    """Counts and medians for one service, counter or clerk over one office day."""
    key: str                    # service id, counter number as text, or clerk name
    issued: int                 # tickets issued (services only; 0 for counters/clerks)
    called: int
    served: int                 # finished
    no_show: int
    cancelled: int
    not_served: int
    median_wait_min: float | None     # issue/transfer → first call
    median_service_min: float | None  # serving start (or call) → finished/transferred


@dataclass(frozen=True)
class DayFigures:
    day: str                            # "YYYY-MM-DD" office day
    services: tuple[Figures, ...]
    counters: tuple[Figures, ...]
    clerks: tuple[Figures, ...]
    ratings: tuple[tuple[str, int], ...]  # (level, count) for the day's tickets


@runtime_checkable
class QueueService(Protocol):
    """The queue, for one office. All methods are synchronous and safe to call from any thread
    (the local implementation opens one SQLite connection per thread); call them off the GUI
    thread when they print or may wait on another writer."""

    # --- reading -------------------------------------------------------------------------
    def services(self) -> tuple[ServiceInfo, ...]:
        """Active services in kiosk order, with today's waiting counts."""
        ...

    def issue_window(self) -> IssueWindow:
        """Whether the kiosk may issue now (office hours, lunch, stop before closing)."""
        ...

    def ticket(self, ticket_id: str) -> Ticket | None:
        """A ticket by id, in any case (its QR encodes the id upper-cased), with fresh `ahead`
        and estimate."""
        ...

    def counter_view(self, counter: int) -> CounterView:
        ...

    def board_state(self) -> BoardState:
        ...

    def figures(self, day: str | None = None) -> DayFigures:
        """Today's (or `day`'s, "YYYY-MM-DD") figures derived from ticket events."""
        ...

    def watermark(self) -> int:
        """A number that grows with every ticket event; poll it to know when to re-read."""
        ...

    # --- resident ------------------------------------------------------------------------
    def take(self, service_id: str | None, *, priority: bool = False,
             booking_code: str | None = None, limited: bool = False) -> Ticket:
        """Issue a number. The kiosk passes limited=True (hours and tickets-per-minute are
        enforced: queue_closed, queue_rate_limited); staff paths pass limited=False and may issue
        outside hours. With booking_code the booking's service is used (service_id may be None;
        if given it must match); a booking taken before its slot end is called first once its
        slot has started, one past its slot becomes an ordinary ticket. Committed before return."""
        ...

    def cancel(self, ticket_id: str) -> Ticket:
        """The resident gave up (or staff removed a duplicate): waiting/called/serving → cancelled."""
        ...

    def rate(self, ticket_id: str, level: RatingLevel) -> None:
        """Hài lòng / Chấp nhận được / Không hài lòng, once per ticket that reached a counter."""
        ...

    # --- clerk ---------------------------------------------------------------------------
    def call_next(self, counter: int, clerk: str | None = None) -> Ticket | None:
        """Pick and mark the next ticket for the counter's services in one transaction (two
        clerks never get the same ticket). Opens a closed counter. None when nobody waits."""
        ...

    def recall(self, counter: int, clerk: str | None = None) -> Ticket:
        """Call the counter's current ticket again (a new board entry and announcement)."""
        ...

    def start_serving(self, counter: int, clerk: str | None = None) -> Ticket:
        ...

    def no_show(self, counter: int, clerk: str | None = None) -> Ticket:
        ...

    def transfer(self, counter: int, to_service_id: str, clerk: str | None = None) -> Ticket:
        """Send the current ticket to another service's queue, keeping its original place."""
        ...

    def finish(self, counter: int, clerk: str | None = None) -> Ticket:
        ...

    def set_counter_open(self, counter: int, open: bool, clerk: str | None = None) -> None:
        """Open or close a counter (closing it does not touch a ticket at the counter)."""
        ...

    # --- day -----------------------------------------------------------------------------
    def close_day(self) -> int:
        """Close every open ticket of earlier office days as not served (a 'closed' event) and
        release the counters. Idempotent; returns how many tickets it closed. LocalQueue also
        does this by itself on the first write of a new day."""
        ...
