"""Submit-to-receipt: file_report + save_receipt, against a floor measured in the same run
(a bare durable SQLite insert plus a bare one-line reportlab page)."""
from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

RUNS = 40


def _floor(tmp: Path) -> float:
    from reportlab.pdfgen import canvas

    conn = sqlite3.connect(tmp / "floor.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    times = []
    for i in range(RUNS):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (text) VALUES (?)", (f"row {i}",))
        conn.execute("COMMIT")
        page = canvas.Canvas(str(tmp / f"floor{i}.pdf"))
        page.drawString(72, 720, "receipt")
        page.save()
        times.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(times)


def _submit(tmp: Path) -> tuple[float, float]:
    from kiosk import catalog
    from kiosk.db import Store
    from kiosk.receipts import save_receipt
    from kiosk.reports import ReportDraft, file_report

    store = Store(tmp / "data")
    catalog.seed(store.conn())
    save_receipt(store, file_report(store, ReportDraft("khac", "khởi động")).code)  # warm fonts
    times, commits = [], []
    for i in range(RUNS):
        draft = ReportDraft(category_id="ha-tang", text=f"Đèn đường hỏng số {i}",
                            hamlet_id="ap-hoa-binh")
        start = time.perf_counter()
        filed = file_report(store, draft)
        committed = time.perf_counter()
        save_receipt(store, filed.code)
        times.append(time.perf_counter() - start)
        commits.append(committed - start)
    store.close()
    return statistics.median(times), statistics.median(commits)


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        floor = _floor(tmp)
        submit, commit = _submit(tmp)
    result = {"submit_median_ms": submit * 1000, "commit_median_ms": commit * 1000,
              "floor_median_ms": floor * 1000, "ratio": submit / floor}
    print(f"submit-to-receipt median {result['submit_median_ms']:.1f} ms (of which validate + "
          f"commit {result['commit_median_ms']:.1f} ms); floor (bare insert + bare reportlab "
          f"page) {result['floor_median_ms']:.1f} ms; ratio {result['ratio']:.2f}×")
    return result


if __name__ == "__main__":
    main()
