"""Ticket numbers: per service, per office day, A999 then A1000, never reused across restarts."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.queue import numbering
from kiosk.queue.local import LocalQueue
from tests.queue_support import A, B, Clock, queue_store, vn


def test_labels_have_three_digits_at_least_and_never_wrap() -> None:
    assert numbering.label("A", 1) == "A001"
    assert numbering.label("A", 999) == "A999"
    assert numbering.label("A", 1000) == "A1000"
    with pytest.raises(ValueError):
        numbering.label("A", 0)


def test_office_day_is_the_day_in_vietnam_not_utc() -> None:
    # 23:30 UTC on the 4th is 06:30 on the 5th in Hanoi.
    assert numbering.office_day(vn(2025, 3, 5, 6, 30), "Asia/Ho_Chi_Minh") == "2025-03-05"
    assert numbering.office_day(vn(2025, 3, 4, 23, 59, 59), "Asia/Ho_Chi_Minh") == "2025-03-04"


def test_numbers_count_per_service(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    assert [q.take(A).label for _ in range(3)] == ["A001", "A002", "A003"]
    assert q.take(B).label == "B001"
    assert q.take(A, priority=True).label == "A004"   # priority shares the service's numbers


def test_past_999_comes_a1000(tmp_path: Path) -> None:
    store, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    q.take(A)
    store.conn().execute("UPDATE ticket_seq SET last = 998 WHERE service_id = ?", (A,))
    assert [q.take(A).label for _ in range(3)] == ["A999", "A1000", "A1001"]


def test_numbers_survive_a_restart_and_restart_next_day(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    first = q.take(A)
    q.cancel(first.id)                      # even a cancelled number is not handed out again
    q.take(A)
    store.close()
    from kiosk.db import Store

    reopened = Store(tmp_path / "d")
    q2 = LocalQueue(reopened, now=clock)
    assert q2.take(A).label == "A003"
    clock.set(vn(2025, 3, 5, 7, 45))
    again = q2.take(A)
    assert again.label == "A001" and again.office_day == "2025-03-05"
    labels = reopened.conn().execute(
        "SELECT office_day, label FROM tickets ORDER BY issued_utc").fetchall()
    assert [tuple(r) for r in labels] == [("2025-03-04", "A001"), ("2025-03-04", "A002"),
                                          ("2025-03-04", "A003"), ("2025-03-05", "A001")]


def test_a_prefix_moved_mid_day_never_repeats_a_label(tmp_path: Path) -> None:
    from kiosk.queue.services import update_service

    store, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    q.take(A)                                           # A001 of Tư pháp
    update_service(store.conn(), A, prefix="Z")
    update_service(store.conn(), B, prefix="A")         # Chứng thực now prints A…
    assert q.take(B).label == "A002"                    # A001 is taken today: skipped
    assert q.take(A).label == "Z002"


def test_clock_is_injected(tmp_path: Path) -> None:
    _, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    assert isinstance(clock, Clock)
    assert q.take(A).issued_utc.startswith("2025-03-04T01:00:00")
