"""Step 1: which area the report is about; one touch on a tile chooses and moves on."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget

from kiosk import catalog
from ui.i18n import LANG
from ui.screens.base import Host, Screen
from ui.widgets import Tile, label

COLUMNS = 5


class CategoryScreen(Screen):
    name = "category"
    scrolls = False

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.identity_form = None
        if host.mode == "volunteer":
            from kiosk.volunteer import identity

            if identity(host.store.conn()) is None:
                self._ask_identity()
        self.add_question(self.tr("What is your report about?"))
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(14)
        self.tiles: dict[str, Tile] = {}
        for index, category in enumerate(catalog.categories(host.store.conn())):
            text = category.name_vi if LANG.code == "vi" else category.name_en
            tile = Tile(category.icon, text)
            tile.setCheckable(True)
            tile.setChecked(category.id == self.state.draft.category_id)
            tile.clicked.connect(lambda _=False, cid=category.id: self.choose(cid))
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
            self.tiles[category.id] = tile
        # A scroll area keeps every category reachable on screens smaller than 1280×800.
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.layout_.addWidget(scroll, 1)
        self._enable_tiles()

    def _ask_identity(self) -> None:
        """A volunteer's laptop files nothing until it knows who files: asked right here."""
        from ui.staff.volunteer_identity import VolunteerIdentityForm

        self.identity_title = label(self.tr(
            "Before the first report: who is taking reports on this laptop?"), "fieldLabel")
        self.layout_.addWidget(self.identity_title)
        self.identity_form = VolunteerIdentityForm(self.host.store)
        self.identity_form.saved.connect(lambda _who: self._enable_tiles())
        self.layout_.addWidget(self.identity_form)

    def _enable_tiles(self) -> None:
        from kiosk.volunteer import identity

        ready = self.host.mode != "volunteer" or identity(self.host.store.conn()) is not None
        for tile in self.tiles.values():
            tile.setEnabled(ready)

    def choose(self, category_id: str) -> None:
        self.state.draft.category_id = category_id
        for cid, tile in self.tiles.items():
            tile.setChecked(cid == category_id)
        self.host.next_step()
