"""Filing reports: every field validated, bad input refused with nothing left in the store."""
from __future__ import annotations

import io
import sqlite3
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk import catalog, clock, personal, reports
from kiosk.consent import CONTACT_CONSENT, consent_hash
from kiosk.errors import KioskError
from kiosk.messages import MESSAGES, describe
from kiosk.photos import prepare_photo
from kiosk.reports import ReportDraft, file_report, get_report, list_reports
from tests.support import counts, jpeg_bytes, seeded_store


@pytest.fixture()
def store(tmp_path: Path):
    s = seeded_store(tmp_path / "data")
    yield s
    s.close()


def draft(**kw) -> ReportDraft:
    base = dict(category_id="ha-tang", text="Đèn đường ở đầu ấp Hòa Bình bị hỏng",
                hamlet_id="ap-hoa-binh")
    base.update(kw)
    return ReportDraft(**base)


def test_files_report_photos_and_outbox_together(store) -> None:
    photo = prepare_photo(jpeg_bytes())
    filed = file_report(store, draft(photos=[photo, photo], address="Cạnh cổng chợ"))
    view = get_report(store.conn(), filed.code)
    assert view is not None and view.text == "Đèn đường ở đầu ấp Hòa Bình bị hỏng"
    assert view.hamlet == "Ấp Hòa Bình" and view.photo_count == 2 and view.anonymous
    assert view.sync_state == "pending"
    assert counts(store.path) == {"reports": 1, "media": 1, "report_media": 2, "outbox": 1}
    row = store.conn().execute("SELECT item_uuid, ref_id FROM outbox").fetchone()
    assert row[0] == row[1] == filed.id
    assert reports.report_photos(store.conn(), filed.id) == [photo.data, photo.data]


def test_stores_nfc_and_a_folded_key(store) -> None:
    nfd = unicodedata.normalize("NFD", "Rác thải ở Đường Lê Lợi")
    filed = file_report(store, draft(text=nfd))
    text, folded = store.conn().execute(
        "SELECT text, text_fold FROM reports WHERE id = ?", (filed.id,)).fetchone()
    assert text == unicodedata.normalize("NFC", nfd) and text != nfd
    assert folded == "rac thai o duong le loi"


def test_contact_needs_consent_and_hashes_the_exact_text(store) -> None:
    with pytest.raises(KioskError) as err:
        file_report(store, draft(contact_name="Nguyễn Văn A", contact_phone="0912345678"))
    assert err.value.code == "contact_needs_consent"
    assert counts(store.path)["reports"] == 0
    filed = file_report(store, draft(contact_name="Nguyễn Văn A", contact_phone="+84 912.345.678",
                                     consent_text=CONTACT_CONSENT["vi"]))
    stored_hash = store.conn().execute(
        "SELECT consent_hash FROM reports WHERE id = ?", (filed.id,)).fetchone()[0]
    phone = personal.load(store.conn(), filed.id).phone      # sealed at rest (docs/privacy.md)
    assert phone == "0912345678" and stored_hash == consent_hash(CONTACT_CONSENT["vi"])
    assert get_report(store.conn(), filed.code).phone_masked == "091****678"


def _gif() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("P", (10, 10)).save(out, "GIF")
    return out.getvalue()


def _bad_drafts() -> dict[str, tuple[callable, str]]:
    return {
        "text too long": (lambda: draft(text="ư" * 4001), "text_too_long"),
        "text empty": (lambda: draft(text="  \n "), "text_required"),
        "lone surrogate": (lambda: draft(text="hỏng \ud83d"), "text_invalid"),
        "zero-width": (lambda: draft(text="a\u200db"), "text_invalid"),
        "unknown category": (lambda: draft(category_id="nope"), "category_unknown"),
        "unknown hamlet": (lambda: draft(hamlet_id="ap-khong-co"), "hamlet_unknown"),
        "address too long": (lambda: draft(address="x" * 301), "text_too_long"),
        "address newline": (lambda: draft(address="dòng\nhai"), "text_invalid"),
        "lat without lon": (lambda: draft(lat=10.5), "location_invalid"),
        "lat out of range": (lambda: draft(lat=91.0, lon=105.0), "location_invalid"),
        "lon nan": (lambda: draft(lat=10.0, lon=float("nan")), "location_invalid"),
        "phone letters": (lambda: draft(contact_phone="09123abc78",
                                        consent_text="x"), "phone_invalid"),
        "phone short": (lambda: draft(contact_phone="09123", consent_text="x"), "phone_invalid"),
        "phone fullwidth digits": (lambda: draft(contact_phone="０９１２３４５６７８",
                                                 consent_text="x"), "phone_invalid"),
        "name too long": (lambda: draft(contact_name="A" * 101, consent_text="x"),
                          "text_too_long"),
        "name only, no consent": (lambda: draft(contact_name="Lê Thị B"), "contact_needs_consent"),
        "four photos": (lambda: draft(photos=[prepare_photo(jpeg_bytes())] * 4),
                        "too_many_photos"),
    }


