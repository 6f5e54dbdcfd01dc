"""The office hub as a separate process on loopback, stations as separate processes talking to
it over HTTP: concurrent calls never share a ticket; a hub killed (SIGKILL) and restarted
mid-calls loses no call a station reported, and stations reconnect by themselves."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from kiosk.db import Store
from kiosk.hub.client import HubQueue, pair
from kiosk.queue.local import LocalQueue
from tests.hub_support import (HOST, free_port, kill, pair_code_cli, start_hub_process,
                               station_token)
from tests.queue_support import A, B, C, invariant_problems, race_callers
from tests.support import seeded_store

CALLER = Path(__file__).resolve().parent / "tools" / "hub_caller.py"


def test_two_stations_calling_at_once_through_the_hub_never_share_a_ticket(
        tmp_path: Path) -> None:
    data = tmp_path / "hub"
    store = seeded_store(data)
    issued = [LocalQueue(store).take((A, B, C)[i % 3], priority=i % 9 == 0).label
              for i in range(200)]
    port = free_port()
    hub = start_hub_process(data, port)
    url = f"http://{HOST}:{port}"
    try:
        tokens = [pair(url, pair_code_cli(data), f"console {c}") for c in (1, 2)]
        called = race_callers([[sys.executable, str(CALLER), url, token, str(c), "calls", "100"]
                               for c, token in zip((1, 2), tokens)])
    finally:
        kill(hub)
    assert len(called) == 200 and "-" not in called
    assert sorted(called) == sorted(issued)          # each ticket exactly once
    conn = sqlite3.connect(data / Store.FILE_NAME)
    assert conn.execute("SELECT ticket_id FROM ticket_events WHERE kind = 'called'"
                        " GROUP BY ticket_id HAVING count(*) > 1").fetchall() == []
    assert invariant_problems(conn) == []
    conn.close()


class _Lines:
    """Collects a child's stdout lines in a thread."""

    def __init__(self, child: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(child,), daemon=True)
        self._thread.start()

    def _read(self, child: subprocess.Popen[str]) -> None:
        assert child.stdout is not None
        for line in child.stdout:
            self.lines.append(line.rstrip("\n"))

    def calls(self) -> list[tuple[str, str]]:
        return [(p[1], p[2]) for p in (line.split() for line in list(self.lines))
                if len(p) == 3 and p[0] == "CALLED"]

    def wait_for_calls(self, count: int, seconds: float = 90.0) -> None:
        deadline = time.monotonic() + seconds
        while len(self.calls()) < count:
            assert time.monotonic() < deadline, f"station stuck: {self.lines[-5:]}"
            time.sleep(0.02)

    def join(self) -> None:
        self._thread.join(30)


def test_hub_killed_and_restarted_mid_calls_keeps_every_reported_call(tmp_path: Path) -> None:
    data = tmp_path / "hub"
    store = seeded_store(data)
    port = free_port()
    url = f"http://{HOST}:{port}"
    hub = start_hub_process(data, port)
    tokens = [station_token(url, store) for _ in (1, 2)]
    store.close()
    stations = [subprocess.Popen([sys.executable, str(CALLER), url, token, str(c), "loop"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for c, token in zip((1, 2), tokens)]
    readers = [_Lines(s) for s in stations]
    try:
        for round_ in range(3):
            for reader in readers:
                reader.wait_for_calls(15 * (round_ + 1))
            kill(hub)                                   # mid-calls: both stations are busy
            time.sleep(0.3)
            before = [len(r.calls()) for r in readers]
            hub = start_hub_process(data, port)
            for reader, seen in zip(readers, before):   # each station found the hub again
                reader.wait_for_calls(seen + 10)
    finally:
        for station in stations:
            kill(station)          # type: ignore[arg-type]
        kill(hub)
    for reader in readers:
        reader.join()
    reported = [call for r in readers for call in r.calls()]
    assert len(reported) >= 2 * 55
    conn = sqlite3.connect(data / Store.FILE_NAME)
    for ticket_id, label in reported:
        row = conn.execute("SELECT label FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
        assert row is not None and row[0] == label, f"reported call {label} not in the store"
        assert conn.execute("SELECT count(*) FROM ticket_events WHERE ticket_id = ? AND"
                            " kind = 'called'", (ticket_id,)).fetchone()[0] == 1
    assert invariant_problems(conn) == []
    conn.close()


def test_stations_share_the_hub_state(tmp_path: Path) -> None:
    """What one station does through the hub, another station reads back equal."""
    data = tmp_path / "hub"
    store = seeded_store(data)
    port = free_port()
    url = f"http://{HOST}:{port}"
    hub = start_hub_process(data, port)
    try:
        one, two = (HubQueue(url, station_token(url, store)) for _ in range(2))
        taken = one.take(B)
        called = two.call_next(2)
        assert called is not None and called.id == taken.id and called.counter == 2
        assert one.ticket(taken.id) == two.ticket(taken.id)
        assert one.board_state().recent_calls[0].label == taken.label
    finally:
        kill(hub)
