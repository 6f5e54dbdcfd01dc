"""The receipt PDF: Vietnamese text survives, only embedded fonts, 80 mm roll, a QR that scans."""
from __future__ import annotations

import dataclasses
import pathlib
import shutil
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from kiosk.receipt_model import Receipt, ReceiptLine
from kiosk.receipt_pdf import render_receipt_pdf

PAYLOAD = "K7QM2XPD9RW"
LONG_VALUE = ("Tổ dân phố số 7, đường Nguyễn Trãi, gần cổng chợ Tân Hòa, phía sau nhà văn hóa "
              "khu phố, cạnh trạm biến áp, công trình xây dựng lấn chiếm vỉa hè và lòng đường")
LINES = [
    ("Lĩnh vực", "Trật tự xây dựng"),
    ("Thời gian", "22/11/2026 14:05"),
    ("Hạn trả lời dự kiến", "04/12/2026"),
    ("Số điện thoại", "091****567"),
    ("Địa điểm", LONG_VALUE),
]
FOOTER = "Mã này chỉ cho biết tình trạng xử lý, không hiển thị thông tin cá nhân."
BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def make_receipt(extra_lines: int = 0) -> Receipt:
    lines = [ReceiptLine(label, value) for label, value in LINES]
    lines += [ReceiptLine(f"Mục {i}", f"Giá trị {i}") for i in range(extra_lines)]
    return Receipt(
        office_name="UBND xã Tân Hòa",
        title="Phiếu tiếp nhận phản ánh",
        big_code="K7QM-2XPD-9RW",
        qr_payload=PAYLOAD,
        lines=lines,
        footer=[FOOTER],
    )


@pytest.fixture
def pdf(tmp_path: pathlib.Path) -> pathlib.Path:
    return render_receipt_pdf(make_receipt(), tmp_path / "receipt.pdf")


def test_vietnamese_text_is_extractable(pdf: pathlib.Path) -> None:
    raw = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    # Wrapping turns spaces into line breaks; collapse whitespace, compare characters exactly.
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    expected = ["UBND xã Tân Hòa", "Phiếu tiếp nhận phản ánh", "K7QM-2XPD-9RW", FOOTER]
    expected += [label for label, _ in LINES] + [value for _, value in LINES[:-1]]
    for s in expected:
        assert s in text, s
    # The long value is wrapped, so only its words are guaranteed to come back intact.
    for word in LONG_VALUE.split():
        assert word in text, word


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    """Fonts in a resource dictionary, including those of nested form XObjects."""
    found = [f.get_object() for f in resources.get("/Font", DictionaryObject()).get_object().values()]
    for xobj in resources.get("/XObject", DictionaryObject()).get_object().values():
        xobj = xobj.get_object()
        if "/Resources" in xobj:
            found += _fonts(xobj["/Resources"].get_object())
    return found


def test_only_embedded_dejavu_fonts(pdf: pathlib.Path) -> None:
    for page in PdfReader(pdf).pages:
        fonts = _fonts(page["/Resources"].get_object())
        assert fonts, "page has no fonts at all"
        for font in fonts:
            name = str(font["/BaseFont"])
            assert not any(b in name for b in BASE14), name
            assert "DejaVu" in name, name
            # A composite (Type0) font keeps its descriptor on the descendant font.
            holder = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            assert "/FontFile2" in holder["/FontDescriptor"].get_object(), f"{name} not embedded"


def test_page_is_80mm_wide_and_grows_with_content(pdf: pathlib.Path,
                                                  tmp_path: pathlib.Path) -> None:
    short = PdfReader(pdf).pages[0].mediabox
    assert float(short.width) == pytest.approx(80 / 25.4 * 72, abs=0.5)   # 226.77 pt
    longer = render_receipt_pdf(make_receipt(extra_lines=10), tmp_path / "longer.pdf")
    reader = PdfReader(longer)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(float(short.width))
    assert float(box.height) > float(short.height)


def test_title_metadata(pdf: pathlib.Path) -> None:
    title = PdfReader(pdf).metadata.title
    assert "Phiếu tiếp nhận phản ánh" in title and "K7QM-2XPD-9RW" in title


def test_qr_decodes_to_payload(pdf: pathlib.Path, tmp_path: pathlib.Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed; cannot rasterise the PDF")
    out = tmp_path / "page"
    subprocess.run([pdftoppm, "-r", "200", "-png", "-singlefile", str(pdf), str(out)], check=True)
    with Image.open(out.with_suffix(".png")) as image:
        results = zxingcpp.read_barcodes(image)
    qr = [r for r in results if r.format == zxingcpp.BarcodeFormat.QRCode]
    assert [r.text for r in qr] == [PAYLOAD]


def test_creates_parent_and_leaves_no_temp_file(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "a" / "b" / "receipt.pdf"
    assert render_receipt_pdf(make_receipt(), target) == target
    assert target.read_bytes().startswith(b"%PDF-")
    render_receipt_pdf(make_receipt(extra_lines=1), target)     # overwriting works too
    assert [p.name for p in target.parent.iterdir()] == ["receipt.pdf"]


def test_failed_render_keeps_old_file(tmp_path: pathlib.Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = render_receipt_pdf(make_receipt(), tmp_path / "receipt.pdf")
    before = target.read_bytes()

    def boom(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("kiosk.receipt_pdf.os.replace", boom)
    with pytest.raises(OSError):
        render_receipt_pdf(dataclasses.replace(make_receipt(), big_code="ZZZZ"), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["receipt.pdf"]
