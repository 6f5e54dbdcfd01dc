"""What only the kiosk path (take(limited=True)) must pass: office hours, and a cap on tickets
per minute so one person (or a child at play) cannot empty the number roll. Staff paths skip
both. Runs inside the issuing transaction, so the count of recent tickets is exact."""
from __future__ import annotations

from datetime import timedelta

from kiosk import catalog
from kiosk.clock import local_display, to_iso
from kiosk.errors import KioskError
from kiosk.queue import hours
from kiosk.queue.reads import Context

RATE_SETTING = "queue.kiosk_per_minute"
DEFAULT_PER_MINUTE = 3


def check_kiosk_may_issue(ctx: Context, zone: str) -> None:
    window = hours.issue_window(ctx.hours, ctx.now)
    if not window.open:
        reopens = hours.next_opening(ctx.hours, ctx.now)
        if reopens is None:
            raise KioskError("queue_closed_no_hours")
        raise KioskError("queue_closed", reopens=local_display(reopens, zone),
                         reopens_utc=window.reopens_utc, reason=window.reason)
    limit = int(catalog.get_setting(ctx.conn, RATE_SETTING, DEFAULT_PER_MINUTE) or 0)
    if limit > 0:
        since = to_iso(ctx.now - timedelta(minutes=1))
        taken = ctx.conn.execute("SELECT count(*) FROM tickets WHERE channel = 'kiosk'"
                                 " AND issued_utc > ?", (since,)).fetchone()[0]
        if taken >= limit:
            raise KioskError("queue_rate_limited", limit=limit)
