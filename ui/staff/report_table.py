"""The clerk's table of reports: code grouped, office-local time, category, hamlet, photos,
whether it has gone to the province."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QObject,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from kiosk.clock import from_iso, local_display
from kiosk.reports import ReportView
from ui.i18n import LANG

Index = QModelIndex | QPersistentModelIndex
CODE, RECEIVED, CATEGORY, HAMLET, PHOTOS, STATE = range(6)
CATEGORY_MIN_EM = 8


def state_text(state: str) -> str:
    words = {
        "pending": QCoreApplication.translate("ReportState", "Not sent yet"),
        "sent": QCoreApplication.translate("ReportState", "Sent"),
        "quarantined": QCoreApplication.translate("ReportState", "Held for checking"),
        "withdrawn": QCoreApplication.translate("ReportState", "Withdrawn"),
    }
    return words.get(state, state)


def category_name(view: ReportView) -> str:
    return view.category_en if LANG.code == "en" else view.category_vi


class ReportTableModel(QAbstractTableModel):
    def __init__(self, zone: str, parent: QObject) -> None:
        super().__init__(parent)   # owned by Qt: never freed by Python's GC on another thread
        self.zone = zone
        self.rows: list[ReportView] = []

    def set_rows(self, rows: list[ReportView]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, STATE)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, STATE))

    def row_of(self, report_id: str) -> int | None:
        return next((i for i, view in enumerate(self.rows) if view.id == report_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else STATE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Code"), self.tr("Received"), self.tr("Category"), self.tr("Hamlet"),
                self.tr("Photos"), self.tr("Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CODE:
                return view.grouped_code
            if column == RECEIVED:
                return local_display(from_iso(view.created_utc), self.zone)
            if column == CATEGORY:
                return category_name(view)
            if column == HAMLET:
                return view.hamlet or "—"
            if column == PHOTOS:
                return str(view.photo_count)
            return state_text(view.sync_state)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (PHOTOS, RECEIVED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return view.id
        return None


def _two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width that shows `text` in at most two lines, breaking at a space."""
    words = text.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(text)
    return min(max(metrics.horizontalAdvance(" ".join(words[:i])),
                   metrics.horizontalAdvance(" ".join(words[i:])))
               for i in range(1, len(words)))


def fit_columns(table: QTableView, model: ReportTableModel) -> None:
    """Fit six columns into a 1280 px clerk screen beside the details pane, at 16 pt.

    Code and photo count never wrap; date-time, hamlet and status wrap onto two lines at a
    space (dd/MM/yyyy over HH:mm), and the category takes what is left.
    """
    table.ensurePolished()
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    header_font = QFont(table.font())
    header_font.setBold(True)          # as the QSS draws the section titles
    bold = QFontMetrics(header_font)
    texts = {
        RECEIVED: ["00/00/0000 00:00"],
        HAMLET: [view.hamlet or "—" for view in model.rows],
        STATE: [state_text(state) for state in ("pending", "sent", "quarantined")],
    }
    for column, samples in texts.items():
        # Cells and titles both wrap onto two lines at a space (see the header alignment).
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max([_two_line_width(metrics, text) for text in samples]
                    + [_two_line_width(bold, title)])
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width + 24)
    for column in (CODE, PHOTOS):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    # The category takes what is left, but never less than a readable minimum: below that the
    # table scrolls sideways instead of squeezing the category to "…".
    least = CATEGORY_MIN_EM * metrics.horizontalAdvance("M")
    others = sum(header.sectionSize(c) for c in range(STATE + 1) if c != CATEGORY)
    if table.viewport().width() - others >= least:
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(CATEGORY, least)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
    header.setMinimumHeight(2 * bold.lineSpacing() + 14)
    table.setWordWrap(True)
    table.verticalHeader().setDefaultSectionSize(2 * metrics.lineSpacing() + 14)
