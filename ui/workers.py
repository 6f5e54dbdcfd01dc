"""Run a function on QThreadPool and get its result back on the GUI thread (after Picard's
`picard/util/thread.py` run_task).

The relay QObject is created on the calling (GUI) thread and emits from the worker thread; its
slot therefore runs queued on the GUI thread, where the callbacks may touch widgets. Qt objects
must also be *freed* on the GUI thread: the job drops its reference to `fn` (a closure that may
hold a widget) before reporting, and Python's cyclic GC runs only on the GUI thread (gc_guard).
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.db import Store
from kiosk.errors import KioskError

log = logging.getLogger("caunoi.ui.workers")

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(object, object)   # (result, exception or None)

    def __init__(self, on_done: OnDone, on_error: OnError | None,
                 owner: QObject | None) -> None:
        # Parented to the application, so it lives until delivery whoever holds the wrapper.
        super().__init__(QCoreApplication.instance())
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        # deleteLater, not an immediate delete: this slot runs inside the relay's own event.
        self.deleteLater()
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return   # the screen was closed while the job ran; nobody waits for the result
        if error is None:
            self._on_done(result)
        elif self._on_error is not None:
            self._on_error(error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn: Callable[[], Any] | None = fn
        self._relay = relay

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            result = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the GUI thread
            if not isinstance(exc, KioskError):
                # Type only: a job may hold a PIN or personal data; logs never do.
                log.error("background task failed: %s", type(exc).__name__)
            fn = None
            self._relay.finished.emit(None, exc.with_traceback(None))
        else:
            fn = None
            self._relay.finished.emit(result, None)


def run_task(fn: Callable[[], Any], on_done: OnDone, on_error: OnError | None = None,
             pool: QThreadPool | None = None, owner: QObject | None = None) -> None:
    """Run `fn()` off the GUI thread; call `on_done(result)` or `on_error(exc)` on the GUI
    thread, unless `owner` was deleted meanwhile."""
    relay = _Relay(on_done, on_error, owner)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay))


def run_store_task(owner: QObject, store: Store, work: Callable[[sqlite3.Connection], Any],
                   done: OnDone, failed: OnError) -> None:
    """run_task for store work: `work(conn)` gets the pool thread's own connection, closed
    afterwards because pool threads are reused for other stores."""
    def job() -> Any:
        try:
            return work(store.conn())
        finally:
            store.close()

    run_task(job, done, failed, owner=owner)
