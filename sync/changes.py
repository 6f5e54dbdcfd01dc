"""Pull by cursor (DESIGN.md rule 5): GET /changes pages, each applied with its cursor in ONE
transaction, so a crash mid-pull resumes after the last page that was fully applied.

What a page may carry:
- case: the province's snapshot of a report's case → `cases` + its events replaced;
- dossier: a one-stop dossier → `dossiers` + its events replaced;
- catalog: categories and services are upserted, never deleted while a report or ticket points
  at them (categories nothing refers to and the province dropped are removed; services are only
  upserted: counters and bookings hang on them); extra holidays and make-up workdays go into the
  `office.calendar` setting that kiosk.catalog.calendar reads. The days the province added are
  remembered (`sync.catalog_days`), so a day it later withdraws is removed again while days
  set locally stay;
- device: an enrolled device of the commune (public keys, revoked or not) → `devices`, which USB
  hand-overs (sync/transfer.py) use to check signatures and to encrypt for the office.
An unknown cursor (410) empties the mirror and the cursor and pulls from the start.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction
from sync.errors import SyncError
from sync.http import Transport
from sync.protocol import (
    CaseSnapshot,
    CatalogSnapshot,
    ChangesPage,
    DeviceSnapshot,
    DossierSnapshot,
)

CURSOR_KEY = "sync.cursor"
CATALOG_DAYS_KEY = "sync.catalog_days"
CATALOG_VERSION_KEY = "sync.catalog_version"
MAX_PAGES = 10_000     # a server that says "more" forever must not keep us here forever


def apply_page(conn: sqlite3.Connection, page: ChangesPage) -> int:
    """Apply one page and store its cursor, all in one transaction; returns changes applied."""
    now = to_iso(utc_now())
    with transaction(conn):
        for change in page.changes:
            if change.type == "case" and change.case is not None:
                _case(conn, change.case, now)
            elif change.type == "dossier" and change.dossier is not None:
                _dossier(conn, change.dossier)
            elif change.type == "catalog" and change.catalog is not None:
                _catalog(conn, change.catalog)
            elif change.type == "device" and change.device is not None:
                _device(conn, change.device, now)
        catalog.set_setting(conn, CURSOR_KEY, page.cursor)
    return len(page.changes)


def _case(conn: sqlite3.Connection, c: CaseSnapshot, now: str) -> None:
    conn.execute(
        "INSERT INTO cases (ref, client_id, tracking_code, category, status, unit, created_utc,"
        " due_date, answer, published_utc, updated_utc) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (ref) DO UPDATE SET client_id = excluded.client_id,"
        " tracking_code = excluded.tracking_code, category = excluded.category,"
        " status = excluded.status, unit = excluded.unit, created_utc = excluded.created_utc,"
        " due_date = excluded.due_date, answer = excluded.answer,"
        " published_utc = excluded.published_utc, updated_utc = excluded.updated_utc",
        (c.ref, str(c.client_id), c.tracking_code, c.category, c.status, c.unit, c.created_at,
         c.due_date.isoformat(), c.answer, c.published_at, now))
    conn.execute("DELETE FROM case_events WHERE ref = ?", (c.ref,))
    conn.executemany(
        "INSERT INTO case_events (ref, position, status, at_utc, note, unit) VALUES (?,?,?,?,?,?)",
        [(c.ref, i, e.status, e.at, e.note, e.unit) for i, e in enumerate(c.events)])


def _dossier(conn: sqlite3.Connection, d: DossierSnapshot) -> None:
    conn.execute(
        "INSERT INTO dossiers (code, secret_sha256, procedure, status, received_utc, due_date,"
        " collect_at, apology, new_due_date) VALUES (?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (code) DO UPDATE SET secret_sha256 = excluded.secret_sha256,"
        " procedure = excluded.procedure, status = excluded.status,"
        " received_utc = excluded.received_utc, due_date = excluded.due_date,"
        " collect_at = excluded.collect_at, apology = excluded.apology,"
        " new_due_date = excluded.new_due_date",
        (d.code, d.secret_sha256, d.procedure, d.status, d.received_at, d.due_date.isoformat(),
         d.collect_at, d.apology, d.new_due_date.isoformat() if d.new_due_date else None))
    conn.execute("DELETE FROM dossier_events WHERE code = ?", (d.code,))
    conn.executemany(
        "INSERT INTO dossier_events (code, position, status, at_utc, note) VALUES (?,?,?,?,?)",
        [(d.code, i, e.status, e.at, e.note) for i, e in enumerate(d.events)])


def _device(conn: sqlite3.Connection, d: DeviceSnapshot, now: str) -> None:
    conn.execute(
        "INSERT INTO devices (id, label, public_key, box_key, enrolled_utc, revoked_utc,"
        " updated_utc) VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
        " label = excluded.label, public_key = excluded.public_key, box_key = excluded.box_key,"
        " enrolled_utc = excluded.enrolled_utc, revoked_utc = excluded.revoked_utc,"
        " updated_utc = excluded.updated_utc",
        (str(d.id), d.label[:100], d.public_key, d.box_key, d.enrolled_at, d.revoked_at, now))


def _catalog(conn: sqlite3.Connection, cat: CatalogSnapshot) -> None:
    for sort, c in enumerate(cat.categories):
        conn.execute(
            "INSERT INTO categories (id, name_vi, name_en, icon, reply_days, sort)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " name_vi = excluded.name_vi, name_en = excluded.name_en, icon = excluded.icon,"
            " reply_days = excluded.reply_days, sort = excluded.sort",
            (c.id, c.vi, c.en, c.icon, c.reply_days, sort))
    if cat.categories:   # an empty list is more likely a server bug than "no categories"
        keep = [c.id for c in cat.categories]
        conn.execute(
            f"DELETE FROM categories WHERE id NOT IN ({','.join('?' * len(keep))})"
            " AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.category_id = categories.id)",
            keep)
    for sort, s in enumerate(cat.services):
        taken = conn.execute("SELECT id FROM services WHERE prefix = ? AND id <> ?",
                             (s.prefix, s.id)).fetchone()
        if taken is not None:
            continue   # the prefix is another local service's: keep the office's numbering
        conn.execute(
            "INSERT INTO services (id, prefix, name_vi, name_en, icon, sort)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " prefix = excluded.prefix, name_vi = excluded.name_vi, name_en = excluded.name_en,"
            " icon = excluded.icon, sort = excluded.sort WHERE services.admin_edited = 0",
            (s.id, s.prefix, s.vi, s.en, s.icon, sort))
    _calendar(conn, [d.isoformat() for d in cat.extra_holidays],
              [d.isoformat() for d in cat.extra_workdays])
    catalog.set_setting(conn, CATALOG_VERSION_KEY, cat.version)


def _calendar(conn: sqlite3.Connection, holidays: list[str], workdays: list[str]) -> None:
    cal = dict(catalog.get_setting(conn, "office.calendar", {}) or {})
    before = catalog.get_setting(conn, CATALOG_DAYS_KEY, {}) or {}
    for key, new in (("extra_holidays", holidays), ("makeup_workdays", workdays)):
        local = set(cal.get(key, [])) - set(before.get(key, []))
        cal[key] = sorted(local | set(new))
    catalog.set_setting(conn, "office.calendar", cal)
    catalog.set_setting(conn, CATALOG_DAYS_KEY,
                        {"extra_holidays": sorted(holidays), "makeup_workdays": sorted(workdays)})


def reset_mirror(conn: sqlite3.Connection) -> None:
    """Forget every mirrored case and dossier and the cursor (the next pull starts over)."""
    with transaction(conn):
        conn.execute("DELETE FROM case_events")
        conn.execute("DELETE FROM cases")
        conn.execute("DELETE FROM dossier_events")
        conn.execute("DELETE FROM dossiers")
        conn.execute("DELETE FROM devices")    # the feed from the start sends them all again
        conn.execute("DELETE FROM settings WHERE key = ?", (CURSOR_KEY,))


def pull(conn: sqlite3.Connection, transport: Transport, *, limit: int | None = None,
         progress: Callable[[int], None] | None = None) -> int:
    """All pages from the saved cursor on; returns how many changes were applied."""
    pulled = 0
    restarted = False
    pages = 0
    while pages < MAX_PAGES:
        cursor = catalog.get_setting(conn, CURSOR_KEY)
        params = {"since": str(cursor)} if cursor else {}
        if limit:
            params["limit"] = str(limit)
        try:
            page = transport.json("GET", "/changes", ChangesPage, params=params)
        except SyncError as exc:
            gone = exc.code == "cursor_unknown" or (
                exc.code == "server_refused" and exc.params.get("status") == 410)
            if not gone or restarted or not cursor:
                raise
            restarted = True        # once: a server that forgets every cursor is an error
            reset_mirror(conn)
            continue
        pulled += apply_page(conn, page)
        pages += 1
        if progress is not None:
            progress(pulled)
        if not page.more:
            break
    return pulled
