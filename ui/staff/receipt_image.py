"""The receipt PDF as a picture for the clerk: first page, rendered by QtPdf, on white paper
(PDF pages have no background of their own, and a dark theme would show through)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument


def render_first_page(path: Path, width_px: int, pixel_ratio: float = 1.0) -> QImage | None:
    """The page scaled to `width_px` logical pixels, or None if the file is no readable PDF."""
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            return None
        points = document.pagePointSize(0)
        if points.width() <= 0:
            return None
        device_width = round(width_px * pixel_ratio)
        size = QSize(device_width, round(points.height() * device_width / points.width()))
        page = document.render(0, size)
    finally:
        document.close()
    paper = QImage(page.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, page)
    painter.end()
    paper.setDevicePixelRatio(pixel_ratio)
    return paper
