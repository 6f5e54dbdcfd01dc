"""Helpers for the queue tests: a settable clock, office-zone times, real office hours."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.db import Store
from kiosk.queue import hours
from kiosk.queue.local import LocalQueue
from tests.support import seeded_store

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = {"open": "07:30", "close": "17:00", "lunch": ["11:30", "13:00"]}
REAL_HOURS = {
    "always_open": False,
    "stop_before_close_min": 15,
    "week": {"mon": DAY, "tue": DAY, "wed": DAY, "thu": DAY, "fri": DAY,
             "sat": {"open": "07:30", "close": "11:30"}, "sun": None},
}
A, B, C = "tu-phap-ho-tich", "chung-thuc", "dat-dai-xay-dung"


def vn(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    """An instant given in office time."""
    return datetime(y, mo, d, h, mi, s, tzinfo=VN).astimezone(timezone.utc)


class Clock:
    """A clock the test moves by hand; LocalQueue reads it on every call."""

    def __init__(self, start: datetime) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> datetime:
        self.at += timedelta(**delta)
        return self.at

    def set(self, instant: datetime) -> None:
        self.at = instant


def queue_store(data_dir: Path, start: datetime, real_hours: bool = False
                ) -> tuple[Store, LocalQueue, Clock]:
    store = seeded_store(data_dir)
    if real_hours:
        hours.save_hours(store.conn(), REAL_HOURS)
    clock = Clock(start)
    return store, LocalQueue(store, now=clock), clock


def invariant_problems(conn: sqlite3.Connection) -> list[str]:
    """What must hold in any store, whatever the clerks did (empty list = all good)."""
    problems = []
    for counter, n in conn.execute("SELECT counter, count(*) AS n FROM tickets WHERE state IN"
                                   " ('called', 'serving') GROUP BY counter HAVING n > 1"):
        problems.append(f"counter {counter} has {n} tickets at once")
    mismatch = conn.execute(
        "SELECT count(*) FROM tickets t LEFT JOIN counter_state s ON s.ticket_id = t.id"
        " WHERE (t.state IN ('called', 'serving')) != (s.counter IS NOT NULL)"
        " OR (s.counter IS NOT NULL AND s.counter != t.counter)").fetchone()[0]
    if mismatch:
        problems.append(f"{mismatch} tickets disagree with counter_state")
    dup = conn.execute("SELECT office_day, label FROM tickets GROUP BY office_day, label"
                       " HAVING count(*) > 1").fetchall()
    if dup:
        problems.append(f"duplicate labels {dup}")
    orphans = conn.execute(
        "SELECT count(*) FROM ticket_events e LEFT JOIN outbox o ON o.item_uuid = e.uuid"
        " AND o.kind = 'ticket_event' WHERE o.seq IS NULL").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} events without an outbox row")
    for ticket_id, state in conn.execute("SELECT id, state FROM tickets"):
        kinds = [r[0] for r in conn.execute(
            "SELECT kind FROM ticket_events WHERE ticket_id = ? ORDER BY id", (ticket_id,))]
        derived = replay(kinds)
        if derived != state:
            problems.append(f"{ticket_id}: cached {state}, events say {derived} ({kinds})")
    return problems


_AFTER = {"issued": "waiting", "called": "called", "serving": "serving",
          "transferred": "waiting", "no_show": "no_show", "finished": "finished",
          "cancelled": "cancelled", "closed": "not_served"}
_ALLOWED = {  # event kind -> states it may follow
    "issued": {None}, "called": {"waiting"}, "recalled": {"called", "serving"},
    "serving": {"called"}, "transferred": {"called", "serving"},
    "no_show": {"called", "serving"}, "finished": {"called", "serving"},
    "cancelled": {"waiting", "called", "serving"}, "closed": {"waiting", "called", "serving"},
}


def replay(kinds: list[str]) -> str:
    """A ticket's state from its events; 'invalid:…' when a transition is impossible (a
    finished ticket called again, a waiting one finished, …)."""
    state: str | None = None
    for kind in kinds:
        if state not in _ALLOWED[kind]:
            return f"invalid:{kind} after {state}"
        state = _AFTER.get(kind, state)
    return state or "none"


def race_callers(commands: list[list[str]]) -> list[str]:
    """Start caller processes, let each say READY, release them together, and return every
    ticket label they report CALLED (in "calls" mode, '-' when nobody waited)."""
    import subprocess

    children = [subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for cmd in commands]
    for child in children:                      # all connected and ready, then all go
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    called: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        called += [line.split()[1] for line in out.splitlines() if line.startswith("CALLED")]
    return called
