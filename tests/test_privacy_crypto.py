"""Field encryption at rest: AES-GCM round trip, tamper/move/wrong-key detection, the data key's
life (keyring, the visible key-file fallback, lost and restored keys), the plain-text columns
refused by the store, older plain rows sealed at open, and the append-only audit log."""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import audit, catalog, crypto_fields, datakey, db, items, personal
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.reports import ReportDraft, file_report, get_report, list_reports
from sync import outbox

KEY = bytes(range(32))
WHERE = dict(table="reports", column="contact_phone_enc", row_id="r-1")


def test_round_trip_fresh_nonce_and_versioned_prefix() -> None:
    one = crypto_fields.seal(KEY, "0912345678", **WHERE)
    two = crypto_fields.seal(KEY, "0912345678", **WHERE)
    assert one != two and one[:1] == two[:1] == b"\x01"
    assert len(one) == crypto_fields.OVERHEAD + 10 and b"0912345678" not in one
    assert crypto_fields.open_sealed(KEY, one, **WHERE) == "0912345678"
    assert crypto_fields.open_sealed(KEY, crypto_fields.seal(KEY, "Nguyễn Thị Ánh", **WHERE),
                                     **WHERE) == "Nguyễn Thị Ánh"


@pytest.mark.parametrize("position", [0, 1, 12, 13, 20, -1])
def test_every_flipped_byte_is_a_clear_error(position: int) -> None:
    blob = bytearray(crypto_fields.seal(KEY, "0912345678", **WHERE))
    blob[position] ^= 0x01
    with pytest.raises(KioskError) as err:
        crypto_fields.open_sealed(KEY, bytes(blob), **WHERE)
    assert err.value.code == "personal_data_unreadable"
    assert "không hiển thị dữ liệu sai" in describe(err.value)


def test_moved_truncated_or_wrong_key_never_opens() -> None:
    blob = crypto_fields.seal(KEY, "0912345678", **WHERE)
    for kwargs in (dict(WHERE, row_id="r-2"), dict(WHERE, column="contact_name_enc"),
                   dict(WHERE, table="other")):
        with pytest.raises(KioskError):
            crypto_fields.open_sealed(KEY, blob, **kwargs)
    with pytest.raises(KioskError):
        crypto_fields.open_sealed(bytes(32), blob, **WHERE)
    with pytest.raises(KioskError):
        crypto_fields.open_sealed(KEY, blob[:20], **WHERE)


def _file(store: Store, **extra: object) -> str:
    fields: dict[str, object] = dict(category_id="ha-tang", text="Ngập", contact_name="Lê Thị B",
                                     contact_phone="0912345678", consent_text=CONTACT_CONSENT["vi"])
    fields.update(extra)
    return file_report(store, ReportDraft(**fields)).id  # type: ignore[arg-type]


def test_the_store_holds_ciphertext_only_and_the_payload_plain_text(store: Store) -> None:
    rid = _file(store, address="số 7 hẻm 12", address_private=True)
    conn = store.conn()
    row = conn.execute("SELECT contact_name, contact_phone, address, contact_name_enc,"
                       " contact_phone_enc, address_enc FROM reports").fetchone()
    assert row[:3] == (None, None, None) and all(isinstance(v, bytes) for v in row[3:])
    raw = store.path.read_bytes() + Path(f"{store.path}-wal").read_bytes()
    assert b"0912345678" not in raw and "Lê Thị B".encode() not in raw
    payload = items.report_payload(conn, rid)
    assert (payload["contact_name"], payload["contact_phone"], payload["address"]) == (
        "Lê Thị B", "0912345678", "số 7 hẻm 12")
    stored = conn.execute("SELECT item_hash FROM outbox WHERE kind = 'report'").fetchone()[0]
    assert items.hash_for(conn, "report", rid) == stored        # the hash is of the plain text
    view = get_report(conn, conn.execute("SELECT code FROM reports").fetchone()[0])
    assert view is not None and view.phone_masked == "091****678"
    assert view.address == "(riêng tư)" and not view.anonymous
    # Plain text in the old columns is refused by the store itself.
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(conn):
            conn.execute("UPDATE reports SET contact_phone = '0912345678'")


def test_a_tampered_field_in_the_store_is_refused_not_shown(store: Store) -> None:
    rid = _file(store)
    conn = store.conn()
    blob = bytearray(conn.execute("SELECT contact_phone_enc FROM reports").fetchone()[0])
    blob[15] ^= 0x80
    with transaction(conn):
        conn.execute("UPDATE reports SET contact_phone_enc = ?", (bytes(blob),))
    with pytest.raises(KioskError) as err:
        personal.load(conn, rid)
    assert err.value.code == "personal_data_unreadable"
    assert list_reports(conn)[0].phone_masked == "***"      # the list still works, says nothing
    # A ciphertext moved to another report does not open there either.
    other = _file(store)
    good = conn.execute("SELECT contact_name_enc FROM reports WHERE id = ?", (other,)).fetchone()
    with transaction(conn):
        conn.execute("UPDATE reports SET contact_name_enc = ? WHERE id = ?", (good[0], rid))
    with pytest.raises(KioskError):
        personal.open_values(conn, rid, (good[0], None, None))


