"""Filing a report (phản ánh, kiến nghị): validate everything first, then commit the report,
its photos and its outbox row in one transaction. Nothing is said "saved" before that commit."""
from __future__ import annotations

import math
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk import catalog, codes, datakey, items, personal
from kiosk.clock import check_clock, to_iso, utc_now
from kiosk.consent import consent_hash
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.storage_guard import ensure_free_space, translate_write_error
from kiosk.text import clean_text, fold
from kiosk.workdays import due_date

if TYPE_CHECKING:  # Pillow loads only when a photo is actually processed
    from kiosk.photos import Photo

MAX_TEXT = 4000
MAX_ADDRESS = 300
MAX_NAME = 100
MAX_PHOTOS = 3
CHANNELS = ("kiosk", "volunteer", "cli")


@dataclass
class ReportDraft:
    """What the resident entered; photos already passed through kiosk.photos.prepare_photo."""
    category_id: str = ""
    text: str = ""
    photos: list[Photo] = field(default_factory=list)
    hamlet_id: str | None = None
    address: str = ""
    address_private: bool = False     # the resident marked the address private: sealed at rest
    lat: float | None = None
    lon: float | None = None
    contact_name: str = ""
    contact_phone: str = ""
    consent_text: str | None = None   # the exact text next to the ticked box; None = not ticked
    assisted_by: str | None = None    # the volunteer's id when filed on the resident's behalf


@dataclass(frozen=True)
class FiledReport:
    id: str
    code: str
    created_utc: str
    due_date: date


def normalise_phone(raw: str) -> str:
    """'+84 912.345.678' → '0912345678'; KioskError('phone_invalid') if it is no VN number."""
    digits = "".join(ch for ch in raw if not ch.isspace() and ch not in ".-()")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not (digits.isascii() and digits.isdigit() and digits.startswith("0")
            and len(digits) in (10, 11)):
        raise KioskError("phone_invalid")
    return digits


def mask_phone(phone: str) -> str:
    """Receipts show only enough to recognise one's own number: 091****678."""
    return phone[:3] + "*" * (len(phone) - 6) + phone[-3:]


@dataclass(frozen=True)
class _Valid:
    category: catalog.Category
    text: str
    hamlet_id: str | None
    address: str | None
    lat: float | None
    lon: float | None
    name: str | None
    phone: str | None
    consent: str | None
    address_private: bool = False
    assisted_by: str | None = None


MAX_VOLUNTEER_ID = 40


