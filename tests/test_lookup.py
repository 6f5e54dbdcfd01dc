"""Offline case lookup over a real store: the mirror filled through sync.changes.apply_page with
real CaseSnapshot / DossierSnapshot payloads, the kiosk's own reports filed by file_report."""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import catalog, codes, lookup_throttle
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.lookup import (
    as_of_words, due_words, dossier_secret_hash, is_dossier_code, lookup, published_results,
    result_categories, result_months,
)
from kiosk.messages import describe
from kiosk.messages_lookup import DOSSIER_STATUS, REPORT_STATUS
from kiosk.reports import ReportDraft, file_report
from sync import changes
from sync.protocol import ChangesPage, dossier_secret_hash as wire_secret_hash

T0 = "2026-03-02T01:00:00Z"                      # Monday 08:00 in the office
NOW = datetime(2026, 3, 4, 3, 0, tzinfo=timezone.utc)
DOSSIER = "000.00.12.H56-260302-0001"
SECRET = "K3P9ZQ"
COMMON_LIST = ["Mới đăng ký", "Được tiếp nhận", "Không được tiếp nhận", "Đang xử lý",
               "Yêu cầu bổ sung giấy tờ", "Yêu cầu thực hiện nghĩa vụ tài chính",
               "Công dân yêu cầu rút hồ sơ", "Dừng xử lý", "Đã xử lý xong", "Đã trả kết quả"]
_seq = iter(range(1, 10**9))


# --- filling the mirror the way the sync does ---------------------------------------------

def case(code: str, status: str = "received", events: list[tuple[str, str]] | None = None, *,
         due: str = "2026-03-16", answer: str | None = None, published: str | None = None,
         unit: str | None = "Phòng Kinh tế", category: str = "ha-tang",
         ref: str | None = None, note: str | None = None) -> dict[str, Any]:
    events = events if events is not None else [("received", T0)]
    return {"seq": next(_seq), "type": "case", "case": {
        "ref": ref or f"PA-{code}", "client_id": str(uuid.uuid4()), "tracking_code": code,
        "category": category, "status": status, "unit": unit, "created_at": T0,
        "due_date": due, "answer": answer, "published_at": published,
        "events": [{"status": s, "at": at, "note": note, "unit": unit} for s, at in events]}}


