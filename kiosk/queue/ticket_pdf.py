"""The 80 mm queue ticket: big number, service, counters, time, people ahead, estimate, and a QR
of the ticket's id to follow it (kiosk lookup now, a phone page once the hub serves one).

Always Vietnamese (the office's paper), drawn by kiosk.receipt_pdf like every receipt. The PDF
is kept under <data dir>/tickets for reprints; a printer failure never loses the ticket, which
is committed before this is called.
"""
from __future__ import annotations

from pathlib import Path

from kiosk.clock import OFFICE_ZONE, from_iso, local_display
from kiosk.queue.api import Ticket
from kiosk.queue.estimate import say_estimate
from kiosk.receipt_model import Receipt, ReceiptLine

TITLE = "Phiếu số thứ tự"
NUMBER_SIZE = 44.0
FOLLOW_NOTE = "Xin giữ phiếu đến khi được gọi và phục vụ xong."
WAIT_NOTE = "Xin chú ý màn hình và loa gọi số. Số chỉ có giá trị trong ngày."


def ticket_receipt(ticket: Ticket, office_name: str, zone: str = OFFICE_ZONE) -> Receipt:
    lines = [
        ReceiptLine("Dịch vụ", ticket.service_vi),
        ReceiptLine("Quầy", ", ".join(str(c) for c in ticket.counters) or "—"),
        ReceiptLine("Thời gian lấy số", local_display(from_iso(ticket.issued_utc), zone)),
        ReceiptLine("Số người đang chờ trước", str(ticket.ahead)),
    ]
    if ticket.estimate_minutes is not None:
        lines.append(ReceiptLine("Thời gian chờ dự kiến", say_estimate(ticket.estimate_minutes)))
    if ticket.priority:
        lines.append(ReceiptLine("Ưu tiên", "Có"))
    if ticket.booking_code:
        lines.append(ReceiptLine("Mã đặt hẹn", ticket.booking_code))
    # Upper case puts the UUID in the QR alphanumeric mode: version 2 instead of 3, a coarser
    # code that scans better from thermal paper and draws faster.
    return Receipt(office_name=office_name, title=TITLE, big_code=ticket.label,
                   qr_payload=ticket.id.upper(), lines=lines, footer=[WAIT_NOTE, FOLLOW_NOTE],
                   big_code_size=NUMBER_SIZE)


def ticket_path(data_dir: Path, ticket: Ticket) -> Path:
    # Labels repeat on other days: the office day keeps reprints of each day apart.
    return data_dir / "tickets" / f"{ticket.office_day}_{ticket.label}.pdf"


def save_ticket_pdf(ticket: Ticket, office_name: str, path: Path,
                    zone: str = OFFICE_ZONE) -> Path:
    from kiosk.receipt_pdf import render_receipt_pdf  # reportlab only when printing

    return render_receipt_pdf(ticket_receipt(ticket, office_name, zone), path)
