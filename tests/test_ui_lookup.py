"""Looking up a case at the kiosk through real widgets on a real store: the code typed on the key
pad, scanned by a USB scanner on any screen or shown to the camera as a receipt's QR; the
report's status, timeline, due date and answer; a stale-status warning; one rating per report;
a report not yet sent; every status in words; a dossier behind its secret; wrong codes and the
slow-down; the published results browser; the idle wipe; the status slip."""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk import catalog, codes
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.lookup import due_words
from kiosk.messages import describe
from kiosk.messages_lookup import DOSSIER_STATUS, REPORT_STATUS
from kiosk.reports import ReportDraft, file_report
from sync import changes
from sync.protocol import ChangesPage, dossier_secret_hash
from tests.printer_loopback import LoopbackPrinter, decode_escpos
from ui.i18n import LANG
from ui.screens import lookup as lookup_screen
from ui.screens.state import HOME, LOOKUP, LOOKUP_RESULT, QUEUE_CODE, RESULTS
from ui.shell import Shell

CODE = "K7QM2XPD9RR"                      # a valid tracking code (check symbol R)
TYPO = "K7QM2XPD9RW"                      # one symbol off: the check character catches it
DOSSIER = "000.00.12.H56-260302-0001"
SECRET = "X7K2M9"
NOTE = "Đã thay bóng đèn mới"
ANSWER = "Đã thay bóng đèn và kiểm tra lại đường dây. Cảm ơn ông/bà đã phản ánh."


# --- putting cases into the mirror the way sync does ---------------------------------------------

def code_for(index: int, tag: str) -> str:
    """A valid tracking code: 2 digits, 8 symbols of `tag` (padded), and the check symbol."""
    payload = (f"{index:02d}{tag}" + "00000000")[:10]
    return payload + codes.check_symbol(payload)


