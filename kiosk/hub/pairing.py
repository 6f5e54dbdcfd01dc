"""Pairing stations with the hub: one-time codes and per-station tokens, stored hashed.

`new_code` (on the hub, `hub pair-code`) makes an 8-character code that expires after 10
minutes; `redeem` (the hub's /api/v1/pair) exchanges it, once, for a fresh station token;
`check_token` is what every other request passes. Only SHA-256 hashes are stored: a copy of the
hub's store does not let anyone act as a station."""
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
    """The code's one exchange for a new station token; raises hub_pair_code_invalid."""
    now = now or utc_now()
    with transaction(conn):
        used = conn.execute(
            "UPDATE hub_pair_codes SET used_utc = ? WHERE code_hash = ? AND used_utc IS NULL"
            " AND expires_utc > ?", (to_iso(now), digest(normalise_code(code)), to_iso(now)))
        if used.rowcount != 1:
            raise KioskError("hub_pair_code_invalid")
        token = secrets.token_urlsafe(32)
        conn.execute("INSERT INTO hub_tokens (token_hash, station, created_utc) VALUES (?, ?, ?)",
                     (digest(token), station[:80], to_iso(now)))
    return token


def check_token(conn: sqlite3.Connection, token: str | None) -> bool:
    if not token:
        return False
    return conn.execute("SELECT 1 FROM hub_tokens WHERE token_hash = ? AND revoked_utc IS NULL",
                        (digest(token),)).fetchone() is not None
