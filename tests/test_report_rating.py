"""Rating a report's answer: once per code, only when answered, committed with its outbox row,
and a payload the province validates and accepts."""
from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from kiosk import codes, items
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.lookup import lookup
from kiosk.messages import describe
from kiosk.report_rating import rate_report, rating_of
from kiosk.reports import ReportDraft, file_report
from sync.protocol import RatingPayload, content_hash
from tests.test_lookup import NOW, T0, apply, case

ANSWERED_AT = "2026-03-03T02:00:00Z"


def answered(conn: sqlite3.Connection, status: str = "resolved",
             answer: str | None = "Đã sửa đèn đường.") -> str:
    code = codes.new_code()
    apply(conn, case(code, status, [("received", T0), (status, ANSWERED_AT)], answer=answer,
                     published=ANSWERED_AT if answer else None))
    return code


def outbox_ratings(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT item_uuid, ref_id, item_hash, state FROM outbox"
                        " WHERE kind = 'rating'").fetchall()


@pytest.mark.parametrize("status", ["resolved", "rejected"])
def test_rating_once_goes_to_the_outbox(store: Store, status: str) -> None:
    conn = store.conn()
    code = answered(conn, status)
    assert lookup(conn, code, now=NOW).can_rate
    rate_report(store, codes.grouped(code).lower(), "acceptable", "  Khá ổn, cảm ơn xã  ")
    [row] = outbox_ratings(conn)
    assert row["state"] == "pending" and row["item_uuid"] == row["ref_id"]
    payload = items.payload(conn, "rating", row["ref_id"])
    wire = RatingPayload.model_validate(payload)
    assert (wire.subject, wire.subject_id, wire.level) == ("report", code, "acceptable")
    assert wire.comment == "Khá ổn, cảm ơn xã"
    assert wire.model_dump(mode="json") == payload          # the hash is the same either way
    assert row["item_hash"] == content_hash("rating", payload)
    assert rating_of(conn, code) == "acceptable"
    after = lookup(conn, code, now=NOW)
    assert after.rated and not after.can_rate
    with pytest.raises(KioskError) as err:
        rate_report(conn, code, "satisfied")
    assert err.value.code == "already_rated" and "đã được đánh giá" in describe(err.value)
    assert len(outbox_ratings(conn)) == 1


def test_no_comment_is_null(store: Store) -> None:
    conn = store.conn()
    code = answered(conn)
    rate_report(store, code, "unsatisfied")
    payload = items.payload(conn, "rating", outbox_ratings(conn)[0]["ref_id"])
    assert payload["comment"] is None and payload["level"] == "unsatisfied"


def test_only_an_answered_report_can_be_rated(store: Store) -> None:
    conn = store.conn()
    in_progress = codes.new_code()
    apply(conn, case(in_progress, "in_progress", [("received", T0), ("in_progress", T0)]))
    no_answer = answered(conn, "resolved", answer=None)
    local = file_report(store, ReportDraft(category_id="ha-tang", text="Ổ gà")).code
    for code in (in_progress, no_answer, local):
        with pytest.raises(KioskError) as err:
            rate_report(store, code, "satisfied")
        assert err.value.code == "not_answered_yet"
    assert outbox_ratings(conn) == []
    assert conn.execute("SELECT count(*) FROM report_ratings").fetchone()[0] == 0


def test_bad_input_is_refused_before_anything_is_written(store: Store) -> None:
    conn = store.conn()
    code = answered(conn)
    cases = [("K7QM-2XPD-9RX", "satisfied", None, "code_invalid"),
             (code, "rat-tot", None, "rating_level"),
             (code, "satisfied", "x" * 501, "rating_comment_too_long"),
             (code, "satisfied", "ẩn\u200bký tự", "rating_comment_invalid")]
    for typed, level, comment, expected in cases:
        with pytest.raises(KioskError) as err:
            rate_report(store, typed, level, comment)
        assert err.value.code == expected
        assert not describe(err.value).startswith("Lỗi:")          # a real sentence
    assert outbox_ratings(conn) == []
    rate_report(store, code, "satisfied", "x" * 500)              # the limit itself is fine


def test_unknown_code_counts_as_a_failed_try(store: Store) -> None:
    conn = store.conn()
    with pytest.raises(KioskError) as err:
        rate_report(store, codes.new_code(), "satisfied")
    assert err.value.code == "lookup_not_found"
    assert conn.execute("SELECT count(*) FROM lookup_failures").fetchone()[0] == 1


def test_rating_is_throttled_like_a_lookup(store: Store) -> None:
    conn = store.conn()
    code = answered(conn)
    for i in range(5):
        with pytest.raises(KioskError):
            lookup(conn, codes.new_code(), now=NOW + timedelta(seconds=i))
    with pytest.raises(KioskError) as err:
        rate_report(store, code, "satisfied", now=NOW + timedelta(seconds=5))
    assert err.value.code == "lookup_slow_down"


def test_the_province_accepts_the_rating(store: Store, province) -> None:  # noqa: ANN001
    """The rating the kiosk queued, sent as the sync sends it, after its report."""
    from tests.server_support import enrol_device, post_batch

    conn = store.conn()
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Rác đầu ngõ"))
    apply(conn, case(filed.code, "resolved", [("received", T0), ("resolved", ANSWERED_AT)],
                     answer="Đã thu gom.", published=ANSWERED_AT))
    rate_report(store, filed.code, "satisfied", "Nhanh")
    token = enrol_device(province.url, province.enrol_code())[1]
    rows = conn.execute("SELECT item_uuid, kind, ref_id, item_hash, created_utc FROM outbox"
                        " ORDER BY seq").fetchall()
    batch = [{"uuid": r["item_uuid"], "kind": r["kind"], "hash": r["item_hash"],
              "created_at": r["created_utc"], "payload": items.payload(conn, r["kind"],
                                                                         r["ref_id"])}
             for r in rows]
    answer = post_batch(province.url, token, batch)
    assert answer.status_code == 200, answer.text
    assert [(r["status"], r["reason"]) for r in answer.json()["results"]] == [
        ("accepted", None), ("accepted", None)]
