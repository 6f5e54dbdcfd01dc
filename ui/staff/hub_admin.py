"""The admin's "Office hub" box.

On a station: the hub's address and the one-time code the hub shows, "Pair" (the exchange runs
off the GUI thread), then the paired state and "Unpair". The address field also takes what a
scanner reads from the hub's QR (`http://HUB:PORT/pair?code=CODE`): address and code are split.
"This PC is the office hub" (setting hub.enabled, saved off the GUI thread with an audit row)
makes a kiosk/clerk/board PC serve the hub from its next start; only on such a PC does
"Make a pairing code" show a fresh one-time code and the hub's LAN address, also as a QR drawn from
reportlab's QR encoder (no extra dependency).
A new pairing takes effect when the station's window restarts."""
from __future__ import annotations

import socket
import sqlite3
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub import pairing
from kiosk.hub.station import (hub_enabled, hub_port, pair_station, paired_hub, save_hub_enabled,
                                unpair_station)
from kiosk.messages import describe
from ui.i18n import LANG
from ui.staff.style import set_tone
from ui.workers import run_store_task

QR_MODULE_PX = 6
QR_QUIET = 4             # modules of white around the code, as the standard asks


def lan_address() -> str:
    """This PC's address on the office LAN (no packet is sent), else the loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
        except OSError:
            return "127.0.0.1"


def pairing_link(address: str, code: str) -> str:
    return f"{address.rstrip('/')}/pair?code={code}"


def split_scan(text: str) -> tuple[str, str | None]:
    """A typed address, or a scanned pairing link: (hub address, code or None)."""
    text = text.strip()
    parts = urlsplit(text if "://" in text else f"http://{text}")
    code = parse_qs(parts.query).get("code", [None])[0]
    if code is None and parts.path in ("", "/"):
        return text, None
    return f"{parts.scheme}://{parts.netloc}", code


def qr_pixmap(payload: str, module_px: int = QR_MODULE_PX) -> QPixmap:
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    count = qr.getModuleCount()
    side = (count + 2 * QR_QUIET) * module_px
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for row in range(count):
        for col in range(count):
            if qr.isDark(row, col):
                painter.fillRect((col + QR_QUIET) * module_px, (row + QR_QUIET) * module_px,
                                 module_px, module_px, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


class HubAdminBox(QGroupBox):
    def __init__(self, store: Store, port: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hub_box")
        self.store = store
        self.port = port or hub_port(store.conn())
        self.busy = False
        self.address = QLineEdit()
        self.address.setObjectName("hub_address")
        self.code = QLineEdit()
        self.code.setObjectName("hub_code")
        self.pair_button = QPushButton()
        self.pair_button.setObjectName("hub_pair")
        self.pair_button.setMinimumHeight(56)
        self.pair_button.clicked.connect(self.pair)
        self.unpair_button = QPushButton()
        self.unpair_button.setObjectName("hub_unpair")
        self.unpair_button.setMinimumHeight(56)
        self.unpair_button.clicked.connect(self.unpair)
        self.make_code_button = QPushButton()
        self.make_code_button.setObjectName("hub_make_code")
        self.make_code_button.setMinimumHeight(56)
        self.make_code_button.clicked.connect(self.make_code)
        self.state = QLabel()
        self.state.setObjectName("hub_state")
        self.state.setWordWrap(True)
        self.result = QLabel()
        self.result.setObjectName("hub_result")
        self.result.setWordWrap(True)
        self.shown_code = QLabel()
        self.shown_code.setObjectName("hub_shown_code")
        self.shown_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setObjectName("hub_qr")
        self.link = ""
        self.enabled = QCheckBox()
        self.enabled.setObjectName("hub_enabled")
        self.enabled.setChecked(hub_enabled(store.conn()))
        self.enabled.toggled.connect(self.save_enabled)

        self.form = QFormLayout(self)
        self.address_label, self.code_label = QLabel(), QLabel()
        self.form.addRow(self.state)
        self.form.addRow(self.enabled)
        self.form.addRow(self.address_label, self.address)
        self.form.addRow(self.code_label, self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pair_button)
        buttons.addWidget(self.unpair_button)
        buttons.addWidget(self.make_code_button)
        buttons.addStretch(1)
        self.form.addRow(buttons)
        self.form.addRow(self.result)
        self.form.addRow(self.shown_code)
        self.form.addRow(self.qr)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Office hub"))
        self.address_label.setText(self.tr("Hub address"))
        self.address.setPlaceholderText(self.tr("e.g. http://192.168.1.10:8765"))
        self.code_label.setText(self.tr("One-time code"))
        self.code.setPlaceholderText(self.tr("the code shown on the hub"))
        self.pair_button.setText(self.tr("Pair"))
        self.unpair_button.setText(self.tr("Unpair"))
        self.make_code_button.setText(self.tr("Make a pairing code"))
        self.enabled.setText(self.tr("This PC is the office hub"))
        self.enabled.setAccessibleName(self.enabled.text())
        self._show_state()

    # --- state -----------------------------------------------------------------------------
    def paired(self) -> str | None:
        return paired_hub(self.store.conn())

    def _show_state(self) -> None:
        hub = self.paired()
        if hub:
            self.state.setText(self.tr("This station is paired with the hub at %1. "
                                       "Restart it to use a new pairing.").replace("%1", hub))
        else:
            self.state.setText(self.tr("This PC uses its own queue (not paired with a hub)."))
        for widget in (self.address, self.code, self.pair_button):
            widget.setEnabled(not self.busy)
        self.unpair_button.setVisible(hub is not None)
        serving = hub is None and self.enabled.isChecked()
        self.enabled.setVisible(hub is None)
        for widget in (self.make_code_button, self.shown_code, self.qr):
            widget.setVisible(serving)

    def _say(self, text: str, tone: str) -> None:
        self.result.setText(text)
        set_tone(self.result, tone)

    # --- station ---------------------------------------------------------------------------
    def pair(self) -> None:
        if self.busy:
            return
        url, scanned = split_scan(self.address.text())
        code = (scanned or self.code.text()).strip()
        if scanned:
            self.address.setText(url)
            self.code.setText(scanned)
        if not url or not code:
            self._say(self.tr("Type the hub's address and the code it shows."), "error")
            return
        self.busy = True
        self._show_state()
        self._say(self.tr("Pairing…"), "muted")
        name = socket.gethostname()

        def work(conn: sqlite3.Connection) -> str:
            return pair_station(conn, url, code, name)

        run_store_task(self, self.store, work, self._paired, self._pair_failed)

    def _paired(self, hub: str) -> None:
        self.busy = False
        self.code.clear()
        self._show_state()
        self._say(self.tr("Paired with the hub at %1.").replace("%1", hub), "ok")

    def _pair_failed(self, error: BaseException) -> None:
        self.busy = False
        self._show_state()
        text = describe(error, LANG.code) if isinstance(error, KioskError) else str(error)
        self._say(text, "error")

    def unpair(self) -> None:
        unpair_station(self.store.conn())
        self._show_state()
        self._say(self.tr("Unpaired: this PC uses its own queue after a restart."), "ok")

    # --- this PC as the hub -------------------------------------------------------------------
    def save_enabled(self, on: bool) -> None:
        self.enabled.setEnabled(False)

        def work(conn: sqlite3.Connection) -> bool:
            save_hub_enabled(conn, on)
            return on

        run_store_task(self, self.store, work, self._enabled_saved, self._enabled_failed)

    def _enabled_saved(self, on: bool) -> None:
        self.enabled.setEnabled(True)
        self._show_state()
        self._say(self.tr("Saved. This PC serves the office hub from its next start.") if on
                  else self.tr("Saved. This PC no longer serves the office hub after a restart."),
                  "ok")

    def _enabled_failed(self, error: BaseException) -> None:
        self.enabled.setEnabled(True)
        self.enabled.blockSignals(True)
        self.enabled.setChecked(hub_enabled(self.store.conn()))
        self.enabled.blockSignals(False)
        self._show_state()
        self._say(describe(error, LANG.code) if isinstance(error, KioskError) else str(error),
                  "error")

    # --- hub -------------------------------------------------------------------------------
    def make_code(self) -> None:
        code = pairing.new_code(self.store.conn())
        address = f"http://{lan_address()}:{self.port}"
        self.link = pairing_link(address, code)
        self.shown_code.setText(self.tr("Code %1 (single use, 10 minutes) for the hub at %2")
                                .replace("%1", code).replace("%2", address))
        self.qr.setPixmap(qr_pixmap(self.link))
