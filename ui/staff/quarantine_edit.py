"""Correct a report the province refused, and queue it again ("Edit and resend").

Category (from the office's catalog), text and hamlet can be changed; `sync.outbox.resend_report`
then queues the report as a NEW item (new uuid and hash; the old row is superseded) while the
report keeps its id and tracking code, so the resident's receipt stays valid. It runs off the
GUI thread; a KioskError (nothing changed, unknown category…) shows its sentence here and changes
nothing. No file dialogs: the kiosk lock-down forbids them."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from kiosk import catalog
from kiosk.codes import grouped
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from sync.engine import Quarantined, resend_report
from ui.i18n import LANG
from ui.staff.style import STAFF_QSS, set_tone
from ui.workers import run_store_task

NO_HAMLET = ""


class QuarantineEditDialog(QDialog):
    resent = Signal(str)        # the new item's uuid

    def __init__(self, store: Store, item: Quarantined, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarantineEdit")
        self.setModal(True)
        self.store = store
        self.item = item
        self.busy = False
        conn = store.conn()
        row = conn.execute("SELECT category_id, text, hamlet_id FROM reports WHERE id = ?",
                           (item.ref_id,)).fetchone()
        self.original = (row[0], row[1], row[2] or NO_HAMLET) if row else ("", "", NO_HAMLET)

        self.heading = QLabel()
        self.heading.setObjectName("quarantineHeading")
        self.heading.setWordWrap(True)
        self.reason = QLabel(item.text_vi if LANG.code == "vi" else item.text_en)
        self.reason.setWordWrap(True)
        set_tone(self.reason, "error")
        self.category = QComboBox()
        self.category.setObjectName("edit_category")
        for cat in catalog.categories(conn):
            self.category.addItem(cat.name_vi if LANG.code == "vi" else cat.name_en, cat.id)
        self.text = QPlainTextEdit(self.original[1])
        self.text.setObjectName("edit_text")
        self.text.setMinimumHeight(140)
        self.hamlet = QComboBox()
        self.hamlet.setObjectName("edit_hamlet")
        self.hamlet.addItem("", NO_HAMLET)
        for hamlet in catalog.hamlets(conn):
            self.hamlet.addItem(hamlet.name, hamlet.id)
        self._select(self.category, self.original[0])
        self._select(self.hamlet, self.original[2])
        self.result = QLabel()
        self.result.setObjectName("edit_result")
        self.result.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("edit_resend")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("edit_cancel")
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.category_label, self.text_label, self.hamlet_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.category_label, self.category)
        form.addRow(self.text_label, self.text)
        form.addRow(self.hamlet_label, self.hamlet)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addLayout(buttons)
        self.setStyleSheet(STAFF_QSS)
        self.setMinimumWidth(720)
        self.retranslate()

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        box.setCurrentIndex(max(index, 0))

    def retranslate(self) -> None:
        code = grouped(self.item.tracking_code) if self.item.tracking_code else "—"
        self.setWindowTitle(self.tr("Edit and resend"))
        self.heading.setText(self.tr("Report {code}: the province refused it. Correct it, "
                                     "then resend.").format(code=code))
        self.category_label.setText(self.tr("Category"))
        self.text_label.setText(self.tr("Report text"))
        self.hamlet_label.setText(self.tr("Hamlet"))
        self.hamlet.setItemText(0, self.tr("(not given)"))
        self.save_button.setText(self.tr("Resend"))
        self.cancel_button.setText(self.tr("Cancel"))

    def save(self) -> None:
        if self.busy:
            return
        category = str(self.category.currentData())
        text = self.text.toPlainText()
        hamlet = str(self.hamlet.currentData() or NO_HAMLET)
        item_uuid = self.item.uuid
        self.busy = True
        self.save_button.setEnabled(False)
        self.result.setText(self.tr("Saving…"))
        set_tone(self.result, "muted")

        def work(conn: sqlite3.Connection) -> str:
            return resend_report(conn, item_uuid, category_id=category, text=text,
                                 hamlet_id=hamlet or None, clear_hamlet=not hamlet)

        run_store_task(self, self.store, work, self._saved, self._failed)

    def _saved(self, new_uuid: str) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        self.resent.emit(new_uuid)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.save_button.setEnabled(True)
        text = describe(error, LANG.code) if isinstance(error, KioskError) else self.tr(
            "The report could not be saved. Please try again or tell the administrator.")
        self.result.setText(text)
        set_tone(self.result, "error")
