"""Time: UTC instants in the store, the office's zone for people, and a guard against a clock
that went backwards (a dead CMOS battery resets a kiosk to 2000-01-01)."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

OFFICE_ZONE = "Asia/Ho_Chi_Minh"


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_iso(instant: datetime) -> str:
    """Fixed-width UTC text, so string order is time order in SQL."""
    return instant.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def from_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def local_display(instant: datetime, zone: str = OFFICE_ZONE) -> str:
    """dd/MM/yyyy HH:mm in the office zone."""
    return instant.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")


def newest_event(conn: sqlite3.Connection) -> datetime | None:
    row = conn.execute(
        "SELECT max(at) FROM (SELECT max(created_utc) AS at FROM reports"
        " UNION ALL SELECT max(at_utc) FROM audit_log)"
    ).fetchone()
    return from_iso(row[0]) if row and row[0] else None


@dataclass(frozen=True)
class ClockCheck:
    now: datetime              # what the device clock says
    newest: datetime | None    # the newest instant already in the store
    behind: bool               # the clock reads earlier than something recorded

    @property
    def record_time(self) -> datetime:
        """The instant to record: never before what is already recorded."""
        if self.behind and self.newest is not None:
            return self.newest
        return self.now


def check_clock(conn: sqlite3.Connection, now: datetime | None = None) -> ClockCheck:
    now = now or utc_now()
    newest = newest_event(conn)
    return ClockCheck(now=now, newest=newest, behind=newest is not None and now < newest)
