"""Retention purge, end to end: a report with a phone number is filed, sent to the real
provincial server (which acknowledges it), purged with `python main.py privacy purge
--older-than 0 --json`, and then every byte of every file in the data dir is searched for the
plain text (UTF-8 and UTF-16) and for the exact ciphertext (raw, base64, hex): none remains."""
from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import zlib
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk import catalog, personal, privacy
from kiosk.clock import utc_now
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.receipts import save_receipt
from kiosk.reports import ReportDraft, file_report, get_report
from sync import enrol, outbox
from sync.engine import run_sync
from sync.secrets import SecretStore
from tests.server_support import Province, province  # noqa: F401 - fixture
from tests.support import seeded_store

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = "29284"
PHONE = "0912345678"
NAME = "ZZPURGE Phạm Thị Hoà"
ADDRESS = "ZZPRIVATE số 7 hẻm 12 ấp Hòa Bình"


def _needles(plain: list[str], sealed: list[bytes]) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for text in plain:
        out[f"utf8:{text}"] = text.encode("utf-8")
        out[f"utf16le:{text}"] = text.encode("utf-16-le")
        out[f"utf16be:{text}"] = text.encode("utf-16-be")
    for i, blob in enumerate(sealed):
        body = blob[13:]            # past version byte + nonce: the ciphertext and its tag
        out[f"sealed{i}"] = blob
        out[f"sealed{i}-ct"] = body[:8]      # even a fragment of the ciphertext
        out[f"sealed{i}-b64"] = base64.b64encode(blob)[:16]
        out[f"sealed{i}-b64url"] = base64.urlsafe_b64encode(blob)[:16]
        out[f"sealed{i}-hex"] = blob.hex().encode()[:24]
        out[f"sealed{i}-HEX"] = blob.hex().upper().encode()[:24]
    return out


def _inflated(data: bytes) -> list[bytes]:
    """Flate streams of a PDF, decompressed (receipts are compressed)."""
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return out


def scan(data_dir: Path, needles: dict[str, bytes]) -> list[str]:
    found = []
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for blob in [data, *(_inflated(data) if path.suffix == ".pdf" else [])]:
            for label, needle in needles.items():
                if needle in blob:
                    found.append(f"{path.relative_to(data_dir)}: {label}")
    return found


def _sealed(store: Store, report_id: str) -> list[bytes]:
    row = store.conn().execute("SELECT contact_name_enc, contact_phone_enc, address_enc"
                               " FROM reports WHERE id = ?", (report_id,)).fetchone()
    return [bytes(v) for v in row if v is not None]


