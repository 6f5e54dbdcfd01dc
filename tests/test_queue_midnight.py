"""The office day turns at midnight in Vietnam: yesterday's open numbers close as not served,
numbering restarts, and nothing crashes at 23:59:59 or 00:00:00."""
from __future__ import annotations

from pathlib import Path

from tests.queue_support import A, invariant_problems, queue_store, vn


def test_midnight_closes_yesterday_and_restarts_numbering(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 23, 59, 58))
    called = q.take(A)
    waiting = q.take(A)
    assert q.call_next(1).id == called.id
    clock.set(vn(2025, 3, 4, 23, 59, 59))
    assert q.close_day() == 0                       # still the same day: nothing to close
    assert q.board_state().recent_calls[0].label == "A001"
    clock.set(vn(2025, 3, 5, 0, 0, 0))
    assert q.board_state().recent_calls == ()       # the board shows today only
    fresh = q.take(A)                               # first write of the day closes yesterday
    assert fresh.label == "A001" and fresh.office_day == "2025-03-05"
    for old in (called, waiting):
        t = q.ticket(old.id)
        assert t is not None and t.state == "not_served"
    assert q.counter_view(1).current is None
    nxt = q.call_next(1)
    assert nxt is not None and nxt.id == fresh.id
    assert q.close_day() == 0
    kinds = [r[0] for r in store.conn().execute(
        "SELECT kind FROM ticket_events WHERE ticket_id = ? ORDER BY id", (waiting.id,))]
    assert kinds == ["issued", "closed"]
    closed_day = store.conn().execute(
        "SELECT office_day FROM ticket_events WHERE kind = 'closed' LIMIT 1").fetchone()[0]
    assert closed_day == "2025-03-04"              # counted in its own day's figures
    assert q.figures("2025-03-04").services[0].not_served == 2
    assert invariant_problems(store.conn()) == []


def test_close_day_at_midnight_exactly_and_a_reader_process_in_between(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 23, 59, 59))
    q.take(A)
    clock.set(vn(2025, 3, 5))
    assert q.close_day() == 1
    assert q.close_day() == 0                       # idempotent
    assert q.services()[0].waiting == 0
    assert invariant_problems(store.conn()) == []
