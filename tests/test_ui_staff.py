"""Staff screens through real widgets (qtbot) on a real SQLite store: PIN gate, admin, clerk.

`store` and `themed_app` are the shared fixtures in conftest.py."""
from __future__ import annotations

import gc
import io
import logging
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image
from PySide6.QtCore import QThreadPool, QUrl, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk import catalog
from kiosk.clock import local_display, utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.photos import prepare_photo
from kiosk.pins import has_pin, set_pin, verify_pin
from kiosk.reports import FiledReport, ReportDraft, file_report, receipt_path
from ui.i18n import LANG
from ui.staff import PinGate, build_staff_window
from ui.staff.admin import AdminWindow
from ui.staff.clerk import ClerkConsole
from ui.staff.clerk_window import ClerkWindow
from ui.staff.pin_pad import PinPad
from ui.workers import run_store_task

PIN = "470913"
ZONE = "Asia/Ho_Chi_Minh"
TEXT = "Rác thải đổ trộm ở đầu đường vào Ấp Tân Thạnh, bốc mùi hôi"


@pytest.fixture(autouse=True)
def english(themed_app: QApplication) -> Iterator[None]:
    """The kiosk's real font and QSS (conftest); assertions read the English source text,
    whatever .qm files exist."""
    previous = LANG.code
    LANG.set("en")
    yield
    LANG.set(previous)


