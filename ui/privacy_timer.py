"""The retention purge on a timer inside the running app (kiosk/privacy.py): every hour, off the
GUI thread, `purge_if_due` (which itself runs at most once an hour across processes, see
privacy.LAST_PURGE_KEY). The OS timer running `python main.py privacy purge --json`
(docs/privacy.md) covers a PC where the app is not running."""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk import privacy
from kiosk.db import Store
from ui.workers import run_store_task

INTERVAL_MS = 60 * 60 * 1000
log = logging.getLogger("caunoi.privacy")


class PurgeTimer(QObject):
    def __init__(self, store: Store, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.store = store
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self, self.run)

    def run(self) -> None:
        run_store_task(self, self.store, privacy.purge_if_due, lambda _ran: None, self._failed)

    @staticmethod
    def _failed(error: BaseException) -> None:
        log.warning("retention purge failed: %s", type(error).__name__)
