"""The admin's "Office hub" box through real widgets: the hub PC makes a code (with its QR), a
station pairs against a real hub on loopback with it (off the GUI thread), shows the paired state,
refuses a wrong code with its sentence, and unpairs."""
from __future__ import annotations


from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import catalog
from kiosk.db import Store
from kiosk.hub.server import HubServer
from kiosk.hub.station import TOKEN_KEY, URL_KEY, save_hub_enabled, station_queue
from ui.staff.admin import AdminWindow
from ui.staff.hub_admin import HubAdminBox, pairing_link, split_scan


def test_split_scan_takes_a_typed_address_or_a_scanned_link() -> None:
    assert split_scan(" 192.168.1.10:8765 ") == ("192.168.1.10:8765", None)
    assert split_scan("http://192.168.1.10:8765/") == ("http://192.168.1.10:8765/", None)
    assert split_scan("http://192.168.1.10:8765/pair?code=ABCD2345") == (
        "http://192.168.1.10:8765", "ABCD2345")


def test_pair_a_station_through_the_admin_box(qtbot: QtBot, ui: None, store: Store,
                                              hub: tuple[HubServer, Store]) -> None:
    server, hub_store = hub
    save_hub_enabled(hub_store.conn(), True)      # only a PC serving the hub makes codes
    on_hub = HubAdminBox(hub_store)
    qtbot.addWidget(on_hub)
    assert on_hub.make_code_button.isVisibleTo(on_hub)
    qtbot.mouseClick(on_hub.make_code_button, Qt.MouseButton.LeftButton)
    _, code = split_scan(on_hub.link)
    assert code and code in on_hub.shown_code.text()
    assert not on_hub.qr.pixmap().isNull() and on_hub.qr.pixmap().width() > 100

    admin = AdminWindow(store)
    qtbot.addWidget(admin)
    admin.show()
    box = admin.findChild(HubAdminBox)
    assert box is not None and not box.unpair_button.isVisibleTo(box)

    box.address.setText(server.url)                   # a wrong code first: said, nothing stored
    box.code.setText("WRONG-COD")
    qtbot.mouseClick(box.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Mã ghép nối không đúng" in box.result.text(), timeout=10_000)
    assert catalog.get_setting(store.conn(), URL_KEY) is None

    box.address.setText(pairing_link(server.url, code))   # what a scanner types from the QR
    qtbot.mouseClick(box.pair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.paired() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not box.busy)
    assert catalog.get_setting(store.conn(), URL_KEY) == server.url
    assert catalog.get_setting(store.conn(), TOKEN_KEY)
    assert server.url in box.state.text() and box.unpair_button.isVisibleTo(box)
    assert not box.make_code_button.isVisibleTo(box) and not box.enabled.isVisibleTo(box)
    queue = station_queue(store.conn())
    assert queue is not None and queue.watermark() >= 0       # the token works on the hub

    qtbot.mouseClick(box.unpair_button, Qt.MouseButton.LeftButton)
    assert box.paired() is None and station_queue(store.conn()) is None
    assert not box.make_code_button.isVisibleTo(box)       # not a hub: no code to make