def iso(days: float = 0) -> str:
    return (utc_now() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


def put_case(store: Store, code: str = CODE, status: str = "resolved", *,
             events: list[str] | None = None, category: str = "ha-tang",
             answer: str | None = ANSWER, filed_days: float = -20, due_days: int = 10,
             published_days: float = -1, ref: str | None = None) -> None:
    events = events or ["received", "assigned", "in_progress", status][
        :None if status in ("resolved", "rejected", "in_progress") else 1]
    answered = status in ("resolved", "rejected")
    case = {
        "ref": ref or f"PA-{code}", "client_id": str(uuid.uuid4()), "tracking_code": code,
        "category": category, "status": status, "unit": "Phòng Kinh tế",
        "created_at": iso(filed_days),
        "due_date": (utc_now() + timedelta(days=due_days)).date().isoformat(),
        "answer": answer if answered else None,
        "published_at": iso(published_days) if answered else None,
        "events": [{"status": s, "at": iso(filed_days + i), "unit": "Phòng Kinh tế",
                    "note": NOTE if s == "in_progress" else None}
                   for i, s in enumerate(events)]}
    changes.apply_page(store.conn(), ChangesPage.model_validate(
        {"cursor": "c", "more": False, "changes": [{"seq": 1, "type": "case", "case": case}]}))


def put_dossier(store: Store, status: str = "processing", *, due_days: int = -5,
                new_due_days: int | None = 3, apology: str | None = "Xin lỗi ông/bà vì trễ hẹn.",
                collect_at: str | None = "Bộ phận một cửa UBND xã, quầy số 2") -> None:
    dossier = {
        "code": DOSSIER, "secret_sha256": dossier_secret_hash(DOSSIER, SECRET),
        "procedure": "Đăng ký khai sinh", "status": status, "received_at": iso(-15),
        "due_date": (utc_now() + timedelta(days=due_days)).date().isoformat(),
        "new_due_date": None if new_due_days is None
        else (utc_now() + timedelta(days=new_due_days)).date().isoformat(),
        "apology": apology, "collect_at": collect_at,
        "events": [{"status": "new", "at": iso(-15)}, {"status": status, "at": iso(-2),
                                                         "note": "Đang xác minh"}]}
    changes.apply_page(store.conn(), ChangesPage.model_validate(
        {"cursor": "d", "more": False, "changes": [{"seq": 2, "type": "dossier",
                                                    "dossier": dossier}]}))


def synced(store: Store, hours_ago: float | None = 0.5) -> None:
    value = None if hours_ago is None else to_iso(utc_now() - timedelta(hours=hours_ago))
    catalog.set_setting(store.conn(), "sync.last_success", value)


# --- the kiosk ----------------------------------------------------------------------------------

@pytest.fixture
def shell(qtbot: QtBot, store: Store, ui: None) -> Shell:
    widget = Shell(store, mode="kiosk", idle_timeout_s=60)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class FakeClock:
    def __init__(self) -> None:
        self.ms = 1_000_000.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def clock(shell: Shell) -> FakeClock:
    fake = FakeClock()
    shell.scanner.clock = fake
    return fake


def press(widget: QWidget, text: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, text, Qt.KeyboardModifier.NoModifier)


def scan(widget: QWidget, text: str, clock: FakeClock, gap_ms: float = 4) -> None:
    """A USB scanner: one key press per character, a few ms apart, then Enter."""
    for char in text:
        clock.ms += gap_ms
        press(widget, char)
    clock.ms += gap_ms
    press(widget, "\r", Qt.Key.Key_Return)


def texts(widget: QWidget) -> str:
    return "\n".join(child.text() for child in widget.findChildren(QLabel)
                     if child.isVisibleTo(widget))


def open_lookup(shell: Shell, resident) -> lookup_screen.LookupScreen:  # noqa: ANN001
    resident.click(shell.screen(HOME).lookup_tile)
    assert shell.state.screen == LOOKUP
    return shell.screen(LOOKUP)


def type_on_pad(screen: lookup_screen.LookupScreen, resident, text: str) -> None:  # noqa: ANN001
    for char in text:
        resident.click(screen.keys.keys[char])


def look_up(shell: Shell, resident, code: str = CODE):  # noqa: ANN001, ANN201
    screen = open_lookup(shell, resident)
    type_on_pad(screen, resident, code)
    resident.click(screen.submit_button)
    assert shell.state.screen == LOOKUP_RESULT, shell.error_text()
    return shell.screen(LOOKUP_RESULT)


# --- a report ------------------------------------------------------------------------------------

def test_typed_code_shows_the_answered_report_without_personal_data(
        shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    filed = file_report(store, ReportDraft(
        category_id="ha-tang", text="Đèn đường trước nhà ông Tư bị hỏng",
        address="Số 12 đường Lê Lợi", contact_name="Nguyễn Văn Tư", contact_phone="0912345678",
        consent_text="Tôi đồng ý"))
    put_case(store, filed.code)
    synced(store)
    result = look_up(shell, resident, filed.code)
    assert result.status.text() == "Đã xử lý xong"
    assert result.facts["title"].text() == catalog.category(store.conn(), "ha-tang").name_vi
    assert result.facts["unit"].text() == "Phòng Kinh tế"
    assert result.facts["due"].text() == due_words(shell.state.lookup.result, "vi")
    assert result.facts["due"].text().startswith(shell.state.lookup.result.due.strftime("%d/%m/%Y"))
    assert result.answer is not None and result.answer.text() == ANSWER
    # The filing on this kiosk first ("Tiếp nhận tại xã"), then the province's four events.
    assert len(result.timeline) == 5
    assert "Tiếp nhận tại xã" in result.timeline[0].text()
    assert "Đang xử lý" in result.timeline[3].text() and NOTE in result.timeline[3].text()
    assert result.as_of.text().startswith("Cập nhật lúc ")
    assert result.as_of.isVisibleTo(result)
    assert not result.stale.isVisible()
    assert all(b.isVisible() for b in result.rate_buttons.values())
    assert [b.text() for b in result.rate_buttons.values()] == [
        "Hài lòng", "Chấp nhận được", "Không hài lòng"]
    shown = texts(result)
    for personal in ("Nguyễn Văn Tư", "0912345678", "Lê Lợi", "ông Tư"):
        assert personal not in shown


def test_stale_status_banner(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    put_case(store)
    synced(store, hours_ago=None)                    # never synced
    result = look_up(shell, resident)
    assert result.stale.isVisible()
    assert result.stale.text().startswith("Thông tin có thể đã cũ")
    synced(store, hours_ago=72)                      # three days ago
    resident.click(result.again_button)
    result = look_up_again(shell, resident)
    assert result.stale.isVisible()
    when = (utc_now() - timedelta(hours=72)).astimezone(
        __import__("zoneinfo").ZoneInfo(shell.office.zone)).strftime("%H:%M %d/%m/%Y")
    assert result.stale.text() == f"Thông tin có thể đã cũ: lần cập nhật cuối lúc {when}."
    assert result.as_of.text() == f"Cập nhật lúc {when}"
    assert not result.as_of.isVisibleTo(result)     # the banner says it; not said twice


def look_up_again(shell: Shell, resident, code: str = CODE):  # noqa: ANN001, ANN201
    screen = shell.screen(LOOKUP)
    assert shell.state.screen == LOOKUP and screen.code_field.text() == ""
    type_on_pad(screen, resident, code)
    resident.click(screen.submit_button)
    assert shell.state.screen == LOOKUP_RESULT, shell.error_text()
    return shell.screen(LOOKUP_RESULT)


def test_rating_once_only(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    put_case(store)
    synced(store)
    result = look_up(shell, resident)
    assert not result.send_button.isEnabled()        # a level first
    resident.click(result.rate_buttons["acceptable"])
    resident.type(result.comment, "Sửa hơi chậm")
    resident.click(result.send_button)
    after = shell.screen(LOOKUP_RESULT)
    assert after.thanks is not None and after.thanks.text() == "Cảm ơn bạn đã đánh giá kết quả."
    assert after.rate_buttons == {} and after.send_button is None
    rows = store.conn().execute("SELECT level, comment FROM report_ratings").fetchall()
    assert [tuple(r) for r in rows] == [("acceptable", "Sửa hơi chậm")]
    # A second visit shows it was rated, with no way to rate again.
    resident.click(after.again_button)
    again = look_up_again(shell, resident)
    assert again.thanks is not None and "đã được đánh giá" in again.thanks.text()
    assert again.rate_buttons == {}
    assert store.conn().execute("SELECT count(*) FROM report_ratings").fetchone()[0] == 1


def test_a_report_not_yet_sent(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Rác ùn ứ ở chợ"))
    result = look_up(shell, resident, filed.code)
    assert result.status.text() == "Đã lưu tại xã, chờ gửi lên tỉnh"
    assert result.rate_buttons == {} and result.answer is None
    assert len(result.timeline) == 1 and "Tiếp nhận tại xã" in result.timeline[0].text()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_status_shows_its_words(shell: Shell, store: Store, lang: str) -> None:
    LANG.set(lang)
    column = 0 if lang == "vi" else 1
    for index, status in enumerate(("received", "assigned", "in_progress", "resolved",
                                    "rejected")):
        code = code_for(index, "STATE")
        put_case(store, code, status)
        lookup_screen.open_code(shell, code)
        assert shell.state.screen == LOOKUP_RESULT
        assert shell.screen(LOOKUP_RESULT).status.text() == REPORT_STATUS[status][column]
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Rác ùn ứ"))
    lookup_screen.open_code(shell, filed.code)
    assert shell.screen(LOOKUP_RESULT).status.text() == REPORT_STATUS["not_sent"][column]
    for status in DOSSIER_STATUS:
        put_dossier(store, status)
        shell.state.lookup.code, shell.state.lookup.secret = DOSSIER, SECRET
        assert lookup_screen.run_lookup(shell), shell.error_text()
        assert shell.screen(LOOKUP_RESULT).status.text() == DOSSIER_STATUS[status][column]


# --- wrong codes ---------------------------------------------------------------------------------

def test_typo_is_caught_before_any_lookup(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    screen = open_lookup(shell, resident)
    type_on_pad(screen, resident, TYPO)
    # Said as soon as the eleventh symbol is typed, and again on "Tra cứu"; never counted.
    assert shell.error_text() == describe(KioskError("code_invalid"), "vi")
    resident.click(screen.submit_button)
    assert shell.state.screen == LOOKUP
    assert shell.error_text() == describe(KioskError("code_invalid"), "vi")
    assert store.conn().execute("SELECT count(*) FROM lookup_failures").fetchone()[0] == 0
    resident.click(screen.keys.keys["⌫"])
    assert shell.error_text() == ""       # correcting it clears the message
    assert not shell.error_banner.isVisible() and not screen.error_label.isVisible()
    resident.click(screen.keys.keys["R"])
    assert shell.state.lookup.code == CODE


def test_repeated_failures_slow_down_with_a_countdown(shell: Shell, store: Store, resident,  # noqa: ANN001
                                                      monkeypatch) -> None:  # noqa: ANN001
    now = [1000.0]
    monkeypatch.setattr(lookup_screen, "monotonic", lambda: now[0])
    screen = open_lookup(shell, resident)
    unknown = [code_for(i, "NKNWN") for i in range(7)]
    for code in unknown[:5]:
        shell.state.lookup.code = code
        screen.refresh()
        resident.click(screen.submit_button)
        assert shell.error_text() == describe(KioskError("lookup_not_found"), "vi")
    shell.state.lookup.code = unknown[5]
    screen.refresh()
    resident.click(screen.submit_button)
    assert "Xin đợi 30 giây" in shell.error_text()
    assert not screen.submit_button.isEnabled()
    assert screen.submit_button.text() == "Xin đợi 30 giây"
    now[0] += 12
    screen.refresh()
    assert screen.submit_button.text() == "Xin đợi 18 giây" and not screen.submit_button.isEnabled()
    now[0] += 18
    screen.refresh()
    assert screen.submit_button.isEnabled() and screen.submit_button.text() == "Tra cứu"


# --- a dossier -----------------------------------------------------------------------------------

def test_dossier_needs_its_secret_and_apologises_when_late(shell: Shell, store: Store,  # noqa: ANN001
                                                           resident) -> None:
    put_dossier(store)
    synced(store)
    screen = open_lookup(shell, resident)
    assert not screen.secret_field.isVisible()
    type_on_pad(screen, resident, DOSSIER)
    assert screen.code_field.text() == DOSSIER
    assert screen.secret_field.isVisible() and not screen.hint.isVisible()
    resident.click(screen.submit_button)
    assert shell.state.screen == LOOKUP
    assert shell.error_text() == describe(KioskError("dossier_secret_needed", min=6), "vi")
    assert shell.state.lookup.editing == "secret"
    screen = shell.screen(LOOKUP)
    type_on_pad(screen, resident, "X7K2M8")            # one character wrong
    resident.click(screen.submit_button)
    assert shell.error_text() == describe(KioskError("dossier_secret_wrong"), "vi")
    screen = shell.screen(LOOKUP)
    resident.click(screen.keys.keys["⌫"])
    type_on_pad(screen, resident, "9")
    assert shell.state.lookup.secret == SECRET and shell.state.lookup.code == DOSSIER
    resident.click(screen.submit_button)
    assert shell.state.screen == LOOKUP_RESULT, shell.error_text()
    result = shell.screen(LOOKUP_RESULT)
    assert result.status.text() == "Đang xử lý"
    assert result.facts["title"].text() == "Đăng ký khai sinh"
    assert result.facts["collect"].text() == "Bộ phận một cửa UBND xã, quầy số 2"
    assert result.apology is not None and "Xin lỗi ông/bà vì trễ hẹn." in result.apology.text()
    assert result.facts["due"].text() != result.facts["new_due"].text()
    assert "còn" in result.facts["new_due"].text()
    assert result.rate_buttons == {}


# --- the scanner and the camera -----------------------------------------------------------------

def test_scanner_opens_the_lookup_from_any_screen(shell: Shell, store: Store, resident,  # noqa: ANN001
                                                  clock: FakeClock) -> None:
    put_case(store)
    resident.click(shell.screen(HOME).report_tile)
    resident.click(shell.screen("category").tiles["ha-tang"])
    editor = shell.screen("text").editor
    resident.type(editor, "Đèn hỏng")
    clock.ms += 5_000
    editor.setFocus()
    scan(editor, codes.grouped(CODE), clock)
    assert shell.state.screen == LOOKUP_RESULT
    assert shell.screen(LOOKUP_RESULT).status.text() == "Đã xử lý xong"
    # What the scanner "typed" into the report text was taken back.
    assert editor.toPlainText() == "Đèn hỏng" and shell.state.draft.text == "Đèn hỏng"


def test_scanned_dossier_code_asks_for_the_secret(shell: Shell, store: Store,  # noqa: ANN001
                                                  clock: FakeClock) -> None:
    put_dossier(store)
    scan(shell, DOSSIER, clock)
    assert shell.state.screen == LOOKUP
    screen = shell.screen(LOOKUP)
    assert screen.code_field.text() == DOSSIER and screen.secret_field.isVisible()


def test_people_typing_are_never_taken_for_a_scanner(shell: Shell, store: Store, resident,  # noqa: ANN001
                                                     clock: FakeClock) -> None:
    put_case(store)
    resident.click(shell.screen(HOME).report_tile)
    resident.click(shell.screen("category").tiles["ha-tang"])
    editor = shell.screen("text").editor
    editor.setFocus()
    for char in CODE:                      # a person: 150 ms between keys
        clock.ms += 150
        press(editor, char)
    clock.ms += 150
    press(editor, "\r", Qt.Key.Key_Return)
    assert shell.state.screen == "text"
    assert editor.toPlainText() == CODE + "\n"
    # A fast burst that is not a code (a burst of typing with no code in it) stays typed too.
    editor.clear()
    scan(editor, "XIN CHAO BA CON", clock)
    assert shell.state.screen == "text" and "XIN CHAO BA CON" in editor.toPlainText()


def test_a_booking_code_scan_stays_on_the_queue_screen(shell: Shell, store: Store,  # noqa: ANN001
                                                       clock: FakeClock) -> None:
    shell.go(QUEUE_CODE)
    field = shell.screen(QUEUE_CODE).field
    field.setFocus()
    scan(field, CODE, clock)
    assert shell.state.screen in (QUEUE_CODE, "queue_ticket")   # the queue screen handled it
    assert shell.state.lookup.result is None


def test_receipt_qr_is_read_from_a_camera_picture(shell: Shell, store: Store,  # noqa: ANN001
                                                  resident) -> None:
    from kiosk.receipts import save_receipt
    from ui.scanner import decode_qr
    from ui.screens.receipt import render_first_page

    filed = file_report(store, ReportDraft(category_id="ha-tang", text="Đèn đường hỏng"))
    image = render_first_page(save_receipt(store, filed.code), 600)
    assert image is not None
    assert decode_qr(image) == filed.code
    screen = open_lookup(shell, resident)
    assert not screen.has_camera and screen.camera_button is None   # offscreen: no camera
    assert screen.read_image(image)
    assert shell.state.screen == LOOKUP_RESULT
    assert shell.screen(LOOKUP_RESULT).status.text() == "Đã lưu tại xã, chờ gửi lên tỉnh"


# --- the results browser -------------------------------------------------------------------------

def test_published_results_by_category_and_month(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(shell.office.zone)
    made = []
    for index, (category, days) in enumerate((("ha-tang", -1), ("moi-truong", -1),
                                              ("ha-tang", -40))):
        code = code_for(index, "RESXT")
        put_case(store, code, category=category, published_days=days, filed_days=days - 10,
                 answer=f"Trả lời số {index}")
        month = (utc_now() + timedelta(days=days)).astimezone(zone).strftime("%Y-%m")
        made.append((code, category, month))
    put_case(store, code_for(10, "PRG"), "in_progress")
    resident.click(shell.screen(HOME).results_tile)
    screen = shell.screen(RESULTS)
    assert shell.state.screen == RESULTS
    newest, older = made[0][2], made[2][2]
    assert screen.months == [newest, older]
    assert screen.month_label.text() == f"Tháng {newest[5:]}/{newest[:4]}"
    assert len(screen.entries) == 2                  # the unanswered case is not a result
    for entry in screen.entries:
        text = entry.text()
        assert "Gửi ngày" in text and "trả lời ngày" in text
        assert not any(code in text or codes.grouped(code) in text for code, _, _ in made)
    resident.click(screen.chips["moi-truong"])
    assert [("Trả lời số 1" in e.text()) for e in screen.entries] == [True]
    resident.click(screen.chips[None])
    assert len(screen.entries) == 2
    assert not screen.next_button.isEnabled()        # no month after the newest
    resident.click(screen.prev_button)
    assert screen.month_label.text() == f"Tháng {older[5:]}/{older[:4]}"
    assert [("Trả lời số 2" in e.text()) for e in screen.entries] == [True]
    assert not screen.prev_button.isEnabled() and screen.next_button.isEnabled()
    resident.click(screen.next_button)
    assert len(screen.entries) == 2


# --- idle, language, printing --------------------------------------------------------------------

def test_idle_wipe_clears_the_code_and_the_result(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    put_case(store)
    look_up(shell, resident)
    shell.idle.timer.timeout.emit()
    assert shell.state.screen == HOME
    assert shell.state.lookup.code == "" and shell.state.lookup.result is None
    assert shell.screen(LOOKUP_RESULT) is None
    assert shell.screen(LOOKUP).code_field.text() == ""


def test_language_switch_keeps_the_result(shell: Shell, store: Store, resident) -> None:  # noqa: ANN001
    put_case(store)
    look_up(shell, resident)
    resident.click(shell.lang_button)
    result = shell.screen(LOOKUP_RESULT)
    assert result.status.text() == "Resolved"
    assert result.as_of.text() == "Not yet updated from the province"
    assert result.stale.text().startswith("This information may be out of date")


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    p = LoopbackPrinter()
    yield p
    p.close()


def test_status_slip_is_printed_on_request(shell: Shell, store: Store, resident,  # noqa: ANN001
                                           qtbot: QtBot, printer: LoopbackPrinter) -> None:
    catalog.set_setting(store.conn(), "printer.url", printer.url)
    put_case(store)
    result = look_up(shell, resident)
    assert shell.state.lookup.print_state == ""       # nothing printed unasked
    resident.click(result.print_button)
    qtbot.waitUntil(lambda: shell.state.lookup.print_state == "printed", timeout=20_000)
    assert shell.screen(LOOKUP_RESULT).print_status.text.text() == "Đã in"
    image = decode_escpos(bytes(printer.wait_job().data)).image
    assert image is not None and image.width == 576


def test_scan_with_a_button_focused_is_seen_once(shell: Shell, store: Store,  # noqa: ANN001
                                                 clock: FakeClock) -> None:
    """A tile ignores letters, so Qt offers each key to its parents too: still one scan."""
    put_case(store)
    tile = shell.screen(HOME).results_tile
    tile.setFocus()
    seen: list[str] = []
    shell.scanner.scanned.connect(seen.append)
    scan(tile, CODE, clock)
    assert seen == [CODE]
    assert shell.state.screen == LOOKUP_RESULT
