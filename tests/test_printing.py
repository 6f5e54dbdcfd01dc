"""Printing core: printer URLs, the raster a thermal printer receives (decoded back to an image
from the bytes a loopback printer recorded), failures that lose nothing, the job log."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
import zxingcpp
from pypdf import PdfReader

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.printing import print_and_log, print_document
from kiosk.printing.documents import (Document, print_test_document, report_document, resolve,
                                      toned_vowels)
from kiosk.printing.escpos_out import status_problem
from kiosk.printing.jobs import jobs_for, recent_jobs
from kiosk.printing.settings import PrinterSettings, load_settings, save_settings
from kiosk.printing.urls import parse_printer_url
from kiosk.queue.local import LocalQueue
from kiosk.reports import ReportDraft, file_report, get_report
from tests.printer_loopback import COVER_OPEN, PAPER_END, LoopbackPrinter, decode_escpos

DEADLINE = 3.0


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    p = LoopbackPrinter()
    yield p
    p.close()


@pytest.fixture
def report(store: Store) -> Document:
    filed = file_report(store, ReportDraft(category_id="moi-truong",
                                           text="Rác thải đổ trộm ven kênh ấp 2"), channel="cli")
    return report_document(store, filed.code)


def qr_texts(image) -> list[str]:  # noqa: ANN001 - a PIL image
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L"))]


# ---- URLs ---------------------------------------------------------------------------------
@pytest.mark.parametrize("url, kind, detail", [
    ("pdf:", "pdf", {}),
    ("system:EPSON TM-T82", "system", {"name": "EPSON TM-T82"}),
    ("escpos+tcp://192.168.1.50:9100", "tcp", {"host": "192.168.1.50", "port": 9100}),
    ("escpos+tcp://printer.local", "tcp", {"host": "printer.local", "port": 9100}),
    ("escpos+usb://04b8:0202", "usb", {"vendor": 0x04B8, "product": 0x0202}),
    ("escpos+usb://0x0416:0x5011", "usb", {"vendor": 0x0416, "product": 0x5011}),
    ("escpos+serial:///dev/ttyUSB0", "serial", {"device": "/dev/ttyUSB0", "baudrate": 9600}),
    ("escpos+serial://COM3?baud=19200", "serial", {"device": "COM3", "baudrate": 19200}),
])
def test_printer_urls(url: str, kind: str, detail: dict[str, object]) -> None:
    parsed = parse_printer_url(f"  {url} ")
    assert parsed.kind == kind and parsed.url == url
    assert {k: getattr(parsed, k) for k in detail} == detail


@pytest.mark.parametrize("url", ["", "printer", "http://10.0.0.1", "pdf:/x", "system:",
                                 "escpos+tcp://", "escpos+tcp://h:port", "escpos+tcp://h:99999",
                                 "escpos+usb://04b8", "escpos+usb://zz:01", "escpos+serial://",
                                 "escpos+serial://COM3?baud=fast", "escpos+lpt://x"])
def test_bad_urls_say_so_with_examples(url: str) -> None:
    with pytest.raises(KioskError) as caught:
        parse_printer_url(url)
    assert caught.value.code == "printer_url_invalid"
    words = describe(caught.value)
    assert f"“{url.strip()}”" in words and "escpos+tcp://192.168.1.50:9100" in words


# ---- the raster the printer receives ------------------------------------------------------
@pytest.mark.parametrize("paper, width", [("80mm", 576), ("58mm", 384)])
def test_receipt_raster_decodes_to_the_code(store: Store, report: Document,
                                            printer: LoopbackPrinter, paper: str,
                                            width: int) -> None:
    outcome = print_and_log(store, report, printer.url, paper=paper, deadline_s=DEADLINE)
    assert outcome.state == "printed" and outcome.error is None
    decoded = decode_escpos(bytes(printer.wait_job().data))
    image = decoded.image
    assert image is not None and image.width == width
    black = image.histogram()[0]
    assert 0.02 < black / (image.width * image.height) < 0.5      # printed, and not a black slab
    assert qr_texts(image) == [report.ref_id]                      # the report's code
    assert decoded.commands[:3] == ["status2", "status4", "init"]
    assert decoded.commands[-1] == "cut" and "buzzer" not in decoded.commands
    assert [j.state for j in jobs_for(store.conn(), "report", report.ref)] == ["printed"]


def test_buzzer_when_asked(store: Store, report: Document, printer: LoopbackPrinter) -> None:
    print_document(report.pdf, printer.url, buzzer=True, deadline_s=DEADLINE)
    commands = decode_escpos(bytes(printer.wait_job().data)).commands
    assert commands[-2:] == ["feed", "cut"] and "buzzer" in commands


def test_queue_ticket_prints_by_label(store: Store, printer: LoopbackPrinter) -> None:
    ticket = LocalQueue(store).take("tu-phap-ho-tich")
    document = resolve(store, ticket.label.lower())          # a clerk types "a001"
    assert document.kind == "ticket" and document.ref_id == ticket.id and document.pdf.exists()
    assert print_and_log(store, document, printer.url, deadline_s=DEADLINE).state == "printed"
    image = decode_escpos(bytes(printer.wait_job().data)).image
    assert image is not None and qr_texts(image) == [ticket.id.upper()]


def test_status_problems_are_read_before_printing(store: Store, report: Document) -> None:
    for status, code in ((COVER_OPEN, "printer_cover_open"), (PAPER_END, "printer_no_paper")):
        p = LoopbackPrinter(status=status)
        try:
            outcome = print_and_log(store, report, p.url, deadline_s=DEADLINE)
            assert outcome.error_code == code
            assert "raster" not in decode_escpos(bytes(p.wait_job().data)).commands
        finally:
            p.close()
    assert describe(KioskError("printer_no_paper")).startswith("Máy in hết giấy")
    assert status_problem(b"", b"") is None                  # no answer: unknown, not a fault
    assert status_problem(b"\xff", b"\x00") is None          # not a status byte
    assert status_problem(b"\x12", b"\x72") == "printer_no_paper"   # roll sensor: paper end


def test_a_printer_that_never_answers_status_still_prints(store: Store,
                                                           report: Document) -> None:
    p = LoopbackPrinter(status=None)
    try:
        assert print_and_log(store, report, p.url, deadline_s=DEADLINE).state == "printed"
        assert decode_escpos(bytes(p.wait_job().data)).commands[-1] == "cut"
    finally:
        p.close()


# ---- failures lose nothing ------------------------------------------------------------------
def test_refused_connection_is_offline_and_the_report_stays(store: Store,
                                                            report: Document) -> None:
    gone = LoopbackPrinter()
    url = gone.url
    gone.close()                                              # nobody listens on that port now
    outcome = print_and_log(store, report, url, deadline_s=DEADLINE)
    assert outcome.state == "failed" and outcome.error_code == "printer_offline"
    assert describe(outcome.error) .startswith("Không kết nối được máy in")
    assert get_report(store.conn(), report.ref_id) is not None and report.pdf.exists()
    [job] = jobs_for(store.conn(), "report", report.ref)
    assert (job.state, job.error_code, job.printer_url) == ("failed", "printer_offline", url)


def test_a_hung_printer_times_out(store: Store, report: Document) -> None:
    hung = LoopbackPrinter(mode="hang", status=None)
    try:
        outcome = print_and_log(store, report, hung.url, deadline_s=1.5)
    finally:
        hung.close()
    assert outcome.error_code == "printer_timeout"
    assert describe(outcome.error, "en").startswith("The printer is not responding")
    assert report.pdf.exists()


def test_pdf_means_saved_and_system_needs_the_ui(store: Store, report: Document,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert print_document(report.pdf, "pdf:") == "saved"
    import kiosk.printing as printing

    monkeypatch.setattr(printing, "_BACKENDS", {})
    with pytest.raises(KioskError) as caught:
        print_document(report.pdf, "system:Máy in quầy")
    assert caught.value.code == "printer_system_needs_ui"


def test_recent_jobs_keep_the_last_attempt_per_document(store: Store, report: Document,
                                                        printer: LoopbackPrinter) -> None:
    print_and_log(store, report, "escpos+tcp://127.0.0.1:1", deadline_s=DEADLINE)
    print_and_log(store, report, printer.url, deadline_s=DEADLINE)
    [last] = recent_jobs(store.conn(), 10)
    assert (last.ref, last.state) == (report.ref, "printed")
    assert len(jobs_for(store.conn(), "report", report.ref)) == 2


# ---- settings and the test page ---------------------------------------------------------------
def test_settings_are_validated_before_saving(store: Store) -> None:
    conn = store.conn()
    assert load_settings(conn) == PrinterSettings("pdf:", "80mm", False)
    with pytest.raises(KioskError):
        save_settings(conn, PrinterSettings("escpos+tcp://", "80mm", True))
    with pytest.raises(KioskError):
        save_settings(conn, PrinterSettings("pdf:", "letter", True))
    assert load_settings(conn).url == "pdf:"
    save_settings(conn, PrinterSettings(" escpos+usb://04b8:0202 ", "58mm", True))
    assert load_settings(conn) == PrinterSettings("escpos+usb://04b8:0202", "58mm", True)


def test_test_page_has_every_toned_vowel_and_the_settings(store: Store) -> None:
    settings = PrinterSettings("escpos+tcp://10.0.0.9:9100", "80mm", True)
    document = print_test_document(store, settings)
    text = " ".join(PdfReader(document.pdf).pages[0].extract_text().split())
    assert catalog.office(store.conn()).name in text and settings.url in text
    for row in toned_vowels(upper=True) + toned_vowels():
        assert row.split()[0] in text and row.split()[-1] in text
    assert "Ặ" in "".join(toned_vowels(upper=True)) and "ỵ" in "".join(toned_vowels())
    assert sum(len(r.replace(" ", "")) for r in toned_vowels() + toned_vowels(True)) == 144
