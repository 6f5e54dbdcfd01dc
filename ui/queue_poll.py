"""Keep a station in step with the queue: poll the cheap `watermark()` off the GUI thread and
re-read only when it moved.

Kiosk, consoles and the board may live in different processes on one store, so nothing pushes
changes to them; the watermark grows with every ticket event (and counter open/close). Both the
watermark and the re-read run in one pool job, so a poll never blocks the GUI on a writer's lock.

A station paired with the office hub (a queue with `wait_change`) does not poll: one dedicated
QThread per poller long polls the hub and the poller re-reads as soon as the watermark moves (the
shared pool is left alone, a long poll would hold one of its threads for seconds). The watcher's
window is short (HUB_WAIT_S), so a watcher given up by a stopped poller or a destroyed widget ends
by itself soon after, without blocking the GUI. Every running watcher is kept in `_WATCHERS` (a
QThread must not be destroyed while it runs), and the process halts and waits for them at exit.
"""
from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from kiosk.db import Store
from kiosk.queue.api import QueueService
from ui.workers import run_store_task

log = logging.getLogger("caunoi.ui.queue")
POLL_MS = 500
HUB_WAIT_S = 5.0         # one long poll's window on the hub (a change answers it at once)
HUB_RETRY_S = 1.0        # after a failed long poll (hub down, restarting)

_WATCHERS: set[HubWatcher] = set()     # running or halting; pruned when they have finished


class HubWatcher(QThread):
    """Long polls the hub's `wait_change` in a loop; `moved(watermark)` when it changed, `lost()`
    when the hub did not answer (then it retries every HUB_RETRY_S until halted)."""

    moved = Signal(int)
    lost = Signal()

    def __init__(self, queue: Any) -> None:
        super().__init__()
        self.queue = queue
        self.halted = threading.Event()

    def halt(self) -> None:
        self.halted.set()

    def run(self) -> None:
        after = -1
        while not self.halted.is_set():
            try:
                mark = int(self.queue.wait_change(after, timeout=HUB_WAIT_S + 8.0,
                                                  wait=HUB_WAIT_S))
            except Exception:  # noqa: BLE001 - any failure: say so and retry
                after = -1
                if not self.halted.is_set():
                    self.lost.emit()
                self.halted.wait(HUB_RETRY_S)
                continue
            if mark != after and not self.halted.is_set():
                self.moved.emit(mark)
            after = mark


def _launch(watcher: HubWatcher) -> None:
    for done in [w for w in _WATCHERS if w.isFinished()]:
        _WATCHERS.discard(done)
    _WATCHERS.add(watcher)
    watcher.start()


def _retire(watcher: HubWatcher) -> None:
    """Stop a watcher without blocking the GUI: it ends after its current long poll."""
    watcher.halt()


@atexit.register
def _wait_watchers() -> None:
    for watcher in list(_WATCHERS):
        watcher.halt()
    for watcher in list(_WATCHERS):
        watcher.wait(int((HUB_WAIT_S + 10.0) * 1000))
    _WATCHERS.clear()


class QueuePoller(QObject):
    """Emits `changed(result of read())` on the GUI thread whenever the queue moved.

    `refresh()` forces a re-read (after this station's own action); at most one job runs at a
    time, and a refresh asked for meanwhile runs as soon as it ends."""

    changed = Signal(object)
    failed = Signal(object)          # the exception of a failed read (the store is busy, …)

    def __init__(self, store: Store, queue: QueueService, read: Callable[[], Any],
                 interval_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.queue = queue
        self._read = read
        self.watermark: int | None = None
        self._running = False
        self._forced = True              # the first poll always reads
        self._failing = False            # log a run of failures once, not twice a second
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.hub = callable(getattr(queue, "wait_change", None))
        self.watcher: HubWatcher | None = None

    def start(self) -> None:
        if not self.hub:
            self.timer.start()
        elif self.watcher is None:
            watcher = self.watcher = HubWatcher(self.queue)
            watcher.moved.connect(self._moved)
            watcher.lost.connect(self.refresh)        # the read fails too: `failed` says so
            # the widget (and this poller) may go at any time: retire the thread then
            self.destroyed.connect(lambda *_: _retire(watcher))
            _launch(watcher)
        self.poll()

    def stop(self) -> None:
        self.timer.stop()
        watcher, self.watcher = self.watcher, None
        if watcher is not None:
            watcher.moved.disconnect(self._moved)
            watcher.lost.disconnect(self.refresh)
            _retire(watcher)

    def _moved(self, mark: int) -> None:
        if mark != self.watermark:
            self.refresh()

    def refresh(self) -> None:
        self._forced = True
        self.poll()

    def poll(self) -> None:
        if self._running:
            return
        self._running = True
        forced, self._forced = self._forced, False
        last, queue, read = self.watermark, self.queue, self._read

        def work(_conn: object) -> tuple[int, Any, bool]:
            mark = queue.watermark()
            if forced or mark != last:
                return mark, read(), True
            return mark, None, False

        run_store_task(self, self.store, work, self._done, self._failed)

    def _done(self, outcome: tuple[int, Any, bool]) -> None:
        self._running = False
        self._failing = False
        mark, result, fresh = outcome
        self.watermark = mark
        if fresh:
            self.changed.emit(result)
        if self._forced:
            self.poll()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        self._forced = True              # read again on the next tick
        if not self._failing:
            log.warning("queue poll failed: %s", type(error).__name__)
        self._failing = True
        self.failed.emit(error)
