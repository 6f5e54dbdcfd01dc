"""The wait estimate printed on the ticket and shown at the kiosk.

    people ahead × median of today's last 20 service times for the service
    ÷ counters open for it (at least 1: a closed counter still opens for its queue),
then stretched over the lunch break and rounded to 5 minutes ("khoảng 15 phút").
No history today → None: a guess from yesterday would be worse than saying nothing.
"""
from __future__ import annotations

import math
import sqlite3
import statistics
from datetime import datetime

from kiosk.queue.hours import QueueHours, wall_minutes

HISTORY = 20
STEP = 5


def round_to_step(minutes: float, step: int = STEP) -> int:
    """Nearest multiple of `step`; anything above zero is at least one step."""
    if minutes <= 0:
        return 0
    return max(step, int(math.floor(minutes / step + 0.5)) * step)


def estimate_minutes(ahead: int, recent_service_s: list[float], open_counters: int,
                     hours: QueueHours | None = None, now: datetime | None = None) -> int | None:
    """The estimate from its inputs (pure, for tests); None without service history."""
    if not recent_service_s:
        return None
    median_min = statistics.median(recent_service_s) / 60
    minutes = ahead * median_min / max(1, open_counters)
    if hours is not None and now is not None:
        minutes = wall_minutes(hours, now, minutes)
    return round_to_step(minutes)


def recent_service_times(conn: sqlite3.Connection, day: str, service_id: str) -> list[float]:
    """Today's last 20 service durations (seconds) for the service, newest first."""
    return [r[0] for r in conn.execute(
        "SELECT service_s FROM ticket_events WHERE office_day = ? AND service_id = ?"
        " AND service_s IS NOT NULL ORDER BY id DESC LIMIT ?", (day, service_id, HISTORY))]


def open_counters(conn: sqlite3.Connection, service_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM counter_services cs JOIN counter_state st ON st.counter = cs.counter"
        " JOIN counters c ON c.number = cs.counter"
        " WHERE cs.service_id = ? AND st.open = 1 AND c.active = 1", (service_id,)).fetchone()[0]


def say_estimate(minutes: int | None, lang: str = "vi") -> str:
    """'khoảng 15 phút' / 'about 15 minutes'; '' when there is nothing honest to say."""
    if minutes is None:
        return ""
    if minutes == 0:
        return "sắp đến lượt" if lang == "vi" else "very soon"
    return f"khoảng {minutes} phút" if lang == "vi" else f"about {minutes} minutes"
