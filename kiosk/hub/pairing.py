"""Pairing stations with the hub: one-time codes and per-station tokens, stored hashed.

`new_code` (on the hub, `hub pair-code`) makes an 8-character code that expires after 10
minutes; `redeem` (the hub's /api/v1/pair) exchanges it, once, for a fresh station token;
`check_token` is what every other request passes. Only SHA-256 hashes are stored: a copy of the
hub's store does not let anyone act as a station.

Guessing is limited: after FAILURE_LIMIT wrong codes within FAILURE_WINDOW, every pairing attempt
is refused with hub_pairing_locked until the window has passed. `revoke` (on the hub, `hub revoke`)
withdraws a station's token by its id or name; that station then gets hub_token_revoked."""
from __future__ import annotations

import hashlib
import secrets
import sqlite3
from datetime import datetime, timedelta

from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction
from kiosk.errors import KioskError

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I/L: read aloud and typed
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(minutes=10)
FAILURE_LIMIT = 10
FAILURE_WINDOW = timedelta(minutes=10)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_code(conn: sqlite3.Connection, now: datetime | None = None) -> str:
    now = now or utc_now()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    with transaction(conn):
        conn.execute("DELETE FROM hub_pair_codes WHERE expires_utc < ?",
                     (to_iso(now - timedelta(days=1)),))
        conn.execute("INSERT INTO hub_pair_codes (code_hash, created_utc, expires_utc)"
                     " VALUES (?, ?, ?)", (digest(code), to_iso(now), to_iso(now + CODE_LIFETIME)))
    return code


def redeem(conn: sqlite3.Connection, code: str, station: str = "",
           now: datetime | None = None) -> str:
    """The code's one exchange for a new station token; raises hub_pair_code_invalid, or
    hub_pairing_locked after too many wrong codes (then even a right one waits)."""
    now = now or utc_now()
    with transaction(conn):
        since = to_iso(now - FAILURE_WINDOW)
        conn.execute("DELETE FROM hub_pair_failures WHERE at_utc <= ?", (since,))
        failures = conn.execute("SELECT count(*) FROM hub_pair_failures").fetchone()[0]
        if failures >= FAILURE_LIMIT:
            raise KioskError("hub_pairing_locked", minutes=int(FAILURE_WINDOW.total_seconds()
                                                               // 60))
        used = conn.execute(
            "UPDATE hub_pair_codes SET used_utc = ? WHERE code_hash = ? AND used_utc IS NULL"
            " AND expires_utc > ?", (to_iso(now), digest(normalise_code(code)), to_iso(now)))
        token = None
        if used.rowcount != 1:
            conn.execute("INSERT INTO hub_pair_failures (at_utc) VALUES (?)", (to_iso(now),))
        else:
            token = secrets.token_urlsafe(32)
            conn.execute("INSERT INTO hub_tokens (token_hash, station, created_utc)"
                         " VALUES (?, ?, ?)", (digest(token), station[:80], to_iso(now)))
    if token is None:          # the failure is committed before the refusal
        raise KioskError("hub_pair_code_invalid")
    return token


def check_token(conn: sqlite3.Connection, token: str | None) -> bool:
    return token_state(conn, token) == "ok"


def token_state(conn: sqlite3.Connection, token: str | None) -> str:
    """"ok", "revoked" or "unknown"."""
    if not token:
        return "unknown"
    row = conn.execute("SELECT revoked_utc FROM hub_tokens WHERE token_hash = ?",
                       (digest(token),)).fetchone()
    if row is None:
        return "unknown"
    return "ok" if row[0] is None else "revoked"


def stations(conn: sqlite3.Connection) -> list[dict[str, object]]:
    """The hub's station tokens: id, station name, paired and revoked times (UTC ISO)."""
    rows = conn.execute("SELECT rowid, station, created_utc, revoked_utc FROM hub_tokens"
                        " ORDER BY rowid").fetchall()
    return [{"id": r[0], "station": r[1], "paired_utc": r[2], "revoked_utc": r[3]} for r in rows]


def revoke(conn: sqlite3.Connection, which: str, now: datetime | None = None
           ) -> list[dict[str, object]]:
    """Revoke the token with id `which` (digits) or every live token of station `which`; the
    revoked tokens. Raises hub_station_unknown when none matched."""
    now = now or utc_now()
    with transaction(conn):
        if which.strip().isdigit():
            rows = conn.execute("SELECT rowid, station FROM hub_tokens WHERE rowid = ?"
                                " AND revoked_utc IS NULL", (int(which),)).fetchall()
        else:
            rows = conn.execute("SELECT rowid, station FROM hub_tokens WHERE station = ?"
                                " AND revoked_utc IS NULL", (which.strip(),)).fetchall()
        if not rows:
            raise KioskError("hub_station_unknown", station=which)
        conn.executemany("UPDATE hub_tokens SET revoked_utc = ? WHERE rowid = ?",
                         [(to_iso(now), r[0]) for r in rows])
    return [{"id": r[0], "station": r[1]} for r in rows]
