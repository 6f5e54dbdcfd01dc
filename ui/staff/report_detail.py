"""The clerk's details pane: what the resident reported, where, the photos, and the receipt as
it was printed. Shows only what ReportView carries: no name, the phone masked."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from kiosk.clock import from_iso, local_display
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.printing import PrintOutcome
from kiosk.messages import describe
from kiosk.receipts import save_receipt
from kiosk.reports import ReportView, receipt_path, report_photos
from ui.i18n import LANG
from ui.printing.job import start_print
from ui.staff.receipt_image import render_first_page
from ui.staff.report_table import category_name, state_text
from ui.staff.style import field_rows, set_tone
from ui.workers import run_store_task

THUMB_PX = 180
RECEIPT_PX = 340


def _section(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName("section")
    label.setAccessibleName(name)
    return label


class ReportDetail(QScrollArea):
    def __init__(self, store: Store, zone: str, open_url: Callable[[QUrl], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.zone = zone
        self._open_url = open_url
        self.view: ReportView | None = None
        self.receipt_file: Path | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)   # text wraps

        self.empty = QLabel()
        self.empty.setWordWrap(True)
        set_tone(self.empty, "muted")
        self.code = QLabel()
        self.code.setObjectName("detail_code")
        self.code.setStyleSheet("font-size: 26pt; font-weight: bold; letter-spacing: 2px;"
                                " color: #0b3d91;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(18)
        self.names, self.fields = field_rows(
            self.form, ("received", "category", "place", "due", "contact", "state"), "detail")
        self.facts_title = _section("detail_facts_title")
        self.text = QLabel()
        self.text.setObjectName("detail_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setTextFormat(Qt.TextFormat.PlainText)   # a resident's words are not HTML
        self.photos_title = _section("detail_photos_title")
        self.photos = QHBoxLayout()
        self.photos.setSpacing(10)
        self.receipt_title = _section("detail_receipt_title")
        self.receipt = QLabel()
        self.receipt.setObjectName("detail_receipt")
        self.receipt.setStyleSheet("border: 2px solid #c5ced8;")
        self.receipt.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_receipt")
        self.open_button.setMinimumHeight(64)
        self.open_button.clicked.connect(self.open_receipt)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint_receipt")
        self.reprint_button.setMinimumHeight(64)
        self.reprint_button.clicked.connect(self.reprint)
        self.print_result = QLabel()
        self.print_result.setObjectName("print_result")
        self.print_result.setWordWrap(True)

        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(16, 8, 16, 16)
        column.addWidget(self.empty)
        column.addWidget(self.code)
        column.addWidget(self.text)      # what the clerk reads first: the resident's words
        column.addWidget(self.facts_title)
        column.addLayout(self.form)
        column.addWidget(self.photos_title)
        column.addLayout(self.photos)
        column.addWidget(self.receipt_title)
        # One above the other: side by side they are wider than the pane at 1280×800 and the
        # second was cut off (the pane does not scroll sideways).
        column.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.reprint_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.print_result)
        column.addWidget(self.receipt, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.setWidget(self.body)
        LANG.changed.connect(self.retranslate)
        self.show_report(None)

    def retranslate(self, _code: str = "") -> None:
        self.empty.setText(self.tr("Choose a report in the list to see it here."))
        names = {"received": self.tr("Received at"), "category": self.tr("Category"),
                 "place": self.tr("Place"), "due": self.tr("Reply due by"),
                 "contact": self.tr("Contact"), "state": self.tr("Status")}
        for key, label in self.names.items():
            label.setText(names[key])
        self.facts_title.setText(self.tr("Details"))
        self.photos_title.setText(self.tr("Photos"))
        self.receipt_title.setText(self.tr("Receipt"))
        self.open_button.setText(self.tr("Open receipt PDF"))
        self.reprint_button.setText(self.tr("Reprint receipt"))
        self._fill_fields()

    def show_report(self, view: ReportView | None) -> None:
        same = view is not None and self.view is not None and view.id == self.view.id
        self.view = view
        for widget in (self.code, self.facts_title, self.text, self.photos_title,
                       self.receipt_title, self.receipt, self.open_button,
                       self.reprint_button):
            widget.setVisible(view is not None)
        for row in range(self.form.rowCount()):
            self.form.setRowVisible(row, view is not None)
        self.empty.setVisible(view is None)
        self.retranslate()
        if view is None:
            self.print_result.clear()
            self._clear_photos()   # no thumbnails of the last report under "choose a report"
            self.receipt_file = None
            return
        if same:
            return   # a refresh of the list keeps the photos and receipt already shown
        self.print_result.clear()
        self.code.setText(view.grouped_code)
        self.text.setText(view.text)
        self._show_photos(view)
        self._show_receipt(view)

    def _fill_fields(self) -> None:
        view = self.view
        if view is None:
            return
        f = self.fields
        f["received"].setText(local_display(from_iso(view.created_utc), self.zone))
        f["category"].setText(category_name(view))
        place = ", ".join(part for part in (view.hamlet, view.address) if part)
        f["place"].setText(place or self.tr("Not given"))
        f["due"].setText(date.fromisoformat(view.due_date).strftime("%d/%m/%Y"))
        if view.anonymous:
            f["contact"].setText(self.tr("Anonymous"))
        elif view.phone_masked:
            f["contact"].setText(self.tr("Left contact details; phone {phone}").format(
                phone=view.phone_masked))
        else:
            f["contact"].setText(self.tr("Left contact details"))
        f["state"].setText(state_text(view.sync_state))

    def _clear_photos(self) -> None:
        while self.photos.count():
            item = self.photos.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _show_photos(self, view: ReportView) -> None:
        self._clear_photos()
        for data in report_photos(self.store.conn(), view.id):
            image = QImage.fromData(data)
            thumb = QLabel()
            thumb.setObjectName("detail_photo")
            if image.isNull():
                thumb.setText("?")
            else:
                thumb.setPixmap(QPixmap.fromImage(image).scaled(
                    THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation))
            self.photos.addWidget(thumb)
        if not self.photos.count():
            none = QLabel(self.tr("No photos"))
            set_tone(none, "muted")
            self.photos.addWidget(none)
        self.photos.addStretch(1)

    # ---- receipt --------------------------------------------------------------------------
    def _show_receipt(self, view: ReportView) -> None:
        self.receipt_file = None
        self.open_button.setEnabled(False)
        self.receipt.setPixmap(QPixmap())
        path = receipt_path(self.store, view.code)
        if path.exists():
            self._receipt_ready(view.code, path)
            return
        # The PDF is kept for reprints; if it went missing, make it again (reportlab, off-GUI).
        self.receipt.setText(self.tr("Preparing the receipt…"))
        store, code = self.store, view.code
        run_store_task(self, store, lambda _conn: save_receipt(store, code),
                       lambda made: self._receipt_ready(code, made), self._receipt_failed)

    def _receipt_ready(self, code: str, path: Path) -> None:
        if self.view is None or self.view.code != code:
            return   # the clerk has moved on to another report
        image = render_first_page(path, RECEIPT_PX, self.devicePixelRatioF())
        if image is None:
            self.receipt.setText(self.tr("The receipt PDF could not be read."))
            return
        self.receipt.setPixmap(QPixmap.fromImage(image))
        self.receipt_file = path
        self.open_button.setEnabled(True)

    def _receipt_failed(self, error: Exception) -> None:
        text = (describe(error, LANG.code) if isinstance(error, KioskError)
                else self.tr("The receipt could not be made."))
        self.receipt.setText(text)

    def open_receipt(self) -> None:
        if self.receipt_file is not None:
            self._open_url(QUrl.fromLocalFile(str(self.receipt_file)))

    # ---- reprint --------------------------------------------------------------------------
    def reprint(self) -> None:
        """Print the selected report's receipt on this station's printer, off the GUI thread."""
        if self.view is None:
            return
        from kiosk.printing.documents import report_document

        code = self.view.code
        self.reprint_button.setEnabled(False)
        self.print_result.setText(self.tr("Printing…"))
        set_tone(self.print_result, "muted")
        start_print(self.store, lambda store: report_document(store, code),
                    lambda outcome: self._printed(code, outcome), owner=self)

    def _printed(self, code: str, outcome: PrintOutcome) -> None:
        self.reprint_button.setEnabled(True)
        if self.view is None or self.view.code != code:
            return
        if outcome.error is not None:
            self.print_result.setText(describe(outcome.error, LANG.code))
            set_tone(self.print_result, "error")
        elif outcome.state == "saved":
            self.print_result.setText(self.tr(
                "No printer is set for this station (pdf:): open the receipt PDF to print it."))
            set_tone(self.print_result, "muted")
        else:
            self.print_result.setText(self.tr("The receipt was printed."))
            set_tone(self.print_result, "ok")
