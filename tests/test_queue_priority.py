"""Priority tickets: one per N normal (interleave) or whenever one waits (strict); the place
a ticket is told ("ahead") is the order it is really called in."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.queue import priority
from kiosk.queue.priority import PriorityRule
from tests.queue_support import A, B, queue_store, vn


def _calls(q, counter: int = 1) -> list[str]:  # noqa: ANN001
    out = []
    while (t := q.call_next(counter)) is not None:
        out.append(t.label)
    return out


def _setup(tmp_path: Path, rule: PriorityRule):  # noqa: ANN202
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    priority.save_rule(store.conn(), rule)
    for _ in range(6):
        q.take(A)
        clock.advance(seconds=10)
    for _ in range(3):
        q.take(A, priority=True)
        clock.advance(seconds=10)
    return store, q, clock


def test_interleave_one_priority_per_n_normal(tmp_path: Path) -> None:
    _, q, _ = _setup(tmp_path, PriorityRule("interleave", 2))
    # A007..A009 are the priority ones, taken after every normal ticket.
    assert _calls(q) == ["A007", "A001", "A002", "A008", "A003", "A004", "A009", "A005", "A006"]


def test_strict_priority_first(tmp_path: Path) -> None:
    _, q, _ = _setup(tmp_path, PriorityRule("strict", 3))
    assert _calls(q) == ["A007", "A008", "A009", "A001", "A002", "A003", "A004", "A005", "A006"]


def test_interleave_counts_calls_at_every_counter(tmp_path: Path) -> None:
    # The rule is the office's, not one counter's: counter 2's normal calls count too.
    _, q, _ = _setup(tmp_path, PriorityRule("interleave", 2))
    assert [q.call_next(c).label for c in (1, 2, 3, 1, 2)] == [  # type: ignore[union-attr]
        "A007", "A001", "A002", "A008", "A003"]


def test_ahead_is_the_real_call_order(tmp_path: Path) -> None:
    store, q, clock = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    priority.save_rule(store.conn(), PriorityRule("interleave", 3))
    ids = []
    for i in range(14):
        ids.append(q.take(A, priority=i % 4 == 1).id)
        clock.advance(seconds=7)
    q.take(B)                                 # another service's line is not "ahead"
    told = {q.ticket(i).label: q.ticket(i).ahead for i in ids}  # type: ignore[union-attr]
    order = [label for label in _calls(q) if label.startswith("A")]
    assert {label: n for n, label in enumerate(order)} == told


def test_counter_view_lists_in_call_order(tmp_path: Path) -> None:
    _, q, _ = _setup(tmp_path, PriorityRule("interleave", 2))
    view = q.counter_view(1)
    assert [t.label for t in view.waiting] == [
        "A007", "A001", "A002", "A008", "A003", "A004", "A009", "A005", "A006"]
    assert view.waiting_count == 9 and [t.ahead for t in view.waiting] == list(range(9))
    assert q.board_state().next_waiting == ("A007", "A001", "A002", "A008", "A003", "A004")


@settings(max_examples=200, deadline=None)
@given(mode=st.sampled_from(["interleave", "strict"]), every=st.integers(1, 5),
       recent=st.lists(st.booleans(), max_size=6), booked=st.integers(0, 3),
       prio=st.integers(0, 8), normal=st.integers(0, 12))
def test_position_agrees_with_call_order(mode: str, every: int, recent: list[bool], booked: int,
                                         prio: int, normal: int) -> None:
    rule = PriorityRule(mode, every)  # type: ignore[arg-type]
    lanes = {"booked": [("booked", i) for i in range(booked)],
             "priority": [("priority", i) for i in range(prio)],
             "normal": [("normal", i) for i in range(normal)]}
    order = list(priority.call_order(rule, recent, lanes["booked"], lanes["priority"],
                                     lanes["normal"]))
    assert len(order) == booked + prio + normal
    for index, (lane, rank) in enumerate(order):
        assert priority.position(rule, recent, lane, rank, booked, prio, normal) == index
