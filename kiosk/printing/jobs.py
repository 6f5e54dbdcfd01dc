"""The print job log (table print_jobs): one row per attempt, printed or failed."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from kiosk.clock import to_iso, utc_now

DocKind = Literal["report", "ticket", "test"]


@dataclass(frozen=True)
class PrintJob:
    seq: int
    kind: DocKind
    ref: str
    ref_id: str
    document: str
    printer_url: str
    state: Literal["printed", "failed"]
    error_code: str | None
    at_utc: str


def record_job(conn: sqlite3.Connection, kind: DocKind, ref: str, printer_url: str,
               error_code: str | None, *, ref_id: str = "", document: str = "") -> int:
    cur = conn.execute(
        "INSERT INTO print_jobs (kind, ref, ref_id, document, printer_url, state, error_code,"
        " at_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (kind, ref[:60], ref_id[:60], document[:300], printer_url[:300],
         "failed" if error_code else "printed", error_code, to_iso(utc_now())))
    return int(cur.lastrowid or 0)


def recent_jobs(conn: sqlite3.Connection, limit: int = 20,
                kind: DocKind | None = None) -> list[PrintJob]:
    """Newest first: the last attempt for each document (a reprint replaces the failure)."""
    where = "WHERE kind = ?" if kind else ""
    params: tuple[object, ...] = (kind,) if kind else ()
    rows = conn.execute(
        f"SELECT * FROM print_jobs WHERE seq IN (SELECT max(seq) FROM print_jobs {where}"
        " GROUP BY kind, ref, ref_id) ORDER BY seq DESC LIMIT ?", (*params, int(limit)))
    return [PrintJob(**dict(row)) for row in rows.fetchall()]


def jobs_for(conn: sqlite3.Connection, kind: DocKind, ref: str) -> list[PrintJob]:
    rows = conn.execute("SELECT * FROM print_jobs WHERE kind = ? AND ref = ? ORDER BY seq",
                        (kind, ref))
    return [PrintJob(**dict(row)) for row in rows.fetchall()]
