"""`--role hub`: the office hub with a window. The hub server (kiosk.hub.server.HubServer) runs
in this process on the office store; the window shows where stations find it (LAN address as
text and QR), makes one-time pairing codes, lists the paired stations with "Revoke", and says
whether the server runs. `start_hub` is also used by ui/app.py on a PC with `hub.enabled`."""
from __future__ import annotations

import logging
import socket

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub import pairing
from kiosk.hub.station import hub_port
from kiosk.messages import describe
from ui.i18n import LANG
from ui.staff.hub_admin import lan_address, pairing_link, qr_pixmap
from ui.staff.style import set_tone

log = logging.getLogger("caunoi.ui.hub")
LAN_HOST = "0.0.0.0"


def start_hub(store: Store, host: str = LAN_HOST):  # noqa: ANN201 - (HubServer | None, error)
    """Start the hub server on this store (port from setting hub.port); (server, None), or
    (None, the sentence to show) when it cannot listen."""
    from kiosk.hub.server import HubServer

    try:
        server = HubServer(store, host, hub_port(store.conn())).start()
    except KioskError as exc:
        log.error("hub not started: %s", exc.code)
        return None, describe(exc, LANG.code)
    except Exception:  # noqa: BLE001 - the log gets the traceback, the screen a sentence
        log.exception("hub not started")
        return None, QCoreApplication.translate(
            "HubWindow", "The hub server could not start; the details were written to the log.")
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(server.stop)
    return server, None


def _local_time(iso: object) -> str:
    if not iso:
        return ""
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(iso)).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return str(iso)


class HubWindow(QWidget):
    def __init__(self, store: Store, server, error: str | None = None,  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hub_window")
        self.store = store
        self.server = server
        self.error = error
        self.title = QLabel()
        self.title.setObjectName("hub_title")
        self.status = QLabel()
        self.status.setObjectName("hub_status")
        self.status.setWordWrap(True)
        self.addresses = QLabel()
        self.addresses.setObjectName("hub_addresses")
        self.addresses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QLabel()
        self.qr.setObjectName("hub_qr")
        self.code_button = QPushButton()
        self.code_button.setObjectName("hub_make_code")
        self.code_button.setMinimumHeight(56)
        self.code_button.clicked.connect(self.make_code)
        self.code = QLabel()
        self.code.setObjectName("hub_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("hub_stations")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.result = QLabel()
        self.result.setObjectName("hub_result")
        self.result.setWordWrap(True)
        self.revoke_buttons: dict[int, QPushButton] = {}
        self.last_code = ""
        self._shown: list[tuple[object, ...]] | None = None
        self.timer = QTimer(self)          # stations pair over the network: keep the list current
        self.timer.setInterval(2000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.addresses)
        left.addWidget(self.code_button)
        left.addWidget(self.code)
        left.addStretch(1)
        top.addLayout(left, 1)
        top.addWidget(self.qr)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        LANG.changed.connect(self.retranslate)
        self.retranslate()
        self.refresh()

    # --- text ------------------------------------------------------------------------------
    def address_list(self) -> list[str]:
        if self.server is None:
            return []
        port = self.server.port
        if self.server.host not in ("0.0.0.0", ""):
            return [f"http://{self.server.host}:{port}"]
        found = [lan_address()]
        try:
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
                found.append(str(info[4][0]))
        except OSError:
            pass
        unique = [a for i, a in enumerate(found) if a not in found[:i] and
                  not a.startswith("127.")] or ["127.0.0.1"]
        return [f"http://{a}:{port}" for a in unique]

    def retranslate(self, _code: str = "") -> None:
        self.title.setText(self.tr("Office hub"))
        self.code_button.setText(self.tr("Make a pairing code"))
        self.table.setHorizontalHeaderLabels([self.tr("Station"), self.tr("Paired"),
                                              self.tr("Revoked"), ""])
        if self.server is None:
            self.status.setText(self.tr("The hub is not running: %1").replace(
                "%1", self.error or ""))
            set_tone(self.status, "error")
            self.addresses.setText("")
        else:
            self.status.setText(self.tr("The hub is running; stations on the office network "
                                        "can pair with it."))
            set_tone(self.status, "ok")
            addresses = self.address_list()
            self.addresses.setText(self.tr("Hub address: %1").replace("%1", ", ".join(addresses)))
            if not self.last_code:
                self.qr.setPixmap(qr_pixmap(addresses[0]))
        self.code_button.setEnabled(self.server is not None)
        self._shown = None
        self.refresh()

    # --- actions ---------------------------------------------------------------------------
    def make_code(self) -> None:
        if self.server is None:
            return
        self.last_code = pairing.new_code(self.store.conn())
        address = self.address_list()[0]
        self.code.setText(self.tr("Code %1 (single use, 10 minutes)").replace(
            "%1", self.last_code))
        self.qr.setPixmap(qr_pixmap(pairing_link(address, self.last_code)))

    def refresh(self) -> None:
        rows = pairing.stations(self.store.conn())
        shown = [tuple(row.values()) for row in rows]
        if shown == self._shown:
            return
        self._shown = shown
        self.table.setRowCount(len(rows))
        self.revoke_buttons = {}
        for index, row in enumerate(rows):
            ident = int(str(row["id"]))
            self.table.setItem(index, 0, QTableWidgetItem(str(row["station"]) or f"#{ident}"))
            self.table.setItem(index, 1, QTableWidgetItem(_local_time(row["paired_utc"])))
            self.table.setItem(index, 2, QTableWidgetItem(_local_time(row["revoked_utc"])))
            if row["revoked_utc"] is None:
                button = QPushButton(self.tr("Revoke"))
                button.setObjectName(f"hub_revoke_{ident}")
                button.clicked.connect(lambda _=False, i=ident: self.revoke(i))
                self.table.setCellWidget(index, 3, button)
                self.revoke_buttons[ident] = button
            else:
                self.table.removeCellWidget(index, 3)

    def revoke(self, ident: int) -> None:
        try:
            pairing.revoke(self.store.conn(), str(ident))
        except KioskError as exc:
            self.result.setText(describe(exc, LANG.code))
            set_tone(self.result, "error")
        else:
            self.result.setText(self.tr("Station revoked: it can no longer use the hub."))
            set_tone(self.result, "ok")
        self.refresh()
