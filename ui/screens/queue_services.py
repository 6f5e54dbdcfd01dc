"""Take a number, step one and usually the last: one tile per service with how many wait, the
priority toggle above them and the booking-code button below. One touch on a tile issues."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QSizePolicy, QWidget)

from kiosk.queue.api import ServiceInfo
from ui.i18n import LANG
from ui.queue_poll import QueuePoller
from ui.screens.base import Host, Screen
from ui.screens.queue_take import take_number
from ui.screens.state import QUEUE_CODE
from ui.theme import TOUCH_MIN_PX
from ui.widgets import Tile, button, label

COLUMNS = 3


class ServiceTile(Tile):
    """A service's tile: icon, name and, below, how many people wait for it now."""

    def __init__(self, service: ServiceInfo, waiting_text: str) -> None:
        name = service.name_vi if LANG.code == "vi" else service.name_en
        super().__init__(service.icon, name, icon_px=64)
        self.setObjectName("serviceTile")
        self.setMinimumSize(QSize(260, 170))
        self.waiting = QLabel(waiting_text)
        self.waiting.setObjectName("waitingCount")
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.waiting.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.layout().addWidget(self.waiting)


class PriorityToggle(QPushButton):
    """A checkable button whose long caption wraps (QPushButton itself never wraps), with a
    box that shows whether it is on; the whole button is the touch target."""

    def __init__(self, text: str, checked: bool) -> None:
        super().__init__()
        self.setObjectName("priorityToggle")
        self.setCheckable(True)
        self.setChecked(checked)
        self.setAccessibleName(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 10, 20, 10)
        row.setSpacing(18)
        self.box = QLabel()
        self.box.setObjectName("priorityBox")
        self.box.setFixedSize(QSize(48, 48))
        self.box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(text)
        self.caption.setObjectName("priorityCaption")
        self.caption.setWordWrap(True)
        for child in (self.box, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addWidget(self.box)
        row.addWidget(self.caption, 1)
        self.toggled.connect(self._show_state)
        self._show_state(checked)

    def _show_state(self, on: bool) -> None:
        self.box.setText("✓" if on else "")
        self.caption.setProperty("on", on)
        self.caption.style().unpolish(self.caption)
        self.caption.style().polish(self.caption)

    def text(self) -> str:  # the caption, for tests and accessibility
        return self.caption.text()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(600, max(TOUCH_MIN_PX, self.layout().sizeHint().height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        return QSize(300, max(TOUCH_MIN_PX, self.layout().minimumSize().height()))


class QueueServicesScreen(Screen):
    name = "queue"
    scrolls = False

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        flow = self.state.queue
        self.add_question(self.tr("Which service do you need?"))
        self.priority = PriorityToggle(self.tr(
            "I have priority (elderly, disabled, pregnant, or with a small child)"),
            flow.priority)
        self.priority.toggled.connect(self._priority)
        self.layout_.addWidget(self.priority)
        self.tiles: dict[str, ServiceTile] = {}
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(14)
        self.empty = label("", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.layout_.addWidget(scroll, 1)
        self.booking_button = button(self.tr("I have a booking code"), "secondary")
        self.booking_button.clicked.connect(lambda: host.go(QUEUE_CODE))
        self.add_footer(self.booking_button)
        self._fill(flow.services)
        # Waiting counts move while the resident reads: re-read when the queue moves.
        self.poller = QueuePoller(host.store, host.queue, host.queue.services, parent=self)
        self.poller.changed.connect(self._loaded)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self.poller.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt name
        super().hideEvent(event)
        self.poller.stop()

    def _priority(self, on: bool) -> None:
        self.state.queue.priority = on

    def _loaded(self, services: tuple[ServiceInfo, ...]) -> None:
        self.state.queue.services = services
        self._fill(services)

    def _fill(self, services: tuple[ServiceInfo, ...] | None) -> None:
        shown = [s for s in services or () if s.active]
        if [s.id for s in shown] == list(self.tiles):
            for service in shown:    # same services: only the counts change, no flicker
                self.tiles[service.id].waiting.setText(self._waiting_text(service.waiting))
        else:
            for tile in self.tiles.values():
                self.grid.removeWidget(tile)
                tile.deleteLater()
            self.tiles = {}
            for index, service in enumerate(shown):
                tile = ServiceTile(service, self._waiting_text(service.waiting))
                tile.clicked.connect(lambda _=False, sid=service.id: self.take(sid))
                self.grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
                self.tiles[service.id] = tile
        if services is None:
            self.empty.setText(self.tr("Loading the services…"))
        elif not shown:
            self.empty.setText(self.tr("No service is giving numbers at the moment. "
                                       "Please ask a staff member."))
        self.empty.setVisible(not shown)
        self.taking_ended()

    def _waiting_text(self, count: int) -> str:
        return self.tr("%n waiting", "", count)

    def take(self, service_id: str) -> None:
        if take_number(self.host, service_id):
            self.grid_host.setEnabled(False)
            self.booking_button.setEnabled(False)
            self.priority.setEnabled(False)

    def taking_ended(self) -> None:
        idle = not self.state.queue.taking
        for widget in (self.grid_host, self.booking_button, self.priority):
            widget.setEnabled(idle)
