"""Read models: tickets with their place and estimate, lane heads, counter views, the board.

A ticket's lane: "booked" (a booking taken in time, its slot started), "priority" or "normal".
Within a lane the order is the original issue time (then insertion order), so a transferred
ticket keeps its place.
"""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from functools import cached_property

from kiosk.clock import to_iso
from kiosk.queue import estimate, priority
from kiosk.queue.api import Call, CounterSlot, Ticket
from kiosk.queue.hours import QueueHours, load_hours
from kiosk.queue.priority import Lane, PriorityRule

TICKET_COLUMNS = (
    "t.id, t.label, t.service_id, s.name_vi, s.name_en, t.priority, t.issued_utc, t.state,"
    " t.counter, t.office_day, t.booking_code, t.called_utc, t.booked_from_utc, t.rowid,"
    " t.waiting_since_utc, t.started_utc")
TICKET_SQL = f"SELECT {TICKET_COLUMNS} FROM tickets t JOIN services s ON s.id = t.service_id"


class Context:
    """One call's connection, instant and office day; settings are read on first use only
    (a call to the next number needs the priority rule, never the office hours)."""

    def __init__(self, conn: sqlite3.Connection, now: datetime, day: str) -> None:
        self.conn, self.now, self.day = conn, now, day
        self.now_iso = to_iso(now)

    @cached_property
    def rule(self) -> PriorityRule:
        return priority.load_rule(self.conn)

    @cached_property
    def hours(self) -> QueueHours:
        return load_hours(self.conn)


def _marks(values: tuple[object, ...]) -> str:
    return ",".join("?" * len(values))


def lane_of(row: sqlite3.Row, now_iso: str) -> Lane:
    if row["booked_from_utc"] is not None and row["booked_from_utc"] <= now_iso:
        return "booked"
    return "priority" if row["priority"] else "normal"


def lane_heads(ctx: Context, services: tuple[str, ...], lane: Lane,
               limit: int) -> list[sqlite3.Row]:
    """The first `limit` waiting tickets of one lane over the given services."""
    if not services:
        return []
    marks = _marks(services)
    if lane == "booked":
        sql = (f"{TICKET_SQL} WHERE t.office_day = ? AND t.state = 'waiting'"
               f" AND t.booked_from_utc <= ? AND t.service_id IN ({marks})"
               " ORDER BY t.booked_from_utc, t.issued_utc, t.rowid LIMIT ?")
        args: tuple[object, ...] = (ctx.day, ctx.now_iso, *services, limit)
    else:
        sql = (f"{TICKET_SQL} WHERE t.office_day = ? AND t.state = 'waiting' AND t.priority = ?"
               " AND (t.booked_from_utc IS NULL OR t.booked_from_utc > ?)"
               f" AND t.service_id IN ({marks}) ORDER BY t.issued_utc, t.rowid LIMIT ?")
        args = (ctx.day, int(lane == "priority"), ctx.now_iso, *services, limit)
    return ctx.conn.execute(sql, args).fetchall()


def recent_priority(ctx: Context, services: tuple[str, ...]) -> list[bool]:
    """Whether each of the last N calls for these services was a priority call, newest first."""
    if not services:
        return []
    return [r[0] == "priority" for r in ctx.conn.execute(
        "SELECT lane FROM ticket_events WHERE office_day = ? AND kind = 'called'"
        f" AND service_id IN ({_marks(services)}) ORDER BY id DESC LIMIT ?",
        (ctx.day, *services, ctx.rule.every))]


def ordered_waiting(ctx: Context, services: tuple[str, ...], limit: int) -> list[sqlite3.Row]:
    """The next `limit` tickets these services would call, in order."""
    heads = {lane: lane_heads(ctx, services, lane, limit)
             for lane in ("booked", "priority", "normal")}
    order = priority.call_order(ctx.rule, recent_priority(ctx, services), heads["booked"],
                                heads["priority"], heads["normal"])
    return [row for _, row in zip(range(limit), order)]


