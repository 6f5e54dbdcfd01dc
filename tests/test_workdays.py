"""kiosk.workdays: due dates walked by hand against the holiday list of the `holidays` package.

Every expected date below was worked out from the calendar and the package's VN list (printed by
`holidays.country_holidays("VN", years=...)`); the first tests pin that list, so a package update
that moves a holiday fails loudly there instead of silently changing the arithmetic below.
"""
from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from kiosk import workdays
from kiosk.workdays import OfficeCalendar, due_date, is_open, is_working_day

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
CAL = OfficeCalendar()


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    """An instant given in office time."""
    return datetime(y, m, d, hh, mm, tzinfo=HANOI)


def _vn(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.country_holidays("VN", years=year))


# --- the package's calendar the expectations below rely on ---------------------------------


def test_package_tet_2027_is_thu_4_to_wed_10_february() -> None:
    tet = {d for d in _vn(2027) if d.month == 2}
    assert tet == {date(2027, 2, d) for d in range(4, 11)}


def test_package_spring_and_national_days_2026_2027() -> None:
    h26, h27 = _vn(2026), _vn(2027)
    assert {date(2026, 4, 27), date(2026, 4, 30), date(2026, 5, 1)} <= set(h26)
    assert {date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)} <= set(h26)
    assert {date(2027, 4, 30), date(2027, 5, 3), date(2027, 9, 2), date(2027, 9, 3)} <= set(h27)
    # No stray holiday inside the stretches the tests count through.
    for d in (date(2026, 3, 2) + timedelta(n) for n in range(15)):
        assert d not in h26
    for d in (date(2027, 2, 11) + timedelta(n) for n in range(7)):
        assert d not in h27


# --- is_working_day -----------------------------------------------------------------------


def test_is_working_day_basics() -> None:
    assert is_working_day(CAL, date(2026, 3, 2))  # Monday
    assert not is_working_day(CAL, date(2026, 3, 7))  # Saturday
    assert not is_working_day(CAL, date(2026, 3, 8))  # Sunday
    assert not is_working_day(CAL, date(2026, 9, 2))  # National Day, a Wednesday
    assert not is_working_day(CAL, date(2026, 4, 27))  # Hùng Kings, observed on Monday
    assert is_working_day(CAL, date(2026, 8, 22))  # Saturday worked for the 31/8 bridge


def test_makeup_day_that_is_also_a_holiday_is_not_worked() -> None:
    cal = OfficeCalendar(makeup_workdays=frozenset({date(2027, 2, 6)}))  # Tết, a Saturday
    assert not is_working_day(cal, date(2027, 2, 6))


# --- due_date -----------------------------------------------------------------------------


def test_plain_week_counts_from_the_next_day() -> None:
    # Filed Monday 2/3/2026: day 1 is Tuesday 3/3; day 5 is Monday 9/3, day 10 Monday 16/3.
    assert due_date(CAL, at(2026, 3, 2), 1) == date(2026, 3, 3)
    assert due_date(CAL, at(2026, 3, 2), 4) == date(2026, 3, 6)
    assert due_date(CAL, at(2026, 3, 2), 5) == date(2026, 3, 9)
    assert due_date(CAL, at(2026, 3, 2), 10) == date(2026, 3, 16)  # two full weeks


def test_hour_of_filing_does_not_move_the_date() -> None:
    # Before opening, during hours and after closing on Monday: all count from Tuesday.
    for hh, mm in ((6, 0), (7, 30), (16, 59), (17, 0), (23, 59)):
        assert due_date(CAL, at(2026, 3, 2, hh, mm), 1) == date(2026, 3, 3)


def test_friday_evening_and_weekend_filings_start_on_monday() -> None:
    for filed in (at(2026, 3, 6, 18, 30), at(2026, 3, 7, 9), at(2026, 3, 8, 23, 59)):
        assert due_date(CAL, filed, 1) == date(2026, 3, 9)
        assert due_date(CAL, filed, 5) == date(2026, 3, 13)
    assert due_date(CAL, at(2026, 3, 6, 10), 1) == date(2026, 3, 9)  # Friday in hours too


def test_across_tet_2027() -> None:
    # Filed Wed 3/2/2027. Thu 4 – Wed 10 are Tết (6–7 a weekend inside it): Thu 11 is day 1,
    # Fri 12 day 2, Mon 15 day 3, Tue 16 day 4, Wed 17 day 5.
    assert due_date(CAL, at(2027, 2, 3), 1) == date(2027, 2, 11)
    assert due_date(CAL, at(2027, 2, 3), 5) == date(2027, 2, 17)
    # Filed on Tết itself: the same Thursday is day 1.
    assert due_date(CAL, at(2027, 2, 6), 1) == date(2027, 2, 11)


def test_across_tet_2026() -> None:
    # Tết 2026 is Mon 16 – Fri 20 February. Filed Fri 13: Mon 23, Tue 24, Wed 25.
    assert due_date(CAL, at(2026, 2, 13), 3) == date(2026, 2, 25)


def test_across_30_4_and_1_5() -> None:
    # 2026: Thu 30/4 and Fri 1/5 off. Filed Wed 29/4: Mon 4, Tue 5, Wed 6 May.
    assert due_date(CAL, at(2026, 4, 29), 3) == date(2026, 5, 6)
    # 2027: Fri 30/4 off, Sat 1/5 observed on Mon 3/5. Filed Thu 29/4: Tue 4, Wed 5 May.
    assert due_date(CAL, at(2027, 4, 29), 2) == date(2027, 5, 5)
    # Hùng Kings 2026 fell on Sunday 26/4, observed Monday 27/4. Filed Fri 24/4: Tue 28.
    assert due_date(CAL, at(2026, 4, 24), 1) == date(2026, 4, 28)


