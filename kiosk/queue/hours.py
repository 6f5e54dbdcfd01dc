"""Office hours for issuing numbers: per weekday, with a lunch break, stopping a set time before
closing, closed on public holidays; and "when does it reopen" for the kiosk's sentence.

Setting `queue.hours` (JSON):
    {"always_open": false, "stop_before_close_min": 15,
     "week": {"mon": {"open": "07:30", "close": "17:00", "lunch": ["11:30", "13:00"]}, …,
              "sat": {"open": "07:30", "close": "11:30"}, "sun": null}}
`always_open` is the demo office's switch (the demo and headless commands work at any hour).
A government make-up working day on a weekend uses Monday's hours.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from kiosk import catalog
from kiosk.clock import to_iso
from kiosk.queue.api import IssueWindow
from kiosk.workdays import OfficeCalendar, is_holiday, is_working_day

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SETTING = "queue.hours"
_LOOKAHEAD_DAYS = 21   # Tết can close an office for more than a week


@dataclass(frozen=True)
class DayHours:
    open: time
    close: time
    lunch: tuple[time, time] | None = None

    def sessions(self) -> list[tuple[time, time]]:
        if self.lunch is None:
            return [(self.open, self.close)]
        return [(self.open, self.lunch[0]), (self.lunch[1], self.close)]


@dataclass(frozen=True)
class QueueHours:
    week: tuple[DayHours | None, ...]          # Monday first, 7 entries
    stop_before_close_min: int = 15
    always_open: bool = False
    zone: str = "Asia/Ho_Chi_Minh"
    calendar: OfficeCalendar | None = None      # holidays and make-up days; None: ignore both

    def day_hours(self, d: date) -> DayHours | None:
        if self.calendar is not None:
            if is_holiday(self.calendar, d):
                return None
            if self.week[d.weekday()] is None and is_working_day(self.calendar, d):
                return self.week[0]
        return self.week[d.weekday()]

    def issuing_sessions(self, d: date) -> list[tuple[datetime, datetime]]:
        """The day's issuing periods as aware local datetimes; the last one ends early."""
        hours = self.day_hours(d)
        if hours is None:
            return []
        tz = ZoneInfo(self.zone)
        out = [(datetime.combine(d, a, tz), datetime.combine(d, b, tz))
               for a, b in hours.sessions()]
        start, end = out[-1]
        out[-1] = (start, end - timedelta(minutes=self.stop_before_close_min))
        return [(a, b) for a, b in out if a < b]


def _time(text: str) -> time:
    return time.fromisoformat(text)


def _day(raw: object) -> DayHours | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError(f"day hours must be an object or null: {raw!r}")
    opening, closing = _time(raw["open"]), _time(raw["close"])
    lunch = raw.get("lunch")
    pair = (_time(lunch[0]), _time(lunch[1])) if lunch else None
    if not opening < closing:
        raise ValueError(f"opening {opening} is not before closing {closing}")
    if pair and not (opening < pair[0] < pair[1] < closing):
        raise ValueError(f"lunch {pair} must lie inside {opening}–{closing}")
    return DayHours(opening, closing, pair)


def parse_hours(raw: dict, zone: str, calendar: OfficeCalendar | None = None) -> QueueHours:
    """Validate the setting; ValueError says what is wrong."""
    week = raw.get("week", {})
    unknown = set(week) - set(DAY_KEYS)
    if unknown:
        raise ValueError(f"unknown weekday keys: {sorted(unknown)}")
    stop = int(raw.get("stop_before_close_min", 15))
    if not 0 <= stop <= 240:
        raise ValueError("stop_before_close_min must be within 0..240")
    return QueueHours(week=tuple(_day(week.get(k)) for k in DAY_KEYS),
                      stop_before_close_min=stop, always_open=bool(raw.get("always_open")),
                      zone=zone, calendar=calendar)


def load_hours(conn: sqlite3.Connection) -> QueueHours:
    raw = catalog.get_setting(conn, SETTING, {"always_open": True})
    return parse_hours(raw, catalog.office(conn).zone, catalog.calendar(conn))


def save_hours(conn: sqlite3.Connection, raw: dict) -> None:
    """Admin (and tests) set real hours; refused before writing when malformed."""
    parse_hours(raw, catalog.office(conn).zone)
    catalog.set_setting(conn, SETTING, raw)


def issue_window(hours: QueueHours, now: datetime) -> IssueWindow:
    if hours.always_open:
        return IssueWindow(open=True, reopens_utc=None, closes_utc=None, reason="open")
    local = now.astimezone(ZoneInfo(hours.zone))
    today = hours.issuing_sessions(local.date())
    for start, end in today:
        if start <= local < end:
            return IssueWindow(True, None, to_iso(end), "open")
    reopens = next_opening(hours, now)
    return IssueWindow(False, to_iso(reopens) if reopens else None, None,
                       _closed_reason(hours, local))


def _closed_reason(hours: QueueHours, local: datetime) -> str:
    day = hours.day_hours(local.date())
    if day is None or not day.open <= local.time() < day.close:
        return "closed"
    if day.lunch and day.lunch[0] <= local.time() < day.lunch[1]:
        return "lunch"
    return "stop_before_close"


def closing_time(hours: QueueHours, now: datetime) -> datetime | None:
    """Today's closing instant (local day of `now`); None when closed all day."""
    local = now.astimezone(ZoneInfo(hours.zone))
    day = hours.day_hours(local.date())
    if day is None:
        return None
    return datetime.combine(local.date(), day.close, ZoneInfo(hours.zone))


def next_opening(hours: QueueHours, now: datetime) -> datetime | None:
    """The next instant issuing starts, strictly after `now`; None if none within 3 weeks."""
    local = now.astimezone(ZoneInfo(hours.zone))
    for offset in range(_LOOKAHEAD_DAYS + 1):
        for start, _end in hours.issuing_sessions(local.date() + timedelta(days=offset)):
            if start > local:
                return start.astimezone(timezone.utc)
    return None


def wall_minutes(hours: QueueHours, now: datetime, service_minutes: float) -> float:
    """Clock minutes from `now` until `service_minutes` of counter time have passed, skipping
    the lunch break (and the time before opening). Past closing it just runs on: those tickets
    are closed as not served, and the estimate is already a rough "khoảng"."""
    if hours.always_open or service_minutes <= 0:
        return max(service_minutes, 0.0)
    day = hours.day_hours(now.astimezone(ZoneInfo(hours.zone)).date())
    if day is None:
        return service_minutes
    local = now.astimezone(ZoneInfo(hours.zone))
    tz = ZoneInfo(hours.zone)
    cursor, left = local, timedelta(minutes=service_minutes)
    for a, b in day.sessions():
        start, end = datetime.combine(local.date(), a, tz), datetime.combine(local.date(), b, tz)
        if end <= cursor:
            continue
        cursor = max(cursor, start)
        if cursor + left <= end:
            return (cursor + left - local).total_seconds() / 60
        left -= end - cursor
        cursor = end
    return (cursor + left - local).total_seconds() / 60