def test_purge_leaves_neither_plaintext_nor_ciphertext_in_any_file(
        tmp_path: Path, province: Province, file_keyring_env: dict[str, str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "kiosk"
    # The kiosk's process and the CLI's share one keyring (a file outside the data dir).
    monkeypatch.setenv("CAUNOI_TEST_KEYRING", file_keyring_env["CAUNOI_TEST_KEYRING"])
    import keyring
    from tests.secrets_support import JsonFileKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(JsonFileKeyring())
    try:
        store = seeded_store(data_dir)
        conn = store.conn()
        secrets = SecretStore.for_store(conn, data_dir)
        enrol.enrol(conn, province.url, province.enrol_code(COMMUNE), secrets)
        filed = file_report(store, ReportDraft(
            category_id="ha-tang", text="Cống nghẹt gây ngập", contact_name=NAME,
            contact_phone="+84 912 345 678", address=ADDRESS, address_private=True,
            consent_text=CONTACT_CONSENT["vi"]), channel="cli")
        receipt = save_receipt(store, filed.code)
        sealed = _sealed(store, filed.id)
        assert len(sealed) == 3
        needles = _needles([PHONE, NAME, ADDRESS, "ZZPURGE", "ZZPRIVATE"], sealed)
        # Before: the ciphertext is in the data dir, the plain text is not (sealed at rest);
        # the receipt shows the masked phone only.
        before = scan(data_dir, needles)
        assert before and all(": sealed" in hit for hit in before), before
        view = get_report(conn, filed.code)
        assert view is not None and view.phone_masked == "091****678"
        assert b"091****678" in b"".join(_inflated(receipt.read_bytes())) or view.phone_masked

        report = run_sync(store, secrets=secrets)
        assert report.error is None, report.error
        assert outbox.counts(conn)["pending"] == 0
        case = [c for c in province.cases() if c["tracking_code"] == filed.code]
        assert len(case) == 1                          # the province has it
        # Acknowledged but within retention: the default purge keeps it.
        assert privacy.purge(conn).purged == 0
        assert personal.load(conn, filed.id).phone == PHONE
        # Someone exported it for the resident: the export, too, must go with the purge.
        path, _ = privacy.export(conn, filed.code)
        assert path.exists() and (os.name != "posix" or path.stat().st_mode & 0o077 == 0)
        store.close()

        done = subprocess.run(
            [sys.executable, "main.py", "--data-dir", str(data_dir), "privacy", "purge",
             "--older-than", "0", "--json"], cwd=ROOT, env=file_keyring_env,
            capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        assert result["purged"] == 1 and result["checkpointed"] is True
        assert result["exports_removed"] == 1
        assert not path.exists()

        leftovers = scan(data_dir, needles)
        assert leftovers == [], leftovers
        # The store is intact and says what happened, and the report is still there.
        again = Store(data_dir)
        try:
            row = again.conn().execute(
                "SELECT personal_erased_why, consent_hash IS NOT NULL, code FROM reports"
                " WHERE id = ?", (filed.id,)).fetchone()
            assert tuple(row) == ("retention", 1, filed.code)
            assert again.conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert personal.load(again.conn(), filed.id).empty
            actions = [r[0] for r in again.conn().execute("SELECT action FROM audit_log")]
            assert "privacy_purge" in actions
        finally:
            again.close()
    finally:
        keyring.set_keyring(previous)


def test_retention_days_decide_and_pending_reports_are_never_purged(store: Store) -> None:
    conn = store.conn()
    rid = file_report(store, ReportDraft(category_id="ha-tang", text="Ngập", contact_phone=PHONE,
                                         consent_text=CONTACT_CONSENT["vi"])).id
    assert privacy.purge(conn, older_than_days=0).purged == 0          # not acknowledged yet
    sent = utc_now() - timedelta(days=10)
    outbox.apply_result(conn, outbox.pending(conn), _accepted(conn, rid), now=sent)
    assert privacy.retention_days(conn) == 30
    assert privacy.purge(conn).purged == 0                              # 10 < 30 days
    privacy.set_retention_days(conn, 7)
    with pytest.raises(KioskError) as err:
        privacy.set_retention_days(conn, 31)        # the consent text promises 30 at most
    assert err.value.code == "retention_days_invalid"
    result = privacy.purge(conn)
    assert result.purged == 1 and result.retention_days == 7
    assert personal.load(conn, rid).empty
    assert privacy.purge(conn, older_than_days=0).purged == 0           # nothing left
    # The purged report still builds its payload (never sent again; the stored hash stays).
    from kiosk import items

    stored = conn.execute("SELECT item_hash FROM outbox WHERE kind = 'report'").fetchone()[0]
    assert items.report_payload(conn, rid)["contact_phone"] is None
    assert conn.execute("SELECT item_hash FROM outbox WHERE kind = 'report'").fetchone()[0] \
        == stored
    entries = [(e.action, e.detail) for e in __import__("kiosk.audit").audit.entries(conn)]
    assert ("privacy_retention_set", "7") in entries and ("privacy_purge", "1") in entries


def test_purge_if_due_runs_at_most_once_an_hour(store: Store) -> None:
    conn = store.conn()
    assert privacy.purge_if_due(conn) is True
    assert privacy.purge_if_due(conn) is False
    assert catalog.get_setting(conn, privacy.LAST_PURGE_KEY)


def _accepted(conn, rid: str):  # noqa: ANN001, ANN202
    from sync.protocol import BatchResult, ItemResult

    results = [ItemResult(uuid=i.uuid, status="accepted", ref="PA-1")
               for i in outbox.pending(conn) if i.ref_id == rid]
    return BatchResult(results=results, server_time="2026-01-01T00:00:00Z")


def test_purge_inside_a_running_app_scrubs_the_wal_while_others_hold_the_store(
        tmp_path: Path) -> None:
    """The timer's purge (ui/privacy_timer.py) runs while the kiosk's other connections stay
    open, so the WAL is not removed by a last close: secure_delete and the TRUNCATE checkpoint
    must do it (without either, the ciphertext is found in the -wal or the database file)."""
    store = seeded_store(tmp_path / "kiosk")
    ui_store = Store(tmp_path / "kiosk")          # another thread's / window's connection
    try:
        ids = [file_report(store, ReportDraft(category_id="ha-tang", text="x" * 1500,
                                              contact_name=NAME, contact_phone=PHONE,
                                              consent_text=CONTACT_CONSENT["vi"])).id
               for _ in range(3)]
        sealed = [b for rid in ids for b in _sealed(store, rid)]
        conn = store.conn()
        group = outbox.pending(conn)
        outbox.apply_result(conn, group, _accepted_all(group))
        assert ui_store.conn().execute("SELECT count(*) FROM reports").fetchone()[0] == 3
        result = privacy.purge(conn, older_than_days=0)
        assert result.purged == 3 and result.checkpointed
        assert scan(store.data_dir, _needles([PHONE, NAME], sealed)) == []
    finally:
        ui_store.close()
        store.close()


def _accepted_all(group):  # noqa: ANN001, ANN202
    from sync.protocol import BatchResult, ItemResult

    return BatchResult(results=[ItemResult(uuid=i.uuid, status="accepted", ref="PA-1")
                                for i in group], server_time="2026-01-01T00:00:00Z")
