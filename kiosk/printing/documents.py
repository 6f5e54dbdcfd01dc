"""What can be printed: a report receipt by its tracking code, a queue ticket by its label or id,
or the test page. Each resolves to its kept PDF, made again if it went missing."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kiosk import catalog, codes
from kiosk.clock import local_display, utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.printing.jobs import DocKind
from kiosk.printing.settings import PrinterSettings
from kiosk.receipt_model import Receipt, ReceiptLine

TEST_TITLE = "Trang in thử"
VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")   # ngang sắc huyền hỏi ngã nặng
LETTERS = "A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y"


@dataclass(frozen=True)
class Document:
    kind: DocKind
    ref: str          # grouped report code, ticket label, "TEST"
    ref_id: str       # ticket id (labels repeat daily), else ""
    pdf: Path

    def relative(self, data_dir: Path) -> str:
        try:
            return str(self.pdf.relative_to(data_dir))
        except ValueError:
            return str(self.pdf)


def toned_vowels(upper: bool = False) -> list[str]:
    """Every vowel with the six tones, precomposed (NFC) as typed; two vowels a line to save
    paper."""
    groups = []
    for vowel in VOWELS:
        base = vowel.upper() if upper else vowel
        groups.append(" ".join(unicodedata.normalize("NFC", base + tone) for tone in TONES))
    return ["   ".join(groups[i:i + 2]) for i in range(0, len(groups), 2)]


def report_document(store: Store, typed_code: str) -> Document:
    from kiosk.receipts import save_receipt
    from kiosk.reports import get_report, receipt_path

    view = get_report(store.conn(), typed_code)
    if view is None:
        raise KioskError("report_not_found")
    pdf = receipt_path(store, view.code)
    if not pdf.exists():
        pdf = save_receipt(store, view.code)
    return Document("report", view.grouped_code, view.code, pdf)


def ticket_document(store: Store, ref: str) -> Document:
    from kiosk.queue.local import LocalQueue
    from kiosk.queue.ticket_pdf import save_ticket_pdf, ticket_path

    queue = LocalQueue(store)
    ticket = queue.ticket(ref) if len(ref.strip()) == 36 else queue.ticket_by_label(ref)
    if ticket is None:
        raise KioskError("queue_ticket_unknown", ticket=ref)
    pdf = ticket_path(store.data_dir, ticket)
    if not pdf.exists():
        office = catalog.office(store.conn())
        pdf = save_ticket_pdf(ticket, office.name, pdf, office.zone)
    return Document("ticket", ticket.label, ticket.id, pdf)


def resolve(store: Store, ref: str) -> Document:
    """A tracking code in any typing form is a report; anything else is a ticket."""
    if codes.normalise(ref) is not None:
        return report_document(store, ref)
    return ticket_document(store, ref)


def print_test_receipt(office: catalog.Office, settings: PrinterSettings) -> Receipt:
    lines = [ReceiptLine("Máy in", settings.url), ReceiptLine("Khổ giấy", settings.paper),
             ReceiptLine("Còi báo", "Bật" if settings.buzzer else "Tắt"),
             ReceiptLine("Thời gian", local_display(utc_now(), office.zone))]
    footer = ["Bảng chữ cái:", LETTERS, LETTERS.lower(), "Nguyên âm và dấu thanh:",
              *toned_vowels(upper=True), *toned_vowels()]
    return Receipt(office_name=office.name, title=TEST_TITLE, big_code="IN THỬ",
                   qr_payload="CAUNOI TEST " + settings.url, lines=lines, footer=footer)


def print_test_document(store: Store, settings: PrinterSettings) -> Document:
    from kiosk.receipt_pdf import render_receipt_pdf

    office = catalog.office(store.conn())
    pdf = render_receipt_pdf(print_test_receipt(office, settings),
                             store.data_dir / "print-test" / "test-page.pdf")
    return Document("test", "TEST", "", pdf)