def check_location(lat: float | None, lon: float | None) -> None:
    """Both coordinates or neither, finite and on the globe; KioskError('location_invalid')."""
    if (lat is None) != (lon is None):
        raise KioskError("location_invalid")
    if lat is not None and lon is not None:
        if not (math.isfinite(lat) and math.isfinite(lon)
                and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise KioskError("location_invalid")


def validate(conn: sqlite3.Connection, draft: ReportDraft) -> _Valid:
    """Every field checked before anything is written; raises KioskError on the first problem."""
    category = catalog.category(conn, draft.category_id)
    if category is None:
        raise KioskError("category_unknown", category=draft.category_id)
    text = clean_text(draft.text, field="text", max_len=MAX_TEXT, multiline=True)
    hamlet_id = draft.hamlet_id or None
    if hamlet_id is not None and catalog.hamlet(conn, hamlet_id) is None:
        raise KioskError("hamlet_unknown", hamlet=hamlet_id)
    address = clean_text(draft.address, field="address", max_len=MAX_ADDRESS, required=False)
    check_location(draft.lat, draft.lon)
    name = clean_text(draft.contact_name, field="name", max_len=MAX_NAME, required=False)
    phone = normalise_phone(draft.contact_phone) if draft.contact_phone.strip() else None
    consent = None
    if name or phone:
        if not draft.consent_text:
            raise KioskError("contact_needs_consent")
        consent = consent_hash(draft.consent_text)
    if len(draft.photos) > MAX_PHOTOS:
        raise KioskError("too_many_photos", limit=MAX_PHOTOS)
    assisted_by = None
    if draft.assisted_by is not None:
        assisted_by = clean_text(draft.assisted_by, field="volunteer_id",
                                 max_len=MAX_VOLUNTEER_ID, required=False)
        if not assisted_by:
            raise KioskError("volunteer_id_missing")
    return _Valid(category, text or "", hamlet_id, address, draft.lat, draft.lon, name, phone,
                  consent, bool(address and draft.address_private), assisted_by)


def file_report(store: Store, draft: ReportDraft, channel: str = "kiosk") -> FiledReport:
    return file_reports(store, [draft], channel)[0]


def file_reports(store: Store, drafts: Sequence[ReportDraft], channel: str = "kiosk", *,
                 received: Sequence[datetime | None] | None = None,
                 before_commit: Callable[[sqlite3.Connection, list[FiledReport]], None]
                 | None = None) -> list[FiledReport]:
    """File several reports in ONE transaction: all of them or none (paper forms,
    kiosk/report_import.py). `received[i]`, when given, is when the office got draft i on paper:
    its created time (never after now) and due date count from it. `before_commit` runs inside
    the transaction, after the inserts; raising there files nothing."""
    if channel not in CHANNELS or (received is not None and len(received) != len(drafts)):
        raise ValueError(channel)
    conn = store.conn()
    valid = [validate(conn, draft) for draft in drafts]
    min_free = catalog.get_setting(conn, "storage.min_free_mb", None)
    ensure_free_space(store.data_dir, *(() if min_free is None else (int(min_free),)))
    clock = check_clock(conn, utc_now())
    zone, cal = catalog.office(conn).zone, catalog.calendar(conn)
    when = [min(at, clock.record_time) if at else clock.record_time
            for at in (received or [None] * len(drafts))]
    dues = [due_date(cal, at, v.category.reply_days) for at, v in zip(when, valid)]
    ids = [str(uuid.uuid4()) for _ in drafts]
    # Personal fields are sealed (docs/privacy.md): the data key is read, or made at first need,
    # before the transaction (a keyring call must not hold the write lock).
    key = (datakey.data_key(conn, create=True)
           if any(personal.needs_key(v.name, v.phone, v.address_private and v.address)
                  for v in valid) else None)
    for _ in range(5):  # a code collision is ~never; a fresh code beats failing the resident
        filed = [FiledReport(i, codes.new_code(), to_iso(at), due)
                 for i, at, due in zip(ids, when, dues)]
        try:
            with transaction(conn):
                for f, v, draft in zip(filed, valid, drafts):
                    _insert(conn, f.id, f.code, v, draft.photos, channel, f.created_utc,
                            to_iso(clock.now), zone, f.due_date, key)
                if before_commit is not None:
                    before_commit(conn, filed)
            return filed
        except sqlite3.IntegrityError as exc:
            if "reports.code" not in str(exc):
                raise
        except sqlite3.OperationalError as exc:
            raise translate_write_error(exc) from exc
    raise RuntimeError("could not draw a unique tracking code")


def _insert(conn: sqlite3.Connection, report_id: str, code: str, v: _Valid,
            photos: list[Photo], channel: str, created: str, device: str, zone: str,
            due: date, key: bytes | None = None) -> None:
    for photo in photos:
        conn.execute(
            "INSERT OR IGNORE INTO media (sha256, mime, width, height, data) VALUES (?,?,?,?,?)",
            (photo.sha256, photo.mime, photo.width, photo.height, photo.data),
        )
    private = v.address if v.address_private else None
    sealed = (personal.seal(key, report_id, v.name, v.phone, private) if key is not None
              else (None, None, None))
    conn.execute(
        "INSERT INTO reports (id, code, category_id, text, text_fold, hamlet_id, address, lat,"
        " lon, contact_name_enc, contact_phone_enc, address_enc, consent_hash, channel,"
        " created_utc, device_utc, office_zone, due_date, assisted_by)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (report_id, code, v.category.id, v.text, fold(v.text), v.hamlet_id,
         None if v.address_private else v.address, v.lat, v.lon, *sealed, v.consent, channel,
         created, device, zone, due.isoformat(), v.assisted_by),
    )
    for position, photo in enumerate(photos):
        conn.execute("INSERT INTO report_media (report_id, position, sha256) VALUES (?,?,?)",
                     (report_id, position, photo.sha256))
    # The item hash is fixed here, in the filing transaction (docs/sync.md "Item identity").
    conn.execute(
        "INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, item_hash)"
        " VALUES (?, 'report', ?, ?, ?)",
        (report_id, report_id, created, items.hash_for(conn, "report", report_id)),
    )


