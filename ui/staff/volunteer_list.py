""""Reports taken on this laptop": every report this laptop filed, newest first, with where it
stands (waiting, copied to a USB stick, confirmed by the commune, sent to the province with its
case number, refused and why, withdrawn), a filter by that state, and for a report that has not
left the laptop: "Edit" (a NEW outbox item, sync/outbox.edit_pending_report) and "Withdraw"
(sync/outbox.withdraw_report, with the resident's reason). Both run off the GUI thread; a
KioskError shows its sentence and changes nothing."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from kiosk import catalog
from kiosk.catalog import office_zone
from kiosk.clock import from_iso
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.messages_sync import reason_key
from kiosk.reports import MAX_TEXT
from kiosk.volunteer import STATES, FiledItem, filed_item, filed_items
from sync.outbox import MAX_WITHDRAW_REASON, edit_pending_report, withdraw_report
from ui.i18n import LANG
from ui.staff.style import STAFF_QSS, set_tone
from ui.staff.sync_panel import date_time
from ui.staff.volunteer_identity import VolunteerIdentityForm
from ui.workers import run_store_task

COLUMNS = ("code", "date", "category", "hamlet", "assisted_by", "state")
NO_HAMLET = ""
SHOWN = 500        # rows drawn; a laptop in the field holds far fewer
CATEGORY_PX = 230


def _refusal(item: FiledItem) -> KioskError | None:
    """Why this report can no longer be edited or withdrawn here; None when it can."""
    return {"sent": KioskError("report_already_sent"),
            "handed_over": KioskError("report_already_sent"),
            "exported": KioskError("report_handed_over"),
            "withdrawn": KioskError("report_withdrawn")}.get(item.state)


class _Words(QWidget):
    """Translation context for the state words (one place, used by the list and the filter)."""

    def state(self, item: FiledItem) -> str:
        if item.state == "sent":
            return (self.tr("Sent to the province (case {ref})").format(ref=item.server_ref)
                    if item.server_ref else self.tr("Sent to the province"))
        if item.state == "quarantined":
            reason = describe(KioskError(reason_key(item.reason), reason=item.reason or ""),
                              LANG.code)
            return self.tr("Refused by the province: {reason}").format(reason=reason)
        return self.filter_name(item.state)

    def filter_name(self, state: str) -> str:
        return {"pending": self.tr("Waiting to be sent"),
                "exported": self.tr("Handed over by USB, waiting for the commune to confirm"),
                "handed_over": self.tr("The commune received it by USB"),
                "sent": self.tr("Sent to the province"),
                "quarantined": self.tr("Refused by the province"),
                "withdrawn": self.tr("Withdrawn")}[state]


def _coordinate(low: float, high: float) -> QLineEdit:
    field = QLineEdit()
    validator = QDoubleValidator(low, high, 6, field)
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    validator.setLocale(QLocale.c())       # a dot, as GPS apps show it
    field.setValidator(validator)
    return field


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


class EditReportDialog(QDialog):
    """Category, text, hamlet and coordinates of a report not yet sent."""
    edited = Signal(str)        # the new item's uuid

    def __init__(self, store: Store, item: FiledItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerEdit")
        self.setModal(True)
        self.store = store
        self.item = item
        self.busy = False
        conn = store.conn()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("section")
        self.category = QComboBox()
        self.category.setObjectName("edit_category")
        for cat in catalog.categories(conn):
            self.category.addItem(cat.name_vi if LANG.code == "vi" else cat.name_en, cat.id)
        self.category.setCurrentIndex(max(self.category.findData(item.category_id), 0))
        self.text = QPlainTextEdit(item.text)
        self.text.setObjectName("edit_text")
        self.text.setMinimumHeight(140)
        self.hamlet = QComboBox()
        self.hamlet.setObjectName("edit_hamlet")
        self.hamlet.addItem("", NO_HAMLET)
        for hamlet in catalog.hamlets(conn):
            self.hamlet.addItem(hamlet.name, hamlet.id)
        self.hamlet.setCurrentIndex(max(self.hamlet.findData(item.hamlet_id or NO_HAMLET), 0))
        self.lat = _coordinate(-90.0, 90.0)
        self.lat.setObjectName("edit_lat")
        self.lon = _coordinate(-180.0, 180.0)
        self.lon.setObjectName("edit_lon")
        self.lat.setText(_number(item.lat))
        self.lon.setText(_number(item.lon))
        coords = QHBoxLayout()
        coords.addWidget(self.lat)
        coords.addWidget(self.lon)
        self.result = QLabel()
        self.result.setObjectName("edit_result")
        self.result.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("edit_save")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("edit_cancel")
        self.cancel_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.labels = [QLabel() for _ in range(4)]
        for name, widget in zip(self.labels, (self.category, self.text, self.hamlet)):
            form.addRow(name, widget)
        form.addRow(self.labels[3], coords)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.setStyleSheet(STAFF_QSS)
        self.setMinimumWidth(760)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit report"))
        self.heading.setText(self.tr(
            "Report {code}: the corrected report replaces the one waiting to be sent. The "
            "resident's receipt and code stay the same.").format(code=self.item.grouped_code))
        for label, text in zip(self.labels, (self.tr("Category"), self.tr("Report text"),
                                             self.tr("Hamlet"), self.tr("Coordinates"))):
            label.setText(text)
        self.hamlet.setItemText(0, self.tr("(not given)"))
        self.lat.setPlaceholderText(self.tr("Latitude, e.g. 10.4562"))
        self.lon.setPlaceholderText(self.tr("Longitude, e.g. 105.6321"))
        self.lat.setAccessibleName(self.tr("Latitude"))
        self.lon.setAccessibleName(self.tr("Longitude"))
        self.save_button.setText(self.tr("Save the change"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _fail(self, error: KioskError | str) -> None:
        self.result.setText(describe(error, LANG.code) if isinstance(error, KioskError)
                            else error)
        set_tone(self.result, "error")

    def _location(self) -> tuple[float | None, float | None]:
        typed = [f.text().strip() for f in (self.lat, self.lon)]
        if not any(typed):
            return None, None
        if not all(f.hasAcceptableInput() for f in (self.lat, self.lon)):
            raise KioskError("location_invalid")
        return float(typed[0]), float(typed[1])

    def save(self) -> None:
        if self.busy:
            return
        try:
            location = self._location()
        except KioskError as error:
            self._fail(error)
            return
        category = str(self.category.currentData())
        text = self.text.toPlainText()
        if len(text) > MAX_TEXT:
            self._fail(KioskError("text_too_long", field="text", limit=MAX_TEXT,
                                  length=len(text)))
            return
        hamlet = str(self.hamlet.currentData() or NO_HAMLET)
        report_id = self.item.report_id
        self.busy = True
        self.save_button.setEnabled(False)
        self.result.setText(self.tr("Saving…"))
        set_tone(self.result, "muted")

        def work(conn: sqlite3.Connection) -> str:
            return edit_pending_report(conn, report_id, category_id=category, text=text,
                                       hamlet_id=hamlet or None, clear_hamlet=not hamlet,
                                       location=location)

        run_store_task(self, self.store, work, self._saved, self._failed)

    def _saved(self, new_uuid: str) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.edited.emit(new_uuid)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self._fail(error if isinstance(error, KioskError) else self.tr(
            "The change could not be saved. Please try again."))


class WithdrawDialog(QDialog):
    """Withdraw a report at the resident's request: a reason, then a clear confirmation."""
    withdrawn = Signal(str)     # the report id

    def __init__(self, store: Store, item: FiledItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerWithdraw")
        self.setModal(True)
        self.store = store
        self.item = item
        self.busy = False
        self.heading = QLabel()
        self.heading.setObjectName("section")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.reason.setObjectName("withdraw_reason")
        self.reason.setMaxLength(MAX_WITHDRAW_REASON)
        self.reason_label.setBuddy(self.reason)
        self.result = QLabel()
        self.result.setObjectName("withdraw_result")
        self.result.setWordWrap(True)
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("withdraw_confirm")
        self.confirm_button.setProperty("danger", True)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("withdraw_cancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        for widget in (self.heading, self.explain, self.reason_label, self.reason, self.result):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setStyleSheet(STAFF_QSS)
        self.setMinimumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Withdraw report"))
        self.heading.setText(self.tr("Withdraw report {code}?").format(
            code=self.item.grouped_code))
        self.explain.setText(self.tr(
            "Only when the resident asks for it. The report will never be sent to the commune "
            "or the province, and the resident's contact details are erased from this laptop. "
            "Their receipt will show “Withdrawn at the resident's request”. This cannot be "
            "undone."))
        self.reason_label.setText(self.tr("Reason (required; no names or phone numbers)"))
        self.reason.setPlaceholderText(self.tr("e.g. the resident sorted it out with the "
                                               "neighbour"))
        self.confirm_button.setText(self.tr("Withdraw the report"))
        self.cancel_button.setText(self.tr("Keep it"))

    def confirm(self) -> None:
        if self.busy:
            return
        reason = self.reason.text()
        if not reason.strip():
            self.result.setText(describe(KioskError("text_required", field="withdraw_reason"),
                                         LANG.code))
            set_tone(self.result, "error")
            return
        report_id = self.item.report_id
        self.busy = True
        self.confirm_button.setEnabled(False)

        def work(conn: sqlite3.Connection) -> str:
            withdraw_report(conn, report_id, reason)
            return report_id

        run_store_task(self, self.store, work, self._done, self._failed)

    def _done(self, report_id: str) -> None:
        self.busy = False
        self.withdrawn.emit(report_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.confirm_button.setEnabled(True)
        self.result.setText(describe(error, LANG.code) if isinstance(error, KioskError)
                            else self.tr("The report could not be withdrawn. Please try again."))
        set_tone(self.result, "error")


class FiledListPage(QWidget):
    """The volunteer window's page: who files here, and what this laptop has filed."""
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerList")
        self.store = store
        self.items: list[FiledItem] = []
        self.dialog: QDialog | None = None
        self.words = _Words(self)
        self.words.hide()
        self.identity_box = QGroupBox()
        self.identity_box.setObjectName("identityBox")
        box = QVBoxLayout(self.identity_box)
        self.identity_form = VolunteerIdentityForm(store)
        self.identity_form.saved.connect(lambda _who: self.refresh())
        box.addWidget(self.identity_form)
        self.heading = QLabel()
        self.heading.setObjectName("section")
        self.filter_label = QLabel()
        self.filter = QComboBox()
        self.filter.setObjectName("state_filter")
        self.filter.addItem("", None)
        for state in STATES:
            self.filter.addItem("", state)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count = QLabel()
        self.count.setObjectName("filed_count")
        set_tone(self.count, "muted")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("filed_table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The state is what the volunteer looks for: it gets the room; long category names wrap.
        category = COLUMNS.index("category")
        header.setSectionResizeMode(category, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(category, CATEGORY_PX)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.itemSelectionChanged.connect(self._selected)
        self.note = QLabel()
        self.note.setObjectName("filed_note")
        self.note.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("filed_edit")
        self.edit_button.clicked.connect(self.edit)
        self.withdraw_button = QPushButton()
        self.withdraw_button.setObjectName("filed_withdraw")
        self.withdraw_button.setProperty("danger", True)
        self.withdraw_button.clicked.connect(self.withdraw)
        actions = QHBoxLayout()
        actions.addWidget(self.note, 1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.identity_box)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.identity_box.setTitle(self.tr("Volunteer on this laptop"))
        self.heading.setText(self.tr("Reports taken on this laptop"))
        self.filter_label.setText(self.tr("Show:"))
        self.filter.setItemText(0, self.tr("All reports"))
        for index, state in enumerate(STATES, 1):
            self.filter.setItemText(index, self.words.filter_name(state))
        self.table.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Taken on"), self.tr("Category"), self.tr("Hamlet"),
            self.tr("Taken by"), self.tr("State")])
        self.edit_button.setText(self.tr("Edit…"))
        self.withdraw_button.setText(self.tr("Withdraw report…"))
        self.refresh()

    # --- the list -----------------------------------------------------------------------------
    def refresh(self) -> None:
        conn = self.store.conn()
        zone = office_zone(conn)
        chosen = self.selected()
        state = self.filter.currentData()
        self.items = filed_items(conn, state, SHOWN)
        total = len(filed_items(conn)) if state else len(self.items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            category = item.category_vi if LANG.code == "vi" else item.category_en
            cells = (item.grouped_code, date_time(from_iso(item.created_utc), zone), category,
                     item.hamlet or "—", item.assisted_by or "—", self.words.state(item))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.report_id)
                if item.state == "withdrawn":
                    cell.setForeground(Qt.GlobalColor.darkGray)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.count.setText(self.tr("%n report(s) shown", "", len(self.items))
                           + (self.tr(" (of {total})").format(total=total) if state else ""))
        if chosen is not None:
            for row, item in enumerate(self.items):
                if item.report_id == chosen.report_id:
                    self.table.selectRow(row)
        self._selected()

    def row_of(self, code: str) -> int:
        """The table row of a tracking code (grouped or not), -1 when not shown."""
        plain = code.replace("-", "")
        return next((i for i, item in enumerate(self.items) if item.code == plain), -1)

    def selected(self) -> FiledItem | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    def _selected(self) -> None:
        item = self.selected()
        changeable = item is not None and item.changeable
        self.edit_button.setEnabled(changeable)
        self.withdraw_button.setEnabled(changeable)
        refusal = _refusal(item) if item is not None else None
        if item is None:
            self.note.setText(self.tr("Choose a report to edit or withdraw it."))
            set_tone(self.note, "muted")
        elif refusal is not None:
            self.note.setText(describe(refusal, LANG.code))
            set_tone(self.note, "muted")
        else:
            self.note.setText(self.tr("Not sent yet: it can still be edited or withdrawn."))
            set_tone(self.note, "muted")

    # --- actions --------------------------------------------------------------------------------
    def _current(self) -> FiledItem | None:
        """The chosen report as the store has it now (the list may be a minute old)."""
        item = self.selected()
        if item is None:
            return None
        fresh = filed_item(self.store.conn(), item.report_id)
        if fresh is None or not fresh.changeable:
            self.refresh()
            if fresh is not None:
                self.note.setText(describe(_refusal(fresh) or KioskError("report_not_found"),
                                           LANG.code))
                set_tone(self.note, "error")
            return None
        return fresh

    def edit(self) -> None:
        item = self._current()
        if item is None:
            return
        dialog = EditReportDialog(self.store, item, self)
        dialog.edited.connect(lambda _uuid: self._done(self.tr(
            "Report {code} was changed; the new version waits to be sent.").format(
                code=item.grouped_code)))
        self._open(dialog)

    def withdraw(self) -> None:
        item = self._current()
        if item is None:
            return
        dialog = WithdrawDialog(self.store, item, self)
        dialog.withdrawn.connect(lambda _rid: self._done(self.tr(
            "Report {code} was withdrawn; it will not be sent.").format(code=item.grouped_code)))
        self._open(dialog)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _done(self, text: str) -> None:
        self.refresh()
        self.note.setText(text)
        set_tone(self.note, "ok")
        self.changed.emit()
