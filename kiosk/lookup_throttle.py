"""Slowing down repeated failed lookups, so a kiosk is not a code-guessing machine.

Failures are rows in the store (table lookup_failures), so the count survives the idle wipe, a
restart and a crash. Two keys are throttled independently: the device (`scope`: every unknown
code or wrong secret typed there) and each dossier code (every wrong secret for it, whoever typed
it), because dossier codes are guessable and only the short secret protects them.

The rule, per key: failures form a streak while each comes within QUIET_S after the previous
one's wait ended. From the THRESHOLD-th failure of a streak on, the next try must wait
FIRST_WAIT_S, doubling with each further failure, capped at MAX_WAIT_S. So 5 quick typos cost
30 s, a guesser soon waits 15 min per try (~100 tries a day), and a quiet quarter of an hour
forgives. A successful lookup resets nothing: otherwise a guesser could interleave a code they
know to wipe their count. A try refused for waiting is not a failure (it learns nothing).
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from kiosk.clock import from_iso, to_iso, utc_now
from kiosk.db import transaction
from kiosk.errors import KioskError
from kiosk.messages_lookup import wait_words

THRESHOLD = 5
FIRST_WAIT_S = 30
MAX_WAIT_S = 15 * 60
QUIET_S = 15 * 60
MEMORY = timedelta(days=1)      # older failures are forgotten (and pruned)
_KEEP_ROWS = 500                # a streak longer than this is already at the cap


def wait_after(failures: int) -> int:
    """Seconds to wait after the `failures`-th failure of a streak."""
    if failures < THRESHOLD:
        return 0
    return min(FIRST_WAIT_S * 2 ** min(failures - THRESHOLD, 20), MAX_WAIT_S)


def _remaining(times: list[datetime], now: datetime) -> int:
    count, wait, previous = 0, 0, None
    for at in times:
        if previous is not None and (at - previous).total_seconds() > wait + QUIET_S:
            count = 0
        count += 1
        wait, previous = wait_after(count), at
    if previous is None or wait == 0:
        return 0
    left = (previous - now).total_seconds() + wait
    # A clock set back (dead CMOS battery) must not lock the kiosk for years: at most `wait`.
    return max(0, min(wait, int(-(-left // 1))))


def _times(conn: sqlite3.Connection, column: str, value: str, now: datetime) -> list[datetime]:
    rows = conn.execute(
        f"SELECT at_utc FROM lookup_failures WHERE {column} = ? AND at_utc >= ?"
        " ORDER BY at_utc DESC LIMIT ?", (value, to_iso(now - MEMORY), _KEEP_ROWS)).fetchall()
    return [from_iso(r[0]) for r in reversed(rows)]


def seconds_to_wait(conn: sqlite3.Connection, *, scope: str, dossier: str | None = None,
                    now: datetime | None = None) -> int:
    """How long the device (and, for a dossier, that code) must still wait; 0 = go ahead."""
    now = now or utc_now()
    waits = [_remaining(_times(conn, "scope", scope, now), now)]
    if dossier is not None:
        waits.append(_remaining(_times(conn, "dossier", dossier, now), now))
    return max(waits)


def check(conn: sqlite3.Connection, *, scope: str, dossier: str | None = None,
          now: datetime | None = None) -> None:
    """KioskError('lookup_slow_down', seconds=…) while a wait is running."""
    seconds = seconds_to_wait(conn, scope=scope, dossier=dossier, now=now)
    if seconds > 0:
        vi, en = wait_words(seconds)
        raise KioskError("lookup_slow_down", seconds=seconds, wait_vi=vi, wait_en=en)


def record_failure(conn: sqlite3.Connection, *, scope: str, dossier: str | None = None,
                   now: datetime | None = None) -> None:
    """Count one failed try (committed at once: the caller raises right after)."""
    now = now or utc_now()
    with transaction(conn):
        conn.execute("INSERT INTO lookup_failures (scope, dossier, at_utc) VALUES (?, ?, ?)",
                     (scope[:40], dossier[:40] if dossier else None, to_iso(now)))
        conn.execute("DELETE FROM lookup_failures WHERE at_utc < ?", (to_iso(now - MEMORY),))
