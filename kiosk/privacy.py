"""Residents' personal data at the office: retention purge, and a resident's rights (find by
receipt code, export, erase), each audited (kiosk/audit.py). docs/privacy.md tells the story.

Purge rule: a report's personal part (name, phone, private address; sealed at rest, see
kiosk/personal.py) is set to NULL `privacy.retention_days` (default and maximum 30: the consent
text promises "at the latest 30 days") after the province acknowledged the report (the newest
outbox row of the report is 'sent'; its sent_utc is the acknowledgement). Every connection runs
with `secure_delete` (kiosk/db.py), so the old cells are zeroed, and the WAL is checkpointed and
truncated afterwards, so the bytes are gone from every file of the data dir.
"""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk import audit, catalog, codes, datakey, items, personal
from kiosk.clock import from_iso, to_iso, utc_now
from kiosk.consent import consent_text_for
from kiosk.db import transaction
from kiosk.errors import KioskError

RETENTION_KEY = "privacy.retention_days"
DEFAULT_RETENTION_DAYS = 30
MAX_RETENTION_DAYS = 30          # the consent text's promise (kiosk/consent.py)
LAST_PURGE_KEY = "privacy.last_purge_utc"
EXPORTS_DIR = "exports"
EXPORT_PREFIX = "privacy-"
EXPORT_KEEP = timedelta(days=1)  # a resident's export is handed over, not archived here

log = logging.getLogger("caunoi.privacy")


# --- settings ------------------------------------------------------------------------------

def retention_days(conn: sqlite3.Connection) -> int:
    value = catalog.get_setting(conn, RETENTION_KEY, DEFAULT_RETENTION_DAYS)
    try:
        days = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return DEFAULT_RETENTION_DAYS
    return min(max(days, 0), MAX_RETENTION_DAYS)


def set_retention_days(conn: sqlite3.Connection, days: int, actor: str = "admin") -> None:
    if not (0 <= days <= MAX_RETENTION_DAYS):
        raise KioskError("retention_days_invalid", limit=MAX_RETENTION_DAYS)
    with transaction(conn):
        catalog.set_setting(conn, RETENTION_KEY, int(days))
        audit.record(conn, actor, "privacy_retention_set", detail=str(int(days)))


# --- at rest -------------------------------------------------------------------------------

def scrub(conn: sqlite3.Connection) -> bool:
    """Checkpoint the WAL into the database and truncate it, so overwritten pages do not
    survive in the -wal file. False when a reader kept it from completing (retried next run)."""
    if conn.in_transaction:
        raise RuntimeError("scrub outside any transaction")
    for attempt in range(5):
        busy, _log_frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy == 0:
            return True
        time.sleep(0.05 * (attempt + 1))
    log.warning("WAL checkpoint after a personal-data change was blocked by a reader")
    return False


def seal_legacy_rows(conn: sqlite3.Connection) -> int:
    """Seal contact details an earlier version stored in plain text (run when the store opens).
    Returns how many reports were sealed; on a key problem logs it and tries again next time."""
    rows = conn.execute("SELECT id, contact_name, contact_phone FROM reports"
                        " WHERE contact_name IS NOT NULL OR contact_phone IS NOT NULL").fetchall()
    if not rows:
        return 0
    try:
        key = datakey.data_key(conn, create=True)
    except KioskError as exc:
        log.warning("cannot seal %d older reports' contact details yet: %s", len(rows), exc.code)
        return 0
    with transaction(conn):
        for report_id, name, phone in rows:
            name_enc, phone_enc, _ = personal.seal(key, report_id, name, phone, None)
            conn.execute("UPDATE reports SET contact_name_enc = ?, contact_phone_enc = ?,"
                         " contact_name = NULL, contact_phone = NULL WHERE id = ?",
                         (name_enc, phone_enc, report_id))
    scrub(conn)
    log.info("sealed the contact details of %d reports from an earlier version", len(rows))
    return len(rows)


# --- retention purge -----------------------------------------------------------------------

_HOLDS_PERSONAL = ("(r.contact_name_enc IS NOT NULL OR r.contact_phone_enc IS NOT NULL"
                   " OR r.address_enc IS NOT NULL OR r.contact_name IS NOT NULL"
                   " OR r.contact_phone IS NOT NULL)")
_NEWEST = ("LEFT JOIN outbox o ON o.seq = (SELECT max(seq) FROM outbox"
           " WHERE kind = 'report' AND ref_id = r.id)")


