"""The volunteer's and admin's "Sync" panel: what waits to go to the province, what the province
refused and why, when the last sync worked, the clock against the server's, the last error in
words, the next automatic try, and a big "Sync now" (the shared SyncRunner, off the GUI thread).

A refused report can be corrected and queued again ("Edit and resend", ui/staff/quarantine_edit).
What `sync status` / `sync quarantine` print on the command line, this shows."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from kiosk.catalog import office_zone
from kiosk.clock import from_iso, utc_now
from kiosk.codes import grouped
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from sync.engine import Quarantined, SyncReport, quarantined, sync_status
from ui.i18n import LANG
from ui.staff.style import field_rows, set_tone
from ui.sync_runner import SyncRunner, shared_runner

REFRESH_MS = 30_000
CLOCK_SAME_S = 30          # below this the clocks "agree"
MAX_SHOWN = 50             # quarantine rows drawn; more are counted, not drawn
KINDS = ("report", "rating", "ticket_event")
STATUS_KEYS = ("server", "device", "last_success", "clock", "next_try", "last_error")

PANEL_QSS = """
QPushButton#sync_now { min-height: 72px; font-size: 20pt; }
QFrame#quarantineItem { border: 2px solid #e0a800; border-radius: 10px; background: #fff8e1; }
QFrame#quarantineItem QLabel { background: transparent; }
QLabel#quarantineCode { font-weight: bold; }
"""


def pending_by_kind(conn: sqlite3.Connection) -> dict[str, int]:
    found = dict(conn.execute("SELECT kind, count(*) FROM outbox WHERE state = 'pending'"
                              " GROUP BY kind").fetchall())
    return {kind: int(found.get(kind, 0)) for kind in KINDS}


def time_first(instant: datetime, zone: str) -> str:
    """'14:05 22/11/2026' in the office's zone (a time said in a sentence)."""
    from zoneinfo import ZoneInfo

    return instant.astimezone(ZoneInfo(zone)).strftime("%H:%M %d/%m/%Y")


def date_time(instant: datetime, zone: str) -> str:
    """'22/11/2026 14:05' in the office's zone (a column of dates)."""
    from zoneinfo import ZoneInfo

    return instant.astimezone(ZoneInfo(zone)).strftime("%d/%m/%Y %H:%M")


def _instant(value: Any) -> datetime | None:
    try:
        return from_iso(str(value)) if value else None
    except ValueError:
        return None


