"""Run a function on QThreadPool and get its result back on the GUI thread (after Picard's
`picard/util/thread.py` run_task).

The relay QObject is created on the calling (GUI) thread and emits from the worker thread; its
slot therefore runs queued on the GUI thread, where the callbacks may touch widgets.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.errors import KioskError

log = logging.getLogger("caunoi.ui.workers")

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(object, object)   # (result, exception or None)

    def __init__(self, on_done: OnDone, on_error: OnError | None) -> None:
        # Parented to the application, so it lives until delivery whoever holds the wrapper.
        super().__init__(QCoreApplication.instance())
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        # deleteLater, not an immediate delete: this slot runs inside the relay's own event.
        self.deleteLater()
        if error is None:
            self._on_done(result)
        elif self._on_error is not None:
            self._on_error(error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
            if not isinstance(exc, KioskError):
                log.exception("background task failed")
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


def run_task(fn: Callable[[], Any], on_done: OnDone, on_error: OnError | None = None,
             pool: QThreadPool | None = None) -> None:
    """Run `fn()` off the GUI thread; call `on_done(result)` or `on_error(exc)` on the GUI thread."""
    relay = _Relay(on_done, on_error)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))
