"""Filing a report (phản ánh, kiến nghị): validate everything first, then commit the report,
its photos and its outbox row in one transaction. Nothing is said "saved" before that commit."""
from __future__ import annotations

import math
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kiosk import catalog, codes, items
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
    lat: float | None = None
    lon: float | None = None
    contact_name: str = ""
    contact_phone: str = ""
    consent_text: str | None = None   # the exact text next to the ticked box; None = not ticked


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
    if (draft.lat is None) != (draft.lon is None):
        raise KioskError("location_invalid")
    if draft.lat is not None and draft.lon is not None:
        if not (math.isfinite(draft.lat) and math.isfinite(draft.lon)
                and -90 <= draft.lat <= 90 and -180 <= draft.lon <= 180):
            raise KioskError("location_invalid")
    name = clean_text(draft.contact_name, field="name", max_len=MAX_NAME, required=False)
    phone = normalise_phone(draft.contact_phone) if draft.contact_phone.strip() else None
    consent = None
    if name or phone:
        if not draft.consent_text:
            raise KioskError("contact_needs_consent")
        consent = consent_hash(draft.consent_text)
    if len(draft.photos) > MAX_PHOTOS:
        raise KioskError("too_many_photos", limit=MAX_PHOTOS)
    return _Valid(category, text or "", hamlet_id, address, draft.lat, draft.lon, name, phone,
                  consent)


def file_report(store: Store, draft: ReportDraft, channel: str = "kiosk") -> FiledReport:
    if channel not in CHANNELS:
        raise ValueError(channel)
    conn = store.conn()
    valid = validate(conn, draft)
    min_free = catalog.get_setting(conn, "storage.min_free_mb", None)
    ensure_free_space(store.data_dir, *(() if min_free is None else (int(min_free),)))
    clock = check_clock(conn, utc_now())
    created = clock.record_time
    due = due_date(catalog.calendar(conn), created, valid.category.reply_days)
    report_id = str(uuid.uuid4())
    for _ in range(5):  # a code collision is ~never; a fresh code beats failing the resident
        code = codes.new_code()
        try:
            with transaction(conn):
                _insert(conn, report_id, code, valid, draft.photos, channel,
                        to_iso(created), to_iso(clock.now), catalog.office(conn).zone, due)
            return FiledReport(report_id, code, to_iso(created), due)
        except sqlite3.IntegrityError as exc:
            if "reports.code" not in str(exc):
                raise
        except sqlite3.OperationalError as exc:
            raise translate_write_error(exc) from exc
    raise RuntimeError("could not draw a unique tracking code")


def _insert(conn: sqlite3.Connection, report_id: str, code: str, v: _Valid,
            photos: list[Photo], channel: str, created: str, device: str, zone: str,
            due: date) -> None:
    for photo in photos:
        conn.execute(
            "INSERT OR IGNORE INTO media (sha256, mime, width, height, data) VALUES (?,?,?,?,?)",
            (photo.sha256, photo.mime, photo.width, photo.height, photo.data),
        )
    conn.execute(
        "INSERT INTO reports (id, code, category_id, text, text_fold, hamlet_id, address, lat,"
        " lon, contact_name, contact_phone, consent_hash, channel, created_utc, device_utc,"
        " office_zone, due_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (report_id, code, v.category.id, v.text, fold(v.text), v.hamlet_id, v.address, v.lat,
         v.lon, v.name, v.phone, v.consent, channel, created, device, zone, due.isoformat()),
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
    sync_state: str          # outbox state: pending | sent | quarantined (| superseded)

    @property
    def grouped_code(self) -> str:
        return codes.grouped(self.code)


_VIEW_SQL = (
    "SELECT r.id, r.code, r.category_id, c.name_vi, c.name_en, r.text, h.name, r.address,"
    " r.created_utc, r.due_date,"
    " (SELECT count(*) FROM report_media m WHERE m.report_id = r.id),"
    " r.contact_name IS NULL AND r.contact_phone IS NULL, r.contact_phone,"
    " coalesce(o.state, 'pending')"
    " FROM reports r JOIN categories c ON c.id = r.category_id"
    " LEFT JOIN hamlets h ON h.id = r.hamlet_id"
    # An edited report has several outbox rows (the old ones superseded): show the newest.
    " LEFT JOIN outbox o ON o.seq = (SELECT max(seq) FROM outbox"
    " WHERE kind = 'report' AND ref_id = r.id)"
)


def _view(row: sqlite3.Row) -> ReportView:
    values = list(row)
    values[11] = bool(values[11])
    values[12] = mask_phone(values[12]) if values[12] else None
    return ReportView(*values)


def get_report(conn: sqlite3.Connection, typed_code: str) -> ReportView | None:
    code = codes.normalise(typed_code)
    if code is None:
        raise KioskError("code_invalid")
    row = conn.execute(_VIEW_SQL + " WHERE r.code = ?", (code,)).fetchone()
    return _view(row) if row else None


def list_reports(conn: sqlite3.Connection, limit: int | None = None) -> list[ReportView]:
    sql = _VIEW_SQL + " ORDER BY r.created_utc DESC, r.rowid DESC"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_view(row) for row in conn.execute(sql).fetchall()]


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
