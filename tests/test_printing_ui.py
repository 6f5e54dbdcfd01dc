"""Printing from the UI: the Qt system-printer path (a QPrinter writing a PDF file stands in for a
real printer), the print state and "Reprint" under the receipt and the ticket, the admin's test
print, and the clerk's reprint."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import pypdfium2 as pdfium
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from kiosk.catalog import set_setting
from kiosk.db import Store
from kiosk.printing.jobs import recent_jobs
from kiosk.queue.local import LocalQueue
from kiosk.receipts import TITLE, save_receipt
from kiosk.reports import ReportDraft, file_report, get_report
from tests.printer_loopback import LoopbackPrinter, decode_escpos
from ui.screens.state import QUEUE_TICKET, RECEIPT
from ui.shell import Shell

REFUSED = "escpos+tcp://127.0.0.1:1"


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    p = LoopbackPrinter()
    yield p
    p.close()


def _file(store: Store):  # noqa: ANN202 - FiledReport
    return file_report(store, ReportDraft(category_id="moi-truong",
                                          text="Cống thoát nước bị tắc trước chợ"),
                       channel="kiosk")


def _printed_text(path: Path) -> str:
    return " ".join(PdfReader(path).pages[0].extract_text().split())


@pytest.mark.parametrize("paper, width_mm", [("80mm", 80), ("A5", 148)])
def test_system_printer_path_prints_the_receipt(store: Store, ui: None, tmp_path: Path,
                                                paper: str, width_mm: int) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from ui.printing.system import print_pdf_on

    filed = _file(store)
    pdf = save_receipt(store, filed.code)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / f"printed-{paper}.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(300)
    print_pdf_on(printer, pdf, paper)
    assert TITLE in _printed_text(out)                  # "Phiếu tiếp nhận phản ánh"
    page = pdfium.PdfDocument(str(out))[0]
    assert round(page.get_width() * 25.4 / 72) == width_mm
    image = page.render(scale=1).to_pil().convert("L")
    assert image.getextrema()[0] < 64                    # the picture of the receipt is there


def _receipt_shell(qtbot: QtBot, store: Store) -> Shell:
    filed = _file(store)
    shell = Shell(store, mode="kiosk")
    qtbot.addWidget(shell)
    shell.state.filed = filed
    shell.state.receipt_pdf = save_receipt(store, filed.code)
    shell.go(RECEIPT)
    return shell


def test_receipt_failure_offers_reprint_that_then_prints(store: Store, ui: None, qtbot: QtBot,
                                                         printer: LoopbackPrinter,
                                                         resident) -> None:  # noqa: ANN001
    set_setting(store.conn(), "printer.url", REFUSED)
    shell = _receipt_shell(qtbot, store)
    shell.show()
    screen = shell.screen(RECEIPT)
    qtbot.waitUntil(lambda: shell.state.print_state == "failed", timeout=20_000)
    status = screen.print_status
    assert status.isVisible() and status.reprint_button.isVisible()
    assert status.reprint_button.text() == "In lại"
    assert status.text.text().startswith("Không kết nối được máy in")
    assert get_report(store.conn(), shell.state.filed.code) is not None

    set_setting(store.conn(), "printer.url", printer.url)
    resident.click(status.reprint_button)
    assert shell.state.print_state == "printing" and status.text.text() == "Đang in…"
    qtbot.waitUntil(lambda: shell.state.print_state == "printed", timeout=20_000)
    assert status.text.text() == "Đã in" and not status.reprint_button.isVisible()
    assert decode_escpos(bytes(printer.wait_job().data)).commands[-1] == "cut"
    assert [j.state for j in recent_jobs(store.conn())] == ["printed"]


def test_pdf_printer_shows_no_print_state(store: Store, ui: None, qtbot: QtBot) -> None:
    shell = _receipt_shell(qtbot, store)
    qtbot.waitUntil(lambda: shell.state.print_state == "saved", timeout=20_000)
    assert not shell.screen(RECEIPT).print_status.isVisibleTo(shell)


def test_ticket_prints_after_its_pdf(store: Store, ui: None, qtbot: QtBot,
                                     printer: LoopbackPrinter) -> None:
    set_setting(store.conn(), "printer.url", printer.url)
    queue = LocalQueue(store)
    shell = Shell(store, mode="kiosk", queue=queue)
    qtbot.addWidget(shell)
    shell.state.queue.ticket = queue.take("tu-phap-ho-tich")
    shell.go(QUEUE_TICKET)
    qtbot.waitUntil(lambda: shell.state.queue.print_state == "printed", timeout=20_000)
    assert shell.screen(QUEUE_TICKET).print_status.text.text() == "Đã in"
    image = decode_escpos(bytes(printer.wait_job().data)).image
    assert image is not None and image.width == 576


def test_admin_printer_box_saves_and_test_prints(store: Store, ui: None, qtbot: QtBot,
                                                 printer: LoopbackPrinter) -> None:
    from ui.staff.printer_admin import PrinterSettingsBox

    box = PrinterSettingsBox(store)
    qtbot.addWidget(box)
    assert box.url.text() == "pdf:"
    box.url.setText("escpos+tcp://")
    assert not box.save() and "Địa chỉ máy in" in box.result.text()
    box.url.setText(printer.url)
    box.paper.setCurrentText("58mm")
    assert box.save()
    box.test_button.click()
    qtbot.waitUntil(lambda: box.test_button.isEnabled(), timeout=20_000)
    assert "Đã gửi trang in thử" in box.result.text(), box.result.text()
    assert decode_escpos(bytes(printer.wait_job().data)).image.width == 384


def test_clerk_reprints_the_selected_receipt(store: Store, ui: None, qtbot: QtBot,
                                             printer: LoopbackPrinter) -> None:
    from ui.staff.clerk import ClerkConsole

    set_setting(store.conn(), "printer.url", printer.url)
    filed = _file(store)
    console = ClerkConsole(store)
    qtbot.addWidget(console)
    console.find.setText(filed.code)
    detail = console.detail
    qtbot.waitUntil(lambda: detail.view is not None and detail.open_button.isEnabled(),
                    timeout=20_000)
    assert detail.reprint_button.text() == "In lại phiếu"
    detail.reprint()
    qtbot.waitUntil(lambda: detail.reprint_button.isEnabled(), timeout=20_000)
    assert detail.print_result.text() == "Đã in phiếu.", detail.print_result.text()
    assert decode_escpos(bytes(printer.wait_job().data)).commands[-1] == "cut"


def test_recent_prints_find_and_reprint(store: Store, ui: None, qtbot: QtBot,
                                        printer: LoopbackPrinter) -> None:
    from kiosk.printing import print_and_log
    from kiosk.printing.documents import report_document
    from ui.staff.recent_prints import RecentPrints

    filed = _file(store)
    print_and_log(store, report_document(store, filed.code), REFUSED)
    set_setting(store.conn(), "printer.url", printer.url)
    panel = RecentPrints(store)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10_000)
    assert panel.table.item(0, 3).text().startswith("Không kết nối được máy in")
    panel.find.setText(filed.code.lower())
    assert panel.table.rowCount() == 1
    panel.reprint()
    qtbot.waitUntil(lambda: panel.reprint_button.isEnabled(), timeout=20_000)
    assert panel.result.text() == "Đã in"
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "Đã in", timeout=10_000)


def test_an_unknown_system_printer_is_named(store: Store, ui: None) -> None:
    from kiosk.errors import KioskError
    from kiosk.messages import describe
    from kiosk.printing.urls import parse_printer_url
    from ui.printing.system import system_backend

    pdf = save_receipt(store, _file(store).code)
    with pytest.raises(KioskError) as caught:
        system_backend(pdf, parse_printer_url("system:Máy in không có"), "80mm")
    assert caught.value.code == "printer_not_found"
    assert "“Máy in không có”" in describe(caught.value)
