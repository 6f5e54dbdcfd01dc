"""The outbox side of sync against a real store: batching within hello's limits, results applied
in one transaction, quarantine listing, edit-and-resend, and photos shrunk once on the server."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk import items
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.photos import prepare_photo
from kiosk.reports import ReportDraft, file_report, get_report, list_reports, report_photos
from sync import media, outbox
from sync.protocol import BatchResult, ItemResult
from tests.support import jpeg_bytes, seeded_store

NOW = "2026-03-02T01:00:00Z"


@pytest.fixture()
def store(tmp_path: Path):
    s = seeded_store(tmp_path / "data")
    yield s
    s.close()


def _file(store: Store, text: str = "Đèn đường hỏng", **kw) -> str:
    return file_report(store, ReportDraft(category_id="ha-tang", text=text, **kw)).id


def _result(*pairs: tuple[str, str], **extra: object) -> BatchResult:
    out = []
    for uuid, status in pairs:
        fields: dict[str, object] = {"uuid": uuid, "status": status}
        if status in ("accepted", "duplicate"):
            fields["ref"] = "PA-" + uuid[:8]
        if status == "rejected":
            fields["reason"] = extra.get("reason", "unknown_category")
        if status == "retry":
            fields["reason"] = "missing_media"
        out.append(ItemResult(**fields))
    return BatchResult(results=out, server_time=NOW)


def test_batches_respect_item_and_byte_limits(store: Store) -> None:
    for n in range(7):
        _file(store, text=f"Phản ánh số {n} " + "x" * 300)
    pending = outbox.pending(store.conn())
    assert [p.seq for p in pending] == sorted(p.seq for p in pending)
    groups = list(outbox.batches(pending, max_items=3, max_bytes=10_000_000))
    assert [len(g) for g in groups] == [3, 3, 1]
    one = len(outbox.make_batch(pending[:1]).model_dump_json().encode())
    groups = list(outbox.batches(pending, max_items=100, max_bytes=one * 2))
    assert all(len(outbox.make_batch(g).model_dump_json().encode()) <= one * 2 for g in groups)
    assert sum(len(g) for g in groups) == 7 and len(groups) >= 4
    assert [i.uuid for g in groups for i in g] == [p.uuid for p in pending]   # order kept


def test_results_are_applied_in_one_transaction(store: Store) -> None:
    ids = [_file(store, text=f"Số {n}") for n in range(4)]
    conn = store.conn()
    group = outbox.pending(conn)
    tally = outbox.apply_result(conn, group, _result(
        (ids[0], "accepted"), (ids[1], "duplicate"), (ids[2], "rejected"), (ids[3], "retry")))
    assert (tally.sent, tally.duplicates, tally.rejected, tally.retried) == (1, 1, 1, 1)
    rows = {r[0]: r[1:] for r in conn.execute(
        "SELECT item_uuid, state, server_ref, reason, attempts, last_error, sent_utc FROM outbox")}
    assert rows[ids[0]][:2] == ("sent", "PA-" + ids[0][:8]) and rows[ids[0]][5] is not None
    assert rows[ids[1]][0] == "sent"
    assert rows[ids[2]][0] == "quarantined" and rows[ids[2]][2] == "unknown_category"
    assert rows[ids[3]][0] == "pending" and rows[ids[3]][3] == 1
    assert rows[ids[3]][4].startswith("missing_media")
    assert outbox.counts(conn) == {"pending": 1, "sent": 2, "quarantined": 1, "superseded": 0}
    assert [p.uuid for p in outbox.pending(conn)] == [ids[3]]


def test_a_failed_apply_changes_nothing(store: Store) -> None:
    ids = [_file(store, text=f"Số {n}") for n in range(2)]
    conn = store.conn()
    group = outbox.pending(conn)
    conn.execute("CREATE TRIGGER boom BEFORE UPDATE OF state ON outbox WHEN NEW.item_uuid = '"
                 + ids[1] + "' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")
    with pytest.raises(sqlite3.IntegrityError):
        outbox.apply_result(conn, group, _result((ids[0], "accepted"), (ids[1], "accepted")))
    assert outbox.counts(conn)["pending"] == 2          # the first result was not kept alone


def test_sent_reports_keep_the_contact_sealed_until_the_retention_purge(store: Store) -> None:
    from kiosk import personal, privacy

    rid = file_report(store, ReportDraft(category_id="ha-tang", text="Ngập nước",
                                         contact_name="Lê Văn C", contact_phone="0912345678",
                                         consent_text=CONTACT_CONSENT["vi"])).id
    conn = store.conn()
    outbox.apply_result(conn, outbox.pending(conn), _result((rid, "accepted")))
    # Acknowledged: kept (sealed) for privacy.retention_days after sent_utc, then purged.
    assert personal.load(conn, rid).phone == "0912345678"
    assert privacy.purge(conn).purged == 0
    assert privacy.purge(conn, older_than_days=0).purged == 1
    assert personal.load(conn, rid).empty
    assert conn.execute("SELECT consent_hash IS NOT NULL FROM reports").fetchone()[0] == 1


def test_quarantine_listing_and_edit_and_resend(store: Store) -> None:
    rid = _file(store, text="Bãi rác tự phát", hamlet_id="ap-hoa-binh")
    conn = store.conn()
    code = conn.execute("SELECT code FROM reports").fetchone()[0]
    old_hash = outbox.pending(conn)[0].hash
    outbox.apply_result(conn, outbox.pending(conn), _result((rid, "rejected")))
    [q] = outbox.quarantined(conn)
    assert (q.uuid, q.kind, q.tracking_code, q.reason) == (rid, "report", code, "unknown_category")
    assert "Lĩnh vực" in q.text_vi and "category" in q.text_en
    assert json.dumps(q.as_json(), ensure_ascii=False)

    with pytest.raises(KioskError) as err:            # the same content would be refused again
        outbox.resend_report(conn, rid)
    assert err.value.code == "quarantine_no_change"
    with pytest.raises(KioskError) as err:
        outbox.resend_report(conn, rid, category_id="no-such-category")
    assert err.value.code == "category_unknown"
    assert outbox.counts(conn)["quarantined"] == 1    # nothing half-done

    new_uuid = outbox.resend_report(conn, rid, category_id="moi-truong", text="Bãi rác lớn")
    assert new_uuid != rid
    rows = conn.execute("SELECT item_uuid, state, superseded_by, ref_id, item_hash FROM outbox"
                        " ORDER BY seq").fetchall()
    assert [tuple(r[:4]) for r in rows] == [(rid, "superseded", new_uuid, rid),
                                            (new_uuid, "pending", None, rid)]
    assert rows[1][4] != old_hash
    assert rows[1][4] == items.hash_for(conn, "report", rid)
    [item] = outbox.pending(conn)
    assert item.uuid == new_uuid and item.payload["tracking_code"] == code
    assert item.payload["category"] == "moi-truong" and item.payload["text"] == "Bãi rác lớn"
    assert outbox.quarantined(conn) == []
    # the report is still one report, shown with its newest outbox state
    assert len(list_reports(conn)) == 1 and get_report(conn, code).sync_state == "pending"
    with pytest.raises(KioskError) as err:
        outbox.resend_report(conn, rid, text="again")   # superseded: not quarantined any more
    assert err.value.code == "quarantine_not_found"


def test_photos_on_the_server_shrink_to_thumbnails(store: Store) -> None:
    shared = prepare_photo(jpeg_bytes((1200, 900), "red"))
    own = prepare_photo(jpeg_bytes((800, 600), "blue"))
    first = _file(store, photos=[shared, own])
    second = _file(store, text="Cùng chỗ", photos=[shared])
    conn = store.conn()
    pending = outbox.pending(conn)
    assert media.referenced(pending) == [shared.sha256, own.sha256]
    outbox.apply_result(conn, pending[:1], _result((first, "accepted")))
    # `shared` is still needed by the second, pending report: only `own` shrinks
    assert media.prune(conn) == 1
    data, thumb, on_server = conn.execute(
        "SELECT data, thumb, on_server_utc FROM media WHERE sha256 = ?", (own.sha256,)).fetchone()
    assert data is None and on_server is not None
    from PIL import Image
    import io
    with Image.open(io.BytesIO(thumb)) as img:
        assert img.format == "JPEG" and max(img.size) <= 320
    photos = report_photos(conn, first)
    assert photos[0] == shared.data and photos[1] == thumb          # data or thumb, in order
    outbox.apply_result(conn, outbox.pending(conn), _result((second, "accepted")))
    assert media.prune(conn) == 1
    assert conn.execute("SELECT count(*) FROM media WHERE data IS NULL").fetchone()[0] == 2


def test_media_never_loses_both_copies(store: Store) -> None:
    _file(store, photos=[prepare_photo(jpeg_bytes())])
    conn = store.conn()
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE media SET data = NULL")          # not on the server, no thumbnail


def test_edit_and_withdraw_only_while_the_report_has_not_left(store: Store) -> None:
    """A volunteer's edit is a NEW item (the old uuid never carries other content); a report
    sent, copied to a stick or withdrawn is refused with its own sentence."""
    conn = store.conn()
    first = file_report(store, ReportDraft(category_id="ha-tang", text="Đèn hỏng",
                                           assisted_by="TNV-0123"), channel="volunteer")
    old_uuid, old_hash = conn.execute("SELECT item_uuid, item_hash FROM outbox WHERE ref_id = ?",
                                      (first.id,)).fetchone()
    with pytest.raises(KioskError) as same:
        outbox.edit_pending_report(conn, first.id, text="Đèn hỏng")
    assert same.value.code == "report_no_change"
    with pytest.raises(KioskError) as bad:
        outbox.edit_pending_report(conn, first.id, location=(91.0, 105.0))
    assert bad.value.code == "location_invalid"
    new_uuid = outbox.edit_pending_report(conn, first.id, location=(10.5, 105.6))
    rows = dict(conn.execute("SELECT item_uuid, state FROM outbox WHERE ref_id = ?",
                             (first.id,)).fetchall())
    assert rows == {old_uuid: "superseded", new_uuid: "pending"}
    new_hash = conn.execute("SELECT item_hash FROM outbox WHERE item_uuid = ?",
                            (new_uuid,)).fetchone()[0]
    assert new_hash != old_hash and new_hash == items.hash_for(conn, "report", first.id)
    assert items.report_payload(conn, first.id)["assisted_by"] == "TNV-0123"

    conn.execute("UPDATE outbox SET exported_utc = '2026-11-20T08:00:00.000000Z'"
                 " WHERE item_uuid = ?", (new_uuid,))
    for call in (lambda: outbox.edit_pending_report(conn, first.id, text="Khác"),
                 lambda: outbox.withdraw_report(conn, first.id, "Người dân yêu cầu")):
        with pytest.raises(KioskError) as on_stick:
            call()
        assert on_stick.value.code == "report_handed_over"

    second = file_report(store, ReportDraft(category_id="khac", text="Cây đổ"))
    with pytest.raises(KioskError) as no_reason:
        outbox.withdraw_report(conn, second.id, "  ")
    assert no_reason.value.code == "text_required"
    outbox.withdraw_report(conn, second.id, "Người dân đã tự giải quyết")
    assert conn.execute("SELECT state FROM outbox WHERE ref_id = ?",
                        (second.id,)).fetchone()[0] == "withdrawn"
    assert [p.ref_id for p in outbox.pending(conn) if p.kind == "report"] == [first.id]
    with pytest.raises(KioskError) as again:
        outbox.withdraw_report(conn, second.id, "Lần nữa")
    assert again.value.code == "report_withdrawn"
    third = file_report(store, ReportDraft(category_id="khac", text="Ngập nước"))
    conn.execute("UPDATE outbox SET state = 'sent' WHERE ref_id = ?", (third.id,))
    with pytest.raises(KioskError) as sent:
        outbox.edit_pending_report(conn, third.id, text="Ngập sâu")
    assert sent.value.code == "report_already_sent"
