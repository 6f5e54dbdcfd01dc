"""The office catalog (office, hours, hamlets, report categories): JSON in resources/catalogs,
loaded into the store so the app runs from the store alone and the server can update it later."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from kiosk.clock import OFFICE_ZONE
from kiosk.db import transaction
from kiosk.paths import RESOURCES
from kiosk.text import fold
from kiosk.workdays import OfficeCalendar

CATALOG_DIR = RESOURCES / "catalogs"


@dataclass(frozen=True)
class Office:
    name: str
    name_en: str
    commune_code: str
    province: str
    zone: str
    address: str
    hotline: str
    demo: bool


@dataclass(frozen=True)
class Category:
    id: str
    name_vi: str
    name_en: str
    icon: str
    reply_days: int


@dataclass(frozen=True)
class Hamlet:
    id: str
    name: str


def _read(name: str, catalog_dir: Path) -> dict:
    return json.loads((catalog_dir / name).read_text(encoding="utf-8"))


def set_setting(conn: sqlite3.Connection, key: str, value: object) -> None:
    """Write one setting as JSON (inside the caller's transaction, if any)."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


_set = set_setting


def get_setting(conn: sqlite3.Connection, key: str, default: object = None) -> object:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return json.loads(row[0]) if row else default


def seed(conn: sqlite3.Connection, catalog_dir: Path = CATALOG_DIR) -> bool:
    """Load the catalog files when they are newer than what the store has. Returns True if loaded."""
    from kiosk.queue.services import seed_services  # queue modules import this one

    office = _read("office.json", catalog_dir)
    categories = _read("categories.json", catalog_dir)
    services = _read("services.json", catalog_dir)
    stamp = [office["version"], categories["version"], services["version"]]
    if get_setting(conn, "catalog.version") == stamp:
        return False
    commune = office["office"]["commune_code"]
    if not (len(commune) == 5 and commune.isdigit()):
        raise ValueError(f"commune code must be 5 digits, got {commune!r}")
    with transaction(conn):
        _set(conn, "office", office["office"] | {"demo": bool(office.get("demo"))})
        _set(conn, "office.hours", office["hours"])
        _set(conn, "office.calendar", office["calendar"])
        for sort, h in enumerate(office["hamlets"]):
            conn.execute(
                "INSERT INTO hamlets (id, name, name_fold, sort) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                " name_fold = excluded.name_fold, sort = excluded.sort",
                (h["id"], h["name"], fold(h["name"]), sort),
            )
        for sort, c in enumerate(categories["categories"]):
            conn.execute(
                "INSERT INTO categories (id, name_vi, name_en, icon, reply_days, sort)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                " name_vi = excluded.name_vi, name_en = excluded.name_en, icon = excluded.icon,"
                " reply_days = excluded.reply_days, sort = excluded.sort",
                (c["id"], c["vi"], c["en"], c["icon"], c["reply_days"], sort),
            )
        seed_services(conn, services)
        _set(conn, "catalog.version", stamp)
    return True


def office(conn: sqlite3.Connection) -> Office:
    raw = get_setting(conn, "office")
    if raw is None:
        raise LookupError("the store has no office yet: seed the catalog first")
    return Office(name=raw["name"], name_en=raw.get("name_en", raw["name"]),
                  commune_code=raw["commune_code"], province=raw.get("province", ""),
                  zone=raw["zone"], address=raw.get("address", ""),
                  hotline=raw.get("hotline", ""), demo=bool(raw.get("demo")))


def office_zone(conn: sqlite3.Connection) -> str:
    """The office's zone, or the default before the catalog is seeded (first run)."""
    raw = get_setting(conn, "office")
    return raw["zone"] if raw else OFFICE_ZONE


def calendar(conn: sqlite3.Connection) -> OfficeCalendar:
    hours = get_setting(conn, "office.hours", {})
    cal = get_setting(conn, "office.calendar", {})
    return OfficeCalendar(
        zone=office(conn).zone,
        open_time=time.fromisoformat(hours.get("open", "07:30")),
        close_time=time.fromisoformat(hours.get("close", "17:00")),
        workdays=frozenset(hours.get("workdays", [0, 1, 2, 3, 4])),
        extra_holidays=frozenset(date.fromisoformat(d) for d in cal.get("extra_holidays", [])),
        makeup_workdays=frozenset(date.fromisoformat(d) for d in cal.get("makeup_workdays", [])),
    )


def categories(conn: sqlite3.Connection) -> list[Category]:
    rows = conn.execute(
        "SELECT id, name_vi, name_en, icon, reply_days FROM categories ORDER BY sort, id"
    ).fetchall()
    return [Category(*row) for row in rows]


def category(conn: sqlite3.Connection, category_id: str) -> Category | None:
    row = conn.execute(
        "SELECT id, name_vi, name_en, icon, reply_days FROM categories WHERE id = ?",
        (category_id,),
    ).fetchone()
    return Category(*row) if row else None


def hamlets(conn: sqlite3.Connection) -> list[Hamlet]:
    return [Hamlet(*row) for row in
            conn.execute("SELECT id, name FROM hamlets ORDER BY sort, id").fetchall()]


def hamlet(conn: sqlite3.Connection, hamlet_id: str) -> Hamlet | None:
    row = conn.execute("SELECT id, name FROM hamlets WHERE id = ?", (hamlet_id,)).fetchone()
    return Hamlet(*row) if row else None
