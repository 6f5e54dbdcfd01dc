"""Ticket numbers: per service, per office day, never reused within a day.

The day is the office's calendar day (Asia/Ho_Chi_Minh), not UTC's: at 06:59 Hanoi time UTC is
still on the previous date. The counter lives in `ticket_seq`, bumped inside the transaction
that inserts the ticket, so a restart or a rolled-back take cannot hand out a number twice.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime
from zoneinfo import ZoneInfo


def office_day(instant: datetime, zone: str) -> str:
    """'YYYY-MM-DD' of `instant` in the office zone."""
    if instant.tzinfo is None:
        raise ValueError("datetime must be timezone-aware")
    return instant.astimezone(ZoneInfo(zone)).date().isoformat()


def label(prefix: str, number: int) -> str:
    """A001 … A999, then A1000: three digits at least, never wrapped (a wrap would repeat)."""
    if number < 1:
        raise ValueError(f"ticket numbers start at 1, got {number}")
    return f"{prefix}{number:03d}"


def next_number(conn: sqlite3.Connection, day: str, service_id: str) -> int:
    """Take the next number for (day, service). Call inside the issuing transaction."""
    row = conn.execute(
        "INSERT INTO ticket_seq (office_day, service_id, last) VALUES (?, ?, 1)"
        " ON CONFLICT (office_day, service_id) DO UPDATE SET last = last + 1 RETURNING last",
        (day, service_id),
    ).fetchone()
    return int(row[0])


def label_taken(conn: sqlite3.Connection, day: str, text: str) -> bool:
    # Only after an admin moved a prefix to another service mid-day can two services meet on
    # one label; the caller then takes the next number rather than print a duplicate.
    return conn.execute("SELECT 1 FROM tickets WHERE office_day = ? AND label = ?",
                        (day, text)).fetchone() is not None
