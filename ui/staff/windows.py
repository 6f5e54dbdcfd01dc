"""One staff window per role: PIN-gated for clerk and admin; the board needs none, because it
shows only what the hall may see (numbers, codes, counts), and a TV has nobody to type a PIN."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from kiosk.db import Store
from kiosk.queue.api import QueueService
from ui.i18n import LANG
from ui.staff.admin import AdminWindow
from ui.staff.gate import PinGate

STAFF_ROLES = ("clerk", "admin", "board")

TAB_QSS = """
QTabBar::tab { min-height: 48px; min-width: 200px; padding: 6px 24px; font-size: 16pt;
    font-weight: bold; color: #0b3d91; background: #e3e8ee; border: 2px solid #c5ced8;
    border-bottom: none; border-top-left-radius: 10px; border-top-right-radius: 10px;
    margin-right: 4px; }
QTabBar::tab:selected { background: #0b3d91; color: white; border-color: #0b3d91; }
"""


class VolunteerWindow(QTabWidget):
    """The volunteer's laptop: the resident's forms (the kiosk shell in volunteer mode) and the
    "Sync" panel: a laptop that goes from hamlet to hamlet is the one that waits for a link."""

    def __init__(self, store: Store, queue: QueueService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.shell import Shell
        from ui.staff.style import style_screen
        from ui.staff.sync_panel import SyncPanel

        self.setObjectName("volunteerTabs")
        self.shell = Shell(store, mode="volunteer", queue=queue)
        self.sync_panel = SyncPanel(store)
        sync_page = QWidget()
        style_screen(sync_page)
        layout = QVBoxLayout(sync_page)
        layout.setContentsMargins(24, 16, 24, 16)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.sync_panel)
        layout.addWidget(scroll)
        self.addTab(self.shell, "")
        self.addTab(sync_page, "")
        self.tabBar().setStyleSheet(TAB_QSS)
        self.currentChanged.connect(lambda index: index == 1 and self.sync_panel.refresh())
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTabText(0, self.tr("Reports"))
        self.setTabText(1, self.tr("Sync"))


def build_staff_window(role: str, store: Store, queue: QueueService | None = None,
                       counter: int | None = None) -> QWidget:
    """`queue` is the process's one queue (ui/app.py); made here when a caller has none."""
    if role not in STAFF_ROLES:
        raise ValueError(f"no staff window for role {role!r}; expected one of {STAFF_ROLES}")
    if role == "admin":
        return PinGate("admin", store, lambda: AdminWindow(store))
    if queue is None:
        from kiosk.queue.local import LocalQueue

        queue = LocalQueue(store)
    if role == "clerk":
        from ui.staff.clerk_window import ClerkWindow

        return PinGate("clerk", store, lambda: ClerkWindow(store, queue, counter))
    from ui.board import QueueBoard

    return QueueBoard(store, queue)
