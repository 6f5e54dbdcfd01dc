"""The report wizard through real widgets: a resident's clicks and typing, a real store."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool, Qt
from PySide6.QtGui import QDesktopServices

from kiosk.consent import CONTACT_CONSENT
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.reports import list_reports, receipt_path
from ui.i18n import LANG
from ui.screens.review import submit
from ui.shell import Shell

TEXT = "Đèn đường ở đầu ấp Hòa Bình bị hỏng"


@pytest.fixture
def shell(qtbot, store, ui) -> Shell:  # noqa: ANN001
    widget = Shell(store, mode="kiosk")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def to_text_step(shell: Shell, resident) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    assert shell.state.screen == "category"
    resident.click(shell.screen("category").tiles["ha-tang"])
    assert shell.state.screen == "text"


def to_who_step(shell: Shell, resident) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    resident.type(shell.screen("text").editor, TEXT)
    resident.click(shell.screen("text").next_button)
    resident.click(shell.screen("photos").next_button)
    resident.click(shell.screen("place").next_button)
    assert shell.state.screen == "who"


def test_resident_files_a_report_end_to_end(shell: Shell, store, resident, qtbot) -> None:  # noqa: ANN001
    assert unicodedata.is_normalized("NFC", TEXT)
    to_text_step(shell, resident)
    assert shell.step_label.text() == "Bước 2/6"
    text = shell.screen("text")
    assert not text.next_button.isEnabled()            # nothing typed yet
    resident.type(text.editor, TEXT)
    assert text.counter.text() == f"{len(TEXT)}/4.000 ký tự"   # Vietnamese grouping
    resident.click(text.next_button)

    photos = shell.screen("photos")
    assert shell.state.screen == "photos"
    assert not photos.has_camera                       # offscreen: no camera here
    assert photos.next_button.text() == "Bỏ qua"
    resident.click(photos.next_button)

    place = shell.screen("place")
    resident.click(place.hamlet_buttons["ap-hoa-binh"])
    resident.click(place.next_button)

    who = shell.screen("who")
    assert who.anonymous_button.isChecked()            # anonymous unless the resident chooses
    assert not who.contact_panel.isVisible()
    resident.click(who.next_button)

    review = shell.screen("review")
    assert shell.state.screen == "review"
    assert review.submit_button.text() == "Gửi phản ánh"
    resident.click(review.submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)

    [report] = list_reports(store.conn())
    assert report.text == TEXT
    assert report.category_id == "ha-tang"
    assert report.hamlet == "Ấp Hòa Bình"
    assert report.anonymous
    receipt = shell.screen("receipt")
    assert receipt.isVisible()
    assert receipt.code_label.text() == report.grouped_code
    assert receipt_path(store, report.code).exists()
    assert receipt.has_preview                         # the PDF rendered on screen
    assert report.due_date.split("-")[::-1] == receipt.due_label.text().split()[-1].split("/")


def test_contact_without_consent_is_refused_and_files_nothing(shell: Shell, store, resident,
                                                              qtbot) -> None:  # noqa: ANN001
    to_who_step(shell, resident)
    who = shell.screen("who")
    resident.click(who.contact_button)
    assert who.contact_panel.isVisible()
    assert who.consent_box.text() == CONTACT_CONSENT["vi"]
    assert not who.consent_box.isChecked()
    resident.type(who.name_edit, "Nguyễn Thị Hoa")
    resident.type(who.phone_edit, "0912345678")
    resident.click(who.next_button)
    consent_message = describe(KioskError("contact_needs_consent"), "vi")
    # Said beside "Next", not in the banner above, which would push the fields out of view.
    assert not shell.error_banner.isVisible()
    assert who.error_label.isVisible()
    assert shell.error_text() == consent_message
    assert shell.state.screen == "who"

    # Even forced past the check, the core refuses and the banner says why.
    shell.go("review")
    resident.click(shell.screen("review").submit_button)
    qtbot.waitUntil(lambda: shell.error_banner.text() == consent_message, timeout=30_000)
    assert shell.state.screen == "review"
    assert shell.screen("review").submit_button.isEnabled()   # the state is kept for a retry
    assert list_reports(store.conn()) == []


def test_ticked_consent_records_the_exact_text(shell: Shell, store, resident, qtbot) -> None:  # noqa: ANN001
    to_who_step(shell, resident)
    who = shell.screen("who")
    resident.click(who.contact_button)
    resident.type(who.name_edit, "Nguyễn Thị Hoa")
    resident.type(who.phone_edit, "0912345678")
    resident.click(who.consent_box)
    assert shell.state.draft.consent_text == CONTACT_CONSENT["vi"]
    resident.click(who.next_button)
    resident.click(shell.screen("review").submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    [report] = list_reports(store.conn())
    assert not report.anonymous
    assert report.phone_masked == "091****678"


def test_language_switch_keeps_typed_text(shell: Shell, resident) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    old_editor = shell.screen("text").editor
    resident.type(old_editor, TEXT)
    resident.click(shell.lang_button)
    assert LANG.code == "en"
    text = shell.screen("text")
    assert shell.state.screen == "text"
    assert text.editor.toPlainText() == TEXT
    assert text.next_button.text() == "Next"
    assert shell.step_label.text() == "Step 2/6"
    assert shell.home_button.text() == "Home"
    assert text.counter.text() == f"{len(TEXT)}/4,000 characters"
    assert shell.lang_button.text() == "Tiếng Việt"
    resident.click(shell.lang_button)
    assert shell.screen("text").editor.toPlainText() == TEXT
    assert shell.home_button.text() == "Trang chủ"


def test_category_names_follow_the_language(shell: Shell, resident) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    assert shell.screen("category").tiles["y-te"].text() == "Y tế"
    resident.click(shell.lang_button)
    assert shell.screen("category").tiles["y-te"].text() == "Health"


def test_double_submit_files_one_report(shell: Shell, store, resident, qtbot) -> None:  # noqa: ANN001
    to_who_step(shell, resident)
    resident.click(shell.screen("who").next_button)
    review = shell.screen("review")
    resident.click(review.submit_button)
    # The worker's answer is queued to this thread, so until events run we see the saving state.
    assert not review.submit_button.isEnabled()
    assert review.status.text() == "Đang lưu…"
    assert not shell.home_button.isEnabled() and not shell.back_button.isEnabled()
    qtbot.mouseClick(review.submit_button, Qt.MouseButton.LeftButton)  # disabled: ignored
    review.submit_button.click()       # even a programmatic click on the disabled button
    submit(shell)                      # and a second call of the handler itself
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    QThreadPool.globalInstance().waitForDone(30_000)
    QCoreApplication.processEvents()
    assert len(list_reports(store.conn())) == 1


def test_back_and_home_on_every_wizard_step(shell: Shell, resident) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    resident.type(shell.screen("text").editor, TEXT)
    resident.click(shell.back_button)
    assert shell.state.screen == "category"
    resident.click(shell.screen("category").tiles["ha-tang"])
    assert shell.screen("text").editor.toPlainText() == TEXT   # Back keeps what was typed
    resident.click(shell.home_button)
    assert shell.state.screen == "home"
    assert shell.state.draft.text == ""                         # Home starts a clean form
    assert not shell.back_button.isVisible() and not shell.home_button.isVisible()


def _jpeg(width: int = 640, height: int = 480) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 90)
    return bytes(buffer.data())


def test_photos_are_prepared_off_thread_shown_and_removable(shell: Shell, store, resident,
                                                            qtbot) -> None:  # noqa: ANN001
    from kiosk.reports import report_photos
    from ui.screens.photos import add_photo_bytes

    to_text_step(shell, resident)
    resident.type(shell.screen("text").editor, TEXT)
    resident.click(shell.screen("text").next_button)
    photos = shell.screen("photos")
    add_photo_bytes(shell, _jpeg())
    assert not photos.next_button.isEnabled()          # not while a photo is being prepared
    assert photos.status.text() == "Đang xử lý ảnh…"
    qtbot.waitUntil(lambda: len(shell.state.draft.photos) == 1, timeout=30_000)
    add_photo_bytes(shell, _jpeg(320, 240))
    qtbot.waitUntil(lambda: len(shell.state.draft.photos) == 2, timeout=30_000)
    assert photos.status.text() == "Đã có 2/3 ảnh"
    assert photos.next_button.text() == "Tiếp tục"
    removes = [b for b in photos.findChildren(type(photos.next_button)) if b.text() == "Xóa ảnh"]
    assert len(removes) == 2
    resident.click(removes[0])
    assert len(shell.state.draft.photos) == 1
    add_photo_bytes(shell, b"GIF89a not a photo")
    qtbot.waitUntil(shell.error_banner.isVisible, timeout=30_000)
    assert shell.error_banner.text() == "Chỉ nhận ảnh JPEG hoặc PNG."
    resident.click(photos.next_button)
    resident.click(shell.screen("place").next_button)
    resident.click(shell.screen("who").next_button)
    resident.click(shell.screen("review").submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    [report] = list_reports(store.conn())
    assert report.photo_count == 1
    [data] = report_photos(store.conn(), report.id)
    assert data == shell.state.draft.photos[0].data


def test_kiosk_mode_has_no_file_dialog_or_coordinates(shell: Shell) -> None:
    shell.go("photos")
    assert shell.screen("photos").pick_button is None
    shell.go("place")
    assert shell.screen("place").lat is None


def test_volunteer_mode_picks_files_and_records_coordinates(qtbot, store, resident, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.volunteer import set_identity

    set_identity(store.conn(), "TNV-0007", "Lê Văn Tư")     # asked at step 1 when missing
    volunteer = Shell(store, mode="volunteer")
    qtbot.addWidget(volunteer)
    volunteer.resize(1280, 800)
    volunteer.show()
    volunteer.state.draft.category_id = "moi-truong"
    volunteer.state.draft.text = TEXT
    volunteer.go("photos")
    assert volunteer.screen("photos").pick_button.text() == "Chọn ảnh từ máy…"
    volunteer.go("place")
    place = volunteer.screen("place")
    resident.type(place.lat, "10.4562")
    resident.click(place.next_button)
    assert volunteer.state.screen == "place"           # a latitude without a longitude
    assert volunteer.error_banner.text() == describe(KioskError("location_invalid"), "vi")
    resident.type(place.lon, "105.6321")
    resident.click(place.next_button)
    assert volunteer.state.screen == "who"
    resident.click(volunteer.screen("who").next_button)
    resident.click(volunteer.screen("review").submit_button)
    qtbot.waitUntil(lambda: volunteer.state.screen == "receipt", timeout=30_000)
    row = store.conn().execute("SELECT lat, lon, channel, assisted_by FROM reports").fetchone()
    assert tuple(row) == (10.4562, 105.6321, "volunteer", "TNV-0007")
    opened: list[str] = []          # the laptop opens the PDF in the system viewer
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    resident.click(volunteer.screen("receipt").open_pdf)
    assert opened == [str(volunteer.state.receipt_pdf)] and Path(opened[0]).exists()


def test_kiosk_receipt_offers_no_pdf_viewer(qtbot, shell: Shell, resident) -> None:  # noqa: ANN001
    to_who_step(shell, resident)
    resident.click(shell.screen("who").next_button)
    resident.click(shell.screen("review").submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    assert not hasattr(shell.screen("receipt"), "open_pdf")


def test_camera_step_without_a_working_device_says_so(shell: Shell, resident, monkeypatch) -> None:  # noqa: ANN001
    """The live-camera branch, built offscreen on a machine whose camera does not deliver:
    no Qt warning, and a failed shot is explained in words."""
    import ui.camera

    monkeypatch.setattr(ui.camera, "camera_available", lambda: True)
    shell.state.draft.category_id = "moi-truong"
    shell.state.draft.text = TEXT
    shell.go("photos")
    photos = shell.screen("photos")
    assert photos.camera_view is not None and photos.camera_view.isVisible()
    assert photos.shoot_button.text() == "Chụp ảnh"
    resident.click(photos.shoot_button)
    assert shell.error_banner.text() == (
        "Máy ảnh chưa chụp được. Xin thử lại, hoặc bỏ qua bước này.")
    resident.click(photos.next_button)                 # the step can still be skipped
    assert shell.state.screen == "place"


def test_consent_is_asked_again_in_the_new_language(shell: Shell, resident) -> None:  # noqa: ANN001
    """A ticked box means agreement to the words beside it: after a language switch the box
    shows other words, so it starts unticked again, while the typed name stays."""
    to_who_step(shell, resident)
    who = shell.screen("who")
    resident.click(who.contact_button)
    resident.type(who.name_edit, "Nguyễn Thị Hoa")
    resident.click(who.consent_box)
    assert shell.state.draft.consent_text == CONTACT_CONSENT["vi"]
    resident.click(shell.lang_button)
    who = shell.screen("who")
    assert who.consent_box.text() == CONTACT_CONSENT["en"]
    assert not who.consent_box.isChecked()
    assert shell.state.draft.consent_text is None
    assert who.name_edit.text() == "Nguyễn Thị Hoa"
    resident.click(who.consent_box)
    assert shell.state.draft.consent_text == CONTACT_CONSENT["en"]


def test_kiosk_mode_ignores_close(shell: Shell) -> None:
    from ui.app import CloseGuard

    guard = CloseGuard(shell)
    shell.installEventFilter(guard)
    assert not shell.close()          # Alt+F4 or a window manager's close does nothing
    assert shell.isVisible()
    shell.removeEventFilter(guard)    # --windowed: no guard, the window closes
    assert shell.close()


def test_volunteer_reprints_and_opens_filed_receipts(qtbot, store, resident, monkeypatch) -> None:  # noqa: ANN001
    from kiosk.printing.jobs import recent_jobs
    from kiosk.printing.settings import PrinterSettings, save_settings
    from kiosk.reports import ReportDraft, file_report
    from tests.printer_loopback import LoopbackPrinter

    first = file_report(store, ReportDraft("moi-truong", "Rác ở chợ"), channel="volunteer")
    second = file_report(store, ReportDraft("ha-tang", "Đèn hỏng"), channel="volunteer")
    from kiosk.volunteer import set_identity

    set_identity(store.conn(), "TNV-0007", "Lê Văn Tư")     # asked at step 1 when missing
    volunteer = Shell(store, mode="volunteer")
    qtbot.addWidget(volunteer)
    volunteer.show()
    assert volunteer.screen("home").filed_tile is not None
    resident.click(volunteer.screen("home").filed_tile)
    filed = volunteer.screen("filed")
    assert filed.list.count() == 2 and filed.list.item(0).text().startswith(
        f"{second.code[:4]}-{second.code[4:8]}-{second.code[8:]}")
    resident.type(filed.find, first.code.lower())          # found by code, as typed
    assert filed.list.count() == 1
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    resident.click(filed.open_button)
    assert opened and Path(opened[0]).name == f"{first.code}.pdf" and Path(opened[0]).exists()
    printer = LoopbackPrinter()
    try:
        save_settings(store.conn(), PrinterSettings(url=printer.url))
        resident.click(filed.reprint_button)
        qtbot.waitUntil(lambda: filed.result.text() == "Đã in.", timeout=30_000)
        assert printer.wait_job().data            # the receipt's bytes reached the printer
    finally:
        printer.close()
    assert [j.state for j in recent_jobs(store.conn(), 5)] == ["printed"]


def test_kiosk_home_has_no_filed_list(shell: Shell) -> None:
    assert shell.screen("home").filed_tile is None
