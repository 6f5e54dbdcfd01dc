"""End of the office day: numbers left open are closed as not served (a 'closed' event each),
and their counters are released. Runs inside the caller's write transaction."""
from __future__ import annotations

from kiosk.queue import events, hours
from kiosk.queue.events import TicketRow
from kiosk.queue.reads import Context


def _close(ctx: Context, where: str, args: tuple[object, ...]) -> int:
    rows = ctx.conn.execute(f"SELECT id FROM tickets WHERE {where} ORDER BY rowid",
                            args).fetchall()
    for (ticket_id,) in rows:
        row = TicketRow.load(ctx.conn, ticket_id)
        assert row is not None
        events.close(ctx.conn, row, ctx.now)
    return len(rows)


def close_earlier_days(ctx: Context) -> int:
    """Waiting, called and serving tickets of office days before today."""
    return _close(ctx, "state IN ('waiting', 'called', 'serving') AND office_day < ?",
                  (ctx.day,))


def close_after_hours(ctx: Context) -> int:
    """With real hours, after today's closing time: today's still-waiting numbers will not be
    called today. Tickets at a counter are left to their clerk."""
    if ctx.hours.always_open:
        return 0
    closing_at = hours.closing_time(ctx.hours, ctx.now)
    if closing_at is not None and ctx.now < closing_at:
        return 0
    return _close(ctx, "office_day = ? AND state = 'waiting'", (ctx.day,))
