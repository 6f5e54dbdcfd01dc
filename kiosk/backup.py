"""Encrypted backups of the store, and restoring one onto this or a new PC (docs/deploy-kiosk.md).

A backup is a consistent copy made through SQLite's online backup API (one step, so the copy is
one point in time even while the kiosk keeps writing), encrypted with a key derived from an
admin passphrase (scrypt) with AES-256-GCM in 1 MiB chunks, so a large store never sits in
memory whole. It carries the personal-data key (kiosk.datakey) so encrypted contact fields
survive the loss of the OS keyring, and the old device id so the new PC can name the device it
replaces when it enrols again.

File layout (all integers big-endian):

    header  = MAGIC (14) | version (1) | log2 n (1) | r (1) | p (1) | salt (16)
              | nonce prefix (7) | passphrase check (16)
    records = { final (1) | length (4) | AES-GCM(ciphertext + tag) }*, the last with final = 1

Record i is sealed with nonce = prefix | i (4) | final (1) and the header as associated data, so
records cannot be reordered, dropped, cut short or moved between files. The passphrase check is
scrypt's second 32 bytes hashed: it tells a wrong passphrase from a damaged file (it helps a
guesser no more than decrypting the first record would).

The plaintext is: manifest length (4) | manifest JSON | the SQLite file.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import os
import secrets
import sqlite3
import struct
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kiosk import catalog
from kiosk.db import Store, latest_version, migrate, transaction
from kiosk.errors import KioskError
from kiosk.messages import os_error_name


MAGIC = b"CAUNOI-BACKUP\n"
VERSION = 1
SUFFIX = ".caunoi-backup"
CHUNK = 1024 * 1024
# scrypt: 2**17 × 8 × 128 B = 128 MiB and about half a second per derivation (OWASP's floor).
LOG2_N, R, P = 17, 8, 1
MAX_LOG2_N, MAX_R, MAX_P = 20, 16, 4          # a crafted header must not exhaust the PC
MIN_PASSPHRASE = 10
SALT_LEN, PREFIX_LEN, CHECK_LEN = 16, 7, 16
_HEADER = struct.Struct(f">{len(MAGIC)}sBBBB{SALT_LEN}s{PREFIX_LEN}s{CHECK_LEN}s")
_RECORD = struct.Struct(">BI")
MAX_RECORD = CHUNK + 16
DEVICE_ID_SETTING = "sync.device_id"          # read only: sync/enrol.py owns it
COMMUNE_SETTING = "sync.commune"
# Tables whose rows are counted into the manifest and compared after a restore.
COUNTED = ("reports", "media", "report_media", "outbox", "tickets", "ratings", "cases",
           "audit_log")

Prepare = Callable[[sqlite3.Connection, "Manifest"], None]


@dataclass(frozen=True)
class Manifest:
    created_utc: str
    schema: int                        # the store's user_version
    device_id: str | None              # the device that made the backup (None: never enrolled)
    commune: str | None
    counts: dict[str, int]
    outbox: dict[str, int]             # outbox rows per state
    db_bytes: int
    db_sha256: str
    data_key: bytes | None = field(default=None, repr=False)

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "format": "caunoi-backup", "created_utc": self.created_utc, "schema": self.schema,
            "device_id": self.device_id, "commune": self.commune, "counts": self.counts,
            "outbox": self.outbox, "db_bytes": self.db_bytes, "db_sha256": self.db_sha256,
            "data_key": base64.b64encode(self.data_key).decode() if self.data_key else None}
        return json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != "caunoi-backup":
            raise ValueError("not a manifest")
        key = data.get("data_key")
        return cls(created_utc=str(data["created_utc"]), schema=int(data["schema"]),
                   device_id=data.get("device_id"), commune=data.get("commune"),
                   counts={str(k): int(v) for k, v in data["counts"].items()},
                   outbox={str(k): int(v) for k, v in data["outbox"].items()},
                   db_bytes=int(data["db_bytes"]), db_sha256=str(data["db_sha256"]),
                   data_key=base64.b64decode(key) if key else None)

    def public(self) -> dict[str, Any]:
        """What a person or script may see: no key."""
        return {"created_utc": self.created_utc, "schema": self.schema,
                "device_id": self.device_id, "commune": self.commune, "counts": self.counts,
                "outbox": self.outbox, "db_bytes": self.db_bytes,
                "carries_data_key": self.data_key is not None}


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    file_bytes: int


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    counts: dict[str, int]             # counted again in the restored store
    outbox: dict[str, int]
    previous: Path | None              # the encrypted copy of what the restore replaced


# --- passphrase and key -----------------------------------------------------------------------

def normalise_passphrase(passphrase: str) -> bytes:
    """NFC: the same Vietnamese passphrase typed on another keyboard (decomposed accents) must
    open the backup."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_passphrase(passphrase: str) -> None:
    if len(unicodedata.normalize("NFC", passphrase).strip()) < MIN_PASSPHRASE:
        raise KioskError("backup_passphrase_short", min=MIN_PASSPHRASE)


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    raw = Scrypt(salt=salt, length=64, n=2 ** log2_n, r=r, p=p).derive(
        normalise_passphrase(passphrase))
    check = hashlib.sha256(b"caunoi-backup-check\0" + raw[32:]).digest()[:CHECK_LEN]
    return raw[:32], check