@pytest.fixture
def no_keyring() -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_uses_a_private_key_file_and_says_so(store: Store, no_keyring) -> None:  # noqa: ANN001
    _file(store)
    conn = store.conn()
    path = datakey.key_path(store.data_dir)
    assert path.exists()
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0 and path.parent.stat().st_mode & 0o077 == 0
    status = datakey.status(conn)
    assert status.storage == "file" and status.warn and status.keyring_problem
    assert catalog.get_setting(conn, datakey.STORAGE_KEY) == "file"


def test_keyring_key_lost_is_said_plainly_and_a_backup_restores_it(
        store: Store, memory_secrets) -> None:  # noqa: ANN001
    rid = _file(store)
    conn = store.conn()
    assert not datakey.key_path(store.data_dir).exists()
    assert datakey.status(conn).storage == "keyring" and not datakey.status(conn).warn
    saved = datakey.export_data_key(conn)
    memory_secrets.values.clear()                          # the keyring was wiped
    datakey.forget_cached()
    with pytest.raises(KioskError) as err:
        personal.load(conn, rid)
    assert err.value.code == "data_key_missing" and "ẩn danh" in describe(err.value)
    with pytest.raises(KioskError):                        # no silent new key for new reports
        _file(store)
    assert datakey.status(conn).problem == "data_key_missing"
    datakey.import_data_key(conn, saved)                   # restored from a backup
    assert personal.load(conn, rid).phone == "0912345678"
    with pytest.raises(KioskError) as err:
        datakey.replace_lost_key(conn)
    assert err.value.code == "data_key_present"


def test_a_replaced_lost_key_files_again_and_old_fields_stay_unreadable(
        store: Store, memory_secrets) -> None:  # noqa: ANN001
    rid = _file(store)
    conn = store.conn()
    memory_secrets.values.clear()
    datakey.forget_cached()
    datakey.replace_lost_key(conn)
    newer = _file(store)
    assert personal.load(conn, newer).phone == "0912345678"
    with pytest.raises(KioskError) as err:
        personal.load(conn, rid)
    assert err.value.code == "personal_data_unreadable"
    # Another device's key (a wrong backup) is told apart from a lost one.
    datakey.forget_cached()
    memory_secrets.values.clear()
    datakey._slot(conn).set(datakey.SECRET_NAME, datakey._encode(os.urandom(32)))
    with pytest.raises(KioskError) as err:
        personal.load(conn, newer)
    assert err.value.code == "data_key_wrong"


def test_a_file_key_moves_to_the_keyring_once_one_works(store: Store) -> None:
    import keyring
    from keyring.backends import fail

    from tests.secrets_support import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        rid = _file(store)
    finally:
        keyring.set_keyring(previous)
    assert datakey.status(store.conn()).storage == "file"
    conn = store.conn()
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        datakey.move_to_keyring(conn)
        assert not datakey.key_path(store.data_dir).exists()
        datakey.forget_cached()
        assert datakey.status(conn).storage == "keyring"
        assert personal.load(conn, rid).phone == "0912345678"
    finally:
        keyring.set_keyring(previous)
        datakey.forget_cached()


def test_plain_rows_of_an_earlier_version_are_sealed_when_the_store_opens(tmp_path: Path) -> None:
    path = tmp_path / "d" / Store.FILE_NAME
    path.parent.mkdir()
    conn = db.connect(path)
    db.migrate(conn, target=9)
    catalog.seed(conn)
    conn.execute(
        "INSERT INTO reports (id, code, category_id, text, text_fold, contact_name,"
        " contact_phone, consent_hash, channel, created_utc, device_utc, office_zone, due_date)"
        " VALUES ('00000000-0000-4000-8000-000000000001', 'ABCDEFGHJKM', 'ha-tang', 'Ngập',"
        " 'ngap', 'Cũ Văn A', '0911111111', ?, 'kiosk', '2026-01-01T00:00:00.000000Z',"
        " '2026-01-01T00:00:00.000000Z', 'Asia/Ho_Chi_Minh', '2026-01-10')",
        ("a" * 64,))
    conn.execute("INSERT INTO audit_log (at_utc, actor, action) VALUES"
                 " ('2026-01-01T00:00:00.000000Z', 'admin', 'pin_set')")
    conn.close()
    store = Store(tmp_path / "d")
    try:
        conn = store.conn()
        row = conn.execute("SELECT contact_name, contact_phone FROM reports").fetchone()
        assert tuple(row) == (None, None)
        assert personal.load(conn, "00000000-0000-4000-8000-000000000001") == personal.Personal(
            "Cũ Văn A", "0911111111", None)
        # The older audit entry is queued for the province too.
        assert conn.execute("SELECT count(*) FROM outbox WHERE kind = 'audit'").fetchone()[0] == 1
    finally:
        store.close()
    assert b"0911111111" not in path.read_bytes()


def test_the_audit_log_is_append_only_and_every_entry_is_queued(store: Store) -> None:
    conn = store.conn()
    seq = audit.record(conn, "admin", "privacy_find", target="ABCDEFGHJKM")
    from kiosk import pins

    pins.set_pin(conn, "admin", "482915")                  # an older direct INSERT: queued too
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with transaction(conn):
            conn.execute("UPDATE audit_log SET actor = 'clerk'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with transaction(conn):
            conn.execute("DELETE FROM audit_log")
    pending = [i for i in outbox.pending(conn) if i.kind == "audit"]
    assert [i.payload["action"] for i in pending] == ["privacy_find", "pin_set"]
    assert pending[0].ref_id == str(seq) and pending[0].payload["target"] == "ABCDEFGHJKM"
    assert all(i.hash == items.hash_for(conn, "audit", i.ref_id) for i in pending)