class QuarantineItem(QFrame):
    """One refused item: its code (reports) or kind, when it was made, why it was refused."""

    def __init__(self, item: Quarantined, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quarantineItem")
        self.item = item
        self.zone = zone
        self.title = QLabel()
        self.title.setObjectName("quarantineCode")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setObjectName("quarantineReason")
        self.reason.setWordWrap(True)
        self.edit_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        if item.kind == "report":
            self.edit_button = QPushButton()
            self.edit_button.setObjectName("quarantine_edit")
            top.addWidget(self.edit_button)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        self.retranslate()

    def kind_name(self) -> str:
        return {"report": self.tr("Report"), "rating": self.tr("Rating"),
                "ticket_event": self.tr("Queue number event")}.get(self.item.kind, self.item.kind)

    def retranslate(self) -> None:
        when = _instant(self.item.created_utc)
        what = (grouped(self.item.tracking_code) if self.item.tracking_code
                else self.kind_name())
        self.title.setText(self.tr("{what} · made {when}").format(
            what=what, when=date_time(when, self.zone) if when else "—"))
        self.reason.setText(self.item.text_vi if LANG.code == "vi" else self.item.text_en)
        if self.edit_button is not None:
            self.edit_button.setText(self.tr("Edit and resend"))


class SyncPanel(QWidget):
    def __init__(self, store: Store, runner: SyncRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.store = store
        self.runner = runner or shared_runner(store)
        self.status: dict[str, Any] = {}
        self.items: list[QuarantineItem] = []
        self._progress_text = ""

        self.status_box = QGroupBox()
        self.status_form = QFormLayout(self.status_box)
        self.status_form.setVerticalSpacing(8)
        self.status_form.setHorizontalSpacing(18)
        self.status_names, self.values = field_rows(self.status_form, STATUS_KEYS, "sync")
        self.values["last_error"].setObjectName("sync_last_error")

        self.pending_box = QGroupBox()
        self.pending_form = QFormLayout(self.pending_box)
        self.pending_form.setVerticalSpacing(8)
        self.pending_form.setHorizontalSpacing(18)
        self.pending_names, self.pending_values = field_rows(self.pending_form, KINDS, "pending")
        self.pending_total = QLabel()
        self.pending_total.setObjectName("pending_total")
        self.pending_total.setWordWrap(True)
        self.pending_form.addRow(self.pending_total)

        self.sync_button = QPushButton()
        self.sync_button.setObjectName("sync_now")
        self.sync_button.setProperty("primary", True)
        self.sync_button.clicked.connect(self.sync_now)
        self.progress = QLabel()
        self.progress.setObjectName("sync_progress")
        self.progress.setWordWrap(True)

        self.quarantine_box = QGroupBox()
        self.quarantine_layout = QVBoxLayout(self.quarantine_box)
        self.quarantine_note = QLabel()
        self.quarantine_note.setObjectName("quarantine_note")
        self.quarantine_note.setWordWrap(True)
        self.quarantine_layout.addWidget(self.quarantine_note)
        self.quarantine_list = QVBoxLayout()
        self.quarantine_list.setSpacing(10)
        self.quarantine_layout.addLayout(self.quarantine_list)

        actions = QHBoxLayout()
        actions.addWidget(self.sync_button, 2)
        actions.addWidget(self.progress, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(actions)
        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self.status_box, 3)
        top.addWidget(self.pending_box, 2)
        layout.addLayout(top)
        layout.addWidget(self.quarantine_box)
        layout.addStretch(1)
        self.setStyleSheet(PANEL_QSS)

        self.runner.started.connect(self._started)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    # --- words -----------------------------------------------------------------------------
    def retranslate(self, _code: str = "") -> None:
        self.status_box.setTitle(self.tr("Sync with the province"))
        self.pending_box.setTitle(self.tr("Waiting to be sent"))
        self.quarantine_box.setTitle(self.tr("Refused by the province"))
        names = {"server": self.tr("Provincial server"), "device": self.tr("This device"),
                 "last_success": self.tr("Last successful sync"),
                 "clock": self.tr("Clock"), "next_try": self.tr("Next automatic try"),
                 "last_error": self.tr("Last problem"),
                 "report": self.tr("Reports"), "rating": self.tr("Ratings"),
                 "ticket_event": self.tr("Queue number events")}
        for key, label in (self.status_names | self.pending_names).items():
            label.setText(names[key])
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.sync_button.text())
        self.refresh()

    def clock_words(self, offset: Any) -> str:
        """The server's clock offset (server − this PC, seconds) in a sentence."""
        if offset is None:
            return self.tr("Not compared with the server yet")
        seconds = float(offset)
        if abs(seconds) < CLOCK_SAME_S:
            return self.tr("This PC's clock agrees with the server")
        amount = self.duration(abs(seconds))
        if seconds > 0:      # the server is ahead: this PC is slow
            return self.tr("This PC's clock is {amount} behind the server").format(amount=amount)
        return self.tr("This PC's clock is {amount} ahead of the server").format(amount=amount)

    def duration(self, seconds: float) -> str:
        minutes = int(round(seconds / 60))
        if minutes < 1:
            return self.tr("%n second(s)", "", int(round(seconds)))
        if minutes < 60:
            return self.tr("%n minute(s)", "", minutes)
        hours, rest = divmod(minutes, 60)
        if hours >= 48:
            return self.tr("%n day(s)", "", int(round(hours / 24)))
        text = self.tr("%n hour(s)", "", hours)
        if rest:
            text += " " + self.tr("%n minute(s)", "", rest)
        return text

    # --- state -----------------------------------------------------------------------------
    def refresh(self) -> None:
        conn = self.store.conn()
        self.status = status = sync_status(conn)
        zone = office_zone(conn)
        values = self.values
        enrolled = bool(status["enrolled"])
        values["server"].setText(str(status["server_url"]) if status["server_url"]
                                 else self.tr("Not enrolled"))
        set_tone(values["server"], "normal" if enrolled else "error")
        if status["device_id"]:
            values["device"].setText(self.tr("Commune {commune}, device id {device}").format(
                commune=status["commune"] or "—", device=status["device_id"]))
        else:
            values["device"].setText("—")
        last = _instant(status["last_success"])
        values["last_success"].setText(time_first(last, zone) if last
                                       else self.tr("Never synced"))
        set_tone(values["last_success"], "normal" if last else "muted")
        values["clock"].setText(self.clock_words(status["clock_offset_s"]))
        offset = status["clock_offset_s"]
        set_tone(values["clock"], "error" if offset is not None and abs(float(offset)) >= 120
                 else "normal")
        values["next_try"].setText(self._next_try(status, zone))
        error = self._last_error(status)
        values["last_error"].setText(describe(error, LANG.code) if error else self.tr("None"))
        set_tone(values["last_error"], "error" if error else "muted")

        pending = pending_by_kind(conn)
        for kind, count in pending.items():
            self.pending_values[kind].setText(str(count))
        total = sum(pending.values())
        self.pending_total.setText(
            self.tr("Everything has been sent.") if total == 0 else
            self.tr("%n item(s) will be sent at the next sync.", "", total))
        set_tone(self.pending_total, "ok" if total == 0 else "normal")
        self._show_quarantine(quarantined(conn), zone)
        self._show_busy()

    def _last_error(self, status: dict[str, Any]) -> KioskError | None:
        code = status.get("last_error")
        if not code:
            return None
        detail = status.get("last_error_detail")
        params = detail.get("params") if isinstance(detail, dict) else None
        return KioskError(str(code), **(params or {}))

    def _next_try(self, status: dict[str, Any], zone: str) -> str:
        if not status["enrolled"]:
            return self.tr("None: this device is not enrolled")
        if not self.runner.active:
            return self.tr("Only when “Sync now” is pressed")
        now = utc_now()
        remaining = self.runner.next_check_in_ms() or 0
        at = now + timedelta(milliseconds=remaining)
        backoff = _instant(status["next_attempt"])
        if backoff is not None and backoff > at:
            # the timer checks every few minutes; the first check past the backoff tries
            return self.tr("Not before {time} (waiting after a failed try)").format(
                time=time_first(backoff, zone))
        return self.tr("Around {time}").format(time=time_first(at, zone))

    def _show_quarantine(self, rows: list[Quarantined], zone: str) -> None:
        for old in self.items:
            self.quarantine_list.removeWidget(old)
            old.deleteLater()
        self.items = []
        if not rows:
            self.quarantine_note.setText(self.tr("Nothing was refused."))
            set_tone(self.quarantine_note, "muted")
            return
        self.quarantine_note.setText(self.tr(
            "The province refused %n item(s). They are kept here and are not sent again until "
            "corrected.", "", len(rows)))
        set_tone(self.quarantine_note, "error")
        for row in rows[:MAX_SHOWN]:
            item = QuarantineItem(row, zone)
            if item.edit_button is not None:
                item.edit_button.clicked.connect(lambda _=False, q=row: self.edit(q))
            self.quarantine_list.addWidget(item)
            item.show()      # added to a visible panel: shown now, not after the next event
            self.items.append(item)

    # --- sync --------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.runner.running:
            return       # the running one finishes and refreshes this panel
        self.runner.request(force=True)
        self._progress_text = self.tr("Connecting to the provincial server…")
        self._show_busy()

    def _show_busy(self) -> None:
        busy = self.runner.running
        self.sync_button.setEnabled(not busy)
        if busy:
            self.progress.setText(self._progress_text or self.tr("Syncing…"))
            set_tone(self.progress, "muted")

    def _started(self) -> None:
        self._progress_text = self.tr("Connecting to the provincial server…")
        self._show_busy()

    def _progress(self, stage: str, count: int) -> None:
        self._progress_text = (self.tr("Sending… %n item(s) sent", "", count) if stage == "sent"
                               else self.tr("Receiving updates… %n so far", "", count))
        self._show_busy()

    def _finished(self, report: SyncReport) -> None:
        self._progress_text = ""
        if report.error is not None:
            self.progress.setText(describe(report.error, LANG.code))
            set_tone(self.progress, "error")
        else:
            refused = report.rejected + report.conflicts
            text = self.tr("Done: %n new item(s) sent", "", report.sent)
            if refused:
                text += " · " + self.tr("%n refused", "", refused)
            if report.pulled:
                text += " · " + self.tr("%n update(s) received", "", report.pulled)
            self.progress.setText(text)
            set_tone(self.progress, "error" if refused else "ok")
        self.refresh()

    # --- quarantine ----------------------------------------------------------------------------
    def edit(self, item: Quarantined) -> None:
        from ui.staff.quarantine_edit import QuarantineEditDialog

        dialog = QuarantineEditDialog(self.store, item, self)
        dialog.resent.connect(lambda _uuid: self.refresh())
        dialog.open()
        self.dialog = dialog
