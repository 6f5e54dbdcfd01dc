"""The hidden way out of the kiosk: hold the top-left corner of the screen for 3 seconds, then
the administrator's PIN (kiosk/pins.py: hashed, constant-time, lockout that survives restarts,
no default PIN) opens a small panel: open the administration screen, quit the application, or
go back to the kiosk.

The corner is the office name in the header: nothing there reacts to a touch, so a resident
leaning on it changes nothing. The panel and the admin screen close themselves after
ADMIN_IDLE_S without a touch, so an administrator who walks away leaves no open door.

`clock` is injectable: tests press, move the clock past HOLD_S and release (or fire `timer`),
with no real waiting.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.db import Store
from ui.i18n import LANG
from ui.idle import IdleWatcher

HOLD_S = 3.0
CORNER_PX = 96
ADMIN_IDLE_S = 120


def _exit_app() -> None:
    QCoreApplication.exit(0)   # exit(), not quit(): the kiosk window ignores close on purpose


class CornerHold(QObject):
    """Emits `held` after a press kept for `hold_s` in the window's top-left corner."""
    held = Signal()

    def __init__(self, window: QWidget, *, hold_s: float = HOLD_S, corner_px: int = CORNER_PX,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.hold_s = hold_s
        self.corner_px = corner_px
        self._clock = clock
        self._since: float | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def in_corner(self, global_pos: QPoint) -> bool:
        local = self.window.mapFromGlobal(global_pos)
        return 0 <= local.x() < self.corner_px and 0 <= local.y() < self.corner_px

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                        QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
                        QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        pos = _global_pos(event)
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if pos is not None and self.in_corner(pos):
                if self._since is None:      # the same press reaches each parent in turn
                    self._since = self._clock()
                    self.timer.start(int(self.hold_s * 1000))
            else:
                self.cancel()
        elif kind in (QEvent.Type.MouseMove, QEvent.Type.TouchUpdate):
            if self._since is not None and (pos is None or not self.in_corner(pos)):
                self.cancel()
        elif kind == QEvent.Type.TouchCancel:
            self.cancel()
        elif self._since is not None:        # released: long enough?
            self._check()
            self.cancel()
        return False

    def cancel(self) -> None:
        self._since = None
        self.timer.stop()

    def _check(self) -> None:
        if self._since is None:
            return
        left = self.hold_s - (self._clock() - self._since)
        if left > 0:
            if not self.timer.isActive() and self.sender() is self.timer:
                self.timer.start(max(int(left * 1000), 50))   # a timer that fired early
            return
        self.cancel()
        self.held.emit()

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _global_pos(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent):
        points = event.points()
        return points[0].globalPosition().toPoint() if points else None
    return None


class AdminOverlay(QWidget):
    """Full screen, above the kiosk: the admin PIN pad, then the choices."""
    closed = Signal()

    def __init__(self, store: Store, quit_app: Callable[[], None] = _exit_app) -> None:
        super().__init__(None, Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        from ui.staff.gate import PinGate

        self.setObjectName("adminOverlay")
        self.store = store
        self._quit = quit_app
        self.admin_window: QWidget | None = None
        self.gate = PinGate("admin", store, self._choices)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("adminCancel")
        self.cancel_button.setMinimumHeight(64)
        self.cancel_button.clicked.connect(self.dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 16)
        layout.addWidget(self.gate, 1)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.idle = IdleWatcher(ADMIN_IDLE_S, parent=self)
        self.idle.timed_out.connect(self.dismiss)
        self.idle.set_active(True)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.cancel_button.setText(self.tr("Back to the kiosk"))
        panel = getattr(self, "panel", None)
        if panel is not None:
            self.panel_title.setText(self.tr("Administrator"))
            self.open_admin.setText(self.tr("Open the administration screen"))
            self.quit_button.setText(self.tr("Quit the application"))

    def _choices(self) -> QWidget:
        """Built only once the PIN was accepted (PinGate's factory)."""
        self.panel = QWidget()
        self.panel.setObjectName("adminChoices")
        self.panel_title = QLabel()
        self.panel_title.setObjectName("adminChoicesTitle")
        self.panel_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.open_admin = QPushButton()
        self.open_admin.setObjectName("openAdmin")
        self.open_admin.setProperty("primary", True)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quitApp")
        self.quit_button.setProperty("danger", True)
        for button in (self.open_admin, self.quit_button):
            button.setMinimumSize(360, 80)
        self.open_admin.clicked.connect(self.show_admin)
        self.quit_button.clicked.connect(self._quit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_admin)
        row.addWidget(self.quit_button)
        row.addStretch(1)
        column = QVBoxLayout(self.panel)
        column.addStretch(1)
        column.addWidget(self.panel_title)
        column.addLayout(row)
        column.addStretch(2)
        self.retranslate()
        return self.panel

    def show_admin(self) -> None:
        from ui.staff.admin import AdminWindow

        self.admin_window = AdminWindow(self.store, quit_app=self._quit)
        self.gate.addWidget(self.admin_window)
        self.gate.setCurrentWidget(self.admin_window)

    def dismiss(self) -> None:
        self.idle.set_active(False)
        self.idle.uninstall()
        self.hide()
        self.closed.emit()
        self.deleteLater()


class AdminExit(QObject):
    """Wires the corner gesture of the kiosk window to the admin overlay."""

    def __init__(self, window: QWidget, store: Store, *,
                 clock: Callable[[], float] = time.monotonic,
                 quit_app: Callable[[], None] = _exit_app) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self._quit = quit_app
        self.gesture = CornerHold(window, clock=clock)
        self.gesture.held.connect(self.open)
        self.overlay: AdminOverlay | None = None

    def open(self) -> AdminOverlay:
        if self.overlay is None:
            self.overlay = AdminOverlay(self.store, self._quit)
            self.overlay.closed.connect(self._closed)
            if self.window.isFullScreen():
                self.overlay.showFullScreen()
            else:
                self.overlay.setGeometry(self.window.geometry())
                self.overlay.show()
        self.overlay.raise_()
        self.overlay.activateWindow()
        return self.overlay

    def _closed(self) -> None:
        self.overlay = None