def test_across_national_day_2_9() -> None:
    # 2026: Mon 31/8 (swapped with Sat 22/8), Tue 1/9, Wed 2/9 off. Filed Fri 28/8: Thu 3, Fri 4.
    assert due_date(CAL, at(2026, 8, 28), 2) == date(2026, 9, 4)
    # 2027: Thu 2/9 and Fri 3/9 off. Filed Wed 1/9: Mon 6/9.
    assert due_date(CAL, at(2027, 9, 1), 1) == date(2027, 9, 6)


def test_makeup_saturday_from_the_package_is_counted() -> None:
    # Sat 22/8/2026 is worked in exchange for Mon 31/8. Filed Fri 21/8: Sat 22 is day 1.
    assert due_date(CAL, at(2026, 8, 21, 16), 1) == date(2026, 8, 22)
    assert due_date(CAL, at(2026, 8, 21, 16), 2) == date(2026, 8, 24)


def test_makeup_saturday_from_the_catalog_is_counted() -> None:
    cal = OfficeCalendar(makeup_workdays=frozenset({date(2026, 3, 7)}))
    assert due_date(cal, at(2026, 3, 6, 18), 1) == date(2026, 3, 7)
    assert due_date(cal, at(2026, 3, 6, 18), 2) == date(2026, 3, 9)
    assert due_date(CAL, at(2026, 3, 6, 18), 1) == date(2026, 3, 9)  # not without the catalog


def test_extra_holiday_from_the_catalog_is_skipped() -> None:
    cal = OfficeCalendar(extra_holidays=frozenset({date(2026, 3, 3)}))  # e.g. a local event
    assert not is_working_day(cal, date(2026, 3, 3))
    assert due_date(cal, at(2026, 3, 2), 1) == date(2026, 3, 4)
    assert due_date(cal, at(2026, 3, 2), 5) == date(2026, 3, 10)


def test_catalog_lists_are_accepted_and_frozen() -> None:
    cal = OfficeCalendar(extra_holidays=[date(2026, 3, 3)],  # type: ignore[arg-type]
                         workdays=[0, 1, 2, 3, 4, 5])  # type: ignore[arg-type]
    assert cal.extra_holidays == frozenset({date(2026, 3, 3)})
    assert is_working_day(cal, date(2026, 3, 7))  # a six-day office works Saturdays
    hash(cal)


def test_utc_evening_is_already_the_next_day_in_hanoi() -> None:
    # Sunday 8/3/2026 18:00 UTC is Monday 01:00 in Hà Nội: filed on Monday, day 1 is Tuesday.
    filed = datetime(2026, 3, 8, 18, 0, tzinfo=timezone.utc)
    assert due_date(CAL, filed, 1) == date(2026, 3, 10)
    # Counted in UTC it would wrongly be Monday; 16:59 UTC is still Sunday 23:59 in Hà Nội.
    assert due_date(CAL, datetime(2026, 3, 8, 16, 59, tzinfo=timezone.utc), 1) == date(2026, 3, 9)
    # Any zone works: 13:00 in New York on Sunday is Monday 01:00 in Hà Nội.
    assert due_date(CAL, datetime(2026, 3, 8, 14, 0, tzinfo=ZoneInfo("America/New_York")),
                    1) == date(2026, 3, 10)


@pytest.mark.parametrize("days", [0, -1, True, 1.5])
def test_days_must_be_a_positive_integer(days: object) -> None:
    with pytest.raises(ValueError):
        due_date(CAL, at(2026, 3, 2), days)  # type: ignore[arg-type]


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError):
        due_date(CAL, datetime(2026, 3, 2, 10, 0), 1)


@pytest.mark.parametrize("kwargs", [
    {"workdays": frozenset()},
    {"workdays": frozenset({7})},
    {"open_time": time(17, 0), "close_time": time(7, 30)},
])
def test_invalid_calendar_is_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        OfficeCalendar(**kwargs)  # type: ignore[arg-type]


def test_is_open_follows_hours_and_working_days() -> None:
    assert is_open(CAL, at(2026, 3, 2, 7, 30))
    assert is_open(CAL, at(2026, 3, 2, 16, 59))
    assert not is_open(CAL, at(2026, 3, 2, 7, 29))
    assert not is_open(CAL, at(2026, 3, 2, 17, 0))
    assert not is_open(CAL, at(2026, 3, 7, 10))  # Saturday
    assert not is_open(CAL, at(2026, 9, 2, 10))  # National Day
    assert is_open(CAL, datetime(2026, 3, 2, 3, 0, tzinfo=timezone.utc))  # 10:00 in Hà Nội


def test_holiday_calendar_is_built_once_per_year(monkeypatch: pytest.MonkeyPatch) -> None:
    import holidays

    calls: list[object] = []
    real = holidays.country_holidays

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("years"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(holidays, "country_holidays", counting)
    workdays._vietnam.cache_clear()
    try:
        for n in range(365):
            is_working_day(CAL, date(2026, 1, 1) + timedelta(n))
    finally:
        workdays._vietnam.cache_clear()  # don't leak the counting calendars to other tests
    assert sorted(calls) == [2025, 2026, 2027]  # the year, plus neighbours for make-up days


def test_importing_the_module_does_not_import_holidays() -> None:
    code = "import sys, kiosk.workdays; assert 'holidays' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
