"""The admin's queue settings as plain JSON-able data, and one atomic way to change them.

`snapshot(conn)` reads everything the admin edits (services with their counters, counters with
their services, the priority rule, the kiosk's per-minute cap, office hours in the shape of the
`queue.hours` setting). `apply(conn, …)` takes the wanted values, writes only what differs, in one
transaction together with an audit_log row per change (actor 'admin', no personal data), and
refuses bad input with a `queue_*` KioskError before anything is written. The CLI and the admin
screen both use it, so they accept and refuse the same things.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction
from kiosk.errors import KioskError
from kiosk.queue import hours as hours_mod
from kiosk.queue import limits
from kiosk.queue.priority import PriorityRule, load_rule, save_rule
from kiosk.queue.services import edit_counter_services, edit_service

DAY_NAMES = {"mon": ("Thứ Hai", "Monday"), "tue": ("Thứ Ba", "Tuesday"),
             "wed": ("Thứ Tư", "Wednesday"), "thu": ("Thứ Năm", "Thursday"),
             "fri": ("Thứ Sáu", "Friday"), "sat": ("Thứ Bảy", "Saturday"),
             "sun": ("Chủ Nhật", "Sunday")}
EVERY_MAX = 50           # PriorityRule's bound
PER_MINUTE_MAX = 60
STOP_MAX = 240           # hours.parse_hours' bound
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def snapshot(conn: sqlite3.Connection) -> dict[str, Any]:
    counters = [{"number": r[0], "name": r[1], "services": [
        s[0] for s in conn.execute("SELECT cs.service_id FROM counter_services cs JOIN services s"
                                   " ON s.id = cs.service_id WHERE cs.counter = ?"
                                   " ORDER BY s.sort, s.id", (r[0],))]}
        for r in conn.execute("SELECT number, name FROM counters WHERE active = 1"
                              " ORDER BY number")]
    services = [{"id": r[0], "prefix": r[1], "vi": r[2], "en": r[3], "icon": r[4],
                 "active": bool(r[5]),
                 "counters": [c["number"] for c in counters if r[0] in c["services"]]}
                for r in conn.execute("SELECT id, prefix, name_vi, name_en, icon, active"
                                      " FROM services ORDER BY sort, id")]
    rule = load_rule(conn)
    per_minute = catalog.get_setting(conn, limits.RATE_SETTING, limits.DEFAULT_PER_MINUTE)
    return {"services": services, "counters": counters,
            "priority": {"mode": rule.mode, "every": rule.every},
            "kiosk_per_minute": int(per_minute or 0), "hours": current_hours(conn)}


def current_hours(conn: sqlite3.Connection) -> dict[str, Any]:
    """The hours setting with every key present (all seven days), ready to edit and load back."""
    raw = catalog.get_setting(conn, hours_mod.SETTING, {"always_open": True}) or {}
    return normalise_hours(raw)


def normalise_hours(raw: object) -> dict[str, Any]:
    """Validate an hours document (as the CLI file or the screen gives it) into the stored
    shape, times as HH:MM; a KioskError names the day and what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("week", {}), dict):
        raise KioskError("queue_hours_invalid", value=type(raw).__name__)
    week = raw.get("week", {})
    unknown = sorted(set(week) - set(DAY_NAMES)) + sorted(
        set(raw) - {"always_open", "stop_before_close_min", "week"})
    if unknown:
        raise KioskError("queue_hours_invalid", value=unknown[0])
    stop = raw.get("stop_before_close_min", 15)
    if isinstance(stop, bool) or not isinstance(stop, int) or not 0 <= stop <= STOP_MAX:
        raise KioskError("queue_hours_stop", value=stop, max=STOP_MAX)
    out = {"always_open": bool(raw.get("always_open", False)), "stop_before_close_min": stop,
           "week": {key: _day(key, week.get(key)) for key in DAY_NAMES}}
    hours_mod.parse_hours(out, "UTC")   # the core's own check, now sure to pass
    return out


def _day(key: str, raw: object) -> dict[str, Any] | None:
    if raw is None:
        return None
    vi, en = DAY_NAMES[key]
    if not isinstance(raw, dict) or set(raw) - {"open", "close", "lunch"}:
        raise KioskError("queue_hours_invalid", value=key)
    lunch = raw.get("lunch")
    if lunch is not None and (not isinstance(lunch, (list, tuple)) or len(lunch) != 2):
        raise KioskError("queue_hours_invalid", value=key)
    opening, closing = _hhmm(raw.get("open"), key), _hhmm(raw.get("close"), key)
    if not opening < closing:
        raise KioskError("queue_hours_order", day_vi=vi, day_en=en, open=opening, close=closing)
    day: dict[str, Any] = {"open": opening, "close": closing}
    if lunch:
        start, end = _hhmm(lunch[0], key), _hhmm(lunch[1], key)
        if not opening < start < end < closing:
            raise KioskError("queue_hours_lunch", day_vi=vi, day_en=en, start=start, end=end,
                             open=opening, close=closing)
        day["lunch"] = [start, end]
    return day


