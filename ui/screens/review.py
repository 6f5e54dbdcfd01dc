"""Step 6: everything entered, in plain words, before one big "Send" button.

Filing runs off the GUI thread (file_report commits, then save_receipt renders the PDF); the
receipt screen appears only after that commit returned. The button is disabled from the first
click, so a double tap files one report.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QWidget

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.receipts import save_receipt
from kiosk.reports import FiledReport, ReportDraft, file_report
from ui.i18n import LANG
from ui.screens.base import Host, Screen
from ui.screens.state import RECEIPT, STEPS, WizardState
from ui.widgets import button, label, thumbnail_label
from ui.workers import run_task

log = logging.getLogger("caunoi.ui.review")


class ReviewScreen(Screen):
    name = "review"
    scrolls = False

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.add_question(self.tr("Please check your report"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 16, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(1, 1)
        rows = self._rows()
        for index, (title, value) in enumerate(rows):
            name = label(title, "reviewLabel", wrap=False)
            name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, index, 1)
        grid.setRowStretch(len(rows), 1)   # rows stay at the top; the space goes below them
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.layout_.addWidget(scroll, 1)
        self.status = label("", "status")
        self.submit_button = button(self.tr("Send report"), "primary")
        self.submit_button.setObjectName("submit")
        self.submit_button.setMinimumWidth(360)
        self.submit_button.clicked.connect(lambda: submit(self.host))
        footer = self.add_footer(self.submit_button)
        footer.insertWidget(0, self.status)
        self.set_saving(self.state.submitting)

    def _rows(self) -> list[tuple[str, QWidget]]:
        state = self.state
        draft = state.draft
        conn = self.host.store.conn()
        category = catalog.category(conn, draft.category_id)
        category_text = "" if category is None else (
            category.name_vi if LANG.code == "vi" else category.name_en)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Area"), label(category_text, "reviewValue")),
            (self.tr("What happened"), self._text(draft.text)),
            (self.tr("Photos"), self._photos()),
            (self.tr("Place"), label(self._place(draft), "reviewValue")),
            (self.tr("Sent by"), label(self._who(), "reviewValue")),
        ]
        if self.host.mode == "volunteer":
            from kiosk.volunteer import identity

            who = identity(conn)
            rows.append((self.tr("Taken by volunteer"),
                         label(who.label if who else self.tr("Not set"), "reviewValue")))
        return rows

    @staticmethod
    def _text(text: str) -> QLabel:
        value = label(text.strip(), "reviewValue")
        value.setTextFormat(Qt.TextFormat.PlainText)  # typed text is never read as markup
        return value

    def _photos(self) -> QWidget:
        photos = self.state.draft.photos
        if not photos:
            return label(self.tr("No photos"), "reviewValue")
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        for photo in photos:
            thumb = self.state.thumbs.get(photo.sha256)
            if thumb is not None:
                layout.addWidget(thumbnail_label(thumb, 140))
        layout.addStretch(1)
        return box

    def _place(self, draft: ReportDraft) -> str:
        parts = []
        if draft.hamlet_id:
            hamlet = catalog.hamlet(self.host.store.conn(), draft.hamlet_id)
            if hamlet is not None:
                parts.append(hamlet.name)
        if draft.address.strip():
            parts.append(draft.address.strip())
        if draft.lat is not None and draft.lon is not None:
            parts.append(f"{draft.lat:.6f}, {draft.lon:.6f}")
        return " — ".join(parts) if parts else self.tr("Not given")

    def _who(self) -> str:
        draft = self.state.draft_to_file()
        if not (draft.contact_name.strip() or draft.contact_phone.strip()):
            return self.tr("Anonymous")
        return ", ".join(p for p in (draft.contact_name.strip(), draft.contact_phone.strip()) if p)

    def set_saving(self, saving: bool) -> None:
        self.submit_button.setEnabled(not saving)
        self.status.setText(self.tr("Saving…") if saving else "")


def _file(store: Store, draft: ReportDraft, channel: str) -> tuple[FiledReport, Path | None]:
    """Worker thread: commit the report, then render its receipt. Uses this thread's own
    connection (Store hands one per thread) and closes it afterwards."""
    try:
        filed = file_report(store, draft, channel=channel)
        try:
            pdf: Path | None = save_receipt(store, filed.code)
        except Exception:  # noqa: BLE001 - the report is saved; a reprint can be made later
            log.exception("receipt rendering failed for a filed report")
            pdf = None
        return filed, pdf
    finally:
        store.close()


def submit(host: Host) -> None:
    state: WizardState = host.state
    if state.submitting or state.filed is not None:
        return   # a second tap, or a report already filed from this form
    state.submitting = True
    host.clear_error()
    host.set_busy(True)
    _saving(host, True)
    draft = state.draft_to_file()
    channel = "volunteer" if host.mode == "volunteer" else "kiosk"
    if host.mode == "volunteer":
        # Marked as filed on the resident's behalf, with the volunteer's id; never without it.
        from kiosk.volunteer import identity

        who = identity(host.store.conn())
        if who is None:
            state.submitting = False
            host.set_busy(False)
            _saving(host, False)
            host.go(STEPS[0])
            host.show_error(KioskError("volunteer_id_missing"))
            return
        draft.assisted_by = who.id

    def done(result: tuple[FiledReport, Path | None]) -> None:
        state.submitting = False
        state.filed, state.receipt_pdf = result
        if host.state is state:
            host.set_busy(False)
            host.go(RECEIPT)

    def failed(error: BaseException) -> None:
        state.submitting = False
        if host.state is not state:
            return
        host.set_busy(False)
        _saving(host, False)
        host.show_error(error if isinstance(error, KioskError) else QCoreApplication.translate(
            "ReviewScreen", "Something went wrong and the report was not saved. "
            "Please tell a staff member."))

    run_task(lambda: _file(host.store, draft, channel), done, failed)


def _saving(host: Host, saving: bool) -> None:
    screen = host.screen(ReviewScreen.name)
    if isinstance(screen, ReviewScreen):
        screen.set_saving(saving)
