"""The changes feed applied to a real store: cases and dossiers mirrored, the catalog updated
without losing what reports use, holidays reaching the calendar, cursor saved with each page."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from kiosk import catalog
from kiosk.db import Store
from kiosk.reports import ReportDraft, file_report
from sync import changes
from sync.protocol import ChangesPage

T = "2026-03-02T01:00:00Z"


@pytest.fixture()
def store(tmp_path: Path):
    from tests.support import seeded_store

    s = seeded_store(tmp_path / "data")
    yield s
    s.close()


def _case(ref: str, status: str, events: list[str], code: str = "K7QM2XPD9RW") -> dict:
    return {"seq": 1, "type": "case", "case": {
        "ref": ref, "client_id": str(uuid.uuid4()), "tracking_code": code, "category": "ha-tang",
        "status": status, "unit": "Phòng Kinh tế", "created_at": T, "due_date": "2026-03-20",
        "answer": "Đã sửa đèn." if status == "resolved" else None,
        "published_at": T if status == "resolved" else None,
        "events": [{"status": s, "at": T, "note": None} for s in events]}}


def _page(cursor: str, *changes_: dict, more: bool = False) -> ChangesPage:
    return ChangesPage.model_validate({"cursor": cursor, "more": more, "changes": list(changes_)})


def test_cases_are_upserted_with_their_events(store: Store) -> None:
    conn = store.conn()
    assert changes.apply_page(conn, _page("e1.1", _case("PA-1", "received", ["received"]))) == 1
    changes.apply_page(conn, _page("e1.2", _case("PA-1", "resolved",
                                                 ["received", "in_progress", "resolved"])))
    assert tuple(conn.execute("SELECT status, answer FROM cases WHERE ref = 'PA-1'").fetchone()
                 ) == ("resolved", "Đã sửa đèn.")
    assert [r[0] for r in conn.execute(
        "SELECT status FROM case_events WHERE ref = 'PA-1' ORDER BY position")] == [
        "received", "in_progress", "resolved"]
    assert catalog.get_setting(conn, changes.CURSOR_KEY) == "e1.2"


def test_dossiers_are_mirrored(store: Store) -> None:
    conn = store.conn()
    changes.apply_page(conn, _page("e1.3", {"seq": 3, "type": "dossier", "dossier": {
        "code": "000.00.12.H56-260302-0001", "secret_sha256": "a" * 64,
        "procedure": "Đăng ký khai sinh", "status": "needs_documents", "received_at": T,
        "due_date": "2026-03-05", "new_due_date": "2026-03-09",
        "apology": "Xin lỗi ông/bà vì trễ hẹn.",
        "events": [{"status": "new", "at": T}, {"status": "needs_documents", "at": T,
                                                 "note": "Thiếu bản sao CCCD"}]}}))
    row = conn.execute("SELECT procedure, status, new_due_date FROM dossiers").fetchone()
    assert tuple(row) == ("Đăng ký khai sinh", "needs_documents", "2026-03-09")
    assert conn.execute("SELECT count(*) FROM dossier_events").fetchone()[0] == 2


def test_catalog_keeps_categories_in_use_and_updates_the_calendar(store: Store) -> None:
    conn = store.conn()
    file_report(store, ReportDraft(category_id="ha-tang", text="Đèn hỏng"))
    before = {c.id for c in catalog.categories(conn)}
    assert "moi-truong" in before
    cat = {"seq": 9, "type": "catalog", "catalog": {
        "version": 7,
        "categories": [{"id": "moi-truong", "vi": "Môi trường và rác", "en": "Environment",
                        "icon": "leaf", "reply_days": 10},
                       {"id": "dien-luc", "vi": "Điện lực", "en": "Power", "icon": "bolt",
                        "reply_days": 7}],
        "extra_holidays": ["2026-03-06"], "extra_workdays": ["2026-03-07"]}}
    changes.apply_page(conn, _page("e1.9", cat))
    after = {c.id: c for c in catalog.categories(conn)}
    # ha-tang left the province's list but a report uses it: kept; unused ones went away
    assert set(after) == {"moi-truong", "dien-luc", "ha-tang"}
    assert after["moi-truong"].name_vi == "Môi trường và rác" and after["moi-truong"].reply_days == 10
    cal = catalog.calendar(conn)
    assert date(2026, 3, 6) in cal.extra_holidays and date(2026, 3, 7) in cal.makeup_workdays
    # the province withdraws the holiday; a day set at the office stays
    local = catalog.get_setting(conn, "office.calendar")
    local["extra_holidays"].append("2026-04-30")
    catalog.set_setting(conn, "office.calendar", local)
    cat["catalog"]["extra_holidays"] = []
    changes.apply_page(conn, _page("e1.10", cat))
    cal = catalog.calendar(conn)
    assert date(2026, 3, 6) not in cal.extra_holidays and date(2026, 4, 30) in cal.extra_holidays


def test_a_failing_page_keeps_the_old_cursor(store: Store) -> None:
    conn = store.conn()
    changes.apply_page(conn, _page("e1.1", _case("PA-1", "received", ["received"])))
    bad = _case("PA-2", "received", ["received"])
    conn.execute("CREATE TRIGGER no_pa2 BEFORE INSERT ON cases WHEN NEW.ref = 'PA-2'"
                 " BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(Exception):
        changes.apply_page(conn, _page("e1.2", _case("PA-1", "assigned", ["received", "assigned"]),
                                       bad))
    assert catalog.get_setting(conn, changes.CURSOR_KEY) == "e1.1"
    assert conn.execute("SELECT status FROM cases").fetchone()[0] == "received"


def test_reset_mirror_forgets_cases_and_cursor(store: Store) -> None:
    conn = store.conn()
    changes.apply_page(conn, _page("e1.1", _case("PA-1", "received", ["received"])))
    changes.reset_mirror(conn)
    assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM case_events").fetchone()[0] == 0
    assert catalog.get_setting(conn, changes.CURSOR_KEY) is None
