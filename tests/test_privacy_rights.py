"""A resident's rights at the office: find by receipt code (masked), export the personal part
(a private file in exports/), erase it (re-queued without it when not sent yet) — each audited
with the role, the action and the code, never the data."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import audit, items, personal, privacy
from kiosk.consent import CONTACT_CONSENT, consent_hash
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.reports import ReportDraft, file_report
from sync import outbox
from sync.protocol import BatchResult, ItemResult

ROOT = Path(__file__).resolve().parent.parent
NAME, PHONE = "Đỗ Thị Hạnh", "0987654321"


def _file(store: Store, **extra: object):  # noqa: ANN202
    fields: dict[str, object] = dict(category_id="ha-tang", text="Đèn hỏng", contact_name=NAME,
                                     contact_phone=PHONE, consent_text=CONTACT_CONSENT["vi"])
    fields.update(extra)
    return file_report(store, ReportDraft(**fields))  # type: ignore[arg-type]


def _audit_text(store: Store) -> str:
    return json.dumps([list(r) for r in store.conn().execute("SELECT * FROM audit_log")],
                      ensure_ascii=False)


def test_find_is_masked_and_audited(store: Store) -> None:
    filed = _file(store)
    record = privacy.find(store.conn(), filed.code.lower())
    assert (record.name_masked, record.phone_masked) == ("Đ* T** H***", "098****321")
    assert not record.anonymous and record.acknowledged_utc is None and not record.unreadable
    [entry] = audit.entries(store.conn())
    assert (entry.actor, entry.action, entry.target) == ("admin", "privacy_find", filed.code)
    with pytest.raises(KioskError) as err:
        privacy.find(store.conn(), "K7QM-2XPD-9RW")
    assert err.value.code in ("report_not_found", "code_invalid")


def test_export_writes_a_private_file_with_the_consent_text(store: Store) -> None:
    filed = _file(store, address="số 3 ngõ 8", address_private=True)
    path, data = privacy.export(store.conn(), filed.code)
    assert path.parent == store.data_dir / "exports"
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == data
    assert (data["contact_name"], data["contact_phone"], data["private_address"]) == (
        NAME, PHONE, "số 3 ngõ 8")
    assert data["consent_hash"] == consent_hash(CONTACT_CONSENT["vi"])
    assert data["consent_text"] == CONTACT_CONSENT["vi"]
    assert [e.action for e in audit.entries(store.conn())] == ["privacy_export"]
    assert PHONE not in _audit_text(store) and NAME not in _audit_text(store)
    anonymous = file_report(store, ReportDraft(category_id="ha-tang", text="Ẩn danh"))
    with pytest.raises(KioskError) as err:
        privacy.export(store.conn(), anonymous.code)
    assert err.value.code == "privacy_nothing_to_export"


def test_erase_before_sending_requeues_the_report_without_the_personal_part(store: Store) -> None:
    filed = _file(store)
    conn = store.conn()
    old_uuid, old_hash = conn.execute("SELECT item_uuid, item_hash FROM outbox"
                                      " WHERE kind = 'report'").fetchone()
    erased = privacy.erase(conn, filed.code)
    assert (erased.erased, erased.requeued, erased.province_has_copy) == (True, True, False)
    assert personal.load(conn, filed.id).empty
    rows = conn.execute("SELECT item_uuid, state, item_hash, superseded_by FROM outbox"
                        " WHERE kind = 'report' ORDER BY seq").fetchall()
    assert rows[0][1] == "superseded" and rows[0][3] == rows[1][0] != old_uuid
    assert rows[1][1] == "pending" and rows[1][2] != old_hash
    [item] = [i for i in outbox.pending(conn) if i.kind == "report"]
    assert item.payload["contact_phone"] is None and item.payload["contact_name"] is None
    assert item.hash == items.hash_for(conn, "report", filed.id)
    again = privacy.erase(conn, filed.code)                      # idempotent
    assert not again.erased and not again.requeued
    assert [e.action for e in audit.entries(conn)] == ["privacy_erase", "privacy_erase"]


def test_erase_waits_while_the_report_is_on_a_usb_stick(store: Store) -> None:
    """A copy on a stick travels under the old uuid: re-queueing under a new one would make a
    second case once the office sends the stick's copy. So the erase is refused, and nothing
    changes, until the office confirms."""
    filed = _file(store)
    conn = store.conn()
    conn.execute("UPDATE outbox SET exported_utc = '2026-11-22T08:00:00Z' WHERE kind = 'report'")
    before = conn.execute("SELECT item_uuid, state FROM outbox WHERE kind = 'report'").fetchall()
    with pytest.raises(KioskError) as refused:
        privacy.erase(conn, filed.code)
    assert refused.value.code == "privacy_erase_on_usb"
    assert conn.execute("SELECT item_uuid, state FROM outbox WHERE kind = 'report'"
                        ).fetchall() == before
    assert not personal.load(conn, filed.id).empty
    assert not [e for e in audit.entries(conn) if e.action == "privacy_erase"]


def test_erase_after_sending_says_the_province_has_a_copy(store: Store) -> None:
    filed = _file(store)
    conn = store.conn()
    group = outbox.pending(conn)
    outbox.apply_result(conn, group, BatchResult(results=[
        ItemResult(uuid=i.uuid, status="accepted", ref="PA-1") for i in group],
        server_time="2026-01-01T00:00:00Z"))
    erased = privacy.erase(conn, filed.code)
    assert (erased.erased, erased.requeued, erased.province_has_copy) == (True, False, True)
    record = privacy.find(conn, filed.code)
    assert record.erased_why == "request" and record.phone_masked is None


def test_cli_find_export_erase_status(tmp_path: Path, file_keyring_env: dict[str, str]) -> None:
    data = tmp_path / "d"

    def run(*args: str) -> dict:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                               *args], capture_output=True, text=True, encoding="utf-8",
                              env=file_keyring_env, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    code = run("report", "new", "--category", "ha-tang", "--text", "Ngập", "--name", NAME,
               "--phone", PHONE, "--consent", "--json")["code"]
    assert run("privacy", "status", "--json")["storage"] == "keyring"
    assert run("privacy", "find", code, "--json")["phone_masked"] == "098****321"
    exported = run("privacy", "export", code, "--json")
    assert exported["data"]["contact_phone"] == PHONE and Path(exported["file"]).exists()
    unconfirmed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                                  "privacy", "erase", code], capture_output=True, text=True,
                                 encoding="utf-8", env=file_keyring_env, timeout=120)
    assert unconfirmed.returncode == 2 and "Thêm --yes để xóa" in unconfirmed.stderr
    assert "098****321" in unconfirmed.stdout and PHONE not in unconfirmed.stdout
    assert run("privacy", "find", code, "--json")["erased_utc"] is None     # nothing erased yet
    assert run("privacy", "erase", code, "--yes", "--json")["erased"] is True
    assert run("privacy", "find", code, "--json")["erased_why"] == "request"
    store = Store(data)
    try:
        actions = [(e.actor, e.action) for e in audit.entries(store.conn())]
    finally:
        store.close()
    assert actions[:6] == [("cli", "privacy_find"), ("cli", "privacy_erase"),
                           ("cli", "privacy_find"), ("cli", "privacy_find"),
                           ("cli", "privacy_export"), ("cli", "privacy_find")]
