"""Queue benchmarks, each against floors measured in the same run:

- take-number-to-ticket-PDF (LocalQueue.take + save_ticket_pdf) vs a bare durable SQLite insert
  plus a bare one-line reportlab page (the floor bench/submit.py uses);
- call_next with 5,000 tickets in the day vs (a) a bare indexed SELECT of the next waiting
  ticket and (b) the bare durable pick-and-mark a call cannot do without
  (BEGIN IMMEDIATE; that SELECT; UPDATE; COMMIT with synchronous=FULL).
"""
from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and would shadow the standard
# library's `queue` module for everything imported after it: swap it for the project root.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

from bench.submit import _floor as receipt_floor  # noqa: E402

TAKE_RUNS = 40
DAY_TICKETS = 5_000
CALL_RUNS = 200             # of each kind: 2 × 200 of the 5,000 tickets are called
SERVICES = ("tu-phap-ho-tich", "chung-thuc", "dat-dai-xay-dung", "lao-dong-tbxh",
            "tiep-nhan-phan-anh")
NEXT_SQL = ("SELECT id FROM tickets WHERE office_day = ? AND state = 'waiting' AND priority = 0"
            " ORDER BY issued_utc, rowid LIMIT 1")


def _store(path: Path):  # noqa: ANN202
    from kiosk import catalog
    from kiosk.db import Store
    from kiosk.queue.local import LocalQueue

    store = Store(path)
    catalog.seed(store.conn())
    return store, LocalQueue(store)


def _take_to_pdf(tmp: Path) -> float:
    from kiosk import catalog
    from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path

    store, queue = _store(tmp / "take")
    office = catalog.office(store.conn())
    warm = queue.take(SERVICES[0])          # fonts registered once per process, as in the app
    save_ticket_pdf(warm, office.name, ticket_path(store.data_dir, warm), office.zone)
    times = []
    for i in range(TAKE_RUNS):
        start = time.perf_counter()
        ticket = queue.take(SERVICES[i % len(SERVICES)], priority=i % 10 == 0)
        save_ticket_pdf(ticket, office.name, ticket_path(store.data_dir, ticket), office.zone)
        times.append(time.perf_counter() - start)
    store.close()
    return statistics.median(times)


def _day_of_tickets(tmp: Path):  # noqa: ANN202
    store, queue = _store(tmp / "day")
    conn = store.conn()
    conn.execute("PRAGMA synchronous=OFF")  # setup only: the measured calls run with FULL
    for i in range(DAY_TICKETS):
        queue.take(SERVICES[i % len(SERVICES)], priority=i % 10 == 0)
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store, queue


def _call_next(queue) -> tuple[float, float]:  # noqa: ANN001
    """(call at an idle counter, call that also finishes the counter's current ticket)."""
    queue.call_next(1)                      # warm
    idle, busy = [], []
    for i in range(CALL_RUNS * 2):
        if i % 2 == 0:
            queue.finish(1)                 # the clerk pressed "finish" first
        start = time.perf_counter()
        ticket = queue.call_next(1)
        (idle if i % 2 == 0 else busy).append(time.perf_counter() - start)
        assert ticket is not None
    return statistics.median(idle), statistics.median(busy)


def _bare_select(path: Path, day: str) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(NEXT_SQL, (day,)).fetchone()
    times = []
    for _ in range(CALL_RUNS):
        start = time.perf_counter()
        conn.execute(NEXT_SQL, (day,)).fetchone()
        times.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(times)


def _bare_pick_and_mark(path: Path, day: str) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    times = []
    for _ in range(CALL_RUNS):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        (ticket_id,) = conn.execute(NEXT_SQL, (day,)).fetchone()
        conn.execute("UPDATE tickets SET state = 'called', counter = 1 WHERE id = ?",
                     (ticket_id,))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(times)


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        floor = receipt_floor(tmp)
        take = _take_to_pdf(tmp)
        store, queue = _day_of_tickets(tmp)
        day = queue.board_state() and store.conn().execute(
            "SELECT max(office_day) FROM tickets").fetchone()[0]
        copy = tmp / "floor-day.sqlite3"
        shutil.copyfile(store.path, copy)   # floors run on an identical, untouched day
        select = _bare_select(copy, day)
        mark = _bare_pick_and_mark(copy, day)
        call, call_busy = _call_next(queue)
        store.close()
    r = {"take_pdf_ms": take * 1000, "take_floor_ms": floor * 1000, "take_ratio": take / floor,
         "call_ms": call * 1000, "call_busy_ms": call_busy * 1000,
         "select_ms": select * 1000, "mark_ms": mark * 1000,
         "call_vs_select": call / select, "call_vs_mark": call / mark}
    print(f"queue take-to-ticket-PDF median {r['take_pdf_ms']:.1f} ms; floor (bare insert + "
          f"bare reportlab page) {r['take_floor_ms']:.1f} ms; ratio {r['take_ratio']:.2f}×")
    print(f"queue call_next with {DAY_TICKETS} tickets median {r['call_ms']:.2f} ms; "
          f"bare indexed SELECT {r['select_ms']:.3f} ms (ratio {r['call_vs_select']:.1f}×); "
          f"bare durable pick-and-mark {r['mark_ms']:.2f} ms (ratio {r['call_vs_mark']:.2f}×, "
          "target ≤ 3×)")
    print(f"queue call_next that also finishes the counter's current ticket (two events) "
          f"median {r['call_busy_ms']:.2f} ms")
    return r


if __name__ == "__main__":
    main()
