"""LocalQueue: the QueueService over the shared SQLite store (all stations on one PC).

Every write is one `BEGIN IMMEDIATE` transaction (kiosk.db.transaction): the writer lock is
taken before anything is read, so two clerks on two processes calling at the same moment are
serialised and never pick the same ticket. The clock is injected (`now`) for midnight tests.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from kiosk import catalog, items
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.queue import closing, events, hours, limits, numbering, priority, reads
from kiosk.queue.api import (OPEN_STATES, RATING_LEVELS, BoardState, CounterView, DayFigures,
                             IssueWindow, RatingLevel, ServiceInfo, Ticket)
from kiosk.queue.bookings import use_booking
from kiosk.queue.events import TicketRow
from kiosk.queue.figures import day_figures
from kiosk.queue.services import counter_services

RATEABLE = ("called", "serving", "finished")


class LocalQueue:
    """QueueService on one store. Cheap to construct; one per station is fine."""

    def __init__(self, store: Store, now: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self._now = now
        self.zone = catalog.office(store.conn()).zone
        self._closed_through: str | None = None   # office day whose earlier days are closed

    # --- plumbing --------------------------------------------------------------------------
    def _context(self, conn: sqlite3.Connection, now: datetime) -> reads.Context:
        return reads.Context(conn, now, numbering.office_day(now, self.zone))

    def _read(self) -> reads.Context:
        return self._context(self.store.conn(), self._now())

    @contextmanager
    def _write(self) -> Iterator[reads.Context]:
        conn = self.store.conn()
        now = self._now()
        if self._closed_through != numbering.office_day(now, self.zone):
            # The first write of a new office day closes yesterday's open tickets, in its own
            # transaction: an action refused below must not undo the day's closing.
            self.close_day(include_today=False)
        with transaction(conn):
            yield self._context(conn, now)

    def _ticket(self, ctx: reads.Context, ticket_id: str) -> Ticket:
        row = reads.ticket_row(ctx.conn, ticket_id)
        if row is None:
            raise KioskError("queue_ticket_unknown", ticket=ticket_id)
        return reads.to_ticket(ctx, row)

    def _counter_ticket(self, ctx: reads.Context, counter: int,
                        clerk: str | None) -> tuple[TicketRow, str | None]:
        """The counter's current ticket, and the clerk to record (the one who called it,
        unless another is named)."""
        self._check_counter(ctx.conn, counter)
        found = ctx.conn.execute("SELECT ticket_id, clerk FROM counter_state WHERE counter = ?",
                                 (counter,)).fetchone()
        row = TicketRow.load(ctx.conn, found[0]) if found and found[0] else None
        if row is None:
            raise KioskError("queue_counter_idle", counter=counter)
        return row, clerk or found[1]

    @staticmethod
    def _check_counter(conn: sqlite3.Connection, counter: int) -> None:
        if conn.execute("SELECT 1 FROM counters WHERE number = ? AND active = 1",
                        (counter,)).fetchone() is None:
            raise KioskError("queue_counter_unknown", counter=counter)

    @staticmethod
    def _check_service(conn: sqlite3.Connection, service_id: str | None) -> str:
        row = conn.execute("SELECT prefix FROM services WHERE id = ? AND active = 1",
                           (service_id,)).fetchone()
        if row is None:
            raise KioskError("queue_service_unknown", service=service_id or "")
        return str(row[0])

    # --- reading ---------------------------------------------------------------------------
    def services(self) -> tuple[ServiceInfo, ...]:
        ctx = self._read()
        rows = ctx.conn.execute(
            "SELECT s.id, s.prefix, s.name_vi, s.name_en, s.icon, (SELECT count(*) FROM tickets t"
            " WHERE t.office_day = ? AND t.state = 'waiting' AND t.service_id = s.id)"
            " FROM services s WHERE s.active = 1 ORDER BY s.sort, s.id", (ctx.day,)).fetchall()
        return tuple(ServiceInfo(r[0], r[1], r[2], r[3], r[4], r[5],
                                 reads.service_counters(ctx.conn, r[0])) for r in rows)

    def issue_window(self) -> IssueWindow:
        return hours.issue_window(hours.load_hours(self.store.conn()), self._now())

    def ticket(self, ticket_id: str) -> Ticket | None:
        ctx = self._read()
        row = reads.ticket_row(ctx.conn, ticket_id.strip().lower())   # the QR is upper case
        return reads.to_ticket(ctx, row) if row else None

    def ticket_by_label(self, label: str, day: str | None = None) -> Ticket | None:
        """Staff lookup by printed number ("a12" finds A012) on today's (or `day`'s) list."""
        ctx = self._read()
        text = label.strip().upper()
        if len(text) >= 2 and text[1:].isdigit():
            text = numbering.label(text[0], int(text[1:])) if int(text[1:]) else text
        row = ctx.conn.execute(f"{reads.TICKET_SQL} WHERE t.office_day = ? AND t.label = ?",
                               (day or ctx.day, text)).fetchone()
        return reads.to_ticket(ctx, row) if row else None

    def counter_view(self, counter: int) -> CounterView:
        ctx = self._read()
        found = ctx.conn.execute(
            "SELECT c.name, coalesce(st.open, 0), st.clerk, st.ticket_id FROM counters c"
            " LEFT JOIN counter_state st ON st.counter = c.number WHERE c.number = ?",
            (counter,)).fetchone()
        if found is None:
            raise KioskError("queue_counter_unknown", counter=counter)
        served = counter_services(ctx.conn, counter)
        current = self._ticket(ctx, found[3]) if found[3] else None
        waiting = tuple(reads.to_ticket(ctx, row, ahead=i)
                        for i, row in enumerate(reads.ordered_waiting(ctx, served, 30)))
        count = ctx.conn.execute(
            f"SELECT count(*) FROM tickets WHERE office_day = ? AND state = 'waiting'"
            f" AND service_id IN ({','.join('?' * len(served))})",
            (ctx.day, *served)).fetchone()[0] if served else 0
        return CounterView(counter, found[0], bool(found[1]), found[2], served, current,
                           waiting, count)

    def board_state(self) -> BoardState:
        ctx = self._read()
        office = catalog.office(ctx.conn)
        active = tuple(r[0] for r in ctx.conn.execute("SELECT id FROM services WHERE active = 1"))
        upcoming = tuple(r["label"] for r in reads.ordered_waiting(ctx, active, 6))
        return BoardState(office.name, office.name_en, reads.recent_calls(ctx), upcoming,
                          reads.counter_slots(ctx.conn), reads.watermark(ctx.conn))

    def figures(self, day: str | None = None) -> DayFigures:
        ctx = self._read()
        return day_figures(ctx.conn, day or ctx.day)

    def watermark(self) -> int:
        return reads.watermark(self.store.conn())

    # --- resident --------------------------------------------------------------------------
    def take(self, service_id: str | None, *, priority: bool = False,
             booking_code: str | None = None, limited: bool = False) -> Ticket:
        with self._write() as ctx:
            if limited:
                limits.check_kiosk_may_issue(ctx, self.zone)
            booked_from = None
            if booking_code is not None:
                use = use_booking(ctx.conn, booking_code, service_id, ctx.now, ctx.day,
                                  self.zone)
                service_id, booked_from, booking_code = use.service_id, use.booked_from_utc, use.code
            prefix = self._check_service(ctx.conn, service_id)
            assert service_id is not None
            number = numbering.next_number(ctx.conn, ctx.day, service_id)
            while numbering.label_taken(ctx.conn, ctx.day, numbering.label(prefix, number)):
                number = numbering.next_number(ctx.conn, ctx.day, service_id)
            ticket_id, at = str(uuid.uuid4()), to_iso(ctx.now)
            ctx.conn.execute(
                "INSERT INTO tickets (id, office_day, issued_service_id, number, label, priority,"
                " channel, booking_code, issued_utc, service_id, booked_from_utc,"
                " waiting_since_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (ticket_id, ctx.day, service_id, number, numbering.label(prefix, number),
                 int(priority), "kiosk" if limited else "staff", booking_code, at, service_id,
                 booked_from, at))
            if booking_code is not None:
                ctx.conn.execute("UPDATE bookings SET ticket_id = ? WHERE code = ?",
                                 (ticket_id, booking_code))
            events.add_event(ctx.conn, ticket_id, "issued", ctx.now, ctx.day, service_id)
        return self._ticket(ctx, ticket_id)

    def cancel(self, ticket_id: str) -> Ticket:
        with self._write() as ctx:
            row = TicketRow.load(ctx.conn, ticket_id)
            if row is None:
                raise KioskError("queue_ticket_unknown", ticket=ticket_id)
            if row.state not in OPEN_STATES:
                raise KioskError("queue_ticket_done", ticket=self._label(ctx, ticket_id))
            events.cancel(ctx.conn, row, ctx.now)
        return self._ticket(ctx, ticket_id)

    def rate(self, ticket_id: str, level: RatingLevel) -> None:
        if level not in RATING_LEVELS:
            raise KioskError("queue_rating_level", level=str(level))
        with self._write() as ctx:
            row = TicketRow.load(ctx.conn, ticket_id)
            if row is None:
                raise KioskError("queue_ticket_unknown", ticket=ticket_id)
            if row.state not in RATEABLE:
                raise KioskError("queue_ticket_done", ticket=self._label(ctx, ticket_id))
            if ctx.conn.execute("SELECT 1 FROM ratings WHERE ticket_id = ?",
                                (ticket_id,)).fetchone():
                raise KioskError("queue_already_rated", ticket=self._label(ctx, ticket_id))
            rating_id, at = str(uuid.uuid4()), to_iso(ctx.now)
            ctx.conn.execute("INSERT INTO ratings (id, ticket_id, level, at_utc)"
                             " VALUES (?, ?, ?, ?)", (rating_id, ticket_id, level, at))
            ctx.conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, item_hash)"
                             " VALUES (?, 'rating', ?, ?, ?)",
                             (rating_id, rating_id, at,
                              items.hash_for(ctx.conn, "rating", rating_id)))

    @staticmethod
    def _label(ctx: reads.Context, ticket_id: str) -> str:
        row = ctx.conn.execute("SELECT label FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        return str(row[0]) if row else ticket_id

    # --- clerk -----------------------------------------------------------------------------
    def call_next(self, counter: int, clerk: str | None = None) -> Ticket | None:
        with self._write() as ctx:
            current = ctx.conn.execute(
                "SELECT st.ticket_id, st.clerk FROM counters c LEFT JOIN counter_state st"
                " ON st.counter = c.number WHERE c.number = ? AND c.active = 1",
                (counter,)).fetchone()
            if current is None:
                raise KioskError("queue_counter_unknown", counter=counter)
            if current[0]:
                row = TicketRow.load(ctx.conn, current[0])
                assert row is not None
                events.finish(ctx.conn, row, clerk or current[1], ctx.now)  # the clerk moved on
            picked = self._pick(ctx, counter_services(ctx.conn, counter))
            if picked is None:
                self._open(ctx, counter, clerk)
                return None
            head, lane = picked
            events.call(ctx.conn, TicketRow.from_read(head), counter, clerk, lane, ctx.now)
        return reads.to_ticket(ctx, head, called_at=(counter, ctx.now_iso))

    @staticmethod
    def _pick(ctx: reads.Context, served: tuple[str, ...]) -> tuple[sqlite3.Row, str] | None:
        booked = reads.lane_heads(ctx, served, "booked", 1)
        if booked:
            return booked[0], "booked"
        prio = reads.lane_heads(ctx, served, "priority", 1)
        normal = reads.lane_heads(ctx, served, "normal", 1)
        if not prio and not normal:
            return None
        recent = reads.recent_priority(ctx, served) if prio and normal else []
        if priority.take_priority(ctx.rule, recent, bool(prio), bool(normal)):
            return prio[0], "priority"
        return normal[0], "normal"

    @staticmethod
    def _open(ctx: reads.Context, counter: int, clerk: str | None) -> None:
        ctx.conn.execute(
            "INSERT INTO counter_state (counter, open, clerk, changes, updated_utc)"
            " VALUES (?, 1, ?, 1, ?) ON CONFLICT (counter) DO UPDATE SET"
            " clerk = coalesce(excluded.clerk, clerk), updated_utc = excluded.updated_utc,"
            " changes = changes + (open = 0), open = 1", (counter, clerk, ctx.now_iso))

    def recall(self, counter: int, clerk: str | None = None) -> Ticket:
        with self._write() as ctx:
            row, clerk = self._counter_ticket(ctx, counter, clerk)
            events.recall(ctx.conn, row, clerk, ctx.now)
        return self._ticket(ctx, row.id)

    def start_serving(self, counter: int, clerk: str | None = None) -> Ticket:
        with self._write() as ctx:
            row, clerk = self._counter_ticket(ctx, counter, clerk)
            if row.state == "called":   # a second press changes nothing
                events.serve(ctx.conn, row, clerk, ctx.now)
        return self._ticket(ctx, row.id)

    def no_show(self, counter: int, clerk: str | None = None) -> Ticket:
        with self._write() as ctx:
            row, clerk = self._counter_ticket(ctx, counter, clerk)
            events.no_show(ctx.conn, row, clerk, ctx.now)
        return self._ticket(ctx, row.id)

    def transfer(self, counter: int, to_service_id: str, clerk: str | None = None) -> Ticket:
        with self._write() as ctx:
            row, clerk = self._counter_ticket(ctx, counter, clerk)
            self._check_service(ctx.conn, to_service_id)
            if to_service_id == row.service_id:
                raise KioskError("queue_transfer_same", service=to_service_id)
            events.transfer(ctx.conn, row, to_service_id, clerk, ctx.now)
        return self._ticket(ctx, row.id)

    def finish(self, counter: int, clerk: str | None = None) -> Ticket:
        with self._write() as ctx:
            row, clerk = self._counter_ticket(ctx, counter, clerk)
            events.finish(ctx.conn, row, clerk, ctx.now)
        return self._ticket(ctx, row.id)

    def set_counter_open(self, counter: int, open: bool, clerk: str | None = None) -> None:
        with self._write() as ctx:
            self._check_counter(ctx.conn, counter)
            if open:
                self._open(ctx, counter, clerk)
            else:
                ctx.conn.execute("UPDATE counter_state SET changes = changes + (open = 1),"
                                 " open = 0, updated_utc = ? WHERE counter = ?",
                                 (ctx.now_iso, counter))

    # --- day -------------------------------------------------------------------------------
    def close_day(self, include_today: bool = True) -> int:
        conn = self.store.conn()
        with transaction(conn):
            ctx = self._context(conn, self._now())
            closed = closing.close_earlier_days(ctx)
            if include_today:
                closed += closing.close_after_hours(ctx)
        self._closed_through = ctx.day
        return closed
