"""Encrypted backup and restore (kiosk/backup.py), and replacing a device.

The main test is the whole story against the real provincial server (a subprocess): reports
with photos and contact details, some synced; a backup; the data dir AND the keyring wiped;
a restore into a fresh dir; every row identical, the personal-data key back; enrolling again
revokes the old device's token; the next sync sends what was pending and nothing twice."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import keyring
import pytest
import requests

from kiosk import backup
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.photos import prepare_photo
from kiosk.reports import ReportDraft, file_report
from sync import enrol
from sync.engine import run_sync
from sync.secrets import SecretStore
from tests.secrets_support import MemoryKeyring
from tests.server_support import Province, auth
from tests.support import jpeg_bytes, seeded_store

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = "29284"
PASS = "Cầu Nối xã Bình Phú 2026"
# Row sets compared before and after: everything a resident or the sync relies on.
TABLES = ("reports", "media", "report_media", "outbox", "cases", "case_events", "audit_log")


@pytest.fixture(autouse=True)
def _no_real_keyring(memory_secrets) -> None:  # noqa: ANN001
    """The data key goes to a keyring: never the real one of the PC running the tests."""


def rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {table}"))  # noqa: S608


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {table: rows(conn, table) for table in TABLES}


def _report(store: Store, text: str, *, photo: str | None = None, contact: bool = False):  # noqa: ANN202
    photos = [prepare_photo(jpeg_bytes((800, 600), photo))] if photo else []
    draft = ReportDraft(category_id="moi-truong", text=text, photos=photos)
    if contact:
        draft = ReportDraft(category_id="moi-truong", text=text, photos=photos,
                            contact_name="Trần Thị Bình", contact_phone="0912345678",
                            consent_text=CONTACT_CONSENT["vi"])
    return file_report(store, draft)


def _datakey():  # noqa: ANN202
    from kiosk import datakey

    return datakey


def test_backup_wipe_restore_enrol_sync_loses_and_duplicates_nothing(
        tmp_path: Path, memory_secrets, province: Province) -> None:  # noqa: ANN001
    old = seeded_store(tmp_path / "old")
    secrets = SecretStore.for_store(old.conn(), old.data_dir)
    first = enrol.enrol(old.conn(), province.url, province.enrol_code(COMMUNE), secrets)
    old_token = secrets.get(enrol.TOKEN_SECRET)
    sent = [_report(old, "Cống nghẹt trước nhà văn hóa", photo="red"),
            _report(old, "Đèn đường hỏng ở ngõ 3", contact=True),
            _report(old, "Rác đổ trộm bên kênh")]
    synced = run_sync(old, secrets=secrets)
    assert synced.error is None and synced.sent == 3
    pending = [_report(old, "Cây đổ chắn lối đi", photo="blue", contact=True),
               _report(old, "Ổ gà lớn giữa đường")]
    before = snapshot(old.conn())
    key_before = _datakey().data_key(old.conn())
    states = dict(old.conn().execute("SELECT state, count(*) FROM outbox GROUP BY state"))
    assert states == {"sent": 3, "pending": 2}

    made = backup.make_backup(old, tmp_path / "usb", PASS)
    assert made.path.parent == tmp_path / "usb" and made.path.name.endswith(backup.SUFFIX)
    assert made.manifest.device_id == first.device_id
    assert made.manifest.outbox == {"pending": 2, "sent": 3}
    raw = made.path.read_bytes()
    for plain in (b"SQLite format 3", "Cống nghẹt".encode(), b"0912345678", key_before):
        assert plain not in raw                          # encrypted, key included

    # The PC dies: its data dir and its keyring are gone.
    old.close()
    shutil.rmtree(tmp_path / "old")
    keyring.set_keyring(MemoryKeyring())
    _datakey().forget_cached()

    new = seeded_store(tmp_path / "new")
    done = backup.restore_backup(made.path, PASS, new,
                                 prepare=lambda c, m: enrol.forget_enrolment(c, m.device_id))
    conn = new.conn()
    assert snapshot(conn) == before                      # every report, photo, outbox state
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert done.outbox == {"pending": 2, "sent": 3} and done.previous is None
    assert _datakey().data_key(conn) == key_before       # from the backup, not the keyring
    assert not enrol.enrolled(conn)
    assert conn.execute("SELECT value FROM settings WHERE key = 'sync.device_id'").fetchone() \
        is None
    new_secrets = SecretStore.for_store(conn, new.data_dir)
    assert new_secrets.get(enrol.TOKEN_SECRET) is None
    # Until it enrols, the restored PC sends nothing.
    assert run_sync(new, secrets=new_secrets).error.code == "not_enrolled"

    again = enrol.enrol(conn, province.url, province.enrol_code(COMMUNE), new_secrets)
    assert again.device_id != first.device_id
    gone = requests.get(f"{province.url}/api/v1/changes", headers=auth(old_token), timeout=30)
    assert gone.status_code == 401                       # the old device is revoked
    devices = {d["id"]: d for d in province.cli_json("device", "list")}
    assert devices[first.device_id]["revoked_at"] is not None
    assert devices[again.device_id]["revoked_at"] is None
    assert conn.execute("SELECT value FROM settings WHERE key = ?",
                        (enrol.REPLACES_KEY,)).fetchone() is None

    report = run_sync(new, secrets=new_secrets)
    assert report.error is None, report.error
    assert report.sent == 2 and report.duplicates == 0 and report.quarantined == 0
    codes = [case["tracking_code"] for case in province.cases()]
    assert sorted(codes) == sorted(f.code for f in sent + pending)   # each exactly once
    assert dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state")) == \
        {"sent": 5}
    # The commune's devices learn of the revocation through the changes feed.
    mirror = dict(conn.execute("SELECT id, revoked_utc FROM devices"))
    assert mirror.get(first.device_id) is not None and mirror.get(again.device_id, "") is None
    new.close()


def test_wrong_passphrase_restores_nothing(tmp_path: Path, store: Store) -> None:
    _report(store, "Đèn đường hỏng")
    made = backup.make_backup(store, tmp_path / "b" / "one.caunoi-backup", PASS)
    target = seeded_store(tmp_path / "target")
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(made.path, PASS + "!", target)
    assert caught.value.code == "backup_passphrase_wrong"
    assert "Mật khẩu sao lưu không đúng" in describe(caught.value, "vi")
    assert "passphrase is wrong" in describe(caught.value, "en")
    assert rows(target.conn(), "reports") == []
    assert list((tmp_path / "target" / "backups").glob("*")) == []   # no plain copy left
    target.close()


def test_a_decomposed_passphrase_opens_the_backup(tmp_path: Path, store: Store) -> None:
    import unicodedata

    made = backup.make_backup(store, tmp_path / "b.caunoi-backup", PASS)
    manifest = backup.inspect_backup(made.path, unicodedata.normalize("NFD", PASS))
    assert manifest.counts["reports"] == 0


@pytest.mark.parametrize("where", ["middle", "last", "truncate", "append"])
def test_a_damaged_backup_is_refused(tmp_path: Path, store: Store, where: str) -> None:
    _report(store, "Cống nghẹt", photo="red")
    made = backup.make_backup(store, tmp_path / "b.caunoi-backup", PASS)
    data = bytearray(made.path.read_bytes())
    if where == "middle":
        data[len(data) // 2] ^= 0x01
    elif where == "last":
        data[-1] ^= 0x80
    elif where == "truncate":
        del data[-100:]
    else:
        data += b"\0"
    made.path.write_bytes(bytes(data))
    target = seeded_store(tmp_path / "target")
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(made.path, PASS, target)
    assert caught.value.code == "backup_damaged"
    assert rows(target.conn(), "reports") == []
    target.close()


def test_not_a_backup_and_weak_passphrase(tmp_path: Path, store: Store) -> None:
    other = tmp_path / "photo.jpg"
    other.write_bytes(jpeg_bytes())
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(other, PASS, store)
    assert caught.value.code == "backup_not_a_backup"
    with pytest.raises(KioskError) as caught:
        backup.make_backup(store, tmp_path / "x.caunoi-backup", "short")
    assert caught.value.code == "backup_passphrase_short"
    made = backup.make_backup(store, tmp_path / "x.caunoi-backup", PASS)
    with pytest.raises(KioskError) as caught:       # never overwrites an earlier backup
        backup.make_backup(store, made.path, PASS)
    assert caught.value.code == "backup_exists"


def test_restore_from_the_folder_a_backup_was_written_to(tmp_path: Path, store: Store) -> None:
    kept = _report(store, "Phản ánh trong bản sao lưu")
    folder = tmp_path / "b1.bak"                  # not ending in .caunoi-backup: a folder
    older = backup.make_backup(store, folder, PASS).path
    os.utime(older, (1, 1))
    newest = folder / "moi.caunoi-backup"
    backup.make_backup(store, newest, PASS)
    assert backup.find_source(folder) == newest
    target = seeded_store(tmp_path / "target")
    backup.restore_backup(folder, PASS, target)
    assert [r[1] for r in rows(target.conn(), "reports")] == [kept.code]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(empty, PASS, seeded_store(tmp_path / "t2"))
    assert caught.value.code == "backup_none_in_folder"
    # An OS error is told in words, never the OS's English text.
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(tmp_path / "missing.caunoi-backup", PASS,
                              seeded_store(tmp_path / "t3"))
    assert caught.value.code == "backup_unreadable"
    words = describe(caught.value)
    assert "không có tệp hoặc thư mục này" in words and "No such file" not in words


def test_restore_refuses_a_store_with_data_unless_replace(tmp_path: Path, store: Store) -> None:
    kept = _report(store, "Phản ánh trong bản sao lưu")
    made = backup.make_backup(store, tmp_path / "b.caunoi-backup", PASS)
    target = seeded_store(tmp_path / "target")
    local = _report(target, "Phản ánh chỉ có trên máy này")
    with pytest.raises(KioskError) as caught:
        backup.restore_backup(made.path, PASS, target)
    assert caught.value.code == "restore_target_not_empty"
    pending = target.conn().execute(
        "SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    assert caught.value.params["outbox"] == pending    # only what still waits to be sent
    assert [r[1] for r in rows(target.conn(), "reports")] == [local.code]

    done = backup.restore_backup(made.path, PASS, target, replace=True)
    assert [r[1] for r in rows(target.conn(), "reports")] == [kept.code]
    # What was replaced is not lost: it was saved, encrypted, under backups/.
    assert done.previous is not None and done.previous.parent == target.data_dir / "backups"
    third = seeded_store(tmp_path / "third")
    backup.restore_backup(done.previous, PASS, third)
    assert [r[1] for r in rows(third.conn(), "reports")] == [local.code]
    target.close()
    third.close()


def test_backup_while_another_connection_writes_is_one_point_in_time(
        tmp_path: Path, store: Store) -> None:
    for index in range(5):
        _report(store, f"Phản ánh có ảnh số {index}", photo="green")
    written: list[str] = []
    stop = threading.Event()

    def writer() -> None:
        other = Store(store.data_dir)   # its own connection, as the kiosk's GUI thread has
        try:
            while not stop.is_set():
                written.append(file_report(other, ReportDraft(
                    category_id="moi-truong", text=f"Phản ánh {len(written)}")).id)
        finally:
            other.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 3:
            stop.wait(0.01)
        made = backup.make_backup(store, tmp_path / "b.caunoi-backup", PASS)
    finally:
        stop.set()
        thread.join()
    assert len(written) > made.manifest.counts["reports"] - 5 >= 3   # the writer went on after
    target = seeded_store(tmp_path / "target")
    backup.restore_backup(made.path, PASS, target)
    conn = target.conn()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    ids = {r[0] for r in conn.execute("SELECT id FROM reports")}
    outboxed = {r[0] for r in conn.execute("SELECT ref_id FROM outbox WHERE kind = 'report'")}
    assert ids == outboxed                           # each report with its outbox row
    late = [i for i in written if i in ids]
    assert late == written[:len(late)]               # a prefix of the commits: one instant
    target.close()


def _cli(data_dir: Path, env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           *args], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_cli_backup_and_restore(tmp_path: Path, file_keyring_env: dict[str, str]) -> None:
    env = file_keyring_env
    one, two = tmp_path / "one", tmp_path / "two"
    filed = _cli(one, env, "report", "new", "--category", "moi-truong", "--text", "Cống nghẹt",
                 "--json")
    assert filed.returncode == 0, filed.stderr
    made = _cli(one, env, "backup", str(tmp_path / "usb"), "--json", stdin=PASS + "\n")
    assert made.returncode == 0, made.stderr
    out = json.loads(made.stdout)
    assert out["counts"]["reports"] == 1 and out["outbox"] == {"pending": 1}
    assert PASS not in made.stdout + made.stderr
    path = out["path"]

    missing = _cli(two, env, "backup", str(tmp_path / "usb2"), stdin="")
    assert missing.returncode == 2 and "Chưa nhập mật khẩu sao lưu" in missing.stderr
    from_folder = _cli(two, env, "restore", str(tmp_path / "usb"), "--replace", stdin="")
    assert from_folder.returncode == 2 and path in from_folder.stdout      # says which file
    assert "Chưa nhập mật khẩu sao lưu" in from_folder.stderr
    wrong = _cli(two, env, "restore", path, "--json", stdin="not the passphrase\n")
    assert wrong.returncode == 2 and "Mật khẩu sao lưu không đúng" in wrong.stderr
    done = _cli(two, env, "restore", path, "--json", stdin=PASS + "\n")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["counts"]["reports"] == 1 and result["enrol_again"] is True
    assert result["outbox"] == {"pending": 1}
    listed = _cli(two, env, "report", "list", "--json")
    assert [r["code"] for r in json.loads(listed.stdout)] == [json.loads(filed.stdout)["code"]]
    again = _cli(two, env, "restore", path, stdin=PASS + "\n")
    assert again.returncode == 2 and "--replace" in again.stderr
    replaced = _cli(two, env, "restore", path, "--replace", "--json", stdin=PASS + "\n")
    assert replaced.returncode == 0, replaced.stderr
    assert json.loads(replaced.stdout)["previous"]
    assert os.path.exists(json.loads(replaced.stdout)["previous"])


def test_server_revokes_only_a_replaced_device_of_the_same_commune(province: Province) -> None:
    import uuid

    def enrol_replacing(commune: str, replaces: str | None) -> tuple[str, str]:
        device = str(uuid.uuid4())
        answer = requests.post(f"{province.url}/api/v1/enrol", json={
            "code": province.enrol_code(commune), "device_id": device, "public_key": "A" * 43,
            "replaces_device_id": replaces}, timeout=30)
        assert answer.status_code == 200, answer.text
        return device, answer.json()["token"]

    old, old_token = enrol_replacing(COMMUNE, None)
    elsewhere, elsewhere_token = enrol_replacing("99999", None)
    # Naming another commune's device, or an unknown one, revokes nothing.
    enrol_replacing(COMMUNE, elsewhere)
    enrol_replacing(COMMUNE, str(uuid.uuid4()))
    for token in (old_token, elsewhere_token):
        assert requests.get(f"{province.url}/api/v1/changes", headers=auth(token),
                            timeout=30).status_code == 200
    new, new_token = enrol_replacing(COMMUNE, old)
    assert requests.get(f"{province.url}/api/v1/changes", headers=auth(old_token),
                        timeout=30).status_code == 401
    page = requests.get(f"{province.url}/api/v1/changes", headers=auth(new_token), timeout=30)
    assert page.status_code == 200
    # An older kiosk (no replaces_device_id field at all) still enrols.
    legacy = requests.post(f"{province.url}/api/v1/enrol", json={
        "code": province.enrol_code(COMMUNE), "device_id": str(uuid.uuid4()),
        "public_key": "A" * 43}, timeout=30)
    assert legacy.status_code == 200


def test_many_records_stream_and_keep_their_order(tmp_path: Path, store: Store,
                                                  monkeypatch) -> None:  # noqa: ANN001
    """Small records (the real ones are 1 MiB) so the store spans hundreds: a round trip works,
    and dropping the last record or swapping two is refused."""
    import struct

    monkeypatch.setattr(backup, "CHUNK", 4096)
    for index in range(3):
        _report(store, f"Phản ánh {index}", photo="red")
    made = backup.make_backup(store, tmp_path / "b.caunoi-backup", PASS)
    data = made.path.read_bytes()
    header = backup._HEADER.size
    records, offset = [], header
    while offset < len(data):
        _final, length = struct.unpack(">BI", data[offset:offset + 5])
        records.append(data[offset:offset + 5 + length])
        offset += 5 + length
    assert len(records) > 50
    target = seeded_store(tmp_path / "ok")
    backup.restore_backup(made.path, PASS, target)
    assert len(rows(target.conn(), "reports")) == 3
    target.close()
    for name, body in (("dropped", records[:-1]),
                       ("swapped", [records[1], records[0], *records[2:]])):
        broken = tmp_path / f"{name}.caunoi-backup"
        broken.write_bytes(data[:header] + b"".join(body))
        other = seeded_store(tmp_path / name)
        with pytest.raises(KioskError) as caught:
            backup.restore_backup(broken, PASS, other)
        assert caught.value.code == "backup_damaged"
        assert rows(other.conn(), "reports") == []
        other.close()