def _hhmm(value: object, key: str) -> str:
    match = _HHMM.match(value) if isinstance(value, str) else None
    if match is None:
        raise KioskError("queue_hours_time", value=str(value), day_vi=DAY_NAMES[key][0],
                         day_en=DAY_NAMES[key][1])
    return f"{int(match[1]):02d}:{match[2]}"


def check_every(every: int) -> int:
    if isinstance(every, bool) or not isinstance(every, int) or not 1 <= every <= EVERY_MAX:
        raise KioskError("queue_priority_every", value=every, max=EVERY_MAX)
    return every


def check_per_minute(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or \
            not 1 <= limit <= PER_MINUTE_MAX:
        raise KioskError("queue_rate_invalid", value=limit, max=PER_MINUTE_MAX)
    return limit


def apply(conn: sqlite3.Connection, *, services: Mapping[str, Mapping[str, Any]] | None = None,
          counters: Mapping[int, Sequence[str]] | None = None,
          priority: Mapping[str, Any] | None = None, kiosk_per_minute: int | None = None,
          hours: object = None, actor: str = "admin") -> list[str]:
    """Write what differs from the store, all or nothing. `services`: id → any of vi, en,
    prefix, active. `counters`: number → service ids (at least one). `priority`: mode and
    every. Returns the audit actions written (empty: nothing differed)."""
    rule = None
    if priority is not None:
        mode = priority.get("mode", "interleave")
        if mode not in ("interleave", "strict"):
            raise KioskError("queue_priority_mode", value=mode)
        rule = PriorityRule(mode=mode, every=check_every(priority.get("every", 3)))
    if kiosk_per_minute is not None:
        check_per_minute(kiosk_per_minute)
    wanted_hours = normalise_hours(hours) if hours is not None else None
    for number, ids in (counters or {}).items():
        if not ids:
            raise KioskError("queue_counter_no_service", counter=number)
    done: list[tuple[str, str]] = []
    with transaction(conn):
        before = snapshot(conn)
        known = {s["id"]: s for s in before["services"]}
        for service_id, edit in (services or {}).items():
            old = known.get(service_id)
            if old is None:
                raise KioskError("queue_service_unknown", service=service_id)
            diff = {k: edit[k] for k in ("vi", "en", "prefix", "active")
                    if k in edit and edit[k] is not None and edit[k] != old[k]}
            if "prefix" in diff and str(diff["prefix"]).strip().upper() == old["prefix"]:
                del diff["prefix"]
            if diff:
                edit_service(conn, service_id, name_vi=diff.get("vi"), name_en=diff.get("en"),
                             prefix=diff.get("prefix"), active=diff.get("active"))
                done.append(("queue_service_edit", f"{service_id}: {', '.join(sorted(diff))}"))
        served = {c["number"]: c["services"] for c in before["counters"]}
        for number, ids in (counters or {}).items():
            if served.get(number) is None or set(ids) != set(served[number]):
                edit_counter_services(conn, number, list(dict.fromkeys(ids)))
                done.append(("queue_counter_services", f"{number}: {','.join(ids)}"))
        if rule is not None and rule != PriorityRule(**before["priority"]):
            save_rule(conn, rule)
            done.append(("queue_priority", f"{rule.mode} {rule.every}"))
        if kiosk_per_minute is not None and kiosk_per_minute != before["kiosk_per_minute"]:
            catalog.set_setting(conn, limits.RATE_SETTING, kiosk_per_minute)
            done.append(("queue_rate_limit", str(kiosk_per_minute)))
        if wanted_hours is not None and wanted_hours != before["hours"]:
            catalog.set_setting(conn, hours_mod.SETTING, wanted_hours)
            done.append(("queue_hours", "always open" if wanted_hours["always_open"] else ""))
        now = to_iso(utc_now())
        conn.executemany("INSERT INTO audit_log (at_utc, actor, action, detail)"
                         " VALUES (?, ?, ?, ?)",
                         [(now, actor, action, detail[:500]) for action, detail in done])
    return [action for action, _ in done]
