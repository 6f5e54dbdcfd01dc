"""Background sync with the provincial server for the GUI (docs/sync.md, "Client flow").

`SyncRunner` runs `sync.engine.run_sync` on its own one-thread pool, never on the GUI thread, so
a sync over a slow rural link never blocks paint or input on the kiosk. It starts a sync:

- on a timer (every 5 minutes): the worker first asks `engine.due(conn)`, so the backoff kept in
  settings after a failure is respected (a headless `sync run` and the UI agree on it);
- when the link comes back (QNetworkInformation reachability → Online), if a network backend
  loads; otherwise the timer alone does it;
- on demand (`request(force=True)`, the panel's "Sync now"): the backoff is ignored.

One at a time: a request while a sync runs starts nothing, it just waits for that sync's
`finished`. The engine also holds a cross-process lock (`sync_running` when `sync run` from a
scheduled task got there first).

Signals (all delivered on the GUI thread): started(), progress(stage, count), finished(SyncReport).
A timer check that finds nothing due (or the device not enrolled) emits none of them.

One runner per data dir is shared by the app's timer and the staff panels (`shared_runner`), so
"Sync now" and the timer never race each other inside one process.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot

from kiosk.db import Store
from sync import engine
from sync.enrol import enrolled
from sync.errors import SyncError
from ui.workers import run_task

log = logging.getLogger("caunoi.ui.sync")

INTERVAL_MS = 5 * 60_000
LINK_BACK_MIN_S = 30.0      # a flapping link must not start a sync every second
STOP_WAIT_MS = 30_000


class SyncRunner(QObject):
    started = Signal()
    progress = Signal(str, int)          # stage ("sent" | "pulled"), items so far
    finished = Signal(object)            # SyncReport

    _began = Signal()                    # emitted on the worker, delivered queued
    _step = Signal(str, int)

    def __init__(self, store: Store, *, interval_ms: int = INTERVAL_MS,
                 run: Callable[..., engine.SyncReport] | None = None,
                 sync_kwargs: dict[str, Any] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._run = run or engine.run_sync
        self._kwargs = dict(sync_kwargs or {})
        self.running = False
        self.last_report: engine.SyncReport | None = None
        self.watching_network = False
        self._last_link_back = -LINK_BACK_MIN_S
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._began.connect(self._on_began, Qt.ConnectionType.QueuedConnection)
        self._step.connect(self._on_step, Qt.ConnectionType.QueuedConnection)

    # --- control ---------------------------------------------------------------------------
    def start(self, watch_network: bool = True) -> None:
        """Start the timer (and the link watcher); the first check runs at once."""
        if not self.timer.isActive():
            self.timer.start()
        if watch_network and not self.watching_network:
            self.watching_network = self._watch_network()
        QTimer.singleShot(0, self, self.check)

    def stop(self, wait_ms: int = STOP_WAIT_MS) -> None:
        """No new syncs; wait (bounded: every request has a deadline) for a running one."""
        self.timer.stop()
        self._pool.waitForDone(wait_ms)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def next_check_in_ms(self) -> int | None:
        return self.timer.remainingTime() if self.timer.isActive() else None

    def check(self) -> bool:
        """The timer's try: runs only when enrolled and the backoff allows it."""
        return self.request(force=False)

    def request(self, force: bool = True) -> bool:
        """Start a sync unless one runs (then the caller just waits for `finished`).
        `force` ignores the backoff ("Sync now"). True when a job was queued."""
        if self.running:
            return False
        self.running = True
        store, run, kwargs = self.store, self._run, self._kwargs
        began, step = self._began, self._step

        def job() -> engine.SyncReport | None:
            try:
                conn = store.conn()
                if not force and (not enrolled(conn) or not engine.due(conn)):
                    return None
                began.emit()
                return run(store, progress=lambda stage, n: step.emit(stage, n), **kwargs)
            finally:
                store.close()      # pool threads outlive this store's connection otherwise

        run_task(job, self._done, self._failed, pool=self._pool, owner=self)
        return True

    # --- results (GUI thread) --------------------------------------------------------------
    @Slot()
    def _on_began(self) -> None:
        self.started.emit()

    @Slot(str, int)
    def _on_step(self, stage: str, count: int) -> None:
        self.progress.emit(stage, count)

    def _done(self, report: engine.SyncReport | None) -> None:
        self.running = False
        if report is None:
            return
        self.last_report = report
        if report.error is not None:
            log.info("sync ended with %s", report.error.code)
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        # run_sync never raises a KioskError; anything else is a bug, logged by the worker.
        self.running = False
        report = engine.SyncReport(error=SyncError("server_refused", status=0,
                                                   error=type(error).__name__, detail=""))
        self.last_report = report
        self.finished.emit(report)

    # --- link watcher ------------------------------------------------------------------------
    def _watch_network(self) -> bool:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:      # a build without QtNetwork: the timer alone
            return False
        info = QNetworkInformation.instance()
        if info is None:
            if not QNetworkInformation.loadDefaultBackend():
                return False     # no backend on this OS/session: the timer alone, quietly
            info = QNetworkInformation.instance()
        if info is None:
            return False
        info.reachabilityChanged.connect(self._reachability)
        return True

    @Slot(object)
    def _reachability(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability != QNetworkInformation.Reachability.Online or not self.timer.isActive():
            return
        now = time.monotonic()
        if now - self._last_link_back < LINK_BACK_MIN_S:
            return
        self._last_link_back = now
        # The link is back: the backoff was waiting for exactly this, so try now.
        self.request(force=True)


# --- one runner per data dir, shared by the app's timer and the panels -----------------------

_RUNNERS: dict[Path, SyncRunner] = {}


def shared_runner(store: Store) -> SyncRunner:
    """The process's runner for this store (made on first use, parented to the application)."""
    key = Path(store.data_dir).resolve()
    runner = _RUNNERS.get(key)
    if runner is None or not shiboken6.isValid(runner):
        runner = SyncRunner(store, parent=QCoreApplication.instance())
        _RUNNERS[key] = runner
    return runner


def start_background_sync(role: str, store: Store) -> SyncRunner | None:
    """ui/app.py: every role whose PC files reports or queue events syncs them itself, once
    enrolled. Not the board (a TV shows, it records nothing). A station paired with the office
    hub still syncs: its reports stay in its own store (the hub holds only the queue)."""
    if role == "board" or not enrolled(store.conn()):
        return None
    runner = shared_runner(store)
    runner.start()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(lambda: runner.stop())
    return runner


def shutdown_all(wait_ms: int = STOP_WAIT_MS) -> None:
    """Stop every shared runner (tests; the app stops its runner on aboutToQuit)."""
    for runner in list(_RUNNERS.values()):
        if shiboken6.isValid(runner):
            runner.stop(wait_ms)
            runner.deleteLater()
    _RUNNERS.clear()
