"""The clerk's window behind the PIN: a "Queue" tab for the counter and the "Reports" console.
Started with --counter N the queue tab opens on that counter; without it, the tab first asks
which counter this PC is (the choice lasts for the session: "Change counter" asks again)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (QGridLayout, QLabel, QPushButton, QStackedWidget, QTabWidget,
                               QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.queue.api import CounterSlot, QueueService
from ui.i18n import LANG
from ui.staff.clerk import ClerkConsole
from ui.staff.figures import FiguresScreen
from ui.staff.header import StaffHeader
from ui.staff.queue_console import QueueConsole
from ui.staff.recent_prints import RecentPrints
from ui.staff.style import set_tone, style_screen
from ui.workers import run_store_task

COLUMNS = 3


class CounterPicker(QWidget):
    """One big button per counter, read off the GUI thread."""

    def __init__(self, store: Store, queue: QueueService, chosen: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen = chosen
        self.slots: tuple[CounterSlot, ...] = ()
        self.header = StaffHeader()
        self.note = QLabel()
        self.note.setWordWrap(True)
        set_tone(self.note, "muted")
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        self.buttons: dict[int, QPushButton] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        outer.setSpacing(16)
        outer.addWidget(self.header)
        outer.addWidget(self.note)
        outer.addLayout(self.grid)
        outer.addStretch(1)
        style_screen(self)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        run_store_task(self, store, lambda _conn: queue.board_state().serving, self._loaded,
                       self._failed)

    def retranslate(self, _code: str = "") -> None:
        self.header.title.setText(self.tr("Which counter is this?"))
        if self.slots or not self.note.property("failed"):
            self.note.setText(self.tr("Choose the counter this computer serves. Its number is "
                                      "shown on the board when you call."))
        for number, button in self.buttons.items():
            button.setText(self.tr("Counter {n}").format(n=number))

    def _loaded(self, slots: tuple[CounterSlot, ...]) -> None:
        self.slots = slots
        for index, slot in enumerate(slots):
            button = QPushButton()
            button.setObjectName(f"counter_{slot.counter}")
            button.setMinimumHeight(96)
            button.clicked.connect(lambda _=False, n=slot.counter: self._chosen(n))
            self.grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[slot.counter] = button
        self.retranslate()

    def _failed(self, _error: BaseException) -> None:
        self.note.setProperty("failed", True)
        self.note.setText(self.tr("The counters could not be read. Please restart the "
                                  "console or tell the administrator."))
        set_tone(self.note, "error")


class ClerkWindow(QTabWidget):
    def __init__(self, store: Store, queue: QueueService, counter: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clerkTabs")
        self.store, self.queue = store, queue
        self.queue_page = QStackedWidget()
        self.console: QueueConsole | None = None
        self.picker: CounterPicker | None = None
        self.reports = ClerkConsole(store)
        self.prints = RecentPrints(store)
        self.figures = FiguresScreen(store)
        self.addTab(self.queue_page, "")
        self.addTab(self.reports, "")
        self.addTab(self.prints, "")
        self.addTab(self.figures, "")
        style_screen(self)
        if counter is None:
            self.ask_counter()
        else:
            self.use_counter(counter)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTabText(0, self.tr("Queue"))
        self.setTabText(1, self.tr("Reports"))
        self.setTabText(2, self.tr("Printing"))
        self.setTabText(3, self.tr("Figures"))

    def ask_counter(self) -> None:
        self.console = None
        self.picker = CounterPicker(self.store, self.queue, self.use_counter)
        self._replace(self.picker)

    def use_counter(self, counter: int) -> None:
        self.console = QueueConsole(self.store, self.queue, counter,
                                    change_counter=self.ask_counter)
        self._replace(self.console)
        self.picker = None

    def _replace(self, page: QWidget) -> None:
        for old in [self.queue_page.widget(i) for i in range(self.queue_page.count())]:
            self.queue_page.removeWidget(old)
            old.deleteLater()
        self.queue_page.addWidget(page)
        self.queue_page.setCurrentWidget(page)
        self.setCurrentIndex(0)