@pytest.mark.parametrize("case", list(_bad_drafts()))
def test_bad_input_is_refused_and_changes_nothing(store, case: str) -> None:
    make, code = _bad_drafts()[case]
    before = counts(store.path)
    with pytest.raises(KioskError) as err:
        file_report(store, make())
    assert err.value.code == code
    assert counts(store.path) == before == {"reports": 0, "media": 0, "report_media": 0,
                                            "outbox": 0}
    sentence = describe(err.value)
    assert sentence and "{" not in sentence and "Lỗi:" not in sentence
    assert describe(err.value, "en") != sentence


@pytest.mark.parametrize("make, code", [
    (lambda: _gif(), "photo_format"),
    (lambda: jpeg_bytes()[: len(jpeg_bytes()) // 2], "photo_corrupt"),
    (lambda: b"\xff\xd8\xff" + b"\0" * (30 * 1024 * 1024), "photo_too_large"),
    (lambda: b"", "photo_format"),
])
def test_bad_photos_never_reach_the_store(store, make, code) -> None:
    with pytest.raises(KioskError) as err:
        file_report(store, draft(photos=[prepare_photo(make())]))
    assert err.value.code == code
    assert counts(store.path)["media"] == 0


def test_every_error_code_has_both_languages() -> None:
    for code, (vi, en) in MESSAGES.items():
        assert vi and en and unicodedata.is_normalized("NFC", vi), code


def test_refuses_when_disk_is_low(store) -> None:
    conn = store.conn()
    conn.execute("INSERT INTO settings (key, value) VALUES ('storage.min_free_mb', '999999999')")
    with pytest.raises(KioskError) as err:
        file_report(store, draft())
    assert err.value.code == "disk_low"
    assert counts(store.path)["reports"] == 0


def test_clock_running_backwards_never_dates_before_the_newest(store, monkeypatch) -> None:
    first = file_report(store, draft())
    newest = clock.from_iso(first.created_utc)
    earlier = newest - timedelta(days=3650)
    monkeypatch.setattr(reports, "utc_now", lambda: earlier)
    check = clock.check_clock(store.conn(), earlier)
    assert check.behind and check.newest == newest
    second = file_report(store, draft())
    assert clock.from_iso(second.created_utc) >= newest
    device = store.conn().execute("SELECT device_utc FROM reports WHERE id = ?",
                                  (second.id,)).fetchone()[0]
    assert clock.from_iso(device) == earlier  # what the clock said is kept for the server


def test_due_date_uses_the_category_deadline(store, monkeypatch) -> None:
    # Monday 23/11/2026 10:00 in Hà Nội; ha-tang answers in 10 working days, counted from
    # Tuesday; 24/11 is Vietnam Culture Day (a holiday from 2026), so day 10 is Tue 08/12.
    monday = datetime(2026, 11, 23, 3, 0, tzinfo=timezone.utc)
    monkeypatch.setattr(reports, "utc_now", lambda: monday)
    filed = file_report(store, draft())
    assert catalog.category(store.conn(), "ha-tang").reply_days == 10
    assert filed.due_date.isoformat() == "2026-12-08"


def test_list_is_newest_first_and_limited(store) -> None:
    codes_ = [file_report(store, draft(text=f"phản ánh {i}")).code for i in range(4)]
    listed = [v.code for v in list_reports(store.conn())]
    assert listed == codes_[::-1]
    assert len(list_reports(store.conn(), limit=2)) == 2


def test_lookup_forgives_typing_and_rejects_typos(store) -> None:
    filed = file_report(store, draft())
    typed = "-".join([filed.code[:4], filed.code[4:8], filed.code[8:]]).lower()
    assert get_report(store.conn(), typed).id == filed.id
    wrong = filed.code[:-1] + ("0" if filed.code[-1] != "0" else "1")
    with pytest.raises(KioskError) as err:
        get_report(store.conn(), wrong)
    assert err.value.code == "code_invalid"


def test_check_constraints_guard_the_store_too(store) -> None:
    """Even a bug that skips validation cannot store text past its bound."""
    file_report(store, draft())
    with pytest.raises(sqlite3.IntegrityError):
        store.conn().execute("UPDATE reports SET text = ?", ("x" * 4001,))


def test_count_filed_on_uses_the_office_day(store, monkeypatch) -> None:
    # Office-local dates (UTC+7): 09/03 17:00 is yesterday; 10/03 08:00 and 09:30 are today.
    filed_at = iter([datetime(2026, 3, 9, 10, 0, tzinfo=timezone.utc),
                     datetime(2026, 3, 10, 1, 0, tzinfo=timezone.utc),
                     datetime(2026, 3, 10, 2, 30, tzinfo=timezone.utc)])
    monkeypatch.setattr(reports, "utc_now", lambda: next(filed_at))
    for _ in range(3):
        file_report(store, draft())
    noon = datetime(2026, 3, 10, 5, 0, tzinfo=timezone.utc)
    assert reports.count_filed_on(store.conn(), noon, "Asia/Ho_Chi_Minh") == 2
    assert reports.count_filed_on(store.conn(), noon - timedelta(days=1), "Asia/Ho_Chi_Minh") == 1
    assert reports.count_filed_on(store.conn(), noon, "UTC") == 2
