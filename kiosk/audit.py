"""The audit log of staff and admin actions: who (a role, never a person's name), what, when, on
which tracking code — never the personal data itself.

Append-only in the store: triggers (migration 0010) refuse every UPDATE and DELETE of audit_log.
Every entry is also an outbox row (kind 'audit', written by a trigger in the same transaction,
however the entry was written), so the province receives the log with the next sync.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from kiosk import items
from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction

ACTORS = ("admin", "clerk", "volunteer", "cli", "system")


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at_utc: str
    actor: str
    action: str
    target: str | None
    detail: str


def record(conn: sqlite3.Connection, actor: str, action: str, *, target: str | None = None,
           detail: str = "", at: datetime | None = None) -> int:
    """Append one entry (inside the caller's transaction when one is open) and fix its outbox
    row's hash now. Returns the entry's seq."""
    if actor not in ACTORS or not (1 <= len(action) <= 60):
        raise ValueError(f"audit entry {actor!r}/{action!r}")
    if conn.in_transaction:
        return _append(conn, actor, action, target, detail, at)
    with transaction(conn):
        return _append(conn, actor, action, target, detail, at)


def _append(conn: sqlite3.Connection, actor: str, action: str, target: str | None,
            detail: str, at: datetime | None) -> int:
    cur = conn.execute("INSERT INTO audit_log (at_utc, actor, action, target, detail)"
                       " VALUES (?, ?, ?, ?, ?)",
                       (to_iso(at or utc_now()), actor, action, target, detail[:500]))
    seq = int(cur.lastrowid or 0)
    conn.execute("UPDATE outbox SET item_hash = ? WHERE kind = 'audit' AND ref_id = ?"
                 " AND item_hash IS NULL", (items.hash_for(conn, "audit", str(seq)), str(seq)))
    return seq


def entries(conn: sqlite3.Connection, *, target: str | None = None,
            limit: int = 200) -> list[AuditEntry]:
    """Newest first; only those about `target` when given."""
    sql = "SELECT seq, at_utc, actor, action, target, detail FROM audit_log"
    params: tuple[object, ...] = ()
    if target is not None:
        sql += " WHERE target = ?"
        params = (target,)
    sql += f" ORDER BY seq DESC LIMIT {int(limit)}"
    return [AuditEntry(*row) for row in conn.execute(sql, params).fetchall()]