def _nonce(prefix: bytes, index: int, final: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if final else 0)


# --- chunked AES-GCM --------------------------------------------------------------------------

class _SealedWriter:
    """Buffers plaintext and writes it as sealed records of CHUNK bytes."""

    def __init__(self, out: IO[bytes], key: bytes, prefix: bytes, header: bytes) -> None:
        self._out, self._aead, self._prefix, self._aad = out, AESGCM(key), prefix, header
        self._buffer = bytearray()
        self._index = 0

    def write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > CHUNK:   # keep at least one byte for the final record
            self._seal(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]

    def close(self) -> None:
        self._seal(bytes(self._buffer), final=True)
        self._buffer.clear()

    def _seal(self, chunk: bytes, final: bool) -> None:
        if self._index >= 2 ** 32 - 1:
            raise OverflowError("backup too large")
        sealed = self._aead.encrypt(_nonce(self._prefix, self._index, final), chunk, self._aad)
        self._out.write(_RECORD.pack(1 if final else 0, len(sealed)) + sealed)
        self._index += 1


def _open_records(source: IO[bytes], key: bytes, prefix: bytes,
                  header: bytes) -> Iterator[bytes]:
    """Plaintext chunks; KioskError backup_damaged on any tampering, truncation or trailer."""
    aead = AESGCM(key)
    index = 0
    while True:
        head = source.read(_RECORD.size)
        if len(head) != _RECORD.size:
            raise KioskError("backup_damaged")
        final, length = _RECORD.unpack(head)
        if final not in (0, 1) or not 16 <= length <= MAX_RECORD:
            raise KioskError("backup_damaged")
        sealed = source.read(length)
        if len(sealed) != length:
            raise KioskError("backup_damaged")
        try:
            yield aead.decrypt(_nonce(prefix, index, bool(final)), sealed, header)
        except InvalidTag:
            raise KioskError("backup_damaged") from None
        index += 1
        if final:
            if source.read(1):
                raise KioskError("backup_damaged")
            return


# --- what the store holds ---------------------------------------------------------------------

def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def table_counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """(rows per counted table, outbox rows per state)."""
    present = _tables(conn)
    counts = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
              for name in COUNTED if name in present}
    outbox = {str(state): n for state, n in conn.execute(
        "SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state")} \
        if "outbox" in present else {}
    return counts, outbox


def holds_data(conn: sqlite3.Connection) -> bool:
    """True when the store has anything a restore would destroy (reports, outbox items, queue
    tickets). A fresh, seeded store with only an admin PIN holds nothing."""
    counts, _ = table_counts(conn)
    return any(counts.get(name, 0) for name in ("reports", "outbox", "tickets"))


def _data_key_module() -> Any | None:
    try:
        from kiosk import datakey   # the personal-data engineer's module (fields encryption)
    except ImportError:
        return None
    return datakey


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private_temp(directory: Path, suffix: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=directory, prefix=".caunoi-", suffix=suffix)
    os.close(fd)
    os.chmod(name, 0o600)
    return Path(name)


