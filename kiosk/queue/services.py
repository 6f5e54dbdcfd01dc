"""Services and counters: loaded from resources/catalogs/services.json, edited by the admin.

Seeding never undoes an admin's work: a service the admin edited keeps its names, prefix and
flag; counters and their services are only added, never rewritten; the queue settings (hours,
priority rule, kiosk rate) are written only when the store has none yet.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from kiosk import catalog
from kiosk.errors import KioskError
from kiosk.text import clean_text

SETTINGS = {"hours": "queue.hours", "priority": "queue.priority",
            "kiosk_per_minute": "queue.kiosk_per_minute"}


def seed_services(conn: sqlite3.Connection, data: dict[str, Any]) -> None:
    """Inside the catalog's seeding transaction."""
    for sort, s in enumerate(data["services"]):
        conn.execute(
            "INSERT INTO services (id, prefix, name_vi, name_en, icon, sort)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET prefix = excluded.prefix,"
            " name_vi = excluded.name_vi, name_en = excluded.name_en, icon = excluded.icon,"
            " sort = excluded.sort WHERE services.admin_edited = 0",
            (s["id"], s["prefix"], s["vi"], s["en"], s["icon"], sort))
    all_ids = [s["id"] for s in data["services"]]
    for c in data["counters"]:
        conn.execute("INSERT OR IGNORE INTO counters (number, name) VALUES (?, ?)",
                     (c["number"], c["name"]))
        conn.execute("INSERT OR IGNORE INTO counter_state (counter) VALUES (?)", (c["number"],))
        served = all_ids if c["services"] == "*" else c["services"]
        for service_id in served:
            conn.execute("INSERT OR IGNORE INTO counter_services (counter, service_id)"
                         " VALUES (?, ?)", (c["number"], service_id))
    for key, setting in SETTINGS.items():
        if key in data and catalog.get_setting(conn, setting) is None:
            catalog.set_setting(conn, setting, data[key])


def update_service(conn: sqlite3.Connection, service_id: str, *, name_vi: str | None = None,
                   name_en: str | None = None, prefix: str | None = None,
                   icon: str | None = None, active: bool | None = None) -> None:
    """The admin's edit of one service. Tickets already issued keep their labels; numbering
    continues per service, and a label already used today is skipped, never repeated."""
    from kiosk.db import transaction

    with transaction(conn):
        edit_service(conn, service_id, name_vi=name_vi, name_en=name_en, prefix=prefix,
                     icon=icon, active=active)


def edit_service(conn: sqlite3.Connection, service_id: str, *, name_vi: str | None = None,
                 name_en: str | None = None, prefix: str | None = None,
                 icon: str | None = None, active: bool | None = None) -> None:
    """update_service inside the caller's transaction (the admin saves several at once)."""
    if conn.execute("SELECT 1 FROM services WHERE id = ?", (service_id,)).fetchone() is None:
        raise KioskError("queue_service_unknown", service=service_id)
    changes: dict[str, object] = {}
    if name_vi is not None:
        changes["name_vi"] = clean_text(name_vi, field="service_name", max_len=100)
    if name_en is not None:
        changes["name_en"] = clean_text(name_en, field="service_name", max_len=100)
    if prefix is not None:
        prefix = prefix.strip().upper()
        if not (len(prefix) == 1 and "A" <= prefix <= "Z"):
            raise KioskError("queue_prefix_invalid", prefix=prefix)
        taken = conn.execute("SELECT id FROM services WHERE prefix = ? AND id != ?",
                             (prefix, service_id)).fetchone()
        if taken:
            raise KioskError("queue_prefix_taken", prefix=prefix, service=taken[0])
        changes["prefix"] = prefix
    if icon is not None:
        changes["icon"] = icon
    if active is not None:
        changes["active"] = int(active)
    if not changes:
        return
    assignments = ", ".join(f"{column} = ?" for column in changes)
    conn.execute(f"UPDATE services SET {assignments}, admin_edited = 1 WHERE id = ?",
                 (*changes.values(), service_id))


def set_counter_services(conn: sqlite3.Connection, counter: int, service_ids: list[str]) -> None:
    """Which services a counter serves (admin)."""
    from kiosk.db import transaction

    with transaction(conn):
        edit_counter_services(conn, counter, service_ids)


def edit_counter_services(conn: sqlite3.Connection, counter: int,
                          service_ids: list[str]) -> None:
    """set_counter_services inside the caller's transaction."""
    if conn.execute("SELECT 1 FROM counters WHERE number = ?", (counter,)).fetchone() is None:
        raise KioskError("queue_counter_unknown", counter=counter)
    for service_id in service_ids:
        if conn.execute("SELECT 1 FROM services WHERE id = ?",
                        (service_id,)).fetchone() is None:
            raise KioskError("queue_service_unknown", service=service_id)
    conn.execute("DELETE FROM counter_services WHERE counter = ?", (counter,))
    conn.executemany("INSERT INTO counter_services (counter, service_id) VALUES (?, ?)",
                     [(counter, s) for s in service_ids])


def counter_services(conn: sqlite3.Connection, counter: int) -> tuple[str, ...]:
    """Active services of an active counter, in kiosk order."""
    return tuple(r[0] for r in conn.execute(
        "SELECT s.id FROM counter_services cs JOIN services s ON s.id = cs.service_id"
        " JOIN counters c ON c.number = cs.counter"
        " WHERE cs.counter = ? AND s.active = 1 AND c.active = 1 ORDER BY s.sort, s.id",
        (counter,)))
