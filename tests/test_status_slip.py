"""The status slip: the lookup's words on 80 mm paper, fonts embedded, nothing personal."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.db import Store
from kiosk.lookup import lookup
from kiosk.receipt_pdf import PAGE_WIDTH
from kiosk.reports import ReportDraft, file_report
from kiosk.status_slip import save_status_slip
from tests.test_lookup import DOSSIER, NOW, SECRET, T0, apply, case, dossier

NAME, PHONE = "Phạm Thị Hường", "0934567812"
ANSWER = ("UBND xã đã phối hợp với Điện lực huyện thay bóng đèn đường tại ngã ba ấp 3 vào ngày "
          "04/03/2026; đề nghị bà con tiếp tục phản ánh nếu đèn hỏng lại.")
PRINTED = datetime(2026, 3, 4, 7, 30, tzinfo=timezone.utc)


def text_of(pdf: Path) -> str:
    raw = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


@pytest.fixture
def report_slip(store: Store) -> Path:
    conn = store.conn()
    filed = file_report(store, ReportDraft(
        category_id="ha-tang", text=f"Đèn hỏng, gọi {PHONE}", contact_name=NAME,
        contact_phone=PHONE, consent_text="Tôi đồng ý"))
    apply(conn, case(filed.code, "resolved",
                     [("received", T0), ("assigned", "2026-03-02T03:00:00Z"),
                      ("resolved", "2026-03-04T02:00:00Z")],
                     answer=ANSWER, published="2026-03-04T02:00:00Z",
                     note="Chuyển Điện lực huyện"))
    conn.execute("INSERT INTO settings (key, value) VALUES ('sync.last_success',"
                 " '\"2026-03-04T07:05:00.000000Z\"')")
    return save_status_slip(store, lookup(conn, filed.code, now=NOW), printed=PRINTED)


def test_report_slip_says_the_status_and_nothing_personal(report_slip: Path) -> None:
    text = text_of(report_slip)
    for expected in ("UBND xã Tân Hòa", "Phiếu tình trạng phản ánh", "Đã xử lý xong",
                     "Đã tiếp nhận", "Đã chuyển đơn vị xử lý", "Chuyển Điện lực huyện",
                     "Phòng Kinh tế", "16/03/2026 (đúng hạn)", "Kết quả trả lời",
                     "Cập nhật lúc 14:05 04/03/2026", "In lúc 14:30 04/03/2026"):
        assert expected in text, expected
    for word in ANSWER.split():
        assert word in text, word
    assert NAME not in text and NAME.split()[-1] not in text
    assert PHONE not in text and PHONE[-6:] not in text and "Đèn hỏng" not in text


def test_slip_is_an_80mm_roll_with_embedded_fonts_only(report_slip: Path) -> None:
    page = PdfReader(report_slip).pages[0]
    assert float(page.mediabox.width) == pytest.approx(PAGE_WIDTH)
    fonts = page["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        assert "DejaVu" in str(font["/BaseFont"])
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        assert any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3"))


def test_dossier_slip_has_collect_place_apology_and_new_date(store: Store) -> None:
    conn = store.conn()
    apply(conn, dossier(status="needs_payment", due="2026-03-03", new_due="2026-03-10",
                        apology="Xin lỗi ông/bà vì hồ sơ trễ hẹn do chờ xác minh."))
    result = lookup(conn, DOSSIER, SECRET, now=NOW)
    pdf = save_status_slip(store, result, qr=False, printed=PRINTED)
    text = text_of(pdf)
    for expected in ("Phiếu tình trạng hồ sơ", DOSSIER, "Đăng ký khai sinh",
                     "Yêu cầu thực hiện nghĩa vụ tài chính", "Mới đăng ký", "03/03/2026",
                     "10/03/2026 (còn 4 ngày làm việc)", "Bộ phận một cửa UBND xã, quầy 2",
                     "Chưa cập nhật từ tỉnh lần nào"):
        assert expected in text, expected
    for word in "Xin lỗi ông/bà vì hồ sơ trễ hẹn do chờ xác minh.".split():
        assert word in text
    assert SECRET not in text                  # the secret is never printed
    assert pdf.parent.name == "status_slips"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_slip_renders(report_slip: Path, tmp_path: Path) -> None:
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(report_slip),
                    str(tmp_path / "slip")], check=True, timeout=60)
    png = tmp_path / "slip.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    from PIL import Image

    with Image.open(png) as image:
        assert abs(image.width - 80 / 25.4 * 150) <= 1 and image.height > image.width


def test_slip_prints_as_a_thermal_raster(report_slip: Path) -> None:
    from kiosk.printing.raster import rasterise_pdf

    assert rasterise_pdf(report_slip, "80mm").width == 576
