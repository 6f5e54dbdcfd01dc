"""The report receipt: what it says (always Vietnamese: it is the office's paper) and its PDF,
kept in the data dir for reprints."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk import catalog
from kiosk.clock import from_iso, local_display
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.receipt_model import Receipt, ReceiptLine
from kiosk.reports import ReportView, get_report, receipt_path

TITLE = "Phiếu tiếp nhận phản ánh"
STATE_VI = {
    "pending": "Đã lưu tại xã, chờ gửi lên tỉnh",
    "sent": "Đã gửi lên tỉnh",
    "quarantined": "Đang chờ cán bộ kiểm tra",
}
PRIVACY_NOTE = "Mã này chỉ cho biết tình trạng xử lý, không hiển thị thông tin cá nhân."
LOOKUP_NOTE = "Tra cứu bằng mã này hoặc quét mã QR tại kiosk của xã."


def report_receipt(office: catalog.Office, report: ReportView) -> Receipt:
    created = from_iso(report.created_utc)
    due = date.fromisoformat(report.due_date).strftime("%d/%m/%Y")
    lines = [
        ReceiptLine("Lĩnh vực", report.category_vi),
        ReceiptLine("Thời gian tiếp nhận", local_display(created, office.zone)),
        ReceiptLine("Hạn trả lời dự kiến", due),
    ]
    if report.hamlet:
        lines.append(ReceiptLine("Nơi xảy ra", report.hamlet))
    if report.photo_count:
        lines.append(ReceiptLine("Số ảnh đính kèm", str(report.photo_count)))
    lines.append(ReceiptLine("Người phản ánh",
                             "Ẩn danh" if report.anonymous else "Có để lại liên hệ"))
    if report.phone_masked:
        lines.append(ReceiptLine("Số điện thoại", report.phone_masked))
    lines.append(ReceiptLine("Tình trạng", STATE_VI.get(report.sync_state, report.sync_state)))
    footer = [LOOKUP_NOTE, PRIVACY_NOTE]
    if not report.anonymous:
        footer.append("Bạn đã đồng ý cho xã dùng liên hệ này chỉ để trao đổi về phản ánh; "
                      "thông tin được xóa sau khi chuyển lên tỉnh.")
    return Receipt(office_name=office.name, title=TITLE, big_code=report.grouped_code,
                   qr_payload=report.code, lines=lines, footer=footer)


def save_receipt(store: Store, code: str) -> Path:
    """Render the receipt of a committed report to receipts/<code>.pdf and return the path."""
    from kiosk.receipt_pdf import render_receipt_pdf  # reportlab only when printing

    conn = store.conn()
    report = get_report(conn, code)
    if report is None:
        raise KioskError("report_not_found")
    return render_receipt_pdf(report_receipt(catalog.office(conn), report),
                              receipt_path(store, report.code))
