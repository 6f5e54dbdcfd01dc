"""Staff PINs: scrypt with a per-PIN salt plus a per-device salt, compared in constant time,
and a lockout that doubles after repeated failures and survives restarts. No default PIN."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.clock import from_iso, to_iso, utc_now
from kiosk.db import transaction
from kiosk.errors import KioskError

ROLES = ("clerk", "volunteer", "admin")
# The roles in people's words, as the staff screens name them (ui/staff/roles.py and its
# Vietnamese translation), for the headless commands: (Vietnamese, English).
ROLE_NAMES = {"clerk": ("cán bộ tiếp nhận", "clerk"),
              "volunteer": ("thành viên Tổ công nghệ số cộng đồng", "digital-team volunteer"),
              "admin": ("quản trị viên", "administrator")}


def role_name(role: str, lang: str = "vi") -> str:
    names = ROLE_NAMES.get(role)
    return names[1 if lang == "en" else 0] if names else role
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
FREE_TRIES = 3                      # failures before the first lockout
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)
MAX_DOUBLINGS = 8                   # 30 s × 2**7 already exceeds MAX_LOCK
MIN_LEN, MAX_LEN = 6, 12


@dataclass(frozen=True)
class PinCheck:
    ok: bool
    locked_until: datetime | None = None   # set when the role is locked now
    tries_left: int | None = None          # before the next lockout, after a wrong PIN


def _device_salt(conn: sqlite3.Connection) -> bytes:
    row = conn.execute("SELECT value FROM settings WHERE key = 'device.pin_salt'").fetchone()
    if row:
        return bytes.fromhex(json.loads(row[0]))
    salt = secrets.token_bytes(16)
    conn.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('device.pin_salt', ?)",
                 (json.dumps(salt.hex()),))
    row = conn.execute("SELECT value FROM settings WHERE key = 'device.pin_salt'").fetchone()
    return bytes.fromhex(json.loads(row[0]))


def _hash(pin: str, salt: bytes, device_salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=device_salt + salt, dklen=32,
                          maxmem=64 * 1024 * 1024, **params)


def check_pin_strength(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and MIN_LEN <= len(pin) <= MAX_LEN):
        raise KioskError("pin_format", min=MIN_LEN, max=MAX_LEN)
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:])}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        raise KioskError("pin_too_simple")


def has_pin(conn: sqlite3.Connection, role: str) -> bool:
    return conn.execute("SELECT 1 FROM pins WHERE role = ?", (role,)).fetchone() is not None


def locked_until(conn: sqlite3.Connection, role: str) -> datetime | None:
    """The persisted end of a lockout, so a restarted app still shows it."""
    row = conn.execute("SELECT locked_until FROM pins WHERE role = ?", (role,)).fetchone()
    return from_iso(row[0]) if row and row[0] else None


def set_pin(conn: sqlite3.Connection, role: str, pin: str, *, only_if_unset: bool = False) -> bool:
    """Store the PIN's hash. With only_if_unset (the first-run flow), refuse to overwrite a PIN
    set meanwhile, e.g. by the CLI, in the same transaction. Returns False when refused."""
    if role not in ROLES:
        raise KioskError("role_unknown", role=role)
    check_pin_strength(pin)
    salt = secrets.token_bytes(16)
    with transaction(conn):
        if only_if_unset and has_pin(conn, role):
            return False
        digest = _hash(pin, salt, _device_salt(conn), SCRYPT)
        conn.execute(
            "INSERT INTO pins (role, salt, hash, params) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (role) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,"
            " params = excluded.params, failures = 0, locked_until = NULL",
            (role, salt, digest, json.dumps(SCRYPT)),
        )
        conn.execute("INSERT INTO audit_log (at_utc, actor, action) VALUES (?, ?, 'pin_set')",
                     (to_iso(utc_now()), role))
    return True


def verify_pin(conn: sqlite3.Connection, role: str, pin: str,
               now: datetime | None = None) -> PinCheck:
    now = now or utc_now()
    with transaction(conn):  # read-check-update in one write transaction: no racing tries
        row = conn.execute("SELECT salt, hash, params, failures, locked_until FROM pins"
                           " WHERE role = ?", (role,)).fetchone()
        if row is None:
            raise KioskError("pin_not_set", role=role)
        salt, stored, params, failures, locked_until = row
        if locked_until and from_iso(locked_until) > now:
            return PinCheck(ok=False, locked_until=from_iso(locked_until))
        attempt = _hash(pin, salt, _device_salt(conn), json.loads(params))
        if hmac.compare_digest(attempt, stored):
            conn.execute("UPDATE pins SET failures = 0, locked_until = NULL WHERE role = ?",
                         (role,))
            return PinCheck(ok=True)
        failures += 1
        lock = None
        if failures >= FREE_TRIES:
            # Cap the exponent first: 2**n of a timedelta overflows after ~45 failures, and an
            # exception here would roll back the count and end the lockout for good.
            doublings = min(failures - FREE_TRIES, MAX_DOUBLINGS)
            lock = now + min(FIRST_LOCK * 2 ** doublings, MAX_LOCK)
        conn.execute("UPDATE pins SET failures = ?, locked_until = ? WHERE role = ?",
                     (failures, to_iso(lock) if lock else None, role))
        conn.execute("INSERT INTO audit_log (at_utc, actor, action) VALUES (?, ?, 'pin_failed')",
                     (to_iso(now), role))
        return PinCheck(ok=False, locked_until=lock,
                        tries_left=None if lock else FREE_TRIES - failures)
