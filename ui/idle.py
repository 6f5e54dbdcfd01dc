"""The idle watcher: a kiosk left half-filled returns home by itself, so the next resident never
sees what the last one typed.

Installed as an application event filter: any mouse, touch or key event restarts the timer. The
last WARN_S seconds emit `countdown(seconds_left)` for a visible banner; `countdown(0)` hides it.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

DEFAULT_TIMEOUT_S = 90
WARN_S = 15

ACTIVITY = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.InputMethod,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove,
})


class IdleWatcher(QObject):
    countdown = Signal(int)   # seconds left in the warning period; 0 = no warning
    timed_out = Signal()

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, warn_s: float = WARN_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = int(timeout_s * 1000)
        self.warn_ms = int(warn_s * 1000)
        self.active = False
        self._warning = 0
        # `timer` fires once at the deadline; tests may emit its timeout() to skip the wait.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.timeout_ms)
        self.timer.timeout.connect(self._expire)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)  # several ticks a second, so the number never skips
        self.ticker.timeout.connect(self._tick)
        self._installed = False
        self.install()

    def set_timeout(self, timeout_s: float, warn_s: float = WARN_S) -> None:
        """Another deadline for the current screen (a ticket on screen goes home sooner);
        applies from the next reset."""
        self.timeout_ms = int(timeout_s * 1000)
        self.warn_ms = int(warn_s * 1000)
        self.timer.setInterval(self.timeout_ms)

    def set_active(self, active: bool) -> None:
        """Watch only while a resident is somewhere other than Home."""
        self.active = active
        if active:
            self.reset()
        else:
            self.timer.stop()
            self.ticker.stop()
            self._emit_countdown(0)

    def reset(self) -> None:
        if not self.active:
            return
        self.timer.start()
        self.ticker.start()
        self._tick()

    def seconds_left(self) -> int:
        return math.ceil(max(self.timer.remainingTime(), 0) / 1000) if self.timer.isActive() else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if self.active and event.type() in ACTIVITY:
            self.reset()
        return False

    def _tick(self) -> None:
        if not self.timer.isActive():
            return
        remaining = self.timer.remainingTime()
        self._emit_countdown(math.ceil(remaining / 1000) if 0 <= remaining <= self.warn_ms else 0)

    def _emit_countdown(self, seconds: int) -> None:
        if seconds != self._warning:
            self._warning = seconds
            self.countdown.emit(seconds)

    def _expire(self) -> None:
        self.timer.stop()
        self.ticker.stop()
        self._emit_countdown(0)
        if self.active:
            self.timed_out.emit()

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
