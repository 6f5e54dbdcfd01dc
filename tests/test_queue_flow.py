"""A ticket's life at the counters: transfer keeps its place, ratings belong to tickets, every
event and rating has its outbox row, the board sees calls and recalls."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.errors import KioskError
from kiosk.queue.api import QueueService
from kiosk.queue.services import update_service
from tests.queue_support import A, B, C, invariant_problems, queue_store, vn


def test_local_queue_implements_the_interface(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    assert isinstance(q, QueueService)


def test_demo_catalog_services_and_counters(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    services = q.services()
    assert [(s.prefix, s.name_vi) for s in services] == [
        ("A", "Tư pháp – hộ tịch"), ("B", "Chứng thực"), ("C", "Đất đai – xây dựng"),
        ("D", "Lao động – thương binh và xã hội"), ("E", "Tiếp nhận phản ánh")]
    assert all(s.counters == (1, 2, 3) and s.name_en and s.icon for s in services)


def test_transfer_keeps_the_place_by_original_issue_time(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    a1 = q.take(A)
    clock.advance(minutes=1)
    b1 = q.take(B)
    clock.advance(minutes=1)
    q.take(B)
    from kiosk.queue.services import set_counter_services

    set_counter_services(store.conn(), 2, [B])
    assert q.call_next(1).id == a1.id                       # type: ignore[union-attr]
    clock.advance(minutes=5)
    moved = q.transfer(1, B, clerk="Lan")
    assert (moved.label, moved.service_id, moved.state, moved.ahead) == ("A001", B, "waiting", 0)
    assert q.counter_view(1).current is None
    assert q.ticket(b1.id).ahead == 1                       # type: ignore[union-attr]
    assert q.call_next(2).id == a1.id                       # type: ignore[union-attr]
    assert q.call_next(2).id == b1.id                       # type: ignore[union-attr]
    with pytest.raises(KioskError) as err:
        q.transfer(2, B)
    assert err.value.code == "queue_transfer_same"
    with pytest.raises(KioskError) as err:
        q.transfer(2, "khong-co")
    assert err.value.code == "queue_service_unknown"
    moved_event = store.conn().execute(
        "SELECT service_id, target_service_id, counter, clerk, service_s FROM ticket_events"
        " WHERE kind = 'transferred'").fetchone()
    assert tuple(moved_event) == (A, B, 1, "Lan", 300.0)
    assert invariant_problems(store.conn()) == []


def test_rating_is_tied_to_its_ticket_and_goes_to_the_outbox(tmp_path: Path) -> None:
    store, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    served, waiting = q.take(A), q.take(A)
    q.call_next(1)
    q.finish(1)
    with pytest.raises(KioskError) as err:
        q.rate(waiting.id, "satisfied")                     # not served yet
    assert err.value.code == "queue_ticket_done"
    with pytest.raises(KioskError) as err:
        q.rate(served.id, "great")                          # type: ignore[arg-type]
    assert err.value.code == "queue_rating_level"
    q.rate(served.id, "acceptable")
    with pytest.raises(KioskError) as err:
        q.rate(served.id, "satisfied")
    assert err.value.code == "queue_already_rated"
    conn = store.conn()
    rating = conn.execute("SELECT id, ticket_id, level FROM ratings").fetchall()
    assert [tuple(r)[1:] for r in rating] == [(served.id, "acceptable")]
    outbox = conn.execute("SELECT ref_id FROM outbox WHERE kind = 'rating'").fetchall()
    assert [r[0] for r in outbox] == [rating[0][0]]
    assert q.figures().ratings == (("acceptable", 1),)


def test_every_event_has_its_outbox_row(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    tickets = [q.take(s) for s in (A, A, B, C, A)]
    q.call_next(1, "Lan")
    q.recall(1)
    q.start_serving(1)
    q.transfer(1, C)
    q.call_next(2)
    q.no_show(2)
    q.call_next(3)
    q.finish(3)
    q.cancel(tickets[-1].id)
    clock.set(vn(2025, 3, 5, 8))
    q.close_day()
    conn = store.conn()
    kinds = {r[0] for r in conn.execute("SELECT kind FROM ticket_events")}
    assert kinds == {"issued", "called", "recalled", "serving", "transferred", "no_show",
                     "finished", "cancelled", "closed"}
    events = conn.execute("SELECT count(*) FROM ticket_events").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM outbox WHERE kind = 'ticket_event'").fetchone()[0]
    assert events == rows
    assert invariant_problems(conn) == []


def test_call_next_finishes_the_current_ticket_and_opens_a_closed_counter(tmp_path: Path
                                                                            ) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    first, second = q.take(A), q.take(A)
    assert not q.counter_view(3).open
    before = q.watermark()
    assert q.call_next(3, clerk="Hùng").id == first.id      # type: ignore[union-attr]
    view = q.counter_view(3)
    assert view.open and view.clerk == "Hùng" and view.current.id == first.id  # type: ignore
    assert q.watermark() > before
    clock.advance(minutes=4)
    assert q.call_next(3).id == second.id                   # type: ignore[union-attr]
    assert q.ticket(first.id).state == "finished"           # type: ignore[union-attr]
    assert q.call_next(3) is None                           # nobody left; second finished
    assert q.counter_view(3).current is None
    with pytest.raises(KioskError) as err:
        q.finish(3)
    assert err.value.code == "queue_counter_idle"
    with pytest.raises(KioskError) as err:
        q.call_next(9)
    assert err.value.code == "queue_counter_unknown"
    mark = q.watermark()
    q.set_counter_open(3, False)
    assert not q.counter_view(3).open and q.watermark() > mark
    clerks = {f.key: f for f in q.figures().clerks}
    assert clerks["Hùng"].served == 2 and clerks["Hùng"].median_service_min == 2.0


def test_board_shows_calls_recalls_and_counters(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    for _ in range(4):
        q.take(A)
    q.call_next(2)
    q.call_next(1)
    q.recall(2)
    board = q.board_state()
    assert [(c.label, c.counter, c.recall) for c in board.recent_calls] == [
        ("A001", 2, True), ("A002", 1, False), ("A001", 2, False)]
    ids = [c.event_id for c in board.recent_calls]
    assert ids == sorted(ids, reverse=True)
    assert board.next_waiting == ("A003", "A004")
    assert [(s.counter, s.label, s.state) for s in board.serving] == [
        (1, "A002", "called"), (2, "A001", "called"), (3, None, None)]
    assert board.office_name == "UBND xã Tân Hòa"
    q.start_serving(2)
    assert q.start_serving(2).state == "serving"            # a second press changes nothing
    assert q.board_state().serving[1].state == "serving"


def test_cancel(tmp_path: Path) -> None:
    _, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    t = q.take(A)
    assert q.cancel(t.id).state == "cancelled"
    with pytest.raises(KioskError) as err:
        q.cancel(t.id)
    assert err.value.code == "queue_ticket_done"
    with pytest.raises(KioskError) as err:
        q.cancel("00000000-0000-0000-0000-000000000000")
    assert err.value.code == "queue_ticket_unknown"
    assert q.call_next(1) is None


def test_figures_from_events(tmp_path: Path) -> None:
    _, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    for _ in range(3):
        q.take(A)
    clock.advance(minutes=10)
    q.call_next(1, "Lan")                   # waited 10
    clock.advance(minutes=6)
    q.finish(1)                             # served 6
    clock.advance(minutes=4)
    q.call_next(2, "Mai")                   # waited 20
    q.no_show(2)
    day = q.figures()
    a = day.services[0]
    assert (a.key, a.issued, a.called, a.served, a.no_show) == (A, 3, 2, 1, 1)
    assert a.median_wait_min == 15.0 and a.median_service_min == 6.0
    assert [(f.key, f.called, f.served) for f in day.counters] == [("1", 1, 1), ("2", 1, 0)]
    assert [f.key for f in day.clerks] == ["Lan", "Mai"]
    assert q.figures("2025-03-03").services == ()


def test_admin_edits_services_and_the_seed_keeps_them(tmp_path: Path) -> None:
    from kiosk import catalog

    store, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    update_service(store.conn(), B, name_vi="Chứng thực bản sao", active=False)
    assert B not in [s.id for s in q.services()]
    with pytest.raises(KioskError) as err:
        q.take(B)
    assert err.value.code == "queue_service_unknown"
    for bad, code in (("AB", "queue_prefix_invalid"), ("a", "queue_prefix_taken")):
        with pytest.raises(KioskError) as err:
            update_service(store.conn(), C, prefix=bad)
        assert err.value.code == code
    catalog.set_setting(store.conn(), "catalog.version", [0, 0, 0])     # force a reseed
    assert catalog.seed(store.conn())
    row = store.conn().execute("SELECT name_vi, active FROM services WHERE id = ?",
                               (B,)).fetchone()
    assert tuple(row) == ("Chứng thực bản sao", 0)


def test_ticket_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path

    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8, 5))
    q.take(B)
    q.call_next(1)
    clock.advance(minutes=15)
    q.finish(1)
    for _ in range(2):
        q.take(B)
    ticket = q.take(B)
    path = save_ticket_pdf(ticket, "UBND xã Tân Hòa", ticket_path(store.data_dir, ticket))
    assert path.name == "2025-03-04_B004.pdf"
    text = PdfReader(path).pages[0].extract_text()
    for expected in ("B004", "Chứng thực", "1, 2, 3", "04/03/2025 08:20",
                     "Số người đang chờ trước", "khoảng 30 phút"):   # 2 ahead × 15 min
        assert expected in text, expected
    assert "Ưu tiên" not in text