@dataclass(frozen=True)
class PurgeResult:
    purged: int
    retention_days: int
    cutoff_utc: str
    checkpointed: bool
    exports_removed: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def purge(conn: sqlite3.Connection, older_than_days: int | None = None, *, actor: str = "system",
          now: datetime | None = None) -> PurgeResult:
    """Erase the personal part of every report the province acknowledged at least
    `older_than_days` (default: the retention setting) ago; 0 = every acknowledged one."""
    now = now or utc_now()
    days = retention_days(conn) if older_than_days is None else older_than_days
    if days < 0:
        raise KioskError("retention_days_invalid", limit=MAX_RETENTION_DAYS)
    cutoff = to_iso(now - timedelta(days=days))
    at = to_iso(now)
    with transaction(conn):
        ids = [row[0] for row in conn.execute(
            f"SELECT r.id FROM reports r {_NEWEST} WHERE o.state = 'sent'"
            f" AND o.sent_utc <= ? AND {_HOLDS_PERSONAL}", (cutoff,)).fetchall()]
        for report_id in ids:
            _erase_row(conn, report_id, at, "retention")
        if ids:
            audit.record(conn, actor, "privacy_purge", detail=f"{len(ids)}", at=now)
        catalog.set_setting(conn, LAST_PURGE_KEY, at)
    removed = _remove_old_exports(datakey.data_dir_of(conn), now, min(timedelta(days=days),
                                                                      EXPORT_KEEP))
    done = scrub(conn)
    if ids:
        log.info("retention purge: personal part of %d reports erased", len(ids))
    return PurgeResult(len(ids), days, cutoff, done, removed)


def purge_if_due(conn: sqlite3.Connection, every: timedelta = timedelta(hours=1)) -> bool:
    """The timer's entry (ui/privacy_timer.py): purge when the last one is `every` old."""
    last = catalog.get_setting(conn, LAST_PURGE_KEY)
    if last and utc_now() - from_iso(str(last)) < every:
        return False
    purge(conn)
    return True


def _erase_row(conn: sqlite3.Connection, report_id: str, at: str, why: str) -> None:
    conn.execute("UPDATE reports SET contact_name_enc = NULL, contact_phone_enc = NULL,"
                 " address_enc = NULL, contact_name = NULL, contact_phone = NULL,"
                 " personal_erased_utc = ?, personal_erased_why = ? WHERE id = ?",
                 (at, why, report_id))


def _remove_old_exports(data_dir: Path, now: datetime, keep: timedelta) -> int:
    folder = data_dir / EXPORTS_DIR
    removed = 0
    for path in sorted(folder.glob(f"{EXPORT_PREFIX}*.json")) if folder.is_dir() else []:
        try:
            if path.stat().st_mtime <= (now - keep).timestamp():
                _shred(path)
                removed += 1
        except OSError:
            log.warning("could not remove an old personal-data export")
    return removed


