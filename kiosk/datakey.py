"""The data key: 32 random bytes that seal residents' personal fields (kiosk/crypto_fields.py).

Made at first need (the first report with a name, phone or private address), never earlier.
Where it lives is recorded in the setting `privacy.key_storage`:

- "keyring": the OS keyring (kiosk/keyring_store.py, with timeouts), under the store's namespace.
- "file": `<data dir>/keys/data.key`, mode 0600 in a 0700 folder, chosen automatically ONLY
  when no keyring works when the key is made. The admin screen and `privacy status` then say so
  plainly, because the key sits beside the data it protects (a copied data dir carries both);
  `move_to_keyring` moves it once a keyring works.

There is no third way: personal fields are never stored in plain text. `privacy.key_check`
(an HMAC of a constant under the key) tells a lost key (keyring wiped, file deleted) and a
wrong key (someone else's backup) apart from a working one, and both are said plainly
(KioskError 'data_key_missing' / 'data_key_wrong'), instead of sealing new data under a fresh
key that would hide the loss. `replace_lost_key` is the admin's explicit way on.

The backup engineer's encrypted backups carry the key: `export_data_key` / `import_data_key`.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.crypto_fields import KEY_BYTES
from kiosk.errors import KioskError
from kiosk.keyring_store import KeyringSlot, KeyringUnavailable, keyring_works, namespace

STORAGE_KEY = "privacy.key_storage"      # "keyring" | "file"; absent: no key made yet
CHECK_KEY = "privacy.key_check"
CREATED_KEY = "privacy.key_created_utc"
FILE_REASON_KEY = "privacy.key_file_reason"   # why the key went to the file (admin screen)
SECRET_NAME = "privacy.data_key"
KEY_DIR = "keys"
KEY_FILE = "data.key"

log = logging.getLogger("caunoi.privacy")
_lock = threading.RLock()
_cache: dict[str, bytes] = {}            # db file → key, checked against key_check on each use


def _check_value(key: bytes) -> str:
    return hmac.new(key, b"caunoi data key check v1", hashlib.sha256).hexdigest()[:32]


def data_dir_of(conn: sqlite3.Connection) -> Path:
    """The data dir of a connection's main database (the store file lives at its top)."""
    for _seq, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).resolve().parent
    raise RuntimeError("the store has no file")   # in-memory databases hold no personal data


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_DIR / KEY_FILE


# --- reading -------------------------------------------------------------------------------

def data_key(conn: sqlite3.Connection, *, create: bool = False) -> bytes:
    """The key, from the cache, the keyring or the key file. With `create`, make it when none
    was ever made (inside the caller's transaction if one is open). KioskError otherwise."""
    with _lock:
        check = catalog.get_setting(conn, CHECK_KEY)
        db = str(data_dir_of(conn))
        cached = _cache.get(db)
        if cached is not None and check is not None and hmac.compare_digest(
                _check_value(cached), str(check)):
            return cached
        if check is None:
            if not create:
                raise KioskError("data_key_missing")
            key = _make(conn)
        else:
            key = _load(conn)
            if not hmac.compare_digest(_check_value(key), str(check)):
                raise KioskError("data_key_wrong")
        _cache[db] = key
        return key


def forget_cached(conn: sqlite3.Connection | None = None) -> None:
    """Drop the in-process copy (all of them without a connection): the next use reads again."""
    with _lock:
        if conn is None:
            _cache.clear()
        else:
            _cache.pop(str(data_dir_of(conn)), None)


def _slot(conn: sqlite3.Connection) -> KeyringSlot:
    return KeyringSlot(namespace(conn))


def _load(conn: sqlite3.Connection) -> bytes:
    storage = catalog.get_setting(conn, STORAGE_KEY)
    if storage == "file":
        path = key_path(data_dir_of(conn))
        try:
            if os.name == "posix" and path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)      # someone widened it: readable by the app's user only
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KioskError("data_key_missing") from None
        except OSError as exc:
            raise KioskError("data_key_unavailable", detail=type(exc).__name__) from None
        return _decode(raw)
    try:
        text = _slot(conn).get(SECRET_NAME)
    except KeyringUnavailable as exc:
        raise KioskError("data_key_unavailable", detail=exc.code) from None
    if text is None:
        raise KioskError("data_key_missing")
    return _decode(text.encode())


def _decode(raw: bytes) -> bytes:
    try:
        key = base64.urlsafe_b64decode(raw.strip())
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KioskError("data_key_wrong")
    return key


