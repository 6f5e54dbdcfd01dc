"""A station paired with the office hub, through real widgets: the board and a clerk console on
a HubQueue against a real hub on loopback see a call made by another station, woken by the
hub's long poll on the poller's own thread (not a 500 ms poll); the thread ends with the widget."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.db import Store
from kiosk.hub.client import HubQueue
from kiosk.hub.server import HubServer
from tests.hub_support import station_token
from tests.queue_support import A
from ui import queue_poll
from ui.board import QueueBoard
from ui.speech import Announcer, RecordingEngine
from ui.staff.clerk_window import ClerkWindow


class CountingHubQueue(HubQueue):
    """A HubQueue that counts its long polls and plain watermark reads."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.long_polls = 0
        self.watermarks = 0

    def wait_change(self, after: int, timeout: float = 30.0, wait: float | None = None) -> int:
        self.long_polls += 1
        return super().wait_change(after, timeout, wait)

    def watermark(self) -> int:
        self.watermarks += 1
        return super().watermark()


def station(hub: tuple[HubServer, Store], cls: type[HubQueue] = HubQueue) -> HubQueue:
    server, store = hub
    return cls(server.url, station_token(server.url, store))


def retire(qtbot: QtBot, widget: QWidget, watcher: queue_poll.HubWatcher) -> None:
    widget.close()
    widget.deleteLater()
    qtbot.waitUntil(watcher.isFinished, timeout=20_000)


def test_board_and_console_follow_another_station_by_long_poll(
        qtbot: QtBot, ui: None, store: Store, hub: tuple[HubServer, Store],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queue_poll, "HUB_WAIT_S", 1.0)     # shorter windows: quicker teardown
    engine = RecordingEngine()
    announcer = Announcer([engine], chime=None)
    board_queue = station(hub, CountingHubQueue)
    console_queue = station(hub, CountingHubQueue)
    other = station(hub)
    assert isinstance(board_queue, CountingHubQueue)
    assert isinstance(console_queue, CountingHubQueue)

    board = QueueBoard(store, board_queue, announcer=announcer)
    board.show()
    window = ClerkWindow(store, console_queue, 2)
    window.show()
    console = window.console
    assert console is not None
    qtbot.waitUntil(lambda: board.state is not None and console.snapshot is not None)
    assert board.poller.watcher is not None and not board.poller.timer.isActive()
    assert console.poller.watcher is not None and not console.poller.timer.isActive()

    other.take(A)
    qtbot.waitUntil(lambda: console.waiting.rowCount() == 1, timeout=10_000)
    other.call_next(1)
    qtbot.waitUntil(lambda: board.latest.number.text() == "A001", timeout=10_000)
    assert board.latest.counter.text() == "Quầy 1"
    qtbot.waitUntil(lambda: console.waiting.rowCount() == 0, timeout=10_000)

    # woken by the long poll: several wait_change calls, and the watermark is read only with
    # each re-read (the first read, then once per change), never on a 500 ms timer
    assert board_queue.long_polls >= 2 and console_queue.long_polls >= 2
    assert board_queue.watermarks <= board_queue.long_polls + 1

    board_watcher, console_watcher = board.poller.watcher, console.poller.watcher
    retire(qtbot, board, board_watcher)
    retire(qtbot, window, console_watcher)
    announcer.deleteLater()


def test_a_local_station_keeps_the_watermark_poll(qtbot: QtBot, ui: None, store: Store) -> None:
    from kiosk.queue.local import LocalQueue

    board = QueueBoard(store, LocalQueue(store), announcer=Announcer([RecordingEngine()],
                                                                     chime=None))
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.state is not None)
    assert board.poller.watcher is None and board.poller.timer.isActive()
    assert board.poller.timer.interval() == queue_poll.POLL_MS