def _shred(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.write(b"\0" * size)
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()


# --- a resident's rights -------------------------------------------------------------------

def mask_name(name: str) -> str:
    """'Nguyễn Văn Tèo' → 'N***** V** T**': enough for the resident to recognise, no more."""
    return " ".join(w[:1] + "*" * (len(w) - 1) for w in name.split())


@dataclass(frozen=True)
class PersonalRecord:
    """One report's personal part as an admin may see it: masked."""
    code: str
    report_id: str
    created_utc: str
    anonymous: bool
    name_masked: str | None
    phone_masked: str | None
    private_address: bool
    unreadable: str | None          # error code when the sealed part cannot be opened
    acknowledged_utc: str | None    # when the province acknowledged it (purge counts from it)
    erase_due_utc: str | None
    erased_utc: str | None
    erased_why: str | None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["code"] = codes.grouped(self.code)
        data.pop("report_id")
        return data


_ROW_SQL = ("SELECT r.id, r.code, r.created_utc, r.consent_hash, r.contact_name_enc,"
            " r.contact_phone_enc, r.address_enc, r.personal_erased_utc, r.personal_erased_why,"
            " o.state, o.sent_utc, o.seq, r.category_id"
            f" FROM reports r {_NEWEST} WHERE r.code = ?")


def _row(conn: sqlite3.Connection, typed_code: str) -> sqlite3.Row:
    code = codes.normalise(typed_code)
    if code is None:
        raise KioskError("code_invalid")
    row = conn.execute(_ROW_SQL, (code,)).fetchone()
    if row is None:
        raise KioskError("report_not_found")
    return row


def _record_of(conn: sqlite3.Connection, row: sqlite3.Row) -> tuple[PersonalRecord,
                                                                    personal.Personal | None]:
    unreadable = None
    opened: personal.Personal | None = None
    try:
        opened = personal.open_values(conn, row[0], (row[4], row[5], row[6]))
    except KioskError as exc:
        unreadable = exc.code
    acknowledged = row[10] if row[9] == "sent" else None
    due = (to_iso(from_iso(acknowledged) + timedelta(days=retention_days(conn)))
           if acknowledged and row[7] is None else None)
    from kiosk.reports import mask_phone   # reports imports this package's neighbours

    record = PersonalRecord(
        code=row[1], report_id=row[0], created_utc=row[2], anonymous=row[3] is None,
        name_masked=mask_name(opened.name) if opened and opened.name else None,
        phone_masked=mask_phone(opened.phone) if opened and opened.phone else None,
        private_address=row[6] is not None, unreadable=unreadable,
        acknowledged_utc=acknowledged, erase_due_utc=due, erased_utc=row[7], erased_why=row[8])
    return record, opened


def find(conn: sqlite3.Connection, typed_code: str, actor: str = "admin") -> PersonalRecord:
    """The resident's record by receipt code, masked; audited."""
    row = _row(conn, typed_code)
    record, _ = _record_of(conn, row)
    audit.record(conn, actor, "privacy_find", target=row[1])
    return record


def export(conn: sqlite3.Connection, typed_code: str, actor: str = "admin", *,
           now: datetime | None = None) -> tuple[Path, dict[str, Any]]:
    """The resident's full personal part, opened, written to exports/privacy-<code>-….json
    (mode 0600; removed by the next purge after a day) and returned; audited."""
    now = now or utc_now()
    row = _row(conn, typed_code)
    record, opened = _record_of(conn, row)
    if record.unreadable:
        raise KioskError(record.unreadable)
    if opened is None or opened.empty:
        raise KioskError("privacy_nothing_to_export")
    data = {
        "tracking_code": codes.grouped(row[1]),
        "created_utc": row[2],
        "category": row[12],
        "contact_name": opened.name,
        "contact_phone": opened.phone,
        "private_address": opened.private_address,
        "consent_hash": row[3],
        "consent_text": consent_text_for(row[3]) if row[3] else None,
        "sent_to_province_utc": record.acknowledged_utc,
        "erase_due_utc": record.erase_due_utc,
        "exported_utc": to_iso(now),
    }
    folder = datakey.data_dir_of(conn) / EXPORTS_DIR
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / f"{EXPORT_PREFIX}{row[1]}-{now.strftime('%Y%m%dT%H%M%S')}.json"
    _write_private(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    audit.record(conn, actor, "privacy_export", target=row[1])
    return path, data


def _write_private(path: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".export-")
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Erased:
    code: str
    erased: bool                 # False: there was nothing left to erase
    province_has_copy: bool      # acknowledged before: the province must be asked as well
    requeued: bool               # not sent yet: re-queued without the personal part

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["code"] = codes.grouped(self.code)
        return data


def erase(conn: sqlite3.Connection, typed_code: str, actor: str = "admin", *,
          now: datetime | None = None) -> Erased:
    """Erase the personal part at the resident's request, at once (secure delete, WAL
    checkpoint); audited. A report not yet sent goes out without it: its outbox row is
    superseded by a new item (new uuid and hash), as an edit would be (sync/outbox.py)."""
    now = now or utc_now()
    at = to_iso(now)
    requeued = False
    with transaction(conn):
        row = _row(conn, typed_code)
        report_id, code, state, seq = row[0], row[1], row[9], row[11]
        holds = conn.execute(f"SELECT {_HOLDS_PERSONAL} FROM reports r WHERE r.id = ?",
                             (report_id,)).fetchone()[0]
        if holds and state in ("pending", "quarantined") and conn.execute(
                "SELECT exported_utc IS NOT NULL FROM outbox WHERE seq = ?", (seq,)).fetchone()[0]:
            # On a USB stick for the office under its uuid: a re-queued copy would become a second
            # case. Erase once the office has confirmed it (or the province has it).
            raise KioskError("privacy_erase_on_usb", report=codes.grouped(code))
        if holds:
            _erase_row(conn, report_id, at, "request")
            if state in ("pending", "quarantined") and seq is not None:
                new_uuid = str(uuid.uuid4())
                conn.execute(
                    "INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, state, reason,"
                    " item_hash) SELECT ?, 'report', ref_id, ?, state, reason, ? FROM outbox"
                    " WHERE seq = ?",
                    (new_uuid, at, items.hash_for(conn, "report", report_id), seq))
                conn.execute("UPDATE outbox SET state = 'superseded', superseded_by = ?"
                             " WHERE seq = ?", (new_uuid, seq))
                requeued = True
        audit.record(conn, actor, "privacy_erase", target=code, at=now,
                     detail="" if holds else "nothing_left")
    scrub(conn)
    return Erased(code, bool(holds), state == "sent", requeued)