def _remove_db(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def default_name(conn: sqlite3.Connection, now: datetime | None = None) -> str:
    now = now or datetime.now(timezone.utc)
    commune = catalog.get_setting(conn, COMMUNE_SETTING) or catalog.office(conn).commune_code
    safe = "".join(ch for ch in str(commune or "xa") if ch.isalnum() or ch in "-_")[:20] or "xa"
    return f"caunoi-{safe}-{now.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"


# --- backup -----------------------------------------------------------------------------------

def make_backup(store: Store, dest: Path, passphrase: str, *,
                now: datetime | None = None) -> BackupResult:
    """Write an encrypted backup of `store` to `dest`: a file if its name ends in SUFFIX, else a
    folder (made if missing, e.g. on a USB stick) to put a dated file into. Written beside the target as .part and renamed when complete: a stick pulled mid-way
    leaves no file that looks like a backup."""
    check_passphrase(passphrase)
    now = now or datetime.now(timezone.utc)
    dest = Path(dest).expanduser()
    if dest.is_dir() or not dest.name.endswith(SUFFIX):
        dest = dest / default_name(store.conn(), now)
    if dest.exists():
        raise KioskError("backup_exists", path=str(dest))
    copy = _private_temp(store.data_dir / "backups", ".sqlite3")
    part = dest.with_name(dest.name + ".part")
    try:
        manifest = _snapshot(store, copy, now)
        salt, prefix = secrets.token_bytes(SALT_LEN), secrets.token_bytes(PREFIX_LEN)
        key, check = _derive(passphrase, salt, LOG2_N, R, P)
        header = _HEADER.pack(MAGIC, VERSION, LOG2_N, R, P, salt, prefix, check)
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            with open(part, "wb") as out:
                out.write(header)
                writer = _SealedWriter(out, key, prefix, header)
                body = manifest.to_json()
                writer.write(struct.pack(">I", len(body)) + body)
                with open(copy, "rb") as plain:
                    while block := plain.read(CHUNK):
                        writer.write(block)
                writer.close()
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, dest)
            _fsync_dir(dest.parent)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise KioskError("backup_unwritable", path=str(dest),
                             os_error=os_error_name(exc)) from exc
    finally:
        _remove_db(copy)
    return BackupResult(dest, manifest, dest.stat().st_size)


def _snapshot(store: Store, copy: Path, now: datetime) -> Manifest:
    """Copy the live store into `copy` in one backup step (one read transaction: a consistent
    point in time; WAL lets the kiosk keep writing meanwhile) and describe it."""
    datakey = _data_key_module()
    # First: a store with no key yet gets one here, and the snapshot then holds its check value.
    data_key = None
    if datakey is not None:
        try:
            data_key = datakey.export_data_key(store.conn())
        except KioskError as exc:
            # The key is lost or locked away here: the reports are still worth a backup (what
            # was sealed under the lost key is unreadable anyway); the manifest says so.
            if not exc.code.startswith("data_key"):
                raise
    source = sqlite3.connect(store.path, timeout=10)
    target = sqlite3.connect(copy)
    try:
        source.backup(target, pages=-1)
        target.execute("PRAGMA journal_mode=DELETE")   # one self-contained file
        ok = target.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise KioskError("store_unreadable", path=str(store.path), detail=str(ok))
        counts, outbox = table_counts(target)
        schema = target.execute("PRAGMA user_version").fetchone()[0]
        device_id = catalog.get_setting(target, DEVICE_ID_SETTING)
        commune = catalog.get_setting(target, COMMUNE_SETTING)
    finally:
        target.close()
        source.close()
    digest = hashlib.sha256()
    with open(copy, "rb") as plain:
        while block := plain.read(CHUNK):
            digest.update(block)
    return Manifest(created_utc=now.strftime("%Y-%m-%dT%H:%M:%SZ"), schema=schema,
                    device_id=str(device_id) if device_id else None,
                    commune=str(commune) if commune else None, counts=counts, outbox=outbox,
                    db_bytes=copy.stat().st_size, db_sha256=digest.hexdigest(),
                    data_key=data_key)


# --- restore ----------------------------------------------------------------------------------

def read_header(source: IO[bytes], path: Path) -> tuple[bytes, tuple[int, int, int, bytes,
                                                                     bytes, bytes]]:
    header = source.read(_HEADER.size)
    if len(header) < len(MAGIC) or header[:len(MAGIC)] != MAGIC:
        raise KioskError("backup_not_a_backup", path=str(path))
    if len(header) != _HEADER.size:
        raise KioskError("backup_damaged")
    _magic, version, log2_n, r, p, salt, prefix, check = _HEADER.unpack(header)
    if version > VERSION:
        raise KioskError("backup_too_new")
    if version != VERSION or not (10 <= log2_n <= MAX_LOG2_N and 1 <= r <= MAX_R
                                  and 1 <= p <= MAX_P):
        raise KioskError("backup_damaged")
    return header, (log2_n, r, p, salt, prefix, check)


def _decrypt_to(source: IO[bytes], key: bytes, prefix: bytes, header: bytes,
                copy: Path) -> Manifest:
    records = _open_records(source, key, prefix, header)
    pending = b""
    for chunk in records:                      # the manifest may span records
        pending += chunk
        if len(pending) >= 4 and len(pending) >= 4 + struct.unpack(">I", pending[:4])[0]:
            break
    if len(pending) < 4:
        raise KioskError("backup_damaged")
    size = struct.unpack(">I", pending[:4])[0]
    if len(pending) < 4 + size:
        raise KioskError("backup_damaged")
    try:
        manifest = Manifest.from_json(pending[4:4 + size])
    except (ValueError, KeyError, TypeError):
        raise KioskError("backup_damaged") from None
    digest = hashlib.sha256()
    written = 0
    with open(copy, "wb") as out:
        for block in itertools.chain((pending[4 + size:],), records):   # streamed, never whole
            out.write(block)
            digest.update(block)
            written += len(block)
        out.flush()
        os.fsync(out.fileno())
    if written != manifest.db_bytes or not hmac.compare_digest(digest.hexdigest(),
                                                                manifest.db_sha256):
        raise KioskError("backup_damaged")
    return manifest


