"""The volunteer's laptop from the screen (issue 9), through real widgets and real stores: the
volunteer's id asked at the first step, a report filed with a photo from a file and coordinates
(marked assisted, with the id in the payload), the list of what this laptop took with its state
in words, edit (a new item, one row) and withdraw (never sent, the receipt looks up as
withdrawn), the USB hand-over by buttons (export on the laptop, import in the office's admin
window, the office's confirmation read back), and the admin's paper-form box. The hand-over
runs against the reference provincial server (`province`) with an in-memory keyring, so the
laptop and the office know each other's keys as they would in the field. The kiosk role shows
neither a file chooser nor coordinate fields."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk import catalog, items
from kiosk.db import Store
from kiosk.lookup import lookup
from kiosk.report_template import COLUMNS
from kiosk.reports import ReportDraft, file_report
from sync import enrol
from sync.engine import run_sync
from sync.secrets import SecretStore
from tests.server_support import Province
from tests.support import counts, jpeg_bytes
from ui import sync_runner
from ui.shell import Shell
from ui.staff.admin import AdminWindow
from ui.staff.volunteer_list import EditReportDialog, WithdrawDialog
from ui.staff.windows import VolunteerWindow

COMMUNE = "29284"          # the bundled demo office's commune
LONG = 90_000
TEXT = "Cống thoát nước ở đầu ấp bị nghẹt, nước tràn vào nhà dân"


@pytest.fixture(autouse=True)
def no_runner_left() -> Iterator[None]:
    yield
    sync_runner.shutdown_all()


def _store(path: Path) -> Store:
    store = Store(path)
    catalog.seed(store.conn())
    return store


def _click(qtbot: QtBot, widget: QAbstractButton) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName() or widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _enrol(store: Store, province: Province) -> None:
    conn = store.conn()
    enrol.enrol(conn, province.url, province.enrol_code(COMMUNE),
                SecretStore.for_store(conn, store.data_dir))


def _sync(store: Store):  # noqa: ANN202
    report = run_sync(store)
    assert report.error is None, report.error
    return report


def _row_texts(window: VolunteerWindow, code: str) -> list[str]:
    page = window.filed
    page.refresh()
    row = page.row_of(code)
    assert row >= 0, code
    return [page.table.item(row, c).text() for c in range(page.table.columnCount())]


def test_kiosk_mode_has_no_file_chooser_nor_coordinates(qtbot: QtBot, ui: None, store: Store,
                                                       resident) -> None:  # noqa: ANN001
    shell = Shell(store, mode="kiosk")
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    resident.click(shell.screen("home").report_tile)
    assert shell.screen("category").identity_form is None     # residents are not asked
    for name in ("photos", "place"):
        shell.go(name)
    photos, place = shell.screen("photos"), shell.screen("place")
    assert photos.pick_button is None
    texts = [b.text() for b in photos.findChildren(QAbstractButton)]
    assert not any("Chọn ảnh" in t or "máy tính" in t for t in texts), texts
    assert place.lat is None and place.lon is None
    assert not any("Vĩ độ" in w.placeholderText() for w in place.findChildren(QLineEdit))


def test_volunteer_files_edits_withdraws_and_hands_over_by_usb(
        qtbot: QtBot, ui: None, tmp_path: Path, province: Province, memory_secrets,  # noqa: ANN001
        resident, monkeypatch) -> None:  # noqa: ANN001
    laptop, office = _store(tmp_path / "laptop"), _store(tmp_path / "office")
    _enrol(laptop, province)
    _enrol(office, province)
    _sync(laptop)          # each learns the other's keys from the feed
    _sync(office)
    window = VolunteerWindow(laptop)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    shell = window.shell

    # --- withdraw a report: never sent, its receipt says so; another one is sent ------------
    other, third = (file_report(laptop, ReportDraft(category_id=cat, text=text,
                                                    assisted_by="TNV-0009"), channel="volunteer")
                    for cat, text in (("moi-truong", "Rác ở bờ kênh"),
                                      ("khac", "Cây đổ chắn đường")))
    window.setCurrentIndex(window.FILED)
    page = window.filed
    page.table.selectRow(page.row_of(other.code))
    _click(qtbot, page.withdraw_button)
    withdraw = page.dialog
    assert isinstance(withdraw, WithdrawDialog)
    _click(qtbot, withdraw.confirm_button)          # no reason: asked for, nothing done
    assert "lý do" in withdraw.result.text() and withdraw.isVisible()
    resident.type(withdraw.reason, "Người dân đã tự thỏa thuận với hàng xóm")
    with qtbot.waitSignal(withdraw.withdrawn, timeout=LONG):
        _click(qtbot, withdraw.confirm_button)
    assert _row_texts(window, other.code)[-1] == "Đã rút"
    page.table.selectRow(page.row_of(other.code))
    assert not page.edit_button.isEnabled() and "đã được rút" in page.note.text()
    result = lookup(laptop.conn(), other.code)
    assert (result.status, result.status_vi) == ("withdrawn", "Đã rút theo yêu cầu")
    assert laptop.conn().execute("SELECT count(*) FROM audit_log WHERE action ="
                                 " 'report_withdrawn'").fetchone()[0] == 1

    # The third goes up with the laptop's own sync; the withdrawn one never does.
    _sync(laptop)
    codes = {c["tracking_code"] for c in province.cases()}
    assert third.code in codes and other.code not in codes
    assert _row_texts(window, third.code)[-1].startswith("Đã gửi lên tỉnh (mã hồ sơ ")

    window.setCurrentIndex(window.FORMS)
    # --- the first step asks who files here; nothing can be chosen before ----------------------
    resident.click(shell.screen("home").report_tile)
    category = shell.screen("category")
    form = category.identity_form
    assert form is not None and form.isVisible()
    assert not category.tiles["ha-tang"].isEnabled()
    resident.type(form.id_edit, "tnv-0123")
    resident.type(form.name_edit, "Nguyễn Thị Lan")
    resident.click(form.save_button)
    assert "TNV-0123 Nguyễn Thị Lan" in form.result.text()
    assert catalog.get_setting(laptop.conn(), "volunteer.id") == "TNV-0123"
    resident.click(category.tiles["ha-tang"])

    # --- text, a photo from a file, hamlet and coordinates ------------------------------------
    resident.type(shell.screen("text").editor, TEXT)
    resident.click(shell.screen("text").next_button)
    photo = tmp_path / "anh-cong.jpg"
    photo.write_bytes(jpeg_bytes((400, 300), "brown"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(photo)], "")))   # the OS dialog
    photos = shell.screen("photos")
    assert photos.pick_button.text() == "Chọn ảnh từ máy…"
    resident.click(photos.pick_button)
    qtbot.waitUntil(lambda: len(shell.state.draft.photos) == 1, timeout=30_000)
    resident.click(shell.screen("photos").next_button)
    place = shell.screen("place")
    resident.click(place.hamlet_buttons["ap-hoa-binh"])
    resident.type(place.lat, "10.4562")
    resident.click(place.next_button)               # one coordinate only: the rule's sentence
    assert shell.state.screen == "place" and shell.error_banner.isVisible()
    resident.type(place.lon, "105.6321")
    resident.click(place.next_button)
    resident.click(shell.screen("who").next_button)
    review = shell.screen("review")
    assert "TNV-0123 Nguyễn Thị Lan" in [w.text() for w in review.findChildren(type(
        shell.step_label))]
    resident.click(review.submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    filed = shell.state.filed
    row = laptop.conn().execute("SELECT assisted_by, channel, lat, lon FROM reports WHERE id = ?",
                                (filed.id,)).fetchone()
    assert tuple(row) == ("TNV-0123", "volunteer", 10.4562, 105.6321)
    payload = items.report_payload(laptop.conn(), filed.id)
    assert payload["assisted_by"] == "TNV-0123" and len(payload["media"]) == 1

    # --- the list: one row, "waiting", edit makes a new item --------------------------------
    window.setCurrentIndex(window.FILED)
    cells = _row_texts(window, filed.code)
    assert cells[0] == filed.code[:4] + "-" + filed.code[4:8] + "-" + filed.code[8:]
    assert cells[3:] == ["Ấp Hòa Bình", "TNV-0123", "Chờ gửi"]
    assert cells[1][2] == "/" and cells[1][5] == "/" and cells[1][10] == " "   # dd/MM/yyyy HH:mm
    page.table.selectRow(page.row_of(filed.code))
    old_uuid = page.selected().item_uuid
    _click(qtbot, page.edit_button)
    dialog = page.dialog
    assert isinstance(dialog, EditReportDialog) and dialog.isVisible()
    dialog.text.setPlainText(TEXT + ", đã hai ngày")
    dialog.lat.setText("10.45")
    with qtbot.waitSignal(dialog.edited, timeout=LONG) as edited:
        _click(qtbot, dialog.save_button)
    new_uuid = edited.args[0]
    states = dict(laptop.conn().execute("SELECT item_uuid, state FROM outbox WHERE kind ="
                                        " 'report' AND ref_id = ?", (filed.id,)).fetchall())
    assert states == {old_uuid: "superseded", new_uuid: "pending"}
    assert [i.code for i in page.items].count(filed.code) == 1
    assert laptop.conn().execute("SELECT lat FROM reports WHERE id = ?",
                                 (filed.id,)).fetchone()[0] == 10.45

    # --- USB: export by the button, import in the office's admin window, confirm -------------
    stick = tmp_path / "stick"
    stick.mkdir()
    window.setCurrentIndex(window.USB)
    usb = window.usb
    usb.path.field.setText(str(stick))
    _click(qtbot, usb.export_button)
    qtbot.waitUntil(lambda: not usb.busy, timeout=LONG)
    exported = stick / "chuyen-giao-TNV-0123.cnt"
    assert exported.exists(), usb.result.text()
    assert "Đã chép 1 phản ánh" in usb.result.text()
    assert _row_texts(window, filed.code)[-1] == "Đã chuyển giao qua USB, chờ xã xác nhận"
    page.table.selectRow(page.row_of(filed.code))
    assert not page.withdraw_button.isEnabled() and "chép ra USB" in page.note.text()

    admin = AdminWindow(office)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    admin.tabs.setCurrentIndex(4)
    assert admin.tabs.tabText(4) == "USB và phiếu giấy"
    box = admin.usb_import
    assert box.findChildren(QFileDialog) == [] and box.path.browse_button is None
    box.path.field.setText(str(stick))
    _click(qtbot, box.import_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert "đã nhập 1" in box.result.text() and "chuyen-giao-TNV-0123.receipt.json" in \
        box.result.text(), box.result.text()
    assert office.conn().execute("SELECT assisted_by FROM reports WHERE code = ?",
                                 (filed.code,)).fetchone()[0] == "TNV-0123"

    window.setCurrentIndex(window.USB)
    _click(qtbot, usb.confirm_button)
    qtbot.waitUntil(lambda: not usb.busy, timeout=LONG)
    assert "Xã đã xác nhận 1 phản ánh" in usb.result.text(), usb.result.text()
    assert _row_texts(window, filed.code)[-1] == "Xã đã nhận qua USB"

    window.filed.filter.setCurrentIndex(window.filed.filter.findData("withdrawn"))
    assert [i.code for i in window.filed.items] == [other.code]
    _sync(office)
    assert [c["tracking_code"] for c in province.cases()].count(filed.code) == 1
    _sync(laptop)      # handed over, withdrawn: no report left to send (audit entries go)
    assert laptop.conn().execute("SELECT count(*) FROM outbox WHERE kind = 'report' AND state"
                                 " = 'pending'").fetchone()[0] == 0
    assert other.code not in {c["tracking_code"] for c in province.cases()}
    laptop.close()
    office.close()


def _sheet(path: Path, rows: list[list[str]]) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[c.header for c in COLUMNS], *rows])
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return path


def test_admin_checks_then_imports_paper_forms(qtbot: QtBot, ui: None, store: Store,
                                               tmp_path: Path) -> None:
    zone = ZoneInfo(catalog.office(store.conn()).zone)
    day = f"{datetime.now(zone).date() - timedelta(days=1):%d/%m/%Y}"
    admin = AdminWindow(store)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    admin.tabs.setCurrentIndex(4)
    box = admin.paper_import
    bad = _sheet(tmp_path / "sai.csv", [
        ["PA-001", day, "Môi trường", "Rác đổ ra kênh", "Ấp Hòa Bình", "", "", "", ""],
        ["PA-002", day, "Không có lĩnh vực này", "Đèn hỏng", "", "", "", "12345", ""]])
    before = counts(store.path)
    box.path.setText(str(bad))
    assert not box.import_button.isEnabled()
    _click(qtbot, box.check_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert box.rows.isVisible() and box.rows.count() >= 2
    assert all("Dòng 3" in box.rows.item(i).text() for i in range(box.rows.count()))
    assert "1/2" in box.result.text() or "1 of 2" in box.result.text() or "có lỗi" in \
        box.result.text()
    assert not box.import_button.isEnabled() and counts(store.path) == before

    good = _sheet(tmp_path / "dung.csv", [
        ["PA-001", day, "Môi trường", "Rác đổ ra kênh", "Ấp Hòa Bình", "", "", "", ""]])
    box.path.setText(str(good))
    _click(qtbot, box.check_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert "1 phiếu" in box.result.text() and counts(store.path) == before
    _click(qtbot, box.import_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert "Đã nhập 1 phiếu giấy" in box.result.text(), box.result.text()
    assert store.conn().execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert not box.import_button.isEnabled()         # a second import needs a new check

    box.path.setText(str(tmp_path))
    _click(qtbot, box.template_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert (tmp_path / "mau-phieu-phan-anh.csv").exists(), box.result.text()
