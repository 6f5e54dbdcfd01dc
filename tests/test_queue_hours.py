"""Office hours with real times: lunch, stop before closing, weekends, holidays, the kiosk's
per-minute cap; staff are not limited."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.clock import from_iso, local_display
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue import hours
from tests.queue_support import A, B, REAL_HOURS, queue_store, vn


def _closed(q, **kw) -> KioskError:  # noqa: ANN001
    with pytest.raises(KioskError) as err:
        q.take(A, limited=True, **kw)
    return err.value


@pytest.mark.parametrize("at, reason, reopens", [
    (vn(2025, 3, 4, 7, 0), "closed", vn(2025, 3, 4, 7, 30)),          # before opening
    (vn(2025, 3, 4, 11, 30), "lunch", vn(2025, 3, 4, 13, 0)),         # lunch starts
    (vn(2025, 3, 4, 12, 59, 59), "lunch", vn(2025, 3, 4, 13, 0)),
    (vn(2025, 3, 4, 16, 45), "stop_before_close", vn(2025, 3, 5, 7, 30)),  # 15 min before 17:00
    (vn(2025, 3, 4, 18, 0), "closed", vn(2025, 3, 5, 7, 30)),
    (vn(2025, 3, 8, 11, 20), "stop_before_close", vn(2025, 3, 10, 7, 30)),  # Sat: 11:15
    (vn(2025, 3, 9, 9, 0), "closed", vn(2025, 3, 10, 7, 30)),         # Sunday
    (vn(2025, 9, 1, 9, 0), "closed", vn(2025, 9, 3, 7, 30)),          # National Day holidays
])
def test_kiosk_is_refused_outside_hours_with_the_reopening_time(tmp_path: Path, at, reason,
                                                                 reopens) -> None:  # noqa: ANN001
    store, q, _ = queue_store(tmp_path / "d", at, real_hours=True)
    window = q.issue_window()
    assert not window.open and window.reason == reason
    assert window.reopens_utc is not None and from_iso(window.reopens_utc) == reopens
    error = _closed(q)
    assert error.code == "queue_closed"
    when = local_display(reopens)
    assert describe(error) == f"Đã ngừng cấp số thứ tự. Mời bạn quay lại lúc {when}."
    assert when in describe(error, "en")
    assert store.conn().execute("SELECT count(*) FROM tickets").fetchone()[0] == 0
    staff = q.take(A)                       # staff at the counter may still issue
    assert staff.label == "A001"


@pytest.mark.parametrize("at, closes", [
    (vn(2025, 3, 4, 7, 30), vn(2025, 3, 4, 11, 30)),
    (vn(2025, 3, 4, 13, 0), vn(2025, 3, 4, 16, 45)),
    (vn(2025, 3, 4, 16, 44, 59), vn(2025, 3, 4, 16, 45)),
    (vn(2025, 3, 8, 9, 0), vn(2025, 3, 8, 11, 15)),
])
def test_open_within_sessions(tmp_path: Path, at, closes) -> None:  # noqa: ANN001
    _, q, _ = queue_store(tmp_path / "d", at, real_hours=True)
    window = q.issue_window()
    assert window.open and window.closes_utc is not None
    assert from_iso(window.closes_utc) == closes
    assert q.take(A, limited=True).label == "A001"


def test_demo_office_is_open_around_the_clock(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 9, 3, 0))    # Sunday 03:00
    assert q.issue_window().open and q.issue_window().closes_utc is None
    assert q.take(A, limited=True).label == "A001"


def test_kiosk_rate_limit_per_minute(tmp_path: Path) -> None:
    _, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8, 0))
    for _ in range(3):
        q.take(A, limited=True)
        clock.advance(seconds=5)
    with pytest.raises(KioskError) as err:
        q.take(B, limited=True)
    assert err.value.code == "queue_rate_limited" and "3 số" in describe(err.value)
    assert q.take(B).label == "B001"        # staff are not limited
    clock.advance(seconds=50)               # 60 s after the first kiosk ticket
    assert q.take(B, limited=True).label == "B002"


def test_malformed_hours_are_refused(tmp_path: Path) -> None:
    store, _, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    for bad in ({"week": {"mon": {"open": "17:00", "close": "07:30"}}},
                {"week": {"mon": {"open": "07:30", "close": "17:00", "lunch": ["06:00", "07:00"]}}},
                {"week": {"monday": None}}):
        with pytest.raises(ValueError):
            hours.save_hours(store.conn(), bad)
    assert hours.load_hours(store.conn()).always_open      # unchanged


def test_wait_skips_the_lunch_break() -> None:
    real = hours.parse_hours(REAL_HOURS, "Asia/Ho_Chi_Minh")
    # 11:20 + 30 minutes of counter time = 10 before lunch, 20 after 13:00 → 13:20.
    assert hours.wall_minutes(real, vn(2025, 3, 4, 11, 20), 30) == pytest.approx(120)
    assert hours.wall_minutes(real, vn(2025, 3, 4, 9, 0), 30) == pytest.approx(30)
    assert hours.wall_minutes(real, vn(2025, 3, 4, 12, 0), 30) == pytest.approx(90)
    assert hours.wall_minutes(real, vn(2025, 3, 4, 7, 0), 10) == pytest.approx(40)


def test_after_hours_close_day_closes_todays_waiting_but_not_the_counters(tmp_path: Path
                                                                           ) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 16, 0), real_hours=True)
    at_counter = q.take(A)
    left = q.take(A)
    q.call_next(2)
    clock.set(vn(2025, 3, 4, 16, 59))
    assert q.close_day() == 0               # not closed yet
    clock.set(vn(2025, 3, 4, 17, 0))
    assert q.close_day() == 1
    assert q.ticket(left.id).state == "not_served"          # type: ignore[union-attr]
    assert q.ticket(at_counter.id).state == "called"        # type: ignore[union-attr]
    assert q.finish(2).state == "finished"
