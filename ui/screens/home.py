"""Home: the office, a welcome line and one big tile per task the kiosk offers today."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout

from kiosk import catalog
from ui.i18n import LANG
from ui.screens.base import Host, Screen
from ui.widgets import Tile, label, today_text


class HomeScreen(Screen):
    name = "home"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        office = catalog.office(host.store.conn())
        self.layout_.setContentsMargins(40, 40, 40, 24)
        self.layout_.addStretch(1)
        title = label(office.name if LANG.code == "vi" else office.name_en, "homeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(title)
        welcome = label(self.tr("Welcome. Touch a task below to begin."), "welcome")
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(welcome)
        self.layout_.addSpacing(32)
        tiles = QHBoxLayout()
        tiles.setSpacing(40)
        tiles.addStretch(1)
        # Only tasks that work today get a tile; look-up comes with its code. Queue numbers are
        # for the hall's kiosk only: a volunteer's laptop may be far from the counters.
        self.queue_tile: Tile | None = None
        if host.mode == "kiosk":
            self.queue_tile = self._tile("queue-ticket", self.tr("Take a number"))
            self.queue_tile.clicked.connect(lambda: host.go("queue"))
            tiles.addWidget(self.queue_tile)
        self.report_tile = self._tile("report", self.tr("Report a problem or make a request"))
        self.report_tile.clicked.connect(lambda: host.go("category"))
        tiles.addWidget(self.report_tile)
        self.filed_tile: Tile | None = None
        if host.mode == "volunteer":   # reprints from a laptop; the hall kiosk shows no history
            self.filed_tile = self._tile("receipt", self.tr("Receipts filed here"))
            self.filed_tile.clicked.connect(lambda: host.go("filed"))
            tiles.addWidget(self.filed_tile)
        tiles.addStretch(1)
        self.layout_.addLayout(tiles)
        self.layout_.addStretch(2)
        date = label(today_text(), "date")
        date.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(date)

    @staticmethod
    def _tile(icon_name: str, text: str) -> Tile:
        tile = Tile(icon_name, text, icon_px=72)
        tile.setObjectName("homeTile")
        tile.setFixedSize(QSize(520, 240))
        return tile
