"""A receipt PDF page → a 1-bit image as wide as the thermal head (576 dots at 80 mm, 384 at 58 mm).

Rasterised here with pypdfium2 (PDFium in a wheel): thermal printers' code pages have no
Vietnamese, so the page is sent as a picture, and Windows kiosks have no pdftoppm to call.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from kiosk.errors import KioskError

if TYPE_CHECKING:
    from PIL import Image

Paper = Literal["80mm", "58mm"]
HEAD_DOTS: dict[str, int] = {"80mm": 576, "58mm": 384}   # 8 dots/mm, the usual 203 dpi head
DOTS_PER_MM = 8
THRESHOLD = 160     # a hard threshold, no dithering: text edges and QR modules stay crisp
_PDFIUM = threading.Lock()   # PDFium is not thread-safe; the UI prints from worker threads


def head_dots(paper: str) -> int:
    try:
        return HEAD_DOTS[paper]
    except KeyError:
        raise KioskError("printer_paper_invalid", paper=paper) from None


def rasterise_pdf(path: Path, paper: str = "80mm", page_index: int = 0) -> Image.Image:
    """Page `page_index` scaled to the head's width, on white, as a mode "1" image."""
    import pypdfium2 as pdfium
    from PIL import Image

    width = head_dots(paper)
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError) as exc:
            raise KioskError("printer_document_unreadable", path=str(path)) from exc
        try:
            page = document[page_index]
            points = page.get_width()
            bitmap = page.render(scale=width / points, fill_color=(255, 255, 255, 255),
                                 grayscale=True)
            grey = bitmap.to_pil().convert("L")
            page.close()
        finally:
            document.close()
    if grey.width != width:          # rounding of the scale: make it exactly the head width
        grey = grey.resize((width, round(grey.height * width / grey.width)))
    return grey.point(lambda v: 255 if v >= THRESHOLD else 0).convert("1", dither=Image.Dither.NONE)
