"""Two clerks on two processes never get the same ticket; kill -9 mid-calls loses no call and
the consoles and board read the same state afterwards."""
from __future__ import annotations

import random
import sqlite3
import sys
from pathlib import Path

from kiosk.db import Store
from kiosk.queue.local import LocalQueue
from tests.queue_support import A, B, C, invariant_problems, race_callers
from tests.durability import run_then_kill
from tests.support import seeded_store

CALLER = Path(__file__).resolve().parent / "tools" / "queue_caller.py"


def test_two_processes_calling_at_once_never_share_a_ticket(tmp_path: Path) -> None:
    data = tmp_path / "d"
    store = seeded_store(data)
    queue = LocalQueue(store)
    conn = store.conn()
    issued = [queue.take((A, B, C)[i % 3], priority=i % 9 == 0).label for i in range(400)]
    store.close()
    called = race_callers([[sys.executable, str(CALLER), str(data), str(c), "calls", "200"]
                           for c in (1, 2)])
    assert len(called) == 400 and "-" not in called
    assert sorted(called) == sorted(issued)      # each ticket exactly once
    conn = sqlite3.connect(data / Store.FILE_NAME)
    twice = conn.execute("SELECT ticket_id FROM ticket_events WHERE kind = 'called'"
                         " GROUP BY ticket_id HAVING count(*) > 1").fetchall()
    assert twice == []
    assert invariant_problems(conn) == []
    conn.close()


def _run_and_kill(data: Path, counter: int, rng: random.Random) -> list[tuple[str, str]]:
    lines = run_then_kill([sys.executable, str(CALLER), str(data), str(counter), "loop"],
                          rng, 0.3, 1.2)
    return [tuple(line.split()[1:3]) for line in lines  # type: ignore[misc]
            if line.startswith("CALLED ")]


def test_kill_9_mid_calls_keeps_every_printed_call(tmp_path: Path) -> None:
    data = tmp_path / "d"
    seeded_store(data).close()
    rng = random.Random(20261122)
    printed: dict[int, list[tuple[str, str]]] = {1: [], 2: []}
    kills = 0
    while kills < 24:
        counter = 1 + kills % 2
        printed[counter] += _run_and_kill(data, counter, rng)
        kills += 1
    store = Store(data)
    conn = store.conn()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert invariant_problems(conn) == []
    queue = LocalQueue(store)
    board = {slot.counter: slot for slot in queue.board_state().serving}
    for counter, calls in printed.items():
        assert calls, f"counter {counter} never printed a call"
        stored = [r[0] for r in conn.execute(
            "SELECT ticket_id FROM ticket_events WHERE kind = 'called' AND counter = ?"
            " ORDER BY id", (counter,))]
        ids = [tid for tid, _ in calls]
        assert set(ids) <= set(stored)                          # nothing printed is lost
        positions = [stored.index(tid) for tid in ids]
        assert positions == sorted(positions)                   # and in the same order
        assert len(stored) - len(ids) <= kills                  # ≤ 1 unprinted commit a kill
        view = queue.counter_view(counter)
        last = conn.execute("SELECT ticket_id FROM counter_state WHERE counter = ?",
                            (counter,)).fetchone()[0]
        assert (view.current.id if view.current else None) == last
        if view.current is not None:
            assert view.current.state in ("called", "serving")
            assert board[counter].label == view.current.label
            assert view.current.id == stored[-1]                # the latest call is current
        else:
            assert board[counter].label is None
    print(f"kills={kills} printed={sum(len(v) for v in printed.values())}")
    store.close()
