"""`--role hub` and the hub.enabled switch through real widgets: the hub window behind the admin
PIN with its server on a loopback port, a code made in it pairs a real HubQueue, the station is
listed and revoked by its button (the station then gets hub_token_revoked); the admin's switch
saves hub.enabled with an audit row, and build_window then serves the hub next to a kiosk."""
from __future__ import annotations

from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub.client import HubQueue
from kiosk.hub.station import ENABLED_KEY, PORT_KEY, hub_enabled, pair_station, station_queue
from kiosk.pins import set_pin
from tests.hub_support import free_port
from tests.support import seeded_store
from ui.app import build_window
from ui.staff.hub_admin import HubAdminBox
from ui.staff.hub_window import HubWindow

PIN = "470913"


def test_hub_window_pairs_lists_and_revokes_a_station(qtbot: QtBot, ui: None,
                                                      tmp_path: Path) -> None:
    hub_store = seeded_store(tmp_path / "hub")
    set_pin(hub_store.conn(), "admin", PIN)
    with hub_store.conn() as conn:
        catalog.set_setting(conn, PORT_KEY, free_port())
    gate = build_window("hub", hub_store)
    server = gate.hub_server
    try:
        assert server is not None
        qtbot.addWidget(gate)
        gate.show()
        assert gate.content() is None                        # behind the admin PIN
        for digit in PIN:
            qtbot.mouseClick(gate.pad.keys[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(gate.pad.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: isinstance(gate.content(), HubWindow), timeout=10_000)
        window = gate.content()
        assert isinstance(window, HubWindow)
        assert f":{server.port}" in window.addresses.text()
        assert not window.qr.pixmap().isNull()
        assert "đang chạy" in window.status.text() or "running" in window.status.text()

        qtbot.mouseClick(window.code_button, Qt.MouseButton.LeftButton)
        code = window.last_code
        assert code and code in window.code.text()
        station_store = seeded_store(tmp_path / "station")
        pair_station(station_store.conn(), f"http://127.0.0.1:{server.port}", code, "Quầy 2")
        queue = station_queue(station_store.conn())
        assert isinstance(queue, HubQueue) and queue.watermark() >= 0
        window.refresh()
        assert window.table.rowCount() == 1
        assert window.table.item(0, 0).text() == "Quầy 2"
        button = next(iter(window.revoke_buttons.values()))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert window.table.item(0, 2).text() != "" and not window.revoke_buttons
        with pytest.raises(KioskError) as refused:
            queue.watermark()
        assert refused.value.code == "hub_token_revoked"
        station_store.close()
    finally:
        if server is not None:
            server.stop()
        hub_store.close()


def test_a_busy_port_is_said_on_the_hub_window(qtbot: QtBot, ui: None, tmp_path: Path) -> None:
    import socket

    hub_store = seeded_store(tmp_path / "hub")
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        with hub_store.conn() as conn:
            catalog.set_setting(conn, PORT_KEY, taken.getsockname()[1])
        gate = build_window("hub", hub_store)
    assert gate.hub_server is None
    window = HubWindow(hub_store, None, "Không mở được cổng")
    qtbot.addWidget(window)
    assert "Không mở được cổng" in window.status.text()
    assert not window.code_button.isEnabled()
    qtbot.addWidget(gate)
    hub_store.close()


def test_hub_enabled_switch_saves_and_serves_next_to_the_kiosk(qtbot: QtBot, ui: None,
                                                                store: Store) -> None:
    box = HubAdminBox(store)
    qtbot.addWidget(box)
    assert not box.make_code_button.isVisibleTo(box)         # not a hub: no code to make
    box.enabled.setChecked(True)
    qtbot.waitUntil(lambda: hub_enabled(store.conn()) and box.enabled.isEnabled(),
                    timeout=10_000)
    assert catalog.get_setting(store.conn(), ENABLED_KEY) is True
    assert store.conn().execute("SELECT count(*) FROM audit_log WHERE action = 'hub_enabled'"
                                ).fetchone()[0] == 1
    assert box.make_code_button.isVisibleTo(box)

    port = free_port()
    with store.conn() as conn:
        catalog.set_setting(conn, PORT_KEY, port)
    window = build_window("kiosk", store)
    server = window.hub_server
    try:
        assert server is not None
        qtbot.addWidget(window)
        answer = requests.get(f"http://127.0.0.1:{port}/api/v1/ping", timeout=5)
        assert answer.json() == {"hub": "caunoi"}
    finally:
        if server is not None:
            server.stop()
