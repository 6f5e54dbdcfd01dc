"""Logs and crash reports never hold personal data: a marker name, phone, address and text go
through every path — filing (library and CLI), sync (accepted, rejected by the server, server
gone), printing (loopback ESC/POS printer), invalid input and an unexpected crash in the CLI —
and then caunoi.log, every captured log record (DEBUG, with tracebacks) and stderr are searched."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import catalog, privacy
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.reports import ReportDraft, file_report
from kiosk.consent import CONTACT_CONSENT
from sync import enrol, outbox
from sync.engine import run_sync
from sync.secrets import SecretStore
from tests.printer_loopback import LoopbackPrinter
from tests.server_support import Province, province  # noqa: F401 - fixture
from tests.support import seeded_store

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = "29284"
NAME = "ZZMARKER Nguyễn Văn Tèo"
PHONE = "0987654321"
ADDRESS = "ZZADDR số 9 hẻm 4 ấp Hòa Bình"
TEXT = "ZZTEXT Cống nghẹt trước nhà ông Tèo"
FORBIDDEN = ("ZZMARKER", "Nguyễn Văn Tèo", "Tèo", PHONE, PHONE[1:], "987 654 321",
             "ZZADDR", "ZZTEXT")


CONTACT = ("ZZMARKER", "Nguyễn Văn Tèo", PHONE, PHONE[1:])


def _clean(text: str, where: str, markers: tuple[str, ...] = FORBIDDEN) -> None:
    """Logs: no marker at all. A staff-facing answer (`markers=CONTACT`) shows the report's text
    and a non-private address by design, but never the name or the full phone."""
    hits = [m for m in markers if m in text]
    assert not hits, f"{where} holds personal data {hits}: {text[:2000]}"


def _draft(**extra: object) -> ReportDraft:
    fields: dict[str, object] = dict(category_id="ha-tang", text=TEXT, contact_name=NAME,
                                     contact_phone=PHONE, address=ADDRESS, address_private=True,
                                     consent_text=CONTACT_CONSENT["vi"])
    fields.update(extra)
    return ReportDraft(**fields)  # type: ignore[arg-type]


def _cli(data: Path, *args: str, env: dict[str, str] | None = None,
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, env=env,
                          cwd=ROOT)


@pytest.fixture
def records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog


def _all_records(caplog: pytest.LogCaptureFixture) -> str:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(r) + (formatter.formatException(r.exc_info)
                                            if r.exc_info else "") for r in caplog.records)


def test_filing_sync_and_errors_never_log_the_marker(
        tmp_path: Path, province: Province, memory_secrets, records) -> None:  # noqa: ANN001, F811
    store = seeded_store(tmp_path / "kiosk")
    conn = store.conn()
    secrets = SecretStore.for_store(conn, store.data_dir)
    # Filing through the library, an invalid phone and an invalid name (both refused).
    filed = file_report(store, _draft())
    for bad in (_draft(contact_phone=PHONE + "99x"), _draft(contact_name=NAME + "\x07")):
        with pytest.raises(KioskError) as err:
            file_report(store, bad)
        _clean(str(err.value) + repr(err.value.params), "the KioskError")
    # A category the province does not know: the server rejects the item (quarantine path).
    with transaction(conn):
        conn.execute("INSERT INTO categories (id, name_vi, name_en, icon, reply_days)"
                     " VALUES ('chi-o-xa', 'Chỉ ở xã', 'Local only', 'x', 5)")
    rejected = file_report(store, _draft(category_id="chi-o-xa"))
    # Sync: not enrolled (error path), then enrolled and sent, then the server gone.
    assert run_sync(store, secrets=secrets).error is not None
    enrol.enrol(conn, province.url, province.enrol_code(COMMUNE), secrets)
    report = run_sync(store, secrets=secrets)
    assert report.error is None, report.error
    states = dict(conn.execute("SELECT ref_id, state FROM outbox WHERE kind = 'report'"))
    assert states == {filed.id: "sent", rejected.id: "quarantined"}
    [quarantined] = outbox.quarantined(conn)
    _clean(json.dumps(quarantined.as_json(), ensure_ascii=False), "the quarantine listing",
           CONTACT)
    file_report(store, _draft())
    province.kill()
    assert run_sync(store, secrets=secrets).error is not None      # server gone
    # Rights and purge: find, export, erase, purge (the export's own output holds the data:
    # that is its purpose; the logs must not).
    privacy.find(conn, filed.code)
    path, data = privacy.export(conn, filed.code)
    assert data["contact_phone"] == PHONE
    privacy.erase(conn, filed.code)
    privacy.purge(conn, 0)
    store.close()
    _clean(_all_records(records), "captured log records")
    log = store.data_dir / "caunoi.log"
    if log.exists():
        _clean(log.read_text(encoding="utf-8"), "caunoi.log")
    assert records.records, "nothing was logged: the scan would prove nothing"


def test_cli_filing_printing_and_a_crash_never_log_the_marker(
        tmp_path: Path, file_keyring_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        records: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "d"
    env = dict(file_keyring_env, PYTHONIOENCODING="utf-8")
    new = _cli(data, "report", "new", "--category", "ha-tang", "--text", TEXT, "--address",
               ADDRESS, "--name", NAME, "--phone", PHONE, "--consent", "--json", env=env)
    assert new.returncode == 0, new.stderr
    code = json.loads(new.stdout)["code"]
    _clean(new.stdout + new.stderr, "report new")
    bad = _cli(data, "report", "new", "--category", "ha-tang", "--text", TEXT, "--name", NAME,
               "--phone", PHONE + "x", "--consent", env=env)
    assert bad.returncode == 2
    _clean(bad.stderr + bad.stdout, "a refused phone")
    shown = _cli(data, "report", "show", code, "--json", env=env)
    _clean(shown.stdout + shown.stderr, "report show", CONTACT)   # masked phone only
    assert json.loads(shown.stdout)["phone_masked"] == "098****321"
    found = _cli(data, "privacy", "find", code, "--json", env=env)
    _clean(found.stdout + found.stderr, "privacy find")      # masked
    printer = LoopbackPrinter()
    try:
        printed = _cli(data, "print", code, "--printer", printer.url, "--json", env=env)
        assert printed.returncode == 0, printed.stderr
        printer.wait_job()
    finally:
        printer.close()
    _clean(printed.stdout + printed.stderr, "print")
    refused = _cli(data, "print", code, "--printer", "escpos+tcp://127.0.0.1:1", "--json",
                   env=env)
    assert refused.returncode == 3
    _clean(refused.stdout + refused.stderr, "a refused printer")
    # An unexpected exception deep in filing, in-process so it can be provoked: the person gets
    # a sentence, the log a traceback — neither with the marker.
    import main
    from kiosk import reports

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("unexpected failure while filing")

    monkeypatch.setattr(reports, "check_clock", broken)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        status = main.main(["--data-dir", str(data), "report", "new", "--category", "ha-tang",
                            "--text", TEXT, "--name", NAME, "--phone", PHONE, "--consent"])
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    assert status == 1
    assert any(r.exc_info for r in records.records)           # the traceback was logged
    _clean(_all_records(records), "captured records of the crash")
    log = (data / "caunoi.log").read_text(encoding="utf-8")
    assert "unexpected failure while filing" in log and "Traceback" in log
    _clean(log, "caunoi.log")
    for receipt in (data / "receipts").glob("*.pdf"):         # receipts: no full phone
        _clean(receipt.read_bytes().decode("latin-1"), receipt.name)


def test_a_tampered_field_is_logged_by_ids_only(store: Store, records) -> None:  # noqa: ANN001
    filed = file_report(store, _draft())
    conn = store.conn()
    blob = bytearray(conn.execute("SELECT contact_phone_enc FROM reports").fetchone()[0])
    blob[-1] ^= 0x01
    with transaction(conn):
        conn.execute("UPDATE reports SET contact_phone_enc = ?", (bytes(blob),))
    with pytest.raises(KioskError):
        privacy.export(conn, filed.code)
    text = _all_records(records)
    assert "failed authentication" in text and filed.id in text
    _clean(text, "the tamper warning")
    assert catalog.get_setting(conn, "privacy.key_storage") in ("file", "keyring")
