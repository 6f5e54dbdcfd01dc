"""Writing a ticket event: the event row, its outbox row, and the cached ticket/counter state,
always together inside the caller's transaction (DESIGN.md rule 1: the outbox row goes with the
record). This is the only module that changes a ticket after it is issued."""
from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from kiosk import items
from kiosk.clock import to_iso
from kiosk.queue.api import EventKind


@dataclass(frozen=True)
class TicketRow:
    """The cached columns an event needs."""
    id: str
    office_day: str
    service_id: str
    state: str
    counter: int | None
    waiting_since_utc: str
    started_utc: str | None
    priority: bool
    booked_from_utc: str | None

    @staticmethod
    def load(conn: sqlite3.Connection, ticket_id: str) -> TicketRow | None:
        row = conn.execute(
            "SELECT id, office_day, service_id, state, counter, waiting_since_utc, started_utc,"
            " priority, booked_from_utc FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        return TicketRow(*row[:7], bool(row[7]), row[8]) if row else None


    @staticmethod
    def from_read(row: sqlite3.Row) -> TicketRow:
        """From a kiosk.queue.reads TICKET_SQL row (saves a second look-up on the hot path)."""
        return TicketRow(row["id"], row["office_day"], row["service_id"], row["state"],
                         row["counter"], row["waiting_since_utc"], row["started_utc"],
                         bool(row["priority"]), row["booked_from_utc"])


def _parse(text: str) -> datetime:
    # Our own fixed-width "…ffffffZ" text: fromisoformat is ~10× faster than strptime.
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=timezone.utc)


def _seconds(since: str | None, now: datetime) -> float | None:
    if since is None:
        return None
    # A clock set back (dead CMOS battery) must not make a negative duration.
    return max(0.0, (now - _parse(since)).total_seconds())


def add_event(conn: sqlite3.Connection, ticket_id: str, kind: EventKind, now: datetime,
              day: str, service_id: str, *, counter: int | None = None,
              clerk: str | None = None, target: str | None = None, lane: str | None = None,
              wait_s: float | None = None, service_s: float | None = None) -> int:
    """Insert the event and its outbox row; returns the event id."""
    event_uuid = str(uuid.uuid4())
    at = to_iso(now)
    cur = conn.execute(
        "INSERT INTO ticket_events (uuid, ticket_id, kind, at_utc, office_day, service_id,"
        " counter, clerk, target_service_id, lane, wait_s, service_s)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (event_uuid, ticket_id, kind, at, day, service_id, counter, clerk, target, lane,
         wait_s, service_s))
    conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, item_hash)"
                 " VALUES (?, 'ticket_event', ?, ?, ?)",
                 (event_uuid, event_uuid, at, items.hash_for(conn, "ticket_event", event_uuid)))
    return int(cur.lastrowid or 0)


def _release_counter(conn: sqlite3.Connection, ticket_id: str, now: datetime) -> None:
    conn.execute("UPDATE counter_state SET ticket_id = NULL, updated_utc = ? WHERE ticket_id = ?",
                 (to_iso(now), ticket_id))


def call(conn: sqlite3.Connection, t: TicketRow, counter: int, clerk: str | None,
         lane: str, now: datetime) -> int:
    at = to_iso(now)
    conn.execute("UPDATE tickets SET state = 'called', counter = ?, called_utc = ?,"
                 " started_utc = ? WHERE id = ?", (counter, at, at, t.id))
    conn.execute(
        "INSERT INTO counter_state (counter, open, clerk, ticket_id, changes, updated_utc)"
        " VALUES (?, 1, ?, ?, 1, ?) ON CONFLICT (counter) DO UPDATE SET ticket_id ="
        " excluded.ticket_id, clerk = coalesce(excluded.clerk, clerk), updated_utc = excluded"
        ".updated_utc, changes = changes + (open = 0), open = 1",
        (counter, clerk, t.id, at))
    return add_event(conn, t.id, "called", now, t.office_day, t.service_id, counter=counter,
                     clerk=clerk, lane=lane, wait_s=_seconds(t.waiting_since_utc, now))


def recall(conn: sqlite3.Connection, t: TicketRow, clerk: str | None, now: datetime) -> int:
    conn.execute("UPDATE tickets SET called_utc = ? WHERE id = ?", (to_iso(now), t.id))
    return add_event(conn, t.id, "recalled", now, t.office_day, t.service_id,
                     counter=t.counter, clerk=clerk)


def serve(conn: sqlite3.Connection, t: TicketRow, clerk: str | None, now: datetime) -> int:
    # The service time is counted from here, not from the call (walking to the counter is not
    # service); a ticket finished without this step counts from its call.
    conn.execute("UPDATE tickets SET state = 'serving', started_utc = ? WHERE id = ?",
                 (to_iso(now), t.id))
    return add_event(conn, t.id, "serving", now, t.office_day, t.service_id,
                     counter=t.counter, clerk=clerk)


def finish(conn: sqlite3.Connection, t: TicketRow, clerk: str | None, now: datetime) -> int:
    conn.execute("UPDATE tickets SET state = 'finished' WHERE id = ?", (t.id,))
    _release_counter(conn, t.id, now)
    return add_event(conn, t.id, "finished", now, t.office_day, t.service_id, counter=t.counter,
                     clerk=clerk, service_s=_seconds(t.started_utc, now))


def no_show(conn: sqlite3.Connection, t: TicketRow, clerk: str | None, now: datetime) -> int:
    conn.execute("UPDATE tickets SET state = 'no_show' WHERE id = ?", (t.id,))
    _release_counter(conn, t.id, now)
    return add_event(conn, t.id, "no_show", now, t.office_day, t.service_id, counter=t.counter,
                     clerk=clerk)


def transfer(conn: sqlite3.Connection, t: TicketRow, target: str, clerk: str | None,
             now: datetime) -> int:
    # issued_utc (the place in line) is untouched: the resident keeps their original place.
    # A booking's precedence was used up by being called.
    at = to_iso(now)
    conn.execute("UPDATE tickets SET state = 'waiting', service_id = ?, waiting_since_utc = ?,"
                 " started_utc = NULL, booked_from_utc = NULL WHERE id = ?", (target, at, t.id))
    _release_counter(conn, t.id, now)
    return add_event(conn, t.id, "transferred", now, t.office_day, t.service_id,
                     counter=t.counter, clerk=clerk, target=target,
                     service_s=_seconds(t.started_utc, now))


def cancel(conn: sqlite3.Connection, t: TicketRow, now: datetime) -> int:
    at_counter = t.state in ("called", "serving")
    conn.execute("UPDATE tickets SET state = 'cancelled' WHERE id = ?", (t.id,))
    _release_counter(conn, t.id, now)
    return add_event(conn, t.id, "cancelled", now, t.office_day, t.service_id,
                     counter=t.counter if at_counter else None)


def close(conn: sqlite3.Connection, t: TicketRow, now: datetime) -> int:
    at_counter = t.state in ("called", "serving")
    conn.execute("UPDATE tickets SET state = 'not_served' WHERE id = ?", (t.id,))
    _release_counter(conn, t.id, now)
    # Logged under the ticket's own office day, so that day's figures count it.
    return add_event(conn, t.id, "closed", now, t.office_day, t.service_id,
                     counter=t.counter if at_counter else None)
