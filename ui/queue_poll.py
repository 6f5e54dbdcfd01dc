"""Keep a station in step with the queue: poll the cheap `watermark()` off the GUI thread and
re-read only when it moved.

Kiosk, consoles and the board may live in different processes on one store, so nothing pushes
changes to them; the watermark grows with every ticket event (and counter open/close). Both the
watermark and the re-read run in one pool job, so a poll never blocks the GUI on a writer's lock.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.db import Store
from kiosk.queue.api import QueueService
from ui.workers import run_store_task

log = logging.getLogger("caunoi.ui.queue")
POLL_MS = 500


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

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def stop(self) -> None:
        self.timer.stop()

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
