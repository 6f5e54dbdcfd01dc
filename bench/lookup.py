"""Mirror benchmarks (issue 5), each against a floor measured in the same run:

- lookup: a resident's lookup by tracking code with 1,000,000 cases (and 2,000,000 events) in the
  mirror, through the real path (kiosk.lookup.lookup: throttle check, case, events, local report,
  rating, calendar, last sync), vs a bare indexed `SELECT ... FROM cases WHERE tracking_code = ?`
  on the same store and connection. Median µs over the same random codes; target ≤ 2×. Also the
  real lookup on a 10,000-case mirror: with the index doing its job, 1M costs about the same.
- apply: changes from the feed, sync.changes.apply_page with 20,000 case snapshots (3 events
  each) in pages of 500 (the server's page size; one transaction each, cursor saved), vs a bare
  executemany of the same rows into the same tables, also one transaction per 500. Cases per
  second; target ≥ 0.5×.
The mirror is built with executemany in one transaction on a temp data dir's store.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # `queue` shadowing
sys.path.insert(0, str(_HERE.parent))

MIRROR_CASES = 1_000_000
SMALL_CASES = 10_000
LOOKUPS = 2000
APPLY_CASES = 20_000
PAGE = 500                       # server/limits.py max_changes
EVENTS_PER_CASE = 3
STATUSES = ("received", "assigned", "in_progress", "resolved", "rejected")
T0 = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=120)  # cases of the last 4 months
SPREAD_MIN = 120 * 24 * 60


def _codes(rnd: random.Random, n: int) -> list[str]:
    from kiosk import codes

    alphabet, seen, out = codes.ALPHABET, set(), []
    while len(out) < n:
        bits = rnd.getrandbits(50)
        payload = "".join(alphabet[(bits >> (5 * k)) & 31] for k in range(10))
        if payload not in seen:
            seen.add(payload)
            out.append(payload + codes.check_symbol(payload))
    return out


def _iso(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _build_mirror(store_dir: Path, n: int, rnd: random.Random) -> tuple[list[str], float]:
    """n cases with 2 events each, inserted in one transaction; returns (codes, seconds)."""
    import sqlite3

    from kiosk import catalog
    from kiosk.db import Store

    store = Store(store_dir)
    catalog.seed(store.conn())
    store.close()
    codes = _codes(rnd, n)
    start = time.perf_counter()
    conn = sqlite3.connect(store_dir / Store.FILE_NAME, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")       # the build is set-up, not what is measured
    conn.execute("BEGIN")
    categories = [r[0] for r in conn.execute("SELECT id FROM categories")]
    chunk = 100_000
    for base in range(0, n, chunk):
        cases, events = [], []
        for i in range(base, min(base + chunk, n)):
            created = T0 + timedelta(minutes=i % SPREAD_MIN)
            status = STATUSES[i % 5]
            ref = f"PA-{i:07d}"
            cases.append((ref, f"{i:08x}-0000-4000-8000-{i:012x}", codes[i],
                          categories[i % len(categories)], status, "Phòng Kinh tế",
                          _iso(created), (created.date() + timedelta(days=14)).isoformat(),
                          "Đã xử lý." if status == "resolved" else None, None, _iso(created)))
            events.append((ref, 0, "received", _iso(created), None, None))
            events.append((ref, 1, status, _iso(created + timedelta(days=2)), None,
                           "Phòng Kinh tế"))
        conn.executemany("INSERT INTO cases (ref, client_id, tracking_code, category, status,"
                         " unit, created_utc, due_date, answer, published_utc, updated_utc)"
                         " VALUES (?,?,?,?,?,?,?,?,?,?,?)", cases)
        conn.executemany("INSERT INTO case_events (ref, position, status, at_utc, note, unit)"
                         " VALUES (?,?,?,?,?,?)", events)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return codes, time.perf_counter() - start


def _time_lookups(store_dir: Path, sample: list[str]) -> tuple[float, float]:
    """Median µs of (real lookup, bare indexed SELECT) over `sample`, interleaved, after a warm
    pass of each over the same codes."""
    from kiosk.db import Store
    from kiosk.lookup import lookup

    store = Store(store_dir)
    conn = store.conn()
    now = datetime.now(timezone.utc)
    bare_sql = ("SELECT ref, category, status, unit, created_utc, due_date, answer,"
                " published_utc FROM cases WHERE tracking_code = ?")

    def bare(code: str) -> None:
        row = conn.execute(bare_sql, (code,)).fetchone()
        assert row is not None

    def real(code: str) -> None:
        assert lookup(conn, code, now=now).code.replace("-", "") == code

    for code in sample:                # warm: both read the same pages into the caches
        bare(code)
        real(code)
    real_ns, bare_ns = [], []
    for i, code in enumerate(sample):
        order = ((real, real_ns), (bare, bare_ns)) if i % 2 else ((bare, bare_ns), (real, real_ns))
        for fn, out in order:
            start = time.perf_counter_ns()
            fn(code)
            out.append(time.perf_counter_ns() - start)
    store.close()
    return statistics.median(real_ns) / 1000, statistics.median(bare_ns) / 1000


def _snapshots(rnd: random.Random, n: int) -> list:
    from sync.protocol import CaseEvent, CaseSnapshot

    out = []
    for i, code in enumerate(_codes(rnd, n)):
        created = T0 + timedelta(minutes=i)
        at = _iso(created)
        out.append(CaseSnapshot(
            ref=f"PB-{i:06d}", client_id=f"{i:08x}-0000-4000-8000-{i:012x}", tracking_code=code,
            category="ha-tang", status="resolved", unit="Phòng Kinh tế", created_at=at,
            due_date=(created + timedelta(days=14)).date(), answer="Đã sửa đèn.", published_at=at,
            events=[CaseEvent(status=s, at=at, note=None, unit="Phòng Kinh tế")
                    for s in ("received", "in_progress", "resolved")[:EVENTS_PER_CASE]]))
    return out


def _time_apply(root: Path, snapshots: list) -> tuple[float, float]:
    """Seconds for (apply_page over pages, bare executemany over the same pages)."""
    from kiosk import catalog
    from kiosk.clock import to_iso, utc_now
    from kiosk.db import Store, transaction
    from sync import changes
    from sync.protocol import Change, ChangesPage

    pages = [ChangesPage(cursor=f"b.{k}", more=True, changes=[
        Change(seq=k + j, type="case", case=s) for j, s in enumerate(snapshots[k:k + PAGE])])
        for k in range(0, len(snapshots), PAGE)]
    best_apply = best_bare = float("inf")
    for rep in range(2):
        store = Store(root / f"apply{rep}")
        catalog.seed(store.conn())
        conn = store.conn()
        start = time.perf_counter()
        for page in pages:
            changes.apply_page(conn, page)
        best_apply = min(best_apply, time.perf_counter() - start)
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == len(snapshots)
        store.close()

        store = Store(root / f"bare{rep}")
        catalog.seed(store.conn())
        conn = store.conn()
        start = time.perf_counter()
        for k in range(0, len(snapshots), PAGE):
            now = to_iso(utc_now())
            page_cases = snapshots[k:k + PAGE]
            with transaction(conn):
                conn.executemany(
                    "INSERT INTO cases (ref, client_id, tracking_code, category, status, unit,"
                    " created_utc, due_date, answer, published_utc, updated_utc)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [(c.ref, str(c.client_id), c.tracking_code, c.category, c.status, c.unit,
                      c.created_at, c.due_date.isoformat(), c.answer, c.published_at, now)
                     for c in page_cases])
                conn.executemany(
                    "INSERT INTO case_events (ref, position, status, at_utc, note, unit)"
                    " VALUES (?,?,?,?,?,?)",
                    [(c.ref, i, e.status, e.at, e.note, e.unit)
                     for c in page_cases for i, e in enumerate(c.events)])
        best_bare = min(best_bare, time.perf_counter() - start)
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == len(snapshots)
        store.close()
    return best_apply, best_bare


def main() -> dict[str, float]:
    rnd = random.Random(20261105)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        codes, build_s = _build_mirror(tmp / "big", MIRROR_CASES, rnd)
        sample = rnd.sample(codes, LOOKUPS)
        del codes
        real_us, bare_us = _time_lookups(tmp / "big", sample)
        small_codes, _ = _build_mirror(tmp / "small", SMALL_CASES, rnd)
        small_us, _ = _time_lookups(tmp / "small", rnd.sample(small_codes, LOOKUPS))
        apply_s, bare_apply_s = _time_apply(tmp, _snapshots(rnd, APPLY_CASES))
    r = {"build_s": build_s, "lookup_us": real_us, "bare_select_us": bare_us,
         "lookup_ratio": real_us / bare_us, "lookup_small_us": small_us,
         "apply_rows_s": APPLY_CASES / apply_s, "bare_rows_s": APPLY_CASES / bare_apply_s,
         "apply_ratio": bare_apply_s / apply_s}
    met = {True: "target met", False: "target not met"}
    print(f"lookup by tracking code with {MIRROR_CASES:,} cases in the mirror (built in "
          f"{build_s:.0f} s): median {real_us:.0f} µs through kiosk.lookup.lookup; bare indexed "
          f"SELECT {bare_us:.1f} µs; ratio {r['lookup_ratio']:.1f}× (target ≤ 2×: "
          f"{met[r['lookup_ratio'] <= 2]}); the same lookup with {SMALL_CASES:,} cases "
          f"{small_us:.0f} µs")
    print(f"applying changes from the feed ({APPLY_CASES:,} cases × {EVENTS_PER_CASE} events, "
          f"pages of {PAGE}): {r['apply_rows_s']:,.0f} cases/s through sync.changes.apply_page; "
          f"bare executemany {r['bare_rows_s']:,.0f} cases/s; ratio {r['apply_ratio']:.2f}× "
          f"(target ≥ 0.5×: {met[r['apply_ratio'] >= 0.5]})")
    return r


if __name__ == "__main__":
    main()
