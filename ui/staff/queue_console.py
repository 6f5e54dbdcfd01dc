"""The clerk's queue tab for one counter: the ticket at the counter, big, with the buttons that
make sense for it; the waiting list for the counter's services; today's figures; and, after
'Finished', the rating panel for the resident.

Every queue call runs off the GUI thread. The view is redrawn from one snapshot read whenever the
watermark moves, so consoles and the board on one store stay in step without talking.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QStackedWidget,
                               QVBoxLayout, QWidget)

from kiosk import catalog
from kiosk.clock import OFFICE_ZONE
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue.api import CounterView, DayFigures, QueueService, ServiceInfo, Ticket
from ui.i18n import LANG
from ui.queue_poll import QueuePoller
from ui.staff.header import StaffHeader
from ui.staff.queue_card import CurrentCard
from ui.staff.queue_panels import ActionPanel, RatingPanel, TransferPanel, allowed, level_name
from ui.staff.queue_tables import FiguresTable, WaitingTable, minutes
from ui.staff.style import set_tone, style_screen
from ui.workers import run_store_task


@dataclass(frozen=True)
class Snapshot:
    view: CounterView
    figures: DayFigures
    services: tuple[ServiceInfo, ...]
    zone: str


def read_snapshot(store: Store, queue: QueueService, counter: int) -> Snapshot:
    """Everything the tab shows, in one pool job."""
    return Snapshot(queue.counter_view(counter), queue.figures(), queue.services(),
                    catalog.office_zone(store.conn()))


class QueueConsole(QWidget):
    def __init__(self, store: Store, queue: QueueService, counter: int, *,
                 change_counter: Callable[[], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.queue, self.counter = store, queue, counter
        self.snapshot: Snapshot | None = None
        self.busy = False
        # After an action the buttons wait for a read that includes it (watermark at least
        # this): the snapshot from before would offer "Call next" again, and a double tap
        # would call two residents.
        self._fresh_after = 0
        self._read_failing = False
        self._message: tuple[str, KioskError | str] | None = None   # (tone, what)

        self.header = StaffHeader()
        self.open_button = QPushButton()
        self.open_button.setObjectName("counter_open")
        self.open_button.setMinimumHeight(64)
        self.open_button.clicked.connect(self._toggle_open)
        self.header.add_action(self.open_button)
        self.change_button: QPushButton | None = None
        if change_counter is not None:
            self.change_button = QPushButton()
            self.change_button.setMinimumHeight(64)
            self.change_button.clicked.connect(change_counter)
            self.header.add_action(self.change_button)
        self.message = QLabel()
        self.message.setObjectName("queue_message")
        self.message.setWordWrap(True)

        # left: the ticket at the counter, then buttons / transfer choice / rating
        self.card = CurrentCard()
        self.current, self.current_state = self.card.number, self.card.state
        self.current_detail = self.card.detail
        self.actions = ActionPanel()
        self.actions.triggered.connect(self._action)
        self.transfer = TransferPanel()
        self.transfer.chosen.connect(self._transfer_to)
        self.transfer.cancelled.connect(self._show_actions)
        self.rating = RatingPanel()
        self.rating.rated.connect(self._rate)
        self.rating.dismissed.connect(self._show_actions)
        self.pages = QStackedWidget()
        for page in (self.actions, self.transfer, self.rating):
            self.pages.addWidget(page)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.card)
        left.addWidget(self.pages, 1)

        # right: who waits, and today's figures
        self.waiting_title = QLabel()
        self.waiting_title.setObjectName("section")
        self.waiting = WaitingTable()
        self.figures_title = QLabel()
        self.figures_title.setObjectName("section")
        self.figures = FiguresTable()
        self.summary = QLabel()
        self.summary.setObjectName("figures_summary")
        self.summary.setWordWrap(True)
        set_tone(self.summary, "muted")
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.waiting_title)
        right.addWidget(self.waiting, 3)
        right.addWidget(self.figures_title)
        right.addWidget(self.figures, 2)
        right.addWidget(self.summary)

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 4)
        columns.addLayout(right, 6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(10)
        outer.addWidget(self.header)
        outer.addWidget(self.message)
        outer.addLayout(columns, 1)
        style_screen(self)

        self.poller = QueuePoller(store, queue, lambda: read_snapshot(store, queue, counter),
                                  parent=self)
        self.poller.changed.connect(self._show)
        self.poller.failed.connect(self._read_failed)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.poller.start()

    # --- drawing ----------------------------------------------------------------------------
    def retranslate(self, _code: str = "") -> None:
        self.header.title.setText(self.tr("Counter {n} — queue").format(n=self.counter))
        if self.change_button is not None:
            self.change_button.setText(self.tr("Change counter"))
        self.figures_title.setText(self.tr("Today (median times in minutes)"))
        self.actions.retranslate()
        self.rating.retranslate()
        self.waiting.retranslate()
        self.figures.retranslate()
        self._say()
        self._draw()

    def _show(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        if self._read_failing:          # reading works again: the warning is stale
            self._read_failing = False
            self._message = None
            self._say()
        self._draw()

    def _draw(self) -> None:
        snap = self.snapshot
        view = snap.view if snap else None
        current = view.current if view else None
        self.card.show_ticket(current, view.waiting_count if view else 0,
                              snap.zone if snap else OFFICE_ZONE)
        opened = bool(view and view.open)
        self.open_button.setText(self.tr("Close counter") if opened else self.tr("Open counter"))
        self.open_button.setEnabled(view is not None and not self.busy)
        count = view.waiting_count if view else 0
        self.waiting_title.setText(self.tr("Waiting for this counter: %n", "", count))
        if snap is not None:
            self.waiting.show_tickets(snap.view.waiting, snap.zone)
            self.figures.show_figures(snap.figures, snap.services)
            self.summary.setText(self._summary(snap.figures))
        others = bool(snap and current and any(
            s.active and s.id != current.service_id for s in snap.services))
        stale = (self.poller.watermark or 0) < self._fresh_after
        self.actions.enable(set() if self.busy or stale else allowed(view, others))
        self.rating.set_busy(self.busy)
        if self.pages.currentWidget() is self.transfer and not (
                "transfer" in allowed(view, others)):
            self._show_actions()   # the ticket left the counter meanwhile (another console)

    def _summary(self, figures: DayFigures) -> str:
        mine = next((f for f in figures.counters if f.key == str(self.counter)), None)
        parts = []
        if mine is not None:
            parts.append(self.tr("This counter: {served} served, {no_show} did not come, "
                                 "median service time {minutes}").format(
                served=mine.served, no_show=mine.no_show,
                minutes="—" if mine.median_service_min is None else self.tr("{m} min").format(
                    m=minutes(mine.median_service_min))))
        ratings = dict(figures.ratings)
        if ratings:
            parts.append(self.tr("Ratings: {list}").format(list=", ".join(
                f"{level_name(level)} {ratings.get(level, 0)}"
                for level in ("satisfied", "acceptable", "unsatisfied"))))
        return "\n".join(parts)

    # --- messages ---------------------------------------------------------------------------
    def _set_message(self, tone: str, what: KioskError | str) -> None:
        self._message = (tone, what)
        self._say()

    def _say(self) -> None:
        if self._message is None:
            self.message.setText("")
            self.message.hide()
            return
        tone, what = self._message
        self.message.setText(describe(what, LANG.code) if isinstance(what, KioskError) else what)
        set_tone(self.message, tone)
        self.message.show()

    def _read_failed(self, _error: BaseException) -> None:
        self._read_failing = True
        self._set_message("error", self.tr("The queue could not be read; trying again."))

    # --- actions ----------------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self.busy:
            return
        self.busy = True
        self._draw()

        def finished(outcome: tuple[Any, int]) -> None:
            result, self._fresh_after = outcome
            self.busy = False
            self._message = None
            self._say()
            done(result)
            self._draw()            # the rating panel is live now; the buttons after the read
            self.poller.refresh()

        def failed(error: BaseException) -> None:
            self.busy = False
            self._set_message("error", error if isinstance(error, KioskError) else self.tr(
                "That did not work. Please try again."))
            self._draw()
            self.poller.refresh()

        queue = self.queue
        run_store_task(self, self.store, lambda _conn: (work(), queue.watermark()), finished,
                       failed)

    def _action(self, action: str) -> None:
        queue, counter = self.queue, self.counter
        if action == "transfer":
            self._offer_transfer()
            return
        work: dict[str, Callable[[], Any]] = {
            "call": lambda: queue.call_next(counter),
            "recall": lambda: queue.recall(counter),
            "serve": lambda: queue.start_serving(counter),
            "no_show": lambda: queue.no_show(counter),
            "finish": lambda: queue.finish(counter),
        }
        self._run(work[action], lambda ticket: self._after(action, ticket))

    def _after(self, action: str, ticket: Ticket | None) -> None:
        if action == "call" and ticket is None:
            self._set_message("muted", self.tr("Nobody is waiting for this counter."))
        elif action == "finish" and ticket is not None:
            self.rating.ask(ticket.id, ticket.label)
            self._page(self.rating)

    def _offer_transfer(self) -> None:
        snap = self.snapshot
        if snap is None or snap.view.current is None:
            return
        current = snap.view.current
        self.transfer.offer(current.label, snap.services, current.service_id)
        self._page(self.transfer)

    def _transfer_to(self, service_id: str) -> None:
        queue, counter = self.queue, self.counter
        self._run(lambda: queue.transfer(counter, service_id), lambda _t: self._show_actions())

    def _rate(self, ticket_id: str, level: str) -> None:
        queue = self.queue

        def rated(_result: object) -> None:
            self._set_message("ok", self.tr("Thank you! The rating was saved."))
            self._show_actions()

        self._run(lambda: queue.rate(ticket_id, level), rated)   # type: ignore[arg-type]

    def _show_actions(self) -> None:
        self._page(self.actions)

    def _page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        # The resident rates a finished visit: the free counter's card would only crowd them.
        self.card.setVisible(page is not self.rating)

    def _toggle_open(self) -> None:
        view = self.snapshot.view if self.snapshot else None
        if view is None:
            return
        queue, counter, now_open = self.queue, self.counter, not view.open
        self._run(lambda: queue.set_counter_open(counter, now_open), lambda _r: None)
