"""Numbers booked online: imported from a file until the province's changes feed brings them.

A file is JSON (a list, or {"bookings": [...]}) or CSV with a header; each booking has `code`,
`service` (service id), `slot_start`, `slot_end`. Times are ISO 8601 with an offset, or local
office time as "YYYY-MM-DD HH:MM" / "dd/MM/yyyy HH:MM". The whole file is checked before
anything is written: one bad row changes nothing. A booking already turned into a ticket is
never rewritten.
"""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.clock import to_iso
from kiosk.db import transaction
from kiosk.errors import KioskError

MAX_FILE = 5 * 1024 * 1024
_CODE = re.compile(r"^[A-Z0-9-]{4,24}$")
_LOCAL_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M", "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class Booking:
    code: str
    service_id: str
    slot_start_utc: str
    slot_end_utc: str


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    already_used: int      # bookings that already have a ticket: left as they are


def normalise_code(raw: str) -> str | None:
    code = "".join(raw.split()).upper()
    return code if _CODE.match(code) else None


def parse_time(text: str, zone: str) -> datetime:
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for fmt in _LOCAL_FORMATS:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            raise ValueError(text) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=ZoneInfo(zone))
    return parsed.astimezone(timezone.utc)


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE + 1)
    except OSError as exc:
        raise KioskError("queue_booking_file_unreadable", path=str(path)) from exc
    if len(data) > MAX_FILE:
        raise KioskError("queue_booking_file_unreadable", path=str(path))
    try:
        text = data.decode("utf-8-sig")
        if path.suffix.lower() == ".json":
            raw = json.loads(text)
            items = raw.get("bookings", []) if isinstance(raw, dict) else raw
            if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                raise ValueError("not a list of bookings")
            return [{k: str(v) for k, v in item.items()} for item in items]
        return list(csv.DictReader(io.StringIO(text)))
    except (UnicodeDecodeError, ValueError, csv.Error) as exc:
        raise KioskError("queue_booking_file_unreadable", path=str(path)) from exc


def parse_file(conn: sqlite3.Connection, path: Path, zone: str) -> list[Booking]:
    services = {r[0] for r in conn.execute("SELECT id FROM services")}
    out: list[Booking] = []
    for number, row in enumerate(_rows(path), start=1):
        code = normalise_code(row.get("code") or "")
        if code is None:
            raise KioskError("queue_booking_row", row=number, value=row.get("code") or "")
        service = (row.get("service") or "").strip()
        if service not in services:
            raise KioskError("queue_booking_row", row=number, value=service)
        try:
            start = parse_time(row.get("slot_start") or "", zone)
            end = parse_time(row.get("slot_end") or "", zone)
        except ValueError as exc:
            raise KioskError("queue_booking_row", row=number, value=str(exc)) from exc
        if not start < end:
            raise KioskError("queue_booking_row", row=number, value=row.get("slot_end") or "")
        out.append(Booking(code, service, to_iso(start), to_iso(end)))
    return out


def import_bookings(conn: sqlite3.Connection, path: Path, zone: str,
                    now: datetime) -> ImportResult:
    bookings = parse_file(conn, path, zone)
    added = updated = used = 0
    with transaction(conn):
        for b in bookings:
            row = conn.execute("SELECT service_id, slot_start_utc, slot_end_utc, ticket_id"
                               " FROM bookings WHERE code = ?", (b.code,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO bookings (code, service_id, slot_start_utc,"
                             " slot_end_utc, imported_utc) VALUES (?, ?, ?, ?, ?)",
                             (b.code, b.service_id, b.slot_start_utc, b.slot_end_utc,
                              to_iso(now)))
                added += 1
            elif row[3] is not None:
                used += 1
            elif tuple(row[:3]) != (b.service_id, b.slot_start_utc, b.slot_end_utc):
                conn.execute("UPDATE bookings SET service_id = ?, slot_start_utc = ?,"
                             " slot_end_utc = ? WHERE code = ?",
                             (b.service_id, b.slot_start_utc, b.slot_end_utc, b.code))
                updated += 1
    return ImportResult(added, updated, used)


@dataclass(frozen=True)
class BookingUse:
    code: str
    service_id: str
    booked_from_utc: str | None    # None: past its slot, an ordinary ticket


def use_booking(conn: sqlite3.Connection, raw_code: str, service_id: str | None,
                now: datetime, today: str, zone: str) -> BookingUse:
    """Check a booking at the kiosk (inside the issuing transaction)."""
    code = normalise_code(raw_code)
    row = conn.execute(
        "SELECT b.service_id, b.slot_start_utc, b.slot_end_utc, t.label FROM bookings b"
        " LEFT JOIN tickets t ON t.id = b.ticket_id WHERE b.code = ?",
        (code or "",)).fetchone()
    if row is None:
        raise KioskError("queue_booking_unknown", booking=raw_code.strip())
    if row[3] is not None:
        raise KioskError("queue_booking_used", booking=code, ticket=row[3])
    if service_id is not None and service_id != row[0]:
        raise KioskError("queue_booking_service", booking=code)
    start_local = datetime.fromisoformat(row[1].replace("Z", "+00:00")).astimezone(ZoneInfo(zone))
    if start_local.date().isoformat() > today:
        raise KioskError("queue_booking_other_day", booking=code,
                         day=start_local.strftime("%d/%m/%Y"), time=start_local.strftime("%H:%M"))
    in_time = to_iso(now) < row[2]
    return BookingUse(code or "", row[0], row[1] if in_time else None)
