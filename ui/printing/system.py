"""`system:<name>` printing through Qt print support, silently (never a QPrintDialog: a kiosk
has nobody to answer it).

The kept PDF's page is rendered by QtPdf at the printer's resolution (capped: a 1200 dpi PDF
driver would need a huge image for no visible gain) onto white, because PDF pages are
transparent and some drivers print that black. The page's text is drawn first, under the
picture, so print-to-file drivers (a PDF printer, an archive) keep searchable text.
Paper: "80mm"/"58mm" roll (a custom page as tall as the receipt), or "A5"/"A4" for a formal
receipt (the 80 mm receipt at its natural size at the top centre, shrunk only if too tall).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.errors import KioskError
from kiosk.printing import register_backend
from kiosk.printing.urls import PrinterUrl

MAX_DPI = 600
MM_PER_POINT = 25.4 / 72
ROLL_MM = {"80mm": 80.0, "58mm": 58.0}


def _page_size(paper: str, page_mm: QSizeF) -> QPageSize:
    if paper == "A4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper == "A5":
        return QPageSize(QPageSize.PageSizeId.A5)
    width = ROLL_MM.get(paper, 80.0)
    height = page_mm.height() * width / page_mm.width()
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "Receipt",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def print_pdf_on(printer: QPrinter, pdf: Path, paper: str = "80mm") -> None:
    """Print page 1 of `pdf` on an already chosen QPrinter (a real one, or PdfFormat output
    in tests). Raises KioskError printer_document_unreadable / printer_failed."""
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise KioskError("printer_document_unreadable", path=str(pdf))
        points = document.pagePointSize(0)
        page_mm = QSizeF(points.width() * MM_PER_POINT, points.height() * MM_PER_POINT)
        text = document.getAllText(0).text()
        printer.setFullPage(True)
        layout = QPageLayout(_page_size(paper, page_mm), QPageLayout.Orientation.Portrait,
                             QMarginsF(0, 0, 0, 0))
        printer.setPageLayout(layout)
        dpi = min(printer.resolution(), MAX_DPI)
        paint = printer.pageLayout().fullRectPixels(printer.resolution())
        # The receipt's width on paper: the roll's width, or its own 80 mm on A5/A4.
        width_mm = ROLL_MM.get(paper, page_mm.width())
        scale = printer.resolution() / 25.4
        target = QRectF(0, 0, width_mm * scale, page_mm.height() * width_mm / page_mm.width()
                        * scale)
        if target.height() > paint.height():          # a formal page: shrink to fit
            target.setSize(target.size() * (paint.height() / target.height()))
        target.moveLeft((paint.width() - target.width()) / 2)
        pixels = QSize(round(target.width() * dpi / printer.resolution()),
                       round(target.height() * dpi / printer.resolution()))
        page = document.render(0, pixels)
    finally:
        document.close()
    paper_image = QImage(pixels, QImage.Format.Format_RGB32)
    paper_image.fill(Qt.GlobalColor.white)
    painter = QPainter()
    if not painter.begin(printer):
        raise KioskError("printer_failed", detail="begin")
    try:
        hidden = QFont(painter.font())
        hidden.setPixelSize(max(1, round(target.height() / 200)))
        painter.setFont(hidden)
        painter.setPen(QColor("white"))
        painter.drawText(target, Qt.TextFlag.TextWordWrap, text)   # under the picture
        with_page = QPainter(paper_image)
        with_page.drawImage(0, 0, page)
        with_page.end()
        painter.drawImage(target, paper_image)
    finally:
        painter.end()


def system_backend(pdf: Path, url: PrinterUrl, paper: str) -> None:
    info = QPrinterInfo.printerInfo(url.name)
    if info.isNull():
        raise KioskError("printer_not_found", name=url.name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    print_pdf_on(printer, pdf, paper)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise KioskError("printer_failed", detail="spooler")


register_backend("system", system_backend)
