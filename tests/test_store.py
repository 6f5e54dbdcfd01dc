"""The store: migrations from empty and from each earlier version, refusing a newer file."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kiosk import catalog, db
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from tests.support import seeded_store


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_fresh_store_has_latest_schema_and_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "d")
    conn = store.conn()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.latest_version() >= 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2          # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"reports", "media", "report_media", "outbox", "pins", "audit_log"} <= _tables(conn)


@pytest.mark.parametrize("start", range(0, db.latest_version()))
def test_migrates_from_each_earlier_version(tmp_path: Path, start: int) -> None:
    path = tmp_path / "old.sqlite3"
    conn = db.connect(path)
    assert db.migrate(conn, target=start) == start
    if start >= 1:  # data written by that version survives the upgrade
        conn.execute("INSERT INTO settings (key, value) VALUES ('probe', '\"còn đây\"')")
    conn.close()
    conn = db.connect(path)
    assert db.migrate(conn) == db.latest_version()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    if start >= 1:
        assert catalog.get_setting(conn, "probe") == "còn đây"


def test_a_failed_migration_leaves_the_old_version(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "s.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, target=1)
    real = db.migrations()
    broken = tmp_path / "0002_broken.sql"
    broken.write_text("CREATE TABLE half (x INTEGER);\nTHIS IS NOT SQL;\n")
    monkeypatch.setattr(db, "migrations", lambda: [real[0], (2, broken)])
    with pytest.raises(sqlite3.OperationalError):
        db.migrate(conn)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half" not in _tables(conn)


def test_refuses_a_newer_store(tmp_path: Path) -> None:
    Store(tmp_path / "d").close()
    raw = sqlite3.connect(tmp_path / "d" / Store.FILE_NAME)
    raw.execute(f"PRAGMA user_version={db.latest_version() + 1}")
    raw.close()
    with pytest.raises(KioskError) as err:
        Store(tmp_path / "d")
    assert err.value.code == "store_too_new"
    assert "phiên bản mới hơn" in describe(err.value)


def test_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / Store.FILE_NAME).write_bytes(b"not a database at all" * 100)
    with pytest.raises(KioskError) as err:
        Store(tmp_path / "d")
    assert err.value.code == "store_unreadable"


def test_each_thread_gets_its_own_connection(tmp_path: Path) -> None:
    import threading

    store = seeded_store(tmp_path / "d")
    seen: list[sqlite3.Connection] = []
    thread = threading.Thread(target=lambda: seen.append(store.conn()))
    thread.start()
    thread.join()
    assert seen[0] is not store.conn()


def test_catalog_seed_is_idempotent_and_complete(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "d")
    conn = store.conn()
    assert catalog.seed(conn) is False
    office = catalog.office(conn)
    assert len(office.commune_code) == 5 and office.commune_code.isdigit()
    assert len(catalog.hamlets(conn)) >= 3
    names = {c.name_vi for c in catalog.categories(conn)}
    for expected in ("Trật tự xây dựng", "Trật tự đô thị", "Môi trường", "An toàn giao thông",
                     "An ninh trật tự", "Y tế", "Giáo dục", "Văn hóa – du lịch",
                     "Vệ sinh an toàn thực phẩm", "Quản lý bảo vệ rừng", "Giá cả thị trường",
                     "Thái độ phục vụ của cán bộ", "Khác"):
        assert expected in names
    for c in catalog.categories(conn):
        assert c.name_en and c.icon and c.reply_days >= 1


def test_a_failed_statement_rolls_back_and_the_connection_stays_usable(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "d")
    conn = store.conn()
    with pytest.raises(sqlite3.IntegrityError):
        with db.transaction(conn):
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
            conn.execute("INSERT INTO settings (key, value) VALUES ('a', '2')")   # duplicate key
    assert not conn.in_transaction
    assert catalog.get_setting(conn, "a") is None
    with db.transaction(conn):
        conn.execute("INSERT INTO settings (key, value) VALUES ('a', '3')")
    assert catalog.get_setting(conn, "a") == 3


def test_version_7_keeps_outbox_seq_and_photos(tmp_path: Path) -> None:
    """0007 rebuilds outbox and media: rows, seq counter and photo links survive, and the rows
    written by version 6 get their item hash on the first sync (kiosk.items)."""
    from kiosk import items
    from kiosk.photos import prepare_photo
    from tests.support import jpeg_bytes

    path = tmp_path / "v6.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, target=6)
    catalog.seed(conn)
    photo = prepare_photo(jpeg_bytes())
    with db.transaction(conn):
        conn.execute("INSERT INTO media (sha256, mime, width, height, data) VALUES (?,?,?,?,?)",
                     (photo.sha256, photo.mime, photo.width, photo.height, photo.data))
        conn.execute(
            "INSERT INTO reports (id, code, category_id, text, text_fold, channel, created_utc,"
            " device_utc, office_zone, due_date) VALUES (?,?,?,?,?,?,?,?,?,?)",
            ("1" * 36, "K7QM2XPD9RW", "ha-tang", "Đèn hỏng", "den hong", "kiosk",
             "2026-03-02T01:00:00.000000Z", "2026-03-02T01:00:00.000000Z", "Asia/Ho_Chi_Minh",
             "2026-03-20"))
        conn.execute("INSERT INTO report_media VALUES (?, 0, ?)", ("1" * 36, photo.sha256))
        for n in range(3):   # seq 1..3, then the last one deleted: the counter must stay at 3
            conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc)"
                         " VALUES (?, 'report', ?, ?)", (str(n) * 36, "1" * 36, "t"))
        conn.execute("DELETE FROM outbox WHERE seq > 1")
    assert db.migrate(conn) == db.latest_version() >= 7
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()[0] == 3
    assert tuple(conn.execute("SELECT seq, state, item_hash FROM outbox").fetchone()) == (
        1, "pending", None)
    assert bytes(conn.execute("SELECT data FROM media").fetchone()[0]) == photo.data
    with db.transaction(conn):
        assert items.fill_missing_hashes(conn) == 1
    assert len(conn.execute("SELECT item_hash FROM outbox").fetchone()[0]) == 64
    with pytest.raises(sqlite3.IntegrityError):      # report_media still checks its photo
        conn.execute("INSERT INTO report_media VALUES (?, 1, ?)", ("1" * 36, "f" * 64))
    assert {"cases", "case_events", "dossiers", "dossier_events"} <= _tables(conn)
