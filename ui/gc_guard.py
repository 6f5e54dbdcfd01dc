"""Python's cyclic garbage collector runs on whichever thread happens to allocate; if that is a
pool thread it may free an unreachable widget cycle there, and Qt objects must die on their own
thread (seen as segfaults in 'Garbage-collecting' on a worker). So automatic collection is off
and the GUI thread collects on a timer, generation by generation like the default thresholds."""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._collect)
        self._timer.start(INTERVAL_MS)

    def _collect(self) -> None:
        gen0, gen1, gen2 = gc.get_count()
        if gen2 > self._threshold[2]:
            gc.collect(2)
        elif gen1 > self._threshold[1]:
            gc.collect(1)
        elif gen0 > self._threshold[0]:
            gc.collect(0)


_collector: GuiThreadCollector | None = None


def install(app: QObject) -> None:
    """Call once, from the GUI thread, after the QApplication exists."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
