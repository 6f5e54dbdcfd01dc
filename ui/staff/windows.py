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
    """The volunteer's laptop: the resident's forms (the kiosk shell in volunteer mode), what
    this laptop has taken (with edit and withdraw while nothing has left it), the USB hand-over
    to the commune office, and the "Sync" panel: a laptop that goes from hamlet to hamlet is
    the one that waits for a link."""

    FORMS, FILED, USB, SYNC = range(4)

    def __init__(self, store: Store, queue: QueueService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui.shell import Shell
        from ui.staff.handover import UsbExportPage
        from ui.staff.sync_panel import SyncPanel
        from ui.staff.volunteer_list import FiledListPage

        self.setObjectName("volunteerTabs")
        self.shell = Shell(store, mode="volunteer", queue=queue)
        self.filed = FiledListPage(store)
        self.usb = UsbExportPage(store)
        self.sync_panel = SyncPanel(store)
        self.addTab(self.shell, "")
        self.addTab(_page(self.filed, scroll=False), "")
        self.addTab(_page(self.usb), "")
        self.addTab(_page(self.sync_panel), "")
        self.tabBar().setStyleSheet(TAB_QSS)
        self.usb.changed.connect(self.filed.refresh)
        self.filed.changed.connect(self.usb.refresh)
        self.sync_panel.runner.finished.connect(lambda _report: self._synced())
        self.currentChanged.connect(self._shown)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def _shown(self, index: int) -> None:
        page = {self.FILED: self.filed, self.USB: self.usb, self.SYNC: self.sync_panel}
        if index in page:
            page[index].refresh()

    def _synced(self) -> None:
        self.filed.refresh()
        self.usb.refresh()

    def retranslate(self, _code: str = "") -> None:
        self.setTabText(self.FORMS, self.tr("Take a report"))
        self.setTabText(self.FILED, self.tr("Taken on this laptop"))
        self.setTabText(self.USB, self.tr("USB hand-over"))
        self.setTabText(self.SYNC, self.tr("Sync"))


def _page(content: QWidget, scroll: bool = True) -> QWidget:
    """A staff page around `content`: the staff look, margins, and (usually) a scroll area."""
    from ui.staff.style import style_screen

    page = QWidget()
    style_screen(page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 16, 24, 16)
    if not scroll:
        layout.addWidget(content)
        return page
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    layout.addWidget(area)
    return page


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
