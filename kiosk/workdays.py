"""Expected reply dates, counted in the office's working days.

The rule, used for every "trả lời trong N ngày làm việc":

    Day 1 is the first working day strictly AFTER the date of filing (in the office's zone),
    whatever the hour of filing; the due date is the N-th working day counted that way.

So a report filed on Monday at 10:00 with N=1 is due Tuesday; one filed Friday at 18:30, on
Saturday, or on Sunday is in each case due Monday for N=1 (if Monday is a working day). This
follows how Vietnamese law counts periods in days: the day of the event is not counted, the
period starts the next day (Bộ luật Dân sự 2015, art. 147), and petition deadlines are counted
from the day after receipt. Hours therefore never move a due date; `open_time`/`close_time` are
kept on the calendar for `is_open()` (what the kiosk tells a resident about the counters).

A working day is: not a public holiday (the `holidays` package's Vietnam calendar, which includes
its observed and substituted days off) and not one of the catalog's `extra_holidays`; and then
either one of `workdays` (Mon–Fri) or a make-up working day (a weekend day the government moves
work to, from the package or the catalog's `makeup_workdays`). A holiday always wins.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Ho_Chi_Minh"
# A walk this long without finding enough working days means a broken calendar, not a deadline.
_MAX_WALK_DAYS = 3660


@dataclass(frozen=True)
class OfficeCalendar:
    zone: str = DEFAULT_ZONE
    open_time: time = time(7, 30)
    close_time: time = time(17, 0)
    workdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # date.weekday(): Monday is 0
    extra_holidays: frozenset[date] = field(default_factory=frozenset)  # from the catalog
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)  # from the catalog

    def __post_init__(self) -> None:
        # Catalog JSON arrives as lists; accept any iterable and freeze it so the calendar
        # stays hashable and immutable.
        for name in ("workdays", "extra_holidays", "makeup_workdays"):
            value: Iterable[object] = getattr(self, name)
            object.__setattr__(self, name, frozenset(value))
        if not self.workdays or not self.workdays <= set(range(7)):
            raise ValueError(f"workdays must be a non-empty subset of 0..6: {self.workdays}")
        if not self.open_time < self.close_time:
            raise ValueError("open_time must be before close_time")
        ZoneInfo(self.zone)  # fail at construction, not at the first due date (e.g. no tzdata)


class _Year(NamedTuple):
    holidays: frozenset[date]
    makeup: frozenset[date]


@functools.lru_cache(maxsize=64)
def _vietnam(year: int) -> _Year:
    """The package's Vietnam calendar for one year, built on first use and cached."""
    import holidays  # here, so importing this module stays cheap

    cal = holidays.country_holidays("VN", years=year)
    # weekend_workdays: Saturdays the government moved work to (absent in old releases).
    return _Year(frozenset(cal), frozenset(getattr(cal, "weekend_workdays", ())))


def is_holiday(cal: OfficeCalendar, d: date) -> bool:
    return d in cal.extra_holidays or d in _vietnam(d.year).holidays


def is_working_day(cal: OfficeCalendar, d: date) -> bool:
    if is_holiday(cal, d):
        return False
    if d.weekday() in cal.workdays:
        return True
    # A make-up day can be decreed with the neighbouring year's holiday (late Dec for New Year,
    # early Jan for a 31 Dec bridge), so look at the calendars on both sides.
    return d in cal.makeup_workdays or any(
        d in _vietnam(year).makeup for year in (d.year - 1, d.year, d.year + 1)
    )


def due_date(cal: OfficeCalendar, filed_at: datetime, days: int) -> date:
    """The `days`-th working day after the local filing date (see the module docstring)."""
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ValueError(f"days must be an integer >= 1, got {days!r}")
    filed_on = _local(cal, filed_at).date()
    current, counted = filed_on, 0
    while counted < days:
        current += timedelta(days=1)
        if (current - filed_on).days > _MAX_WALK_DAYS + 7 * days:
            raise ValueError("the calendar has no working days ahead")
        if is_working_day(cal, current):
            counted += 1
    return current


def is_open(cal: OfficeCalendar, at: datetime) -> bool:
    """Whether the office is open at instant `at`: a working day, within opening hours."""
    local = _local(cal, at)
    return is_working_day(cal, local.date()) and cal.open_time <= local.time() < cal.close_time


def _local(cal: OfficeCalendar, at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        # A naive time is ambiguous (device zone? UTC?); the store keeps aware UTC instants.
        raise ValueError("datetime must be timezone-aware")
    return at.astimezone(ZoneInfo(cal.zone))