@pytest.fixture(autouse=True)
def drain_pool(qapp: QApplication) -> Iterator[None]:
    """No worker may outlive its test's store (tmp_path)."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)


def _file(store: Store, text: str = TEXT, category: str = "moi-truong",
          photos: int = 0) -> FiledReport:
    images = [prepare_photo(_png(i)) for i in range(photos)]
    return file_report(store, ReportDraft(category_id=category, text=text,
                                          hamlet_id="ap-tan-thanh", photos=images))


def _png(seed: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (40 * seed % 255, 120, 200)).save(buf, "PNG")
    return buf.getvalue()


def _show(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _tap(qtbot: QtBot, pad: PinPad, pin: str) -> None:
    for digit in pin:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def _grouped(code: str) -> str:
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def _column(console: ClerkConsole, column: int) -> list[str]:
    model = console.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


# ---- PIN gate ----------------------------------------------------------------------------

def test_admin_first_run_sets_a_pin_then_opens_admin(qtbot: QtBot, store: Store) -> None:
    gate = _show(qtbot, build_staff_window("admin", store))
    assert isinstance(gate, PinGate)
    pad = gate.pad
    assert pad is not None and pad.mode == "create"     # no default PIN: the admin chooses one
    assert "No administrator PIN" in pad.message.text()

    _tap(qtbot, pad, "123456")                           # too simple: said in words, not kept
    assert pad.message.text() == describe(KioskError("pin_too_simple"), "en")
    assert pad.mode == "create"
    LANG.set("vi")                                       # the sentence follows the language
    assert pad.message.text() == describe(KioskError("pin_too_simple"), "vi")
    LANG.set("en")

    _tap(qtbot, pad, PIN)
    assert pad.mode == "confirm"
    _tap(qtbot, pad, "470914")                           # a slip: start again
    assert pad.mode == "create" and "not the same" in pad.message.text()
    _tap(qtbot, pad, PIN)
    _tap(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: isinstance(gate.content(), AdminWindow))
    assert gate.pad is None

    row = store.conn().execute("SELECT hash FROM pins WHERE role = 'admin'").fetchone()
    assert PIN.encode() not in bytes(row[0])
    assert verify_pin(store.conn(), "admin", PIN).ok


def test_clerk_without_a_pin_is_told_an_admin_must_set_one(qtbot: QtBot, store: Store) -> None:
    gate = _show(qtbot, build_staff_window("clerk", store))
    pad = gate.pad
    assert pad.mode == "no_pin"
    assert "An administrator must set one first" in pad.message.text()
    assert not pad.keypad.isVisible() and pad.recheck.isVisible()
    qtbot.keyClicks(pad, PIN)                            # no way in, not even by keyboard
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.mode == "no_pin" and gate.content() is None

    set_pin(store.conn(), "clerk", PIN)                  # the admin sets it elsewhere
    qtbot.mouseClick(pad.recheck, Qt.MouseButton.LeftButton)
    assert pad.mode == "verify" and pad.keypad.isVisible()


def test_clerk_wrong_then_right_pin_opens_the_console(qtbot: QtBot, store: Store,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    set_pin(store.conn(), "clerk", PIN)
    filed = _file(store)
    gate = _show(qtbot, build_staff_window("clerk", store))
    pad = gate.pad
    assert pad.mode == "verify"

    _tap(qtbot, pad, "999990")
    qtbot.waitUntil(lambda: "Tries left: 2" in pad.message.text())
    assert pad.mode == "verify" and pad.dots.text() == "○" * 6   # digits cleared after a try

    qtbot.keyClicks(pad, PIN)                            # the physical keyboard works too
    assert pad.dots.text() == "●" * 6
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pad, PIN[-1])
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(gate.content(), ClerkWindow))

    console = gate.content().reports     # the reports tab, beside the queue tab
    assert isinstance(console, ClerkConsole)
    assert _grouped(filed.code) in _column(console, 0)
    row = _column(console, 0).index(_grouped(filed.code))
    console.table.selectRow(row)
    assert console.detail.text.text() == TEXT
    assert PIN not in caplog.text and "999990" not in caplog.text


def test_three_wrong_pins_lock_the_pad(qtbot: QtBot, store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    gate = _show(qtbot, build_staff_window("clerk", store))
    pad = gate.pad
    for left in (2, 1):
        _tap(qtbot, pad, "999990")
        qtbot.waitUntil(lambda n=left: f"Tries left: {n}" in pad.message.text())
    _tap(qtbot, pad, "999990")
    qtbot.waitUntil(lambda: pad.mode == "locked")
    assert "Locked after too many wrong tries. Try again after" in pad.message.text()
    assert not any(key.isEnabled() for key in pad.keys.values())
    assert not pad.ok_button.isEnabled() and pad.lock_timer.isActive()
    qtbot.keyClicks(pad, PIN)
    qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert pad.mode == "locked" and gate.content() is None


def test_lock_still_shows_after_a_restart_and_lifts_by_itself(qtbot: QtBot,
                                                              store: Store) -> None:
    set_pin(store.conn(), "clerk", PIN)
    # Lock the role as if three misses happened 28 s ago: the 30 s lock ends ~2 s from now.
    past = utc_now() - timedelta(seconds=28)
    for _ in range(3):
        check = verify_pin(store.conn(), "clerk", "999990", now=past)
    until = check.locked_until
    store.close()

    restarted = Store(store.data_dir)
    gate = _show(qtbot, build_staff_window("clerk", restarted))
    pad = gate.pad
    assert pad.mode == "locked"
    hhmm = local_display(until, ZONE)[-5:]
    assert pad.message.text() == f"Locked after too many wrong tries. Try again after {hhmm}."
    assert not pad.keys["1"].isEnabled()
    qtbot.waitUntil(lambda: pad.mode == "verify", timeout=15_000)   # the QTimer re-enables
    assert pad.keys["1"].isEnabled() and pad.message.text() == "Enter your PIN"
    _tap(qtbot, pad, PIN)
    qtbot.waitUntil(lambda: isinstance(gate.content(), ClerkWindow))


def test_unknown_role_has_no_staff_window(store: Store) -> None:
    with pytest.raises(ValueError):
        build_staff_window("kiosk", store)


def test_no_garbage_collection_on_pool_threads(qtbot: QtBot, store: Store) -> None:
    """Python's cyclic GC on a pool thread would free Qt objects there (a segfault): automatic
    collection is off and the GUI thread collects; a job never triggers a collection."""
    assert not gc.isenabled()   # ui.gc_guard, installed with the app
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[bool, bool]] = []

    def work(conn: object) -> str:
        seen.append((gc.isenabled(), threading.current_thread() is threading.main_thread()))
        return "done"

    results: list[str] = []
    run_store_task(owner, store, work, results.append, lambda error: results.append("failed"))
    qtbot.waitUntil(lambda: results == ["done"])
    assert seen == [(False, False)]


# ---- admin -------------------------------------------------------------------------------

def test_admin_shows_the_office_and_device(qtbot: QtBot, store: Store) -> None:
    _file(store)
    admin = _show(qtbot, AdminWindow(store))
    office = catalog.office(store.conn())
    assert admin.office_values["name"].text() == office.name_en
    assert admin.office_values["commune"].text() == office.commune_code
    assert admin.office_values["province"].text() == office.province
    assert admin.office_values["demo"].text().startswith("Yes")
    assert admin.device_values["data_dir"].text() == str(store.data_dir)
    assert admin.device_values["disk"].text().endswith(("GB", "MB"))
    assert admin.device_values["pending"].text() == "1, not yet sent to the province"
    assert admin.clock_banner.isHidden()


def test_admin_clock_alarm_when_the_clock_runs_behind(qtbot: QtBot, store: Store) -> None:
    filed = _file(store)
    earlier = utc_now() - timedelta(days=400)          # a dead CMOS battery
    admin = _show(qtbot, AdminWindow(store, clock=lambda: earlier))
    assert admin.clock_banner.isVisible()
    text = admin.clock_banner.text()
    assert text.startswith("The device clock is running behind")
    created = datetime.strptime(filed.created_utc, "%Y-%m-%dT%H:%M:%S.%fZ").replace(
        tzinfo=timezone.utc)
    assert local_display(earlier, ZONE) in text and local_display(created, ZONE) in text


def test_admin_sets_a_clerk_pin_with_errors_in_words(qtbot: QtBot, store: Store) -> None:
    set_pin(store.conn(), "admin", PIN)
    admin = _show(qtbot, AdminWindow(store))
    form = admin.pin_form
    qtbot.mouseClick(form.role_buttons["clerk"], Qt.MouseButton.LeftButton)
    assert form.role == "clerk" and form.status.text().startswith("No PIN yet")

    def attempt(new: str, again: str) -> None:
        form.new_pin.setText(new)
        form.again.setText(again)
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    attempt("111111", "111111")
    assert form.message.text() == describe(KioskError("pin_too_simple"), "en")
    LANG.set("vi")
    assert form.message.text() == describe(KioskError("pin_too_simple"), "vi")
    LANG.set("en")
    attempt("12345", "12345")
    assert form.message.text() == describe(KioskError("pin_format", min=6, max=12), "en")
    attempt("582039", "582093")
    assert "not the same" in form.message.text()
    attempt("582039", "582039")
    qtbot.waitUntil(lambda: form.status.text().startswith("This role has a PIN"))
    assert form.message.text() == "The PIN for “Clerk” has been saved."
    assert form.new_pin.text() == "" and form.again.text() == ""
    assert verify_pin(store.conn(), "clerk", "582039").ok
    assert verify_pin(store.conn(), "admin", PIN).ok      # other roles untouched


def test_admin_quit_button_leaves_the_app(qtbot: QtBot, store: Store) -> None:
    quits: list[bool] = []
    admin = _show(qtbot, AdminWindow(store, quit_app=lambda: quits.append(True)))
    qtbot.mouseClick(admin.quit_button, Qt.MouseButton.LeftButton)
    assert quits == [True]


# ---- clerk -------------------------------------------------------------------------------

def test_clerk_lists_newest_first_and_finds_by_code_or_words(qtbot: QtBot, store: Store) -> None:
    first = _file(store, text="Đèn đường hỏng ở Khu phố 2", category="ha-tang")
    second = _file(store, text="Lấn chiếm vỉa hè trước chợ", category="trat-tu-do-thi")
    third = _file(store)
    console = _show(qtbot, ClerkConsole(store))
    assert _column(console, 0) == [_grouped(r.code) for r in (third, second, first)]
    assert set(_column(console, 5)) == {"Not sent yet"}

    spoken = " ".join(second.code[i:i + 3] for i in range(0, 11, 3)).lower()
    console.find.setText(spoken)                         # read out: lower case, other groups
    assert _column(console, 0) == [_grouped(second.code)]
    assert console.detail.text.text() == "Lấn chiếm vỉa hè trước chợ"   # one match: shown
    console.find.setText("den duong hong")              # no diacritics, đ typed as d
    assert _column(console, 0) == [_grouped(first.code)]
    console.find.setText("không có chuyện này")
    assert _column(console, 0) == [] and console.detail.view is None
    assert not console.detail.text.isVisible()
    console.find.setText("")
    assert len(_column(console, 0)) == 3


def test_clerk_details_show_photos_and_the_receipt(qtbot: QtBot, store: Store) -> None:
    filed = _file(store, photos=2)
    opened: list[QUrl] = []
    console = _show(qtbot, ClerkConsole(store, open_url=opened.append))
    path = receipt_path(store, filed.code)
    assert not path.exists()                             # filing makes no PDF; printing does
    console.table.selectRow(0)
    detail = console.detail
    photos = [w for w in detail.body.findChildren(QLabel, "detail_photo") if not w.pixmap().isNull()]
    assert len(photos) == 2
    assert detail.fields["place"].text() == "Ấp Tân Thạnh"
    assert detail.fields["contact"].text() == "Anonymous"
    qtbot.waitUntil(lambda: detail.open_button.isEnabled())   # regenerated off the GUI thread
    assert path.exists()
    image = detail.receipt.pixmap().toImage()
    assert not image.isNull() and image.pixelColor(2, 2).name() == "#ffffff"   # white paper
    qtbot.mouseClick(detail.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(path))]
    console.find.setText("không có chuyện này")          # nothing selected: no stale photos
    qtbot.waitUntil(lambda: not detail.body.findChildren(QLabel, "detail_photo"))


def test_language_toggle_switches_the_clerk_console(qtbot: QtBot, store: Store) -> None:
    _file(store)
    console = _show(qtbot, ClerkConsole(store))
    assert _column(console, 2) == ["Environment"]
    qtbot.mouseClick(console.header.lang.buttons["vi"], Qt.MouseButton.LeftButton)
    assert LANG.code == "vi" and console.header.lang.buttons["vi"].isChecked()
    assert _column(console, 2) == ["Môi trường"]
    qtbot.mouseClick(console.header.lang.buttons["en"], Qt.MouseButton.LeftButton)
    assert _column(console, 2) == ["Environment"]


# ---- look and feel -----------------------------------------------------------------------

def test_text_is_at_least_16pt_and_pin_keys_at_least_64px(qtbot: QtBot, store: Store) -> None:
    set_pin(store.conn(), "admin", PIN)
    _file(store)
    gate = _show(qtbot, build_staff_window("clerk", store))
    screens: list[QWidget] = [_show(qtbot, build_staff_window("admin", store)),
                              _show(qtbot, AdminWindow(store)), _show(qtbot, ClerkConsole(store))]
    for screen in screens:
        for widget in screen.findChildren(QWidget):
            if isinstance(widget, (QLabel, QPushButton, QLineEdit)) and widget.isVisible():
                assert widget.font().pointSizeF() >= 16, (type(screen).__name__,
                                                          widget.objectName(), widget.text())
    admin_pad = screens[0].pad
    for button in [*admin_pad.keys.values(), admin_pad.ok_button,
                   *admin_pad.header.lang.buttons.values()]:
        assert button.width() >= 64 and button.height() >= 64, button.text()
    assert gate.pad is not None and not has_pin(store.conn(), "clerk")
