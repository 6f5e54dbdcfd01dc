"""Volunteer mode: the receipts this laptop's store holds, newest first, found by code, to
reprint on the station's printer or open as a PDF in the system viewer."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem

from kiosk import codes
from kiosk.catalog import office_zone
from kiosk.clock import from_iso, local_display
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.printing import PrintOutcome
from kiosk.printing.documents import report_document
from kiosk.reports import ReportView, list_reports
from ui.i18n import LANG
from ui.printing.job import start_print
from ui.screens.base import Host, Screen
from ui.widgets import button, label

RECENT = 50


class FiledScreen(Screen):
    name = "filed"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        conn = host.store.conn()
        self.zone = office_zone(conn)
        self.reports: list[ReportView] = list_reports(conn, RECENT)   # one indexed query
        self.layout_.addWidget(label(self.tr("Receipts filed on this device"), "question"))
        self.find = QLineEdit()
        self.find.setPlaceholderText(self.tr("Find by code, e.g. K7QM-2XPD-9RW"))
        self.find.setAccessibleName(self.tr("Find by code"))
        self.find.textChanged.connect(self.fill)
        self.layout_.addWidget(self.find)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Receipts"))
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.layout_.addWidget(self.list, 1)
        self.result = label("", "hint")
        self.layout_.addWidget(self.result)
        row = QHBoxLayout()
        self.reprint_button = button(self.tr("Print again"), "primary")
        self.reprint_button.clicked.connect(self.reprint)
        self.open_button = button(self.tr("Open the receipt PDF"), "secondary")
        self.open_button.clicked.connect(self.open_pdf)
        row.addWidget(self.reprint_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        self.fill()

    def shown(self) -> list[ReportView]:
        typed = "".join(self.find.text().split()).replace("-", "").upper()
        return [r for r in self.reports if typed in r.code or typed == ""
                or codes.normalise(self.find.text()) == r.code]

    def fill(self) -> None:
        self.list.clear()
        for report in self.shown():
            when = local_display(from_iso(report.created_utc), self.zone)
            category = report.category_vi if LANG.code == "vi" else report.category_en
            item = QListWidgetItem(f"{report.grouped_code}   {when}   {category}")
            item.setData(Qt.ItemDataRole.UserRole, report.code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        self.reprint_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def _code(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def reprint(self) -> None:
        code = self._code()
        if code is None:
            return
        self.reprint_button.setEnabled(False)
        self.result.setText(self.tr("Printing…"))
        start_print(self.host.store, lambda store: report_document(store, code), self._printed,
                    owner=self)

    def _printed(self, outcome: PrintOutcome) -> None:
        self._enable()
        if outcome.error is not None:
            self.result.setText(describe(outcome.error, LANG.code))
        elif outcome.state == "saved":
            self.result.setText(self.tr("This device saves receipts as PDF only: "
                                        "open the PDF to print it."))
        else:
            self.result.setText(self.tr("Printed."))

    def open_pdf(self) -> None:
        code = self._code()
        if code is None:
            return
        try:
            document = report_document(self.host.store, code)   # renders it if missing
        except KioskError as error:
            self.result.setText(describe(error, LANG.code))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(document.pdf)))
