"""The clerk's "Printing" tab: the last print jobs of this office (newest attempt per document),
failures first in the eye, a find box by code or ticket number, and "Reprint" for the chosen one
(reprints on this station's printer)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from kiosk import codes
from kiosk.catalog import office_zone
from kiosk.clock import from_iso, local_display
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.printing import PrintOutcome
from kiosk.printing.documents import Document, report_document, resolve
from kiosk.printing.jobs import PrintJob, recent_jobs
from ui.i18n import LANG
from ui.printing.job import start_print
from ui.staff.style import set_tone
from ui.workers import run_store_task

RECENT = 50
RESULT_PX = 360


def _source(job: PrintJob) -> Callable[[Store], Document]:
    if job.kind == "report":
        return lambda store: report_document(store, job.ref_id or job.ref)
    if job.kind == "ticket":
        return lambda store: resolve(store, job.ref_id or job.ref)
    return lambda store: Document("test", job.ref, "", store.data_dir / job.document)


class RecentPrints(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.zone = office_zone(store.conn())
        self.jobs: list[PrintJob] = []
        self.find = QLineEdit()
        self.find.setObjectName("print_find")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.fill)
        self.refresh_button = QPushButton()
        self.refresh_button.setMinimumHeight(56)
        self.refresh_button.clicked.connect(self.reload)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("print_jobs")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Time, document and code sized to what they hold (whole, at 1280×800); the result as
        # wide as it needs up to RESULT_PX (the full sentence in a tooltip); the printer
        # takes the rest.
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.reprint_button = QPushButton()
        self.reprint_button.setObjectName("reprint_selected")
        self.reprint_button.setMinimumHeight(64)
        self.reprint_button.clicked.connect(self.reprint)
        self.result = QLabel()
        self.result.setObjectName("reprint_result")
        self.result.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.find, 1)
        top.addWidget(self.refresh_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reprint_button)
        bottom.addWidget(self.result, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.addLayout(top)
        outer.addWidget(self.table, 1)
        outer.addLayout(bottom)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.reload()

    def retranslate(self, _code: str = "") -> None:
        self.find.setPlaceholderText(self.tr("Find by code or ticket number"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.reprint_button.setText(self.tr("Reprint"))
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Document"),
                                              self.tr("Number or code"), self.tr("Result"),
                                              self.tr("Printer")])
        self.fill()

    def reload(self) -> None:
        run_store_task(self, self.store, lambda conn: recent_jobs(conn, RECENT), self._loaded,
                       lambda _error: None)

    def _loaded(self, jobs: list[PrintJob]) -> None:
        self.jobs = jobs
        self.fill()

    def shown(self) -> list[PrintJob]:
        query = self.find.text().strip()
        if not query:
            return self.jobs
        code = codes.normalise(query)
        needle = query.replace("-", "").upper()
        return [j for j in self.jobs
                if (code is not None and j.ref_id == code) or needle in j.ref.replace("-", "")]

    def _kind(self, job: PrintJob) -> str:
        return {"report": self.tr("Report receipt"), "ticket": self.tr("Queue ticket"),
                "test": self.tr("Test page")}[job.kind]

    def _result(self, job: PrintJob) -> str:
        if job.state == "printed":
            return self.tr("Printed") if job.printer_url != "pdf:" else self.tr("Saved as PDF")
        return describe(KioskError(job.error_code or "printer_failed"), LANG.code)

    def fill(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for r, job in enumerate(rows):
            cells = (local_display(from_iso(job.at_utc), self.zone), self._kind(job), job.ref,
                     self._result(job), job.printer_url)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if job.state == "failed":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(3)
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), RESULT_PX))
        if len(rows) == 1:
            self.table.selectRow(0)

    def reprint(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        shown = self.shown()
        if not rows or rows[0].row() >= len(shown):
            self.result.setText(self.tr("Choose a receipt in the list first."))
            set_tone(self.result, "muted")
            return
        job = shown[rows[0].row()]
        self.reprint_button.setEnabled(False)
        self.result.setText(self.tr("Printing…"))
        set_tone(self.result, "muted")
        start_print(self.store, _source(job), self._printed, owner=self)

    def _printed(self, outcome: PrintOutcome) -> None:
        self.reprint_button.setEnabled(True)
        if outcome.error is not None:
            self.result.setText(describe(outcome.error, LANG.code))
            set_tone(self.result, "error")
        else:
            self.result.setText(self.tr("Printed") if outcome.state == "printed"
                                else self.tr("Saved as PDF"))
            set_tone(self.result, "ok")
        self.reload()
