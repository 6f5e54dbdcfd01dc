"""Step 4: where it is: a hamlet (optional), an address or landmark, and for volunteers working
door to door optional coordinates."""
from __future__ import annotations

from PySide6.QtGui import QDoubleValidator
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLineEdit, QPushButton

from kiosk import catalog
from kiosk.errors import KioskError
from kiosk.reports import MAX_ADDRESS, check_location
from ui.screens.base import Host, Screen
from ui.widgets import button, label

COLUMNS = 3


def _coordinate_field(low: float, high: float, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    validator = QDoubleValidator(low, high, 6, field)
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    # C locale: a dot as decimal separator whatever the UI language (GPS apps show dots).
    validator.setLocale(QLocale.c())
    field.setValidator(validator)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    return field


def _parse(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


class PlaceScreen(Screen):
    name = "place"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        draft = self.state.draft
        self.add_question(self.tr("Where is it? (optional)"))
        self.layout_.addWidget(label(self.tr("Hamlet or neighbourhood"), "fieldLabel"))
        grid = QGridLayout()
        grid.setSpacing(12)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.hamlet_buttons: dict[str | None, QPushButton] = {}
        choices: list[tuple[str | None, str]] = [
            (h.id, h.name) for h in catalog.hamlets(host.store.conn())]
        choices.append((None, self.tr("Not sure / no choice")))
        for index, (hamlet_id, name) in enumerate(choices):
            choice = button(name, "choice")
            choice.setCheckable(True)
            choice.setChecked(hamlet_id == (draft.hamlet_id or None))
            choice.clicked.connect(lambda _=False, hid=hamlet_id: self._hamlet(hid))
            self.group.addButton(choice)
            grid.addWidget(choice, index // COLUMNS, index % COLUMNS)
            self.hamlet_buttons[hamlet_id] = choice
        self.layout_.addLayout(grid)
        address_label = label(self.tr("Address or landmark"), "fieldLabel")
        self.layout_.addWidget(address_label)
        self.address = QLineEdit(draft.address)
        self.address.setObjectName("address")
        self.address.setAccessibleName(address_label.text())
        address_label.setBuddy(self.address)
        self.address.setMaxLength(MAX_ADDRESS)
        self.address.setPlaceholderText(self.tr("e.g. near the Hòa Bình market bridge"))
        self.address.textChanged.connect(lambda text: setattr(draft, "address", text))
        self.layout_.addWidget(self.address)
        self.lat = self.lon = None
        if host.mode == "volunteer":
            self.layout_.addWidget(label(self.tr("Coordinates (optional)"), "fieldLabel"))
            coords = QHBoxLayout()
            coords.setSpacing(16)
            self.lat = _coordinate_field(-90.0, 90.0, self.tr("Latitude, e.g. 10.4562"))
            self.lon = _coordinate_field(-180.0, 180.0, self.tr("Longitude, e.g. 105.6321"))
            for field, value in ((self.lat, draft.lat), (self.lon, draft.lon)):
                if value is not None:
                    field.setText(f"{value:.6f}".rstrip("0").rstrip("."))
                field.textChanged.connect(self._coordinates)
                coords.addWidget(field)
            self.layout_.addLayout(coords)
        self.layout_.addStretch(1)
        self.next_button = button(self.tr("Next"), "primary")
        self.next_button.clicked.connect(self._next)
        self.add_footer(self.next_button)

    def _hamlet(self, hamlet_id: str | None) -> None:
        self.state.draft.hamlet_id = hamlet_id

    def _coordinates(self) -> None:
        assert self.lat is not None and self.lon is not None
        try:
            self.state.draft.lat = _parse(self.lat.text())
            self.state.draft.lon = _parse(self.lon.text())
        except ValueError:  # an intermediate entry such as "-" or "10."
            self.state.draft.lat = self.state.draft.lon = None

    def _next(self) -> None:
        if self.lat is not None and self.lon is not None:
            complete = [f.hasAcceptableInput() for f in (self.lat, self.lon)]
            typed = [bool(f.text().strip()) for f in (self.lat, self.lon)]
            if any(typed) and not all(complete):
                self.host.show_error(KioskError("location_invalid"))
                return
            try:   # the rules filing applies (kiosk.reports.validate), checked here already
                check_location(self.state.draft.lat, self.state.draft.lon)
            except KioskError as error:
                self.host.show_error(error)
                return
        self.host.next_step()