def _encode(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode()


# --- making and keeping --------------------------------------------------------------------

def _make(conn: sqlite3.Connection) -> bytes:
    key = os.urandom(KEY_BYTES)
    _keep(conn, key)
    return key


def _keep(conn: sqlite3.Connection, key: bytes) -> str:
    """Put `key` in the keyring if one works, else in the key file; record where. Returns it."""
    storage = "file"
    reason = keyring_works()
    if reason is None:
        try:
            slot = _slot(conn)
            slot.set(SECRET_NAME, _encode(key))
            if slot.get(SECRET_NAME) == _encode(key):   # some backends accept and forget
                storage = "keyring"
            else:
                reason = "keyring_forgot"
        except KeyringUnavailable as exc:
            reason = f"{exc.code}: {exc.params.get('detail', exc.params.get('seconds', ''))}"
            log.warning("keyring refused the data key (%s); using the key file", reason)
    if storage == "file":
        _write_key_file(data_dir_of(conn), key)
        log.warning("no working keyring: the data key is kept in the key file (admin warned)")
    _record(conn, {STORAGE_KEY: storage, CHECK_KEY: _check_value(key),
                   CREATED_KEY: to_iso(utc_now()), FILE_REASON_KEY: str(reason or "")})
    return storage


def _record(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    if conn.in_transaction:
        for k, v in values.items():
            catalog.set_setting(conn, k, v)
        return
    from kiosk.db import transaction

    with transaction(conn):
        for k, v in values.items():
            catalog.set_setting(conn, k, v)


def _write_key_file(data_dir: Path, key: bytes) -> None:
    folder = data_dir / KEY_DIR
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".key-")
    try:
        os.chmod(tmp, 0o600)     # private before a single byte is written
        with os.fdopen(fd, "wb") as out:
            out.write(_encode(key).encode() + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, folder / KEY_FILE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_key_file(data_dir: Path) -> None:
    path = key_path(data_dir)
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:      # overwrite before unlinking
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except FileNotFoundError:
        pass


# --- status for the admin screen and the CLI --------------------------------------------------

@dataclass(frozen=True)
class KeyStatus:
    storage: str                 # "keyring" | "file" | "none" (no key made yet)
    keyring_problem: str | None  # why no keyring works (None: one does)
    problem: str | None          # KioskError code when the key cannot be used now

    @property
    def warn(self) -> bool:
        """True when an admin must be told: key beside the data, or the key unusable."""
        return self.storage == "file" or self.problem is not None

    def as_json(self) -> dict[str, object]:
        return {"storage": self.storage, "keyring_problem": self.keyring_problem,
                "problem": self.problem, "warning": self.warn}


def status(conn: sqlite3.Connection, *, probe: bool = True) -> KeyStatus:
    storage = str(catalog.get_setting(conn, STORAGE_KEY) or "none")
    problem = None
    if probe and storage != "none":
        try:
            data_key(conn)
        except KioskError as exc:
            problem = exc.code
    keyring_problem = keyring_works()
    if keyring_problem is None and storage == "file":   # configured, but it failed when tried
        keyring_problem = str(catalog.get_setting(conn, FILE_REASON_KEY) or "") or None
    return KeyStatus(storage, keyring_problem, problem)


# --- admin actions -------------------------------------------------------------------------

def move_to_keyring(conn: sqlite3.Connection) -> None:
    """Move a file-kept key into the keyring once one works; the key file is then overwritten
    and removed. KioskError('data_key_unavailable') if the keyring still does not work."""
    with _lock:
        if catalog.get_setting(conn, STORAGE_KEY) != "file":
            return
        key = data_key(conn)
        reason = keyring_works()
        if reason is not None:
            raise KioskError("data_key_unavailable", detail="secrets_unavailable")
        slot = _slot(conn)
        try:
            slot.set(SECRET_NAME, _encode(key))
            stored = slot.get(SECRET_NAME)
        except KeyringUnavailable as exc:
            raise KioskError("data_key_unavailable", detail=exc.code) from None
        if stored != _encode(key):
            raise KioskError("data_key_unavailable", detail="keyring_forgot")
        _record(conn, {STORAGE_KEY: "keyring", FILE_REASON_KEY: ""})
        _remove_key_file(data_dir_of(conn))


def replace_lost_key(conn: sqlite3.Connection) -> None:
    """Only when the key is lost or wrong: make a new one, so new reports can carry contact
    details again. What was sealed under the lost key stays unreadable (and says so)."""
    with _lock:
        if catalog.get_setting(conn, CHECK_KEY) is None:
            data_key(conn, create=True)
            return
        try:
            data_key(conn)
        except KioskError as exc:
            if exc.code not in ("data_key_missing", "data_key_wrong"):
                raise
        else:
            raise KioskError("data_key_present")
        forget_cached(conn)
        _make(conn)


def export_data_key(conn: sqlite3.Connection) -> bytes:
    """The key for an encrypted backup (kiosk/backup.py); creates it if none was made yet, so a
    backup taken before the first contact details still restores the same key."""
    return data_key(conn, create=True)


def import_data_key(conn: sqlite3.Connection, key: bytes) -> None:
    """Install `key` (a restored backup's): kept like a new key (keyring, else the key file),
    and `privacy.key_check` follows it, so fields sealed under it open again."""
    if len(key) != KEY_BYTES:
        raise KioskError("data_key_wrong")
    with _lock:
        forget_cached(conn)
        _keep(conn, bytes(key))