def ahead_of(ctx: Context, row: sqlite3.Row) -> int:
    """People called before this waiting ticket in its service, counting the interleave."""
    lane = lane_of(row, ctx.now_iso)
    base = ("FROM tickets WHERE office_day = ? AND state = 'waiting' AND service_id = ?")
    booked_expr = "(booked_from_utc IS NOT NULL AND booked_from_utc <= ?)"
    counts = ctx.conn.execute(
        f"SELECT coalesce(sum({booked_expr}), 0),"
        f" coalesce(sum(NOT {booked_expr} AND priority = 1), 0),"
        f" coalesce(sum(NOT {booked_expr} AND priority = 0), 0) {base}",
        (ctx.now_iso, ctx.now_iso, ctx.now_iso, row["office_day"], row["service_id"])).fetchone()
    if lane == "booked":
        rank_sql = (f"SELECT count(*) {base} AND {booked_expr} AND (booked_from_utc, issued_utc,"
                    " rowid) < (?, ?, ?)")
        args: tuple[object, ...] = (row["office_day"], row["service_id"], ctx.now_iso,
                                    row["booked_from_utc"], row["issued_utc"], row["rowid"])
    else:
        rank_sql = (f"SELECT count(*) {base} AND NOT {booked_expr} AND priority = ?"
                    " AND (issued_utc, rowid) < (?, ?)")
        args = (row["office_day"], row["service_id"], ctx.now_iso, row["priority"],
                row["issued_utc"], row["rowid"])
    rank = ctx.conn.execute(rank_sql, args).fetchone()[0]
    return priority.position(ctx.rule, recent_priority(ctx, (row["service_id"],)), lane, rank,
                             *counts)


def service_counters(conn: sqlite3.Connection, service_id: str) -> tuple[int, ...]:
    return tuple(r[0] for r in conn.execute(
        "SELECT cs.counter FROM counter_services cs JOIN counters c ON c.number = cs.counter"
        " WHERE cs.service_id = ? AND c.active = 1 ORDER BY cs.counter", (service_id,)))


def minutes_for(ctx: Context, service_id: str, ahead: int) -> int | None:
    return estimate.estimate_minutes(
        ahead, estimate.recent_service_times(ctx.conn, ctx.day, service_id),
        estimate.open_counters(ctx.conn, service_id), ctx.hours, ctx.now)


def to_ticket(ctx: Context, row: sqlite3.Row, ahead: int | None = None,
              called_at: tuple[int, str] | None = None) -> Ticket:
    """A Ticket from a TICKET_SQL row; `ahead` computed unless given (waiting tickets only).
    `called_at` (counter, instant): the row was read just before this transaction called it."""
    waiting = row["state"] == "waiting" and row["office_day"] == ctx.day and called_at is None
    if waiting and ahead is None:
        ahead = ahead_of(ctx, row)
    ahead = ahead if waiting and ahead is not None else 0
    ticket = Ticket(
        id=row["id"], label=row["label"], service_id=row["service_id"],
        service_vi=row["name_vi"], service_en=row["name_en"], priority=bool(row["priority"]),
        issued_utc=row["issued_utc"], ahead=ahead,
        estimate_minutes=minutes_for(ctx, row["service_id"], ahead) if waiting else None,
        counters=service_counters(ctx.conn, row["service_id"]), state=row["state"],
        counter=row["counter"], office_day=row["office_day"], booking_code=row["booking_code"],
        called_utc=row["called_utc"], booked_from_utc=row["booked_from_utc"])
    if called_at is not None:
        ticket = replace(ticket, state="called", counter=called_at[0], called_utc=called_at[1])
    return ticket


def ticket_row(conn: sqlite3.Connection, ticket_id: str) -> sqlite3.Row | None:
    return conn.execute(f"{TICKET_SQL} WHERE t.id = ?", (ticket_id,)).fetchone()


def recent_calls(ctx: Context, limit: int = 8) -> tuple[Call, ...]:
    rows = ctx.conn.execute(
        "SELECT e.id, e.ticket_id, t.label, e.counter, e.at_utc, e.kind = 'recalled'"
        " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
        " WHERE e.office_day = ? AND e.kind IN ('called', 'recalled')"
        " ORDER BY e.id DESC LIMIT ?", (ctx.day, limit)).fetchall()
    return tuple(Call(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows)


def counter_slots(conn: sqlite3.Connection) -> tuple[CounterSlot, ...]:
    rows = conn.execute(
        "SELECT c.number, c.name, coalesce(st.open, 0), t.label, t.state FROM counters c"
        " LEFT JOIN counter_state st ON st.counter = c.number"
        " LEFT JOIN tickets t ON t.id = st.ticket_id WHERE c.active = 1 ORDER BY c.number"
    ).fetchall()
    return tuple(CounterSlot(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows)


def watermark(conn: sqlite3.Connection) -> int:
    # Both terms only grow: event ids (AUTOINCREMENT, never deleted) and counter open/close.
    return int(conn.execute(
        "SELECT coalesce((SELECT max(id) FROM ticket_events), 0)"
        " + coalesce((SELECT sum(changes) FROM counter_state), 0)").fetchone()[0])