def inspect_backup(path: Path, passphrase: str) -> Manifest:
    """The manifest of a backup (checks the passphrase and the first records only)."""
    path = find_source(path)
    with _open_source(path) as source:
        header, (log2_n, r, p, salt, prefix, check) = read_header(source, path)
        key = _checked_key(passphrase, salt, log2_n, r, p, check)
        buffered = b""
        for chunk in _open_records(source, key, prefix, header):
            buffered += chunk
            if len(buffered) >= 4 and len(buffered) >= 4 + struct.unpack(">I", buffered[:4])[0]:
                break
        size = struct.unpack(">I", buffered[:4])[0] if len(buffered) >= 4 else -1
        try:
            return Manifest.from_json(buffered[4:4 + size])
        except (ValueError, KeyError, TypeError):
            raise KioskError("backup_damaged") from None


def find_source(path: Path) -> Path:
    """The backup file to restore from `path`: the path itself when it is a file (or missing,
    which _open_source then reports), else the newest *.caunoi-backup inside the folder, the
    same rule make_backup follows when it is given a folder."""
    path = Path(path).expanduser()
    if not path.is_dir():
        return path
    try:
        found = [p for p in path.glob(f"*{SUFFIX}") if p.is_file()]
    except OSError as exc:
        raise KioskError("backup_unreadable", path=str(path),
                         os_error=os_error_name(exc)) from exc
    if not found:
        raise KioskError("backup_none_in_folder", path=str(path))
    return max(found, key=lambda p: (p.stat().st_mtime, p.name))


def _open_source(path: Path) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise KioskError("backup_unreadable", path=str(path),
                         os_error=os_error_name(exc)) from exc


def _checked_key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int,
                 check: bytes) -> bytes:
    key, expected = _derive(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(expected, check):
        raise KioskError("backup_passphrase_wrong")
    return key


def restore_backup(source_path: Path, passphrase: str, store: Store, *, replace: bool = False,
                   prepare: Prepare | None = None,
                   now: datetime | None = None) -> RestoreResult:
    """Replace the contents of `store` with the backup's. Refuses a store that holds data
    unless `replace` (whose current contents are first saved as an encrypted backup, with the
    same passphrase, under backups/). `prepare(conn, manifest)` runs on the decrypted copy, in
    one transaction, before anything of the live store changes: sync/enrol.py's
    forget_enrolment clears the old device's credentials there. The copy goes into the live
    file through the backup API, so connections open elsewhere in this process see it."""
    source_path = find_source(source_path)
    conn = store.conn()
    if holds_data(conn) and not replace:
        counts, outbox = table_counts(conn)
        raise KioskError("restore_target_not_empty", reports=counts.get("reports", 0),
                         outbox=outbox.get("pending", 0))
    copy = _private_temp(store.data_dir / "backups", ".sqlite3")
    try:
        with _open_source(source_path) as source:
            header, (log2_n, r, p, salt, prefix, check) = read_header(source, source_path)
            key = _checked_key(passphrase, salt, log2_n, r, p, check)
            try:
                manifest = _decrypt_to(source, key, prefix, header, copy)
            except OSError as exc:
                raise KioskError("backup_unreadable", path=str(source_path),
                                 os_error=os_error_name(exc)) from exc
        if manifest.schema > latest_version():
            raise KioskError("backup_too_new")
        datakey = _data_key_module()
        if manifest.data_key is not None and datakey is None:
            raise KioskError("restore_data_key_unsupported")
        _prepare_copy(copy, manifest, prepare)
        previous = None
        if holds_data(conn):
            previous = make_backup(store, store.data_dir / "backups", passphrase,
                                   now=now).path
        restored = sqlite3.connect(copy)
        try:
            restored.backup(conn, pages=-1)
        finally:
            restored.close()
        migrate(conn)   # a backup from an earlier version is brought up to date here
        if manifest.data_key is not None:
            datakey.import_data_key(conn, manifest.data_key)
        counts, outbox = table_counts(conn)
    finally:
        _remove_db(copy)
    return RestoreResult(manifest, counts, outbox, previous)


def _prepare_copy(copy: Path, manifest: Manifest, prepare: Prepare | None) -> None:
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise KioskError("backup_damaged")
        if prepare is not None:
            with transaction(conn):
                prepare(conn, manifest)
    except sqlite3.DatabaseError:
        raise KioskError("backup_damaged") from None
    finally:
        conn.close()