def dossier(code: str = DOSSIER, status: str = "processing", secret: str = SECRET, *,
            due: str = "2026-03-16", new_due: str | None = None, apology: str | None = None,
            collect_at: str | None = "Bộ phận một cửa UBND xã, quầy 2",
            events: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    events = events if events is not None else [("new", T0), (status, T0)]
    return {"seq": next(_seq), "type": "dossier", "dossier": {
        "code": code, "secret_sha256": wire_secret_hash(code, secret),
        "procedure": "Đăng ký khai sinh", "status": status, "received_at": T0,
        "due_date": due, "new_due_date": new_due, "apology": apology,
        "collect_at": collect_at,
        "events": [{"status": s, "at": at, "note": "Ghi chú công khai"} for s, at in events]}}


def apply(conn: sqlite3.Connection, *items: dict[str, Any]) -> None:
    changes.apply_page(conn, ChangesPage.model_validate(
        {"cursor": f"c{next(_seq)}", "more": False, "changes": list(items)}))


def new_code() -> str:
    return codes.new_code()


def utc(y: int, m: int, d: int, hh: int = 3) -> datetime:
    return datetime(y, m, d, hh, tzinfo=timezone.utc)


def failures(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM lookup_failures").fetchone()[0]


def nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- reports ------------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["received", "assigned", "in_progress", "resolved",
                                    "rejected"])
def test_every_report_status_in_plain_vietnamese(store: Store, status: str) -> None:
    conn = store.conn()
    code = new_code()
    answered = status in ("resolved", "rejected")
    events = [("received", T0)] + ([(status, "2026-03-03T02:00:00Z")]
                                   if status != "received" else [])
    apply(conn, case(code, status, events, answer="Đã sửa xong đèn đường." if answered else None,
                     published="2026-03-03T03:00:00Z" if answered else None))
    result = lookup(conn, codes.grouped(code).lower(), now=NOW)
    assert (result.kind, result.status, result.code) == ("report", status, codes.grouped(code))
    assert result.status_vi == REPORT_STATUS[status][0] and nfc(result.status_vi)
    assert result.title_vi == "Hạ tầng (điện, đường, nước, chiếu sáng)"
    assert result.unit == "Phòng Kinh tế" and result.due == date(2026, 3, 16)
    assert [e.status for e in result.events] == [s for s, _ in events]
    assert all(nfc(e.text_vi) and e.text_vi == REPORT_STATUS[e.status][0] for e in result.events)
    assert result.answered is answered and result.can_rate is answered
    assert (result.answer == "Đã sửa xong đèn đường.") is answered
    data = result.as_json()
    assert data["status_text"] == REPORT_STATUS[status][0] and data["due"] == "2026-03-16"
    json.dumps(data)    # plain JSON


def test_words_are_distinct_and_nfc() -> None:
    for table in (REPORT_STATUS, DOSSIER_STATUS):
        assert len({vi for vi, _ in table.values()}) == len(table)
        assert all(nfc(vi) and nfc(en) for vi, en in table.values())


def test_unsynced_report_is_saved_at_the_commune(store: Store) -> None:
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Rác tồn đọng"))
    conn = store.conn()
    result = lookup(conn, filed.code)
    assert result.status == "not_sent"
    assert result.status_vi == "Đã lưu tại xã, chờ gửi lên tỉnh"
    assert result.due == filed.due_date and result.days_left is not None
    assert [e.status for e in result.events] == ["filed"] and result.as_of is None
    assert not result.can_rate and not result.answered
    # Sent but the case has not come back through the feed yet.
    conn.execute("UPDATE outbox SET state = 'sent', sent_utc = ? WHERE ref_id = ?",
                 ("2026-11-22T08:00:00.000000Z", filed.id))
    result = lookup(conn, filed.code)
    assert result.status == "sent" and result.status_vi == "Đã gửi lên tỉnh, chờ tiếp nhận"
    assert [e.status for e in result.events] == ["filed", "sent"]
    # Then the province's case arrives: its status wins.
    apply(conn, case(filed.code, "assigned", [("received", T0), ("assigned", T0)]))
    synced = lookup(conn, filed.code)
    assert synced.status == "assigned"
    # The filing time on this kiosk stays first, before the server's events (received at upload).
    assert [e.status for e in synced.events] == ["filed", "received", "assigned"]
    created = conn.execute("SELECT created_utc FROM reports WHERE id = ?", (filed.id,)).fetchone()
    assert synced.events[0].at_utc == created[0]
    assert synced.events[0].text_vi == "Tiếp nhận tại xã"


def test_quarantined_report_is_still_at_the_commune(store: Store) -> None:
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Rác tồn đọng"))
    store.conn().execute("UPDATE outbox SET state = 'quarantined' WHERE ref_id = ?", (filed.id,))
    assert lookup(store.conn(), filed.code).status == "not_sent"


def test_last_sync_time_is_shown(store: Store) -> None:
    conn = store.conn()
    code = new_code()
    apply(conn, case(code))
    catalog.set_setting(conn, "sync.last_success", "2026-03-04T07:05:00.000000Z")
    result = lookup(conn, code, now=NOW)
    assert result.as_of == "2026-03-04T07:05:00.000000Z"
    assert as_of_words(result.as_of, "Asia/Ho_Chi_Minh") == "Cập nhật lúc 14:05 04/03/2026"
    assert as_of_words(None, "Asia/Ho_Chi_Minh").startswith("Chưa cập nhật")


# --- due dates ----------------------------------------------------------------------------

def test_days_left_and_overdue_across_national_day(store: Store) -> None:
    conn = store.conn()
    code = new_code()
    apply(conn, case(code, "in_progress", due="2026-08-28"))     # a Friday before 2/9
    # 31/8, 1/9 and 2/9/2026 are days off: Mon 31/8 … Fri 4/9 holds only 3/9 and 4/9.
    late = lookup(conn, code, now=utc(2026, 9, 4))
    assert (late.overdue_days, late.days_left) == (2, None)
    assert due_words(late) == "28/08/2026 (quá hạn 2 ngày làm việc)"
    early = lookup(conn, code, now=utc(2026, 8, 26))             # Wednesday
    assert (early.overdue_days, early.days_left) == (0, 2)
    assert due_words(early) == "28/08/2026 (còn 2 ngày làm việc)"
    assert lookup(conn, code, now=utc(2026, 8, 28)).days_left == 0
    assert "hôm nay" in (due_words(lookup(conn, code, now=utc(2026, 8, 28))) or "")


def test_overdue_across_tet(store: Store) -> None:
    conn = store.conn()
    code = new_code()
    apply(conn, case(code, "assigned", due="2027-02-03"))
    # Tết 2027: 4–10 February off; the first working days after are Thu 11 and Fri 12.
    assert lookup(conn, code, now=utc(2027, 2, 12)).overdue_days == 2
    assert lookup(conn, code, now=utc(2027, 2, 9)).overdue_days == 0


def test_answered_on_time_is_never_overdue(store: Store) -> None:
    conn = store.conn()
    code = new_code()
    apply(conn, case(code, "resolved", [("received", T0), ("resolved", "2026-03-13T02:00:00Z")],
                     due="2026-03-16", answer="Đã xử lý.", published="2026-03-13T02:00:00Z"))
    result = lookup(conn, code, now=utc(2026, 6, 1))
    assert (result.overdue_days, result.days_left, result.answered) == (0, None, True)
    assert due_words(result) == "16/03/2026 (đúng hạn)"


def test_answered_late_stays_as_late_as_it_was(store: Store) -> None:
    conn = store.conn()
    code = new_code()
    apply(conn, case(code, "rejected", [("received", T0), ("rejected", "2026-03-18T02:00:00Z")],
                     due="2026-03-16", answer="Không thuộc thẩm quyền của xã.",
                     published="2026-03-18T02:00:00Z"))
    for now in (utc(2026, 3, 20), utc(2026, 12, 1)):
        assert lookup(conn, code, now=now).overdue_days == 2        # Tue 17, Wed 18
    assert due_words(lookup(conn, code, now=NOW)) == "16/03/2026 (trễ hạn 2 ngày làm việc)"


# --- dossiers -----------------------------------------------------------------------------

def test_dossier_codes_are_told_apart_from_report_codes() -> None:
    assert is_dossier_code(DOSSIER) and is_dossier_code(" 000.00.12.h56-260302-0001 ")
    assert not is_dossier_code("K7QM-2XPD-9RW") and not is_dossier_code(new_code())
    assert not is_dossier_code(codes.grouped(new_code()))


@pytest.mark.parametrize("status", list(DOSSIER_STATUS))
def test_every_dossier_status_in_the_common_words(store: Store, status: str) -> None:
    conn = store.conn()
    apply(conn, dossier(status=status))
    result = lookup(conn, DOSSIER, SECRET, now=NOW)
    assert (result.kind, result.status, result.code) == ("dossier", status, DOSSIER)
    assert result.status_vi == COMMON_LIST[list(DOSSIER_STATUS).index(status)]
    assert nfc(result.status_vi) and result.title_vi == "Đăng ký khai sinh"
    assert result.collect_at == "Bộ phận một cửa UBND xã, quầy 2"
    assert [e.text_vi for e in result.events] == ["Mới đăng ký", result.status_vi]
    assert result.events[1].note == "Ghi chú công khai"
    assert not result.can_rate and result.answer is None


def test_late_dossier_shows_apology_and_new_date(store: Store) -> None:
    conn = store.conn()
    apply(conn, dossier(status="processing", due="2026-03-05", new_due="2026-03-12",
                        apology="UBND xã xin lỗi ông/bà vì hồ sơ trễ hẹn."))
    result = lookup(conn, DOSSIER, SECRET, now=NOW)
    assert result.apology == "UBND xã xin lỗi ông/bà vì hồ sơ trễ hẹn."
    assert (result.due, result.new_due) == (date(2026, 3, 5), date(2026, 3, 12))
    assert result.overdue_days == 0 and result.days_left == 6     # counted to the new date
    assert result.as_json()["new_due"] == "2026-03-12"


def test_dossier_needs_the_right_secret(store: Store) -> None:
    conn = store.conn()
    apply(conn, dossier())
    assert dossier_secret_hash(DOSSIER, " k3p9zq ") == wire_secret_hash(DOSSIER, SECRET)
    for secret in (None, "", "  12 "):
        with pytest.raises(KioskError) as err:
            lookup(conn, DOSSIER, secret, now=NOW)
        assert err.value.code == "dossier_secret_needed"
        assert "ít nhất 6 ký tự" in describe(err.value)
    assert failures(conn) == 0                 # asking for the secret reveals nothing
    with pytest.raises(KioskError) as err:
        lookup(conn, DOSSIER, "ZZZZZZ", now=NOW)
    assert err.value.code == "dossier_secret_wrong"
    with pytest.raises(KioskError) as err:
        lookup(conn, "000.00.12.H56-260302-0002", SECRET, now=NOW)
    assert err.value.code == "lookup_not_found"
    assert failures(conn) == 2
    assert lookup(conn, DOSSIER.lower(), " k3p9zq", now=NOW).status == "processing"


# --- failed tries -------------------------------------------------------------------------

def test_typo_caught_by_check_character_touches_no_table(store: Store) -> None:
    conn = store.conn()
    good = new_code()
    typo = good[:-1] + next(ch for ch in codes.ALPHABET if ch != good[-1])
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        with pytest.raises(KioskError) as err:
            lookup(conn, typo, now=NOW)
    finally:
        conn.set_trace_callback(None)
    assert err.value.code == "code_invalid" and seen == []
    assert failures(conn) == 0


def test_unknown_code_is_counted_and_said_plainly(store: Store) -> None:
    conn = store.conn()
    with pytest.raises(KioskError) as err:
        lookup(conn, new_code(), now=NOW)
    assert err.value.code == "lookup_not_found" and failures(conn) == 1
    assert "Không tìm thấy" in describe(err.value)
    assert "No report or dossier" in describe(err.value, "en")


def test_wait_escalates_doubles_and_is_capped() -> None:
    assert [lookup_throttle.wait_after(n) for n in range(1, 12)] == [
        0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900]


def _fail(conn: sqlite3.Connection, now: datetime, scope: str = "kiosk") -> None:
    with pytest.raises(KioskError) as err:
        lookup(conn, new_code(), now=now, scope=scope)
    assert err.value.code == "lookup_not_found"


def _slowed(conn: sqlite3.Connection, typed: str, now: datetime, secret: str | None = None,
            scope: str = "kiosk") -> int:
    with pytest.raises(KioskError) as err:
        lookup(conn, typed, secret, now=now, scope=scope)
    assert err.value.code == "lookup_slow_down", err.value.code
    return int(err.value.params["seconds"])


def test_repeated_failures_slow_down_and_survive_a_restart(tmp_path: Path) -> None:
    from tests.support import seeded_store

    store = seeded_store(tmp_path / "d")
    conn = store.conn()
    known = new_code()
    apply(conn, case(known))
    t = NOW
    for i in range(4):
        _fail(conn, t + timedelta(seconds=i))
    t += timedelta(seconds=4)
    _fail(conn, t)                                              # the 5th: 30 s from now on
    # Even a correct code waits: the wait is for the device, not for the code.
    assert _slowed(conn, known, t + timedelta(seconds=1)) == 29
    store.close()
    store = Store(tmp_path / "d")                               # idle wipe, restart, crash
    conn = store.conn()
    assert _slowed(conn, known, t + timedelta(seconds=10)) == 20
    error = KioskError("lookup_slow_down", seconds=20, wait_vi="20 giây", wait_en="20 seconds")
    assert "đợi 20 giây" in describe(error) and "wait 20 seconds" in describe(error, "en")
    t += timedelta(seconds=31)
    assert lookup(conn, known, now=t).status == "received"      # success resets nothing
    _fail(conn, t)                                              # 6th: 60 s
    assert _slowed(conn, known, t + timedelta(seconds=1)) == 59
    for _ in range(4):                                          # 7th … 10th
        t += timedelta(seconds=lookup_throttle.MAX_WAIT_S)
        _fail(conn, t)
    assert _slowed(conn, known, t + timedelta(seconds=1)) == lookup_throttle.MAX_WAIT_S - 1
    # A quiet quarter of an hour after the wait forgives the streak.
    t += timedelta(seconds=lookup_throttle.MAX_WAIT_S + lookup_throttle.QUIET_S + 1)
    _fail(conn, t)
    assert lookup(conn, known, now=t + timedelta(seconds=1)).status == "received"
    store.close()


def test_slow_down_is_per_device(store: Store) -> None:
    conn = store.conn()
    known = new_code()
    apply(conn, case(known))
    for i in range(5):
        _fail(conn, NOW + timedelta(seconds=i), scope="quay-1")
    assert _slowed(conn, known, NOW + timedelta(seconds=6), scope="quay-1") > 0
    assert lookup(conn, known, now=NOW + timedelta(seconds=6), scope="kiosk").status


def test_wrong_secrets_are_counted_per_dossier_code(store: Store) -> None:
    conn = store.conn()
    other = "000.00.12.H56-260302-0002"
    apply(conn, dossier(), dossier(code=other, secret="M4XW7R"))
    t = NOW
    for i in range(5):          # five different kiosks: the dossier's own count still grows
        with pytest.raises(KioskError) as err:
            lookup(conn, DOSSIER, f"WRONG{i}X", now=t, scope=f"kiosk-{i}")
        assert err.value.code == "dossier_secret_wrong"
    assert _slowed(conn, DOSSIER, t + timedelta(seconds=1), SECRET, scope="kiosk-9") == 29
    # Another dossier and the same devices are unaffected; its correct lookup resets nothing.
    assert lookup(conn, other, "m4xw7r", now=t, scope="kiosk-9").status == "processing"
    assert lookup(conn, other, "M4XW7R", now=t, scope="kiosk-0").status == "processing"
    assert _slowed(conn, DOSSIER, t + timedelta(seconds=2), SECRET, scope="kiosk-9") == 28
    assert lookup(conn, DOSSIER, SECRET, now=t + timedelta(seconds=31)).status == "processing"


def test_a_clock_set_back_does_not_lock_the_kiosk_for_years(store: Store) -> None:
    conn = store.conn()
    for i in range(5):
        _fail(conn, NOW + timedelta(seconds=i))
    # The failures now lie "in the future": they still count, but only for the wait they
    # earned (30 s), never until the clock catches up with them.
    for back in (datetime(2000, 1, 1, tzinfo=timezone.utc), NOW - timedelta(hours=1)):
        assert lookup_throttle.seconds_to_wait(conn, scope="kiosk", now=back) == 30


# --- published results --------------------------------------------------------------------

def test_published_results_by_category_and_month(store: Store) -> None:
    conn = store.conn()
    a, b, c, d = (new_code() for _ in range(4))
    apply(conn,
          case(a, "resolved", [("received", T0), ("resolved", "2026-03-05T02:00:00Z")],
               answer="Đã sửa đèn.", published="2026-03-05T02:00:00Z"),
          # 31/3 20:00 UTC is 1/4 03:00 in the office: April's result.
          case(b, "rejected", [("received", T0), ("rejected", "2026-03-31T20:00:00Z")],
               category="moi-truong", answer="Không thuộc thẩm quyền.",
               published="2026-03-31T20:00:00Z"),
          case(c, "in_progress"),
          case(d, "resolved", [("received", T0), ("resolved", T0)]))  # answer not published
    everything = published_results(conn)
    assert [r.code for r in everything] == [codes.grouped(b), codes.grouped(a)]
    assert [r.code for r in published_results(conn, month="2026-04")] == [codes.grouped(b)]
    assert [r.code for r in published_results(conn, "ha-tang")] == [codes.grouped(a)]
    assert published_results(conn, "ha-tang", "2026-04") == []
    assert result_months(conn) == ["2026-04", "2026-03"]
    assert [c[0] for c in result_categories(conn)] == ["moi-truong", "ha-tang"]
    assert everything[1].category_vi.startswith("Hạ tầng") and everything[1].answer
    assert published_results(conn, limit=1)[0].code == codes.grouped(b)


# --- nothing personal, whatever is typed --------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng"]
_name = st.builds(lambda f, m, g: f"{f} {m} {g}", st.sampled_from(FAMILY),
                  st.sampled_from(["Văn", "Thị", "Hữu", "Ngọc"]),
                  st.text(alphabet="ĂÂÊÔƠƯĐăâêôơưđxyzqw", min_size=5, max_size=9))
_phone = st.from_regex(r"0[35789][0-9]{8}", fullmatch=True)
_status = st.sampled_from(["received", "assigned", "in_progress", "resolved", "rejected"])


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(_name, _phone, st.one_of(st.none(), _status)),
                       min_size=1, max_size=4))