@dataclass(frozen=True)
class ReportView:
    """A report as staff and the resident's receipt see it (phone masked)."""
    id: str
    code: str
    category_id: str
    category_vi: str
    category_en: str
    text: str
    hamlet: str | None
    address: str | None
    created_utc: str
    due_date: str
    photo_count: int
    anonymous: bool
    phone_masked: str | None
    sync_state: str          # outbox state: pending | sent | quarantined | withdrawn

    @property
    def grouped_code(self) -> str:
        return codes.grouped(self.code)


_VIEW_SQL = (
    "SELECT r.id, r.code, r.category_id, c.name_vi, c.name_en, r.text, h.name, r.address,"
    " r.created_utc, r.due_date,"
    " (SELECT count(*) FROM report_media m WHERE m.report_id = r.id),"
    " r.consent_hash IS NULL, r.contact_phone_enc,"
    " coalesce(o.state, 'pending'), r.address_enc"
    " FROM reports r JOIN categories c ON c.id = r.category_id"
    " LEFT JOIN hamlets h ON h.id = r.hamlet_id"
    # An edited report has several outbox rows (the old ones superseded): show the newest.
    " LEFT JOIN outbox o ON o.seq = (SELECT max(seq) FROM outbox"
    " WHERE kind = 'report' AND ref_id = r.id)"
)


PRIVATE_ADDRESS = "(riêng tư)"     # a private address is never shown on lists or receipts
UNREADABLE_PHONE = "***"            # sealed but cannot be opened (lost key): says nothing


def _view(row: sqlite3.Row, conn: sqlite3.Connection) -> ReportView:
    values = list(row)
    address_enc = values.pop()
    values[11] = bool(values[11])   # anonymous: no consent, so no contact was ever given
    if values[12] is not None:
        try:
            phone = personal.open_values(conn, values[0], (None, values[12], None)).phone
            values[12] = mask_phone(phone) if phone else None
        except KioskError:          # logged by crypto_fields / datakey (ids only)
            values[12] = UNREADABLE_PHONE
    if address_enc is not None:
        values[7] = PRIVATE_ADDRESS
    return ReportView(*values)


def get_report(conn: sqlite3.Connection, typed_code: str) -> ReportView | None:
    code = codes.normalise(typed_code)
    if code is None:
        raise KioskError("code_invalid")
    row = conn.execute(_VIEW_SQL + " WHERE r.code = ?", (code,)).fetchone()
    return _view(row, conn) if row else None


def list_reports(conn: sqlite3.Connection, limit: int | None = None) -> list[ReportView]:
    sql = _VIEW_SQL + " ORDER BY r.created_utc DESC, r.rowid DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_view(row, conn) for row in conn.execute(sql).fetchall()]


def count_filed_on(conn: sqlite3.Connection, now: datetime, zone: str) -> int:
    """Reports filed on `now`'s office-local date (the board's small figure)."""
    day = now.astimezone(ZoneInfo(zone)).date()
    start = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))
    return conn.execute("SELECT count(*) FROM reports WHERE created_utc >= ? AND created_utc < ?",
                        (to_iso(start), to_iso(start + timedelta(days=1)))).fetchone()[0]


def pending_count(conn: sqlite3.Connection) -> int:
    """Reports whose outbox row still waits to be sent to the province."""
    return conn.execute("SELECT count(*) FROM outbox WHERE kind = 'report' AND state = 'pending'"
                        ).fetchone()[0]


def report_photos(conn: sqlite3.Connection, report_id: str) -> list[bytes]:
    """The photos in order: full size, or the thumbnail once the province holds the original
    and the kiosk dropped its copy (sync/media.py)."""
    return [row[0] for row in conn.execute(
        "SELECT coalesce(m.data, m.thumb) FROM report_media rm JOIN media m"
        " ON m.sha256 = rm.sha256 WHERE rm.report_id = ? ORDER BY rm.position", (report_id,))]


def receipt_path(store: Store, code: str) -> Path:
    return store.receipts_dir / f"{code}.pdf"
