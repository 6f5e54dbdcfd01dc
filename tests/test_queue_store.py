"""The queue migration: the outbox rebuilt with its rows and its AUTOINCREMENT counter kept;
the ticket PDF's QR carries the ticket id."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

import pytest

from kiosk import db
from kiosk.db import Store
from tests.queue_support import A, queue_store, vn


def test_outbox_rebuild_keeps_rows_and_sequence(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, target=2)
    rows = [(str(uuid.uuid4()), "report", f"r{i}", "2025-03-04T01:00:00.000000Z")
            for i in range(5)]
    conn.executemany("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)"
                     " VALUES (?, ?, ?, ?)", rows)
    conn.execute("UPDATE outbox SET state = 'sent', attempts = 2 WHERE seq = 2")
    conn.execute("DELETE FROM outbox WHERE seq >= 4")      # purged after sending
    assert db.migrate(conn) == db.latest_version()
    kept = conn.execute("SELECT seq, item_uuid, kind, ref_id, state, attempts FROM outbox"
                        " ORDER BY seq").fetchall()
    assert [tuple(r) for r in kept] == [
        (1, rows[0][0], "report", "r0", "pending", 0), (2, rows[1][0], "report", "r1", "sent", 2),
        (3, rows[2][0], "report", "r2", "pending", 0)]
    cur = conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)"
                       " VALUES (?, 'ticket_event', 'e', 'x')", (str(uuid.uuid4()),))
    assert cur.lastrowid == 6                               # 4 and 5 are never handed out again
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)"
                     " VALUES (?, 'bogus', 'e', 'x')", (str(uuid.uuid4()),))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_fresh_store_reaches_the_latest_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "d")
    assert store.conn().execute("PRAGMA user_version").fetchone()[0] == db.latest_version()
    assert db.latest_version() >= 3


def test_ticket_qr_is_the_ticket_id(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; cannot rasterise the PDF")
    store, q, _ = queue_store(tmp_path / "d", vn(2025, 3, 4, 8))
    ticket = q.take(A)
    pdf = save_ticket_pdf(ticket, "UBND xã Tân Hòa", ticket_path(store.data_dir, ticket))
    out = tmp_path / "page"
    subprocess.run([pdftoppm, "-r", "200", "-png", "-singlefile", str(pdf), str(out)], check=True)
    with Image.open(out.with_suffix(".png")) as image:
        results = zxingcpp.read_barcodes(image)
    scanned = [r.text for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert scanned == [ticket.id.upper()]
    assert q.ticket(scanned[0]) == ticket                   # what a scan at the kiosk finds