def test_no_lookup_ever_shows_personal_data(store: Store, people: list) -> None:
    conn = store.conn()
    for name, phone, status in people:
        filed = file_report(store, ReportDraft(
            category_id="an-ninh-trat-tu", text=f"Tôi là {name}, gọi {phone} nhé",
            address=f"Nhà {name}", contact_name=name, contact_phone=phone,
            consent_text="Tôi đồng ý cho xã liên hệ"))
        if status is not None:
            answered = status in ("resolved", "rejected")
            apply(conn, case(filed.code, status,
                             [("received", T0)] + ([(status, T0)] if answered else []),
                             answer="Đã xác minh và xử lý." if answered else None,
                             published=T0 if answered else None, ref=str(uuid.uuid4())))
        shown = json.dumps(lookup(conn, filed.code, now=NOW).as_json(), ensure_ascii=False)
        shown += json.dumps([r.__dict__ for r in published_results(conn)], ensure_ascii=False)
        assert name not in shown and name.split()[-1] not in shown
        assert phone not in shown and phone[1:] not in shown
        assert phone[:3] + "*" not in shown                      # not even the masked form
        assert re.search(r"\d{7,}", shown) is None, shown        # no phone-like digit run


def test_working_day_tables_match_a_day_by_day_walk() -> None:
    from kiosk.lookup import _working_days_between
    from kiosk.workdays import OfficeCalendar, is_working_day

    cal = OfficeCalendar(extra_holidays=[date(2026, 12, 31)], makeup_workdays=[date(2027, 1, 9)])
    for start, end in [(date(2026, 12, 20), date(2027, 2, 20)), (date(2026, 8, 28),
                       date(2026, 9, 4)), (date(1999, 12, 1), date(2000, 1, 31)),
                       (date(2026, 3, 2), date(2026, 3, 2)), (date(2026, 3, 9), date(2026, 3, 2))]:
        walked = sum(is_working_day(cal, start + timedelta(n))
                     for n in range(1, (end - start).days + 1))
        assert _working_days_between(cal, start, end) == walked, (start, end)
