"""run_sync end to end against the reference provincial server (a real subprocess on loopback)
and a real kiosk store: enrol, send reports with photos, queue events and ratings, pull status
back, resend after a lost answer, quarantine and edit-and-resend."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests

from kiosk import catalog
from kiosk.db import Store, transaction
from kiosk.photos import prepare_photo
from kiosk.queue.local import LocalQueue
from kiosk.reports import ReportDraft, file_report, report_photos
from sync import enrol, outbox
from sync.engine import run_sync, sync_status
from sync.lock import sync_lock
from sync.secrets import SecretStore
from tests.queue_support import A, Clock
from tests.secrets_support import memory_secrets  # noqa: F401 - fixture
from tests.server_support import Province, province  # noqa: F401 - fixture
from tests.support import jpeg_bytes, seeded_store

COMMUNE = "29284"     # the bundled demo office's commune


@pytest.fixture()
def kiosk(tmp_path: Path, memory_secrets) -> tuple[Store, SecretStore]:  # noqa: F811
    store = seeded_store(tmp_path / "kiosk")
    yield store, SecretStore.for_store(store.conn(), store.data_dir)
    store.close()


def _enrol(store: Store, secrets: SecretStore, province: Province) -> None:  # noqa: F811
    enrol.enrol(store.conn(), province.url, province.enrol_code(COMMUNE), secrets)


def _by_code(province: Province) -> dict[str, list[dict]]:  # noqa: F811
    out: dict[str, list[dict]] = {}
    for case in province.cases():
        out.setdefault(case["tracking_code"], []).append(case)
    return out


def test_not_enrolled_is_a_sentence_and_a_backoff(kiosk) -> None:
    store, secrets = kiosk
    report = run_sync(store, secrets=secrets)
    assert report.error is not None and report.error.code == "not_enrolled"
    status = sync_status(store.conn())
    assert status["last_error"] == "not_enrolled" and status["next_attempt"] is not None
    assert status["enrolled"] is False and status["attempts"] == 1


def test_one_sync_at_a_time(kiosk) -> None:
    store, secrets = kiosk
    with sync_lock(store.data_dir) as held:
        assert held
        report = run_sync(store, secrets=secrets)
    assert report.error is not None and report.error.code == "sync_running"


def test_enrolment_keeps_secrets_out_of_settings_and_is_retryable(kiosk, province) -> None:  # noqa: F811
    store, secrets = kiosk
    conn = store.conn()
    code = province.enrol_code(COMMUNE)
    first = enrol.enrol(conn, province.url, code, secrets)
    token = secrets.get(enrol.TOKEN_SECRET)
    # the answer was "lost": the same code again gives the same device and token
    again = enrol.enrol(conn, province.url, code, secrets)
    assert again.device_id == first.device_id and secrets.get(enrol.TOKEN_SECRET) == token
    assert first.commune == COMMUNE and sync_status(conn)["enrolled"]
    private = secrets.get(enrol.DEVICE_KEY_SECRET)
    dump = "\n".join(str(tuple(r)) for r in conn.execute("SELECT key, value FROM settings"))
    assert token and token not in dump and private and private not in dump
    log = store.data_dir / "caunoi.log"
    assert not log.exists() or token not in log.read_text(encoding="utf-8")


def test_full_round_trip(kiosk, province) -> None:  # noqa: F811
    store, secrets = kiosk
    conn = store.conn()
    _enrol(store, secrets, province)
    shared = prepare_photo(jpeg_bytes((1200, 900), "red"))
    other = prepare_photo(jpeg_bytes((900, 700), "blue"))
    filed = [
        file_report(store, ReportDraft(category_id="moi-truong", text="Rác đổ trộm ở ngõ 5",
                                       photos=[shared, other])),
        file_report(store, ReportDraft(category_id="ha-tang", text="Đèn đường hỏng",
                                       hamlet_id="ap-hoa-binh", photos=[shared])),
        file_report(store, ReportDraft(category_id="moi-truong", text="Cống nghẹt")),
    ]
    clock = Clock(datetime.now(timezone.utc))
    queue = LocalQueue(store, now=clock)
    ticket = queue.take(A)
    queue.call_next(1)
    queue.finish(1)
    queue.rate(ticket.id, "satisfied")
    total = outbox.counts(conn)["pending"]

    report = run_sync(store, secrets=secrets)
    assert report.error is None, report.error
    assert report.sent == total and report.pending == 0 and report.quarantined == 0
    cases = _by_code(province)
    assert sorted(cases) == sorted(f.code for f in filed)
    assert all(len(v) == 1 for v in cases.values())          # each report exactly once
    for sha in (shared.sha256, other.sha256):                 # every photo complete
        assert requests.head(f"{province.url}/api/v1/media/{sha}", timeout=10, headers={
            "Authorization": f"Bearer {secrets.get(enrol.TOKEN_SECRET)}"}).status_code == 200
    assert outbox.counts(conn)["pending"] == 0
    # full-size copies dropped, thumbnails kept for staff screens
    assert conn.execute("SELECT count(*) FROM media WHERE data IS NOT NULL").fetchone()[0] == 0
    assert len(report_photos(conn, filed[0].id)) == 2
    status = sync_status(conn)
    assert status["last_success"] and status["clock_offset_s"] is not None
    assert status["last_error"] is None and status["pending"] == 0
    # the mirror holds the cases as the province does
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 3

    # the province answers one; the next sync brings it back
    ref = cases[filed[1].code][0]["ref"]
    done = province.run_cli("case", "set-status", ref, "--status", "resolved", "--note",
                            "Đã thay bóng đèn.", "--publish")
    assert done.returncode == 0, done.stderr
    report = run_sync(store, secrets=secrets)
    assert report.error is None and report.pulled >= 1 and report.sent == 0
    row = conn.execute("SELECT status, answer FROM cases WHERE tracking_code = ?",
                       (filed[1].code,)).fetchone()
    assert tuple(row) == ("resolved", "Đã thay bóng đèn.")

    # an answer lost on the way: the kiosk sends the same item again → duplicate, same ref
    with transaction(conn):
        conn.execute("UPDATE outbox SET state = 'pending', server_ref = NULL, sent_utc = NULL"
                     " WHERE item_uuid = ?", (filed[2].id,))
    report = run_sync(store, secrets=secrets)
    assert report.error is None and report.duplicates == 1 and report.sent == 0
    assert len(_by_code(province)[filed[2].code]) == 1
    assert conn.execute("SELECT state FROM outbox WHERE item_uuid = ?",
                        (filed[2].id,)).fetchone()[0] == "sent"


def test_rejected_report_is_quarantined_then_edited_and_resent(kiosk, province) -> None:  # noqa: F811
    store, secrets = kiosk
    conn = store.conn()
    _enrol(store, secrets, province)
    with transaction(conn):   # a category only this office has: the province refuses it
        conn.execute("INSERT INTO categories (id, name_vi, name_en, icon, reply_days)"
                     " VALUES ('chi-o-xa', 'Chỉ ở xã', 'Local only', 'dot', 5)")
    bad = file_report(store, ReportDraft(category_id="chi-o-xa", text="Phản ánh thử"))
    good = file_report(store, ReportDraft(category_id="moi-truong", text="Khói bụi"))
    report = run_sync(store, secrets=secrets)
    assert report.error is None
    assert (report.sent, report.rejected, report.quarantined) == (1, 1, 1)
    [q] = outbox.quarantined(conn)
    assert q.tracking_code == bad.code and q.reason == "unknown_category"
    assert "danh mục" in q.text_vi
    assert list(_by_code(province)) == [good.code]

    new_uuid = outbox.resend_report(conn, q.uuid, category_id="moi-truong")
    report = run_sync(store, secrets=secrets)
    assert report.error is None and report.sent == 1 and report.quarantined == 0
    cases = _by_code(province)
    assert len(cases[bad.code]) == 1 and cases[bad.code][0]["client_id"] == new_uuid
    assert catalog.get_setting(conn, "sync.last_error") is None


def test_an_interrupted_photo_upload_resumes(kiosk, province) -> None:  # noqa: F811
    store, secrets = kiosk
    _enrol(store, secrets, province)
    photo = prepare_photo(jpeg_bytes((1400, 1000), "purple"))
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Nước thải",
                                           photos=[photo]))
    auth = {"Authorization": f"Bearer {secrets.get(enrol.TOKEN_SECRET)}"}
    half = len(photo.data) // 2
    # an earlier upload cut half way (sent here on the raw wire, as a dropped link leaves it)
    cut = requests.put(f"{province.url}/api/v1/media/{photo.sha256}", data=photo.data[:half],
                       headers=auth | {"Content-Type": photo.mime,
                                       "Content-Range": f"bytes 0-{half - 1}/{len(photo.data)}"},
                       timeout=10)
    assert cut.status_code == 202
    report = run_sync(store, secrets=secrets)
    assert report.error is None and report.sent == 1 and report.photos_uploaded == 1
    assert requests.head(f"{province.url}/api/v1/media/{photo.sha256}", headers=auth,
                         timeout=10).status_code == 200
    assert [c["tracking_code"] for c in province.cases()] == [filed.code]
