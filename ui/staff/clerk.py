"""The clerk console: every report filed at this office, newest first, a find box that takes a
code the way a resident reads it out or any words of the report, and the details pane."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from kiosk.catalog import office_zone
from kiosk import codes
from kiosk.db import Store
from kiosk.reports import ReportView, get_report, list_reports
from ui.i18n import LANG
from ui.staff.header import StaffHeader
from ui.staff.report_detail import ReportDetail
from ui.staff.report_filter import ReportFilter
from ui.staff.report_table import ReportTableModel, fit_columns
from ui.staff.roles import screen_title
from ui.staff.style import set_tone, style_screen

LIST_LIMIT = 2000       # newest reports kept in the list; a full code still finds older ones
REFRESH_MS = 30_000     # the kiosk files reports into the same store meanwhile
DETAIL_MIN_PX = 430     # text, two photo thumbnails and the 80 mm receipt side by side


class ClerkConsole(QWidget):
    def __init__(self, store: Store, *,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        zone = office_zone(store.conn())
        self._all: list[ReportView] = []
        self._filter = ReportFilter()
        self.header = StaffHeader()
        self.refresh_button = QPushButton()
        self.refresh_button.setMinimumHeight(64)
        self.refresh_button.clicked.connect(self.reload)
        self.header.add_action(self.refresh_button)

        self.find = QLineEdit()
        self.find.setObjectName("filter")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.apply_filter)
        self.count = QLabel()
        self.count.setObjectName("report_count")
        set_tone(self.count, "muted")

        self.model = ReportTableModel(zone, self)
        self.table = QTableView()
        self.table.setObjectName("report_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        # Refit the columns whenever the visible width changes (splitter, window, scrollbar).
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.detail = ReportDetail(store, zone, open_url)
        self.detail.setObjectName("report_detail")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        self.detail.setMinimumWidth(DETAIL_MIN_PX)
        split.setSizes([10_000, DETAIL_MIN_PX])

        find_row = QHBoxLayout()
        find_row.addWidget(self.find, 1)
        find_row.addWidget(self.count)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(12)
        outer.addWidget(self.header)
        outer.addLayout(find_row)
        outer.addWidget(split, 1)
        style_screen(self)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        self.timer.start()
        LANG.changed.connect(self.retranslate)
        self.reload()
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table, self.model)
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.find.setFocus()   # the clerk types the code the resident reads out

    def retranslate(self, _code: str = "") -> None:
        self.header.title.setText(screen_title("clerk"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.find.setPlaceholderText(self.tr("Find by code (e.g. K7QM-2XPD-9RW) or by words"))
        self.model.retranslate()
        fit_columns(self.table, self.model)
        self._show_count()

    def reload(self) -> None:
        self._all = list_reports(self.store.conn(), limit=LIST_LIMIT)
        self.apply_filter()

    def apply_filter(self) -> None:
        query = self.find.text()
        rows = self._filter.select(self._all, query)
        exact = codes.normalise(query) if query.strip() else None
        if exact is not None and not any(view.code == exact for view in rows):
            older = get_report(self.store.conn(), exact)   # beyond the list's newest LIST_LIMIT
            if older is not None:
                rows.insert(0, older)
        selected = self.detail.view.id if self.detail.view is not None else None
        self.model.set_rows(rows)
        fit_columns(self.table, self.model)
        self._show_count()
        row = self.model.row_of(selected) if selected else None
        if row is None and len(rows) == 1:
            row = 0      # one match (a code read out): show it straight away
        if row is not None:
            self.table.selectRow(row)
        else:
            self.detail.show_report(None)

    def _show_count(self) -> None:
        shown, total = self.model.rowCount(), len(self._all)
        if shown == total:
            self.count.setText(self.tr("Reports: %n", "", total))
        else:
            self.count.setText(self.tr("Showing {shown} of {total}").format(shown=shown, total=total))

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_report(self.model.rows[rows[0].row()] if rows else None)
