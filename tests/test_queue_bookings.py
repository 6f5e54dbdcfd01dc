"""Online bookings: imported from JSON/CSV, called first within their slot, ordinary past it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue.bookings import import_bookings
from tests.queue_support import A, B, queue_store, vn


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "bookings.json"
    path.write_text(json.dumps({"bookings": [
        {"code": "DL-2504-0137", "service": A, "slot_start": "2025-03-04 09:00",
         "slot_end": "2025-03-04 09:30"},
        {"code": "dl-2504-0138", "service": A, "slot_start": "2025-03-04T02:00:00Z",
         "slot_end": "2025-03-04T02:30:00Z"},                         # 09:00–09:30 in Hanoi
        {"code": "DL-2504-0200", "service": B, "slot_start": "05/03/2025 08:00",
         "slot_end": "05/03/2025 08:30"},
    ]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_json_and_csv_and_reimport(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    first = import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    assert (first.added, first.updated, first.already_used) == (3, 0, 0)
    again = import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    assert (again.added, again.updated, again.already_used) == (0, 0, 0)
    csv_file = tmp_path / "b.csv"
    csv_file.write_text("code,service,slot_start,slot_end\n"
                        f"DL-2504-0137,{A},2025-03-04 10:00,2025-03-04 10:30\n"
                        f"X9,{B},2025-03-04 10:00,2025-03-04 10:30\n", encoding="utf-8")
    with pytest.raises(KioskError) as err:   # "X9" is too short: the whole file is refused
        import_bookings(store.conn(), csv_file, q.zone, clock())
    assert err.value.code == "queue_booking_row" and "dòng 2" in describe(err.value)
    slot = store.conn().execute("SELECT slot_start_utc FROM bookings WHERE code ="
                                " 'DL-2504-0137'").fetchone()[0]
    assert slot == "2025-03-04T02:00:00.000000Z"               # unchanged
    csv_file.write_text("code,service,slot_start,slot_end\n"
                        f"DL-2504-0137,{A},2025-03-04 10:00,2025-03-04 10:30\n"
                        f"DL-2504-0138,{A},2025-03-04 10:00,2025-03-04 10:30\n",
                        encoding="utf-8")
    q.take(None, booking_code="DL-2504-0138")
    third = import_bookings(store.conn(), csv_file, q.zone, clock())
    assert (third.added, third.updated, third.already_used) == (0, 1, 1)


def test_booking_in_its_slot_is_called_first(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8, 50))
    import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    normal = [q.take(A).label for _ in range(3)]
    urgent = q.take(A, priority=True)
    booked = q.take(None, booking_code=" dl-2504-0137 ")        # early: before its slot
    assert booked.service_id == A and booked.booking_code == "DL-2504-0137"
    assert booked.booked_from_utc == "2025-03-04T02:00:00.000000Z"
    assert q.call_next(1).label == urgent.label                  # type: ignore[union-attr]
    assert q.call_next(1).label == normal[0]                     # type: ignore[union-attr]
    clock.set(vn(2025, 3, 4, 9, 0))                              # its slot starts
    assert q.ticket(booked.id).ahead == 0                        # type: ignore[union-attr]
    assert q.call_next(2).label == booked.label                  # type: ignore[union-attr]
    assert q.call_next(2).label == normal[1]                     # type: ignore[union-attr]


def test_booking_past_its_slot_is_an_ordinary_ticket(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 9, 0))
    import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    q.take(A)
    clock.set(vn(2025, 3, 4, 9, 31))
    late = q.take(A, booking_code="DL-2504-0137")
    assert late.booked_from_utc is None and late.ahead == 1
    assert q.call_next(1).label == "A001"                        # type: ignore[union-attr]
    assert q.call_next(1).label == late.label                    # type: ignore[union-attr]


@pytest.mark.parametrize("code, service, error", [
    ("NOPE-1234", None, "queue_booking_unknown"),
    ("DL-2504-0200", None, "queue_booking_other_day"),
    ("DL-2504-0137", B, "queue_booking_service"),
])
def test_booking_errors(tmp_path: Path, code: str, service: str | None, error: str) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    with pytest.raises(KioskError) as err:
        q.take(service, booking_code=code)
    assert err.value.code == error
    assert "{" not in describe(err.value)
    assert store.conn().execute("SELECT count(*) FROM tickets").fetchone()[0] == 0


def test_a_booking_gives_one_ticket_only(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 9, 5))
    import_bookings(store.conn(), _file(tmp_path), q.zone, clock())
    first = q.take(None, booking_code="DL-2504-0137")
    with pytest.raises(KioskError) as err:
        q.take(None, booking_code="DL-2504-0137")
    assert err.value.code == "queue_booking_used" and first.label in describe(err.value)
