"""Outbox item payloads (kiosk/items.py): every payload the kiosk builds is valid on the wire, and
the hash stored at creation is the content hash of exactly what would be sent."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk import db, items
from kiosk.canonical import content_hash
from kiosk.consent import CONTACT_CONSENT
from kiosk.photos import prepare_photo
from kiosk.reports import ReportDraft, file_report
from sync.protocol import PAYLOADS
from tests.queue_support import A, queue_store, vn
from tests.support import jpeg_bytes, seeded_store


def _rows(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    return conn.execute("SELECT item_uuid, kind, ref_id, item_hash FROM outbox ORDER BY seq"
                        ).fetchall()


def _check_all(conn: sqlite3.Connection) -> set[str]:
    kinds = set()
    for _uuid, kind, ref_id, stored in _rows(conn):
        payload = items.payload(conn, kind, ref_id)
        model = PAYLOADS[kind].model_validate(payload)          # valid on the wire
        assert stored == content_hash(kind, payload)             # hash fixed at creation
        # every field present: the validated model dumps back to the very same dict
        assert model.model_dump(mode="json") == payload
        kinds.add(kind)
    return kinds


def test_report_payload_is_valid_and_hashed_when_filed(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "d")
    photos = [prepare_photo(jpeg_bytes(color="red")), prepare_photo(jpeg_bytes(color="blue"))]
    filed = file_report(store, ReportDraft(
        category_id="ha-tang", text="Đèn đường hỏng", hamlet_id="ap-hoa-binh", lat=10.5,
        lon=105.6, address="Cạnh chợ", contact_name="Trần Thị B", contact_phone="0912345678",
        consent_text=CONTACT_CONSENT["vi"], photos=photos), channel="volunteer")
    conn = store.conn()
    payload = items.report_payload(conn, filed.id)
    assert payload["tracking_code"] == filed.code
    assert payload["media"] == [p.sha256 for p in photos]          # position order
    assert payload["due_date"] == filed.due_date.isoformat()
    assert payload["channel"] == "volunteer" and payload["contact_phone"] == "0912345678"
    assert _check_all(conn) == {"report"}
    # stable: built again, the same hash
    assert items.hash_for(conn, "report", filed.id) == _rows(conn)[0][3]


def test_ticket_events_and_ratings_are_valid_and_hashed(tmp_path: Path) -> None:
    store, queue, clock = queue_store(tmp_path / "q", vn(2026, 3, 2, 8))
    ticket = queue.take(A)
    clock.advance(minutes=3)
    queue.call_next(1, clerk="Chị Lan")
    clock.advance(minutes=5)
    queue.finish(1)
    queue.rate(ticket.id, "satisfied")
    conn = store.conn()
    assert _check_all(conn) == {"ticket_event", "rating"}
    events = [items.payload(conn, k, r) for _u, k, r, _h in _rows(conn) if k == "ticket_event"]
    assert [e["event"] for e in events] == ["issued", "called", "finished"]
    assert all("clerk" not in e for e in events)          # the clerk's name stays at the office
    rating = [items.payload(conn, k, r) for _u, k, r, _h in _rows(conn) if k == "rating"][0]
    assert rating == {"subject": "ticket", "subject_id": ticket.id, "level": "satisfied",
                      "comment": None, "at": rating["at"]}


def test_rows_from_before_version_7_get_their_hash(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = db.connect(path)
    db.migrate(conn, target=6)
    conn.close()
    # file a report with the version-6 schema by hand (no item_hash column yet)
    store = seeded_store(tmp_path / "new")
    filed = file_report(store, ReportDraft(category_id="ha-tang", text="Cống nghẹt"))
    conn = store.conn()
    with db.transaction(conn):
        conn.execute("UPDATE outbox SET item_hash = NULL")
        assert items.fill_missing_hashes(conn) == 1
    assert _rows(conn)[0][3] == content_hash("report", items.report_payload(conn, filed.id))
