"""Start the UI for a role: the application, theme, language, store, and the role's window in
kiosk mode (full screen, frameless, close ignored) or, with --windowed, a normal window."""
from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.paths import data_dir
from ui import gc_guard, qtlog
from ui.i18n import LANG
from ui.theme import apply_theme

log = logging.getLogger("caunoi.ui")
APP_NAME = "Cầu Nối"
WINDOW_SIZE = (1280, 800)
BACKGROUND_DELAY_MS = 3000   # background sync and retention purge start this long after launch


class CloseGuard(QObject):
    """Ignores close requests on a kiosk-mode window (Alt+F4, a window manager's close).
    An admin's exit calls QApplication.exit() instead, which asks no window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Close:
            event.ignore()
            return True
        return False


def error_screen(message: str) -> QWidget:
    """What a person sees when the app cannot start: the sentence, no traceback, no dialog."""
    screen = QWidget()
    screen.setObjectName("errorScreen")
    layout = QVBoxLayout(screen)
    layout.setContentsMargins(80, 80, 80, 80)
    text = QLabel(message)
    text.setObjectName("errorScreenText")
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    layout.addWidget(text)
    return screen


def build_window(role: str, store: Store, counter: int | None = None) -> QWidget:
    """The role's window. `hub`: the office hub's own window (server in this process, behind the
    admin PIN); a kiosk/clerk/board PC with setting hub.enabled serves the hub too. The server, if
    any, is `window.hub_server` and stops when the application quits."""
    # One queue for the process: the kiosk, a console and a board share it (and its day check).
    # A station paired with the office hub (settings hub.url + hub.token) uses it over the LAN.
    from kiosk.hub.station import hub_enabled, station_queue

    if role == "hub":
        from ui import staff
        from ui.staff.hub_window import HubWindow, start_hub

        server, error = start_hub(store)
        gate = staff.PinGate("admin", store, lambda: HubWindow(store, server, error))
        gate.hub_server = server   # type: ignore[attr-defined]
        return gate
    # A kiosk PC (or a console) with the hub switched on in admin settings serves it as well.
    server = None
    if role in ("kiosk", "clerk", "board") and hub_enabled(store.conn()):
        from ui.staff.hub_window import start_hub

        server, _error = start_hub(store)
    window = _role_window(role, store, counter, station_queue(store.conn()))
    window.hub_server = server   # type: ignore[attr-defined]
    return window


def _role_window(role: str, store: Store, counter: int | None, hub_queue: object) -> QWidget:
    from kiosk.queue.api import QueueService
    from kiosk.queue.local import LocalQueue
    from ui.shell import Shell

    queue: QueueService = hub_queue or LocalQueue(store)  # type: ignore[assignment]
    if role == "kiosk":
        return Shell(store, mode="kiosk", queue=queue)
    from ui import staff  # the staff consoles, imported only for staff roles

    if role == "volunteer":
        from ui.staff.windows import VolunteerWindow

        return staff.PinGate("volunteer", store, lambda: VolunteerWindow(store, queue))
    return staff.build_staff_window(role, store, queue, counter)


def _start_sync(role: str, store: Store) -> None:
    """Sync with the province in the background (off the GUI thread), once enrolled. A failure
    here is logged; the role's window works without it."""
    try:
        from ui.sync_runner import start_background_sync

        start_background_sync(role, store)
    except Exception:  # noqa: BLE001 - the window must come up anyway
        log.exception("cannot start the background sync")


def _start_purge(store: Store) -> None:
    """The retention purge of personal fields, hourly and off the GUI thread (kiosk/privacy.py)."""
    from ui.privacy_timer import PurgeTimer

    app = QCoreApplication.instance()
    PurgeTimer(store, app).start()   # parented to the app: lives as long as it does


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    qtlog.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    apply_theme(app)
    gc_guard.install(app)
    LANG.set(args.lang)
    try:
        store = Store(data_dir(args.data_dir))
        catalog.seed(store.conn())
        window = build_window(args.role, store, getattr(args, "counter", None))
    except KioskError as exc:
        log.error("cannot start: %s", exc)
        window = error_screen(describe(exc, args.lang))
    except Exception:  # noqa: BLE001 - the log gets the traceback, the screen a sentence
        log.exception("cannot start the %s window", args.role)
        window = error_screen(QCoreApplication.translate(
            "App", "The application could not start. The details were written to the log; "
            "please tell a staff member."))
    else:
        # After the first paint: the sync stack (requests, pydantic, cryptography) costs ~0.3 s
        # to import, and neither the sync nor the purge is urgent at start-up.
        def background() -> None:
            _start_sync(args.role, store)
            if args.role != "board":   # a board shows the queue; it holds no residents' details
                _start_purge(store)

        QTimer.singleShot(BACKGROUND_DELAY_MS, background)
    window.setWindowTitle(APP_NAME)
    if args.windowed:
        window.resize(*WINDOW_SIZE)
        window.show()
    elif args.role == "kiosk":
        # On top, no context menus, links or file/print dialogs; the corner gesture + admin PIN
        # is the way out (ui/lockdown.py, ui/admin_gesture.py, docs/deploy-kiosk.md).
        from ui.lockdown import lock_down

        lock_down(window, getattr(window, "store", None))
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        guard = CloseGuard(window)
        window.installEventFilter(guard)
        window.showFullScreen()
    _StartedHook.attach(window, args.role)
    return app.exec()


class _StartedHook(QObject):
    """CAUNOI_STARTED=print|exit: after the window's first paint, print "caunoi started ROLE"
    (a readiness line for tests and supervisors); with "exit", then leave with status 0."""

    @classmethod
    def attach(cls, window: QWidget, role: str) -> None:
        import os

        mode = os.environ.get("CAUNOI_STARTED")
        if mode in ("print", "exit"):
            window.installEventFilter(cls(window, role, mode == "exit"))

    def __init__(self, window: QWidget, role: str, leave: bool) -> None:
        super().__init__(window)
        self._role, self._leave, self._done = role, leave, False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            QTimer.singleShot(0, self._started)
        return False

    def _started(self) -> None:
        print(f"caunoi started {self._role}", flush=True)
        if self._leave:
            QCoreApplication.exit(0)
