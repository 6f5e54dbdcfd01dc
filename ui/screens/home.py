"""Home: the office, a welcome line and one big tile per task the kiosk offers today."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout

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
        # Two rows of two: four tasks fit 1280×800 with captions that need no hyphenation.
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(40)
        tiles.setVerticalSpacing(24)
        shown: list[Tile] = []
        # Only tasks that work today get a tile. Queue numbers are for the hall's kiosk only: a
        # volunteer's laptop may be far from the counters.
        self.queue_tile: Tile | None = None
        if host.mode == "kiosk":
            self.queue_tile = self._tile("queue-ticket", self.tr("Take a number"))
            self.queue_tile.clicked.connect(lambda: host.go("queue"))
            shown.append(self.queue_tile)
        self.report_tile = self._tile("report", self.tr("Report a problem or make a request"))
        self.report_tile.clicked.connect(lambda: host.go("category"))
        shown.append(self.report_tile)
        self.filed_tile: Tile | None = None
        if host.mode == "volunteer":   # reprints from a laptop; the hall kiosk shows no history
            self.filed_tile = self._tile("receipt", self.tr("Receipts filed here"))
            self.filed_tile.clicked.connect(lambda: host.go("filed"))
            shown.append(self.filed_tile)
        # Look-up works offline from the mirror the last sync filled (the date is on screen).
        self.lookup_tile = self._tile("lookup", self.tr("Look up a report or dossier"))
        self.lookup_tile.clicked.connect(lambda: host.go("lookup"))
        shown.append(self.lookup_tile)
        self.results_tile = self._tile("results", self.tr("Results of reports"))
        self.results_tile.clicked.connect(lambda: host.go("results"))
        shown.append(self.results_tile)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(tiles)
        row.addStretch(1)
        for index, tile in enumerate(shown):
            tiles.addWidget(tile, index // 2, index % 2)
        self.layout_.addLayout(row)
        self.layout_.addStretch(2)
        date = label(today_text(), "date")
        date.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(date)

    @staticmethod
    def _tile(icon_name: str, text: str) -> Tile:
        tile = Tile(icon_name, text, icon_px=72)
        tile.setObjectName("homeTile")
        tile.setFixedSize(QSize(520, 200))
        return tile
