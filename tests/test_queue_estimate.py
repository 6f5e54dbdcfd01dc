"""Wait estimates: people ahead × median of today's last 20 service times ÷ open counters,
skipping lunch, rounded to 5 minutes; none without history today."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.queue.estimate import estimate_minutes, round_to_step, say_estimate
from kiosk.queue.hours import parse_hours
from tests.queue_support import A, B, REAL_HOURS, queue_store, vn


def test_rounding() -> None:
    assert [round_to_step(m) for m in (0, 0.1, 2.4, 7.4, 7.5, 12.6, 61)] == [
        0, 5, 5, 5, 10, 15, 60]


def test_formula() -> None:
    assert estimate_minutes(3, [600] * 5, 1) == 30
    assert estimate_minutes(3, [600] * 5, 2) == 15
    assert estimate_minutes(3, [600] * 5, 0) == 30          # a closed counter still opens
    assert estimate_minutes(4, [60, 120, 900], 1) == 10     # median 2 min × 4 = 8 → 10
    assert estimate_minutes(0, [600], 1) == 0
    assert estimate_minutes(5, [], 1) is None


def test_formula_skips_lunch() -> None:
    real = parse_hours(REAL_HOURS, "Asia/Ho_Chi_Minh")
    # 3 ahead × 10 min = 30 min of counter time from 11:20 → 13:20 on the wall: 120 min.
    assert estimate_minutes(3, [600] * 3, 1, real, vn(2025, 3, 4, 11, 20)) == 120


def test_words() -> None:
    assert say_estimate(15) == "khoảng 15 phút"
    assert say_estimate(15, "en") == "about 15 minutes"
    assert say_estimate(None) == ""


def _serve(q, clock, counter: int, minutes: float) -> None:  # noqa: ANN001
    assert q.call_next(counter) is not None
    clock.advance(seconds=30)              # walking to the counter is not service time
    q.start_serving(counter)
    clock.advance(minutes=minutes)
    q.finish(counter)


def test_uses_only_todays_last_20_service_times(tmp_path: Path) -> None:
    _, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 3, 8))
    q.take(A)
    _serve(q, clock, 1, 60)                 # yesterday: an hour, must not count today
    clock.set(vn(2025, 3, 4, 8))
    assert q.take(A).estimate_minutes is None      # no history today → nothing to promise
    for _ in range(25):
        q.take(A)
    for minutes in [45] * 5 + [6] * 20:     # the 5 slow ones are older than the last 20
        _serve(q, clock, 1, minutes)
    waiting = q.take(A)
    assert waiting.ahead == 1               # one left from before, plus this one
    assert waiting.estimate_minutes == 5    # 1 × 6 min, one counter open → 5
    for _ in range(8):
        q.take(A)
    last = q.take(A)
    assert last.ahead == 10 and last.estimate_minutes == 60
    q.set_counter_open(2, True)
    assert q.ticket(last.id).estimate_minutes == 30        # type: ignore[union-attr]
    assert q.take(B).estimate_minutes is None              # other service: no history


def test_service_time_counts_from_the_call_when_serving_was_not_pressed(tmp_path: Path
                                                                         ) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    q.take(A)
    q.call_next(1)
    clock.advance(minutes=12)
    q.finish(1)
    got = store.conn().execute("SELECT service_s FROM ticket_events WHERE kind = 'finished'"
                               ).fetchone()[0]
    assert got == pytest.approx(720)
