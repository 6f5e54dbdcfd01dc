"""After the commit: the tracking code, printed huge, and the receipt as it will be printed."""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout

from kiosk import codes
from ui.printing.status import PrintStatus
from ui.screens.base import Host, Screen
from ui.screens.print_flow import print_report_receipt
from ui.widgets import button, label

log = logging.getLogger("caunoi.ui.receipt")
PREVIEW_WIDTH = 340


def render_first_page(path: Path, width_px: int) -> QImage | None:
    """Page 1 of a PDF as an image `width_px` wide on white (PDF pages are transparent)."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        log.warning("QtPdf is not installed; the receipt is not previewed on screen")
        return None
    document = QPdfDocument()
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        log.warning("cannot open receipt %s: %s", path.name, document.error())
        return None
    points = document.pagePointSize(0)
    size = QSize(width_px, max(1, round(points.height() * width_px / points.width())))
    page = document.render(0, size)
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, page)
    painter.end()
    document.close()
    return image


class ReceiptScreen(Screen):
    name = "receipt"
    scrolls = False

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        filed = self.state.filed
        columns = QHBoxLayout()
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(18)
        left.addWidget(label(self.tr("Your report has been saved"), "savedTitle"))
        left.addWidget(label(self.tr("Your tracking code"), "fieldLabel"))
        self.code_label = label(codes.grouped(filed.code) if filed else "", "bigCode", wrap=False)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left.addWidget(self.code_label, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(label(self.tr(
            "Keep this code: it shows how your report is handled, never your personal data."),
            "hint"))
        due = filed.due_date.strftime("%d/%m/%Y") if filed else ""
        self.due_label = label(self.tr("Expected reply by: {date}").format(date=due), "due")
        left.addWidget(self.due_label)
        left.addWidget(label(self.tr(
            "The report is saved at the commune and will be sent to the province automatically "
            "when there is a connection."), "notice"))
        self.print_status = PrintStatus(lambda: print_report_receipt(host))
        left.addWidget(self.print_status)
        if host.mode == "volunteer" and self.state.receipt_pdf is not None:
            # Laptops print through the system viewer; never offered at the public kiosk.
            pdf = self.state.receipt_pdf
            self.open_pdf = button(self.tr("Open the receipt PDF"), "secondary")
            self.open_pdf.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf))))
            left.addWidget(self.open_pdf, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        done = button(self.tr("Done"), "primary")
        done.setMinimumWidth(260)
        done.clicked.connect(lambda: host.go("home"))
        left.addWidget(done, 0, Qt.AlignmentFlag.AlignLeft)
        columns.addLayout(left, 1)

        self.preview = QLabel()
        self.preview.setObjectName("receiptPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        image = None
        if self.state.receipt_pdf is not None:
            image = render_first_page(self.state.receipt_pdf, PREVIEW_WIDTH)
        if image is not None:
            self.preview.setPixmap(QPixmap.fromImage(image))
        else:
            self.preview.setText(self.tr("The receipt can be printed again at the counter."))
            self.preview.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setObjectName("receiptScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(image is None)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll.setFixedWidth(PREVIEW_WIDTH + 40)
        columns.addWidget(scroll)
        self.layout_.addLayout(columns, 1)
        self.has_preview = image is not None
        if filed is not None and not self.state.print_state:
            print_report_receipt(host)    # once per report; a rebuilt screen shows the state
        self.show_print()

    def show_print(self) -> None:
        self.print_status.show_state(self.state.print_state, self.state.print_error)
