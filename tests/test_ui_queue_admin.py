"""The admin's "Dịch vụ một cửa" tab through real widgets on a real store: edit a service in
the table, counters, the priority rule and lunch hours; Save writes them (off the GUI thread)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.db import Store
from kiosk.pins import set_pin
from kiosk.queue import admin as settings
from kiosk.queue.local import LocalQueue
from ui.staff import build_staff_window
from ui.staff.admin import AdminWindow
from ui.staff.pin_pad import PinPad
from ui.staff.queue_admin import NAME_EN, NAME_VI, PREFIX

PIN = "470913"
B = "chung-thuc"
SHOT = os.environ.get("CAUNOI_QUEUE_ADMIN_SHOT")   # a path: save the tab's picture there


_ALIVE: list[object] = []   # qtbot holds widgets weakly; the gate must outlive the helper


def _open_admin(qtbot: QtBot, store: Store) -> AdminWindow:
    set_pin(store.conn(), "admin", PIN)
    gate = build_staff_window("admin", store)
    qtbot.addWidget(gate)
    _ALIVE[:] = [gate]
    gate.resize(1280, 800)
    gate.show()
    qtbot.waitExposed(gate)
    pad = gate.findChild(PinPad)
    assert pad is not None
    for digit in PIN:
        qtbot.mouseClick(pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gate.content() is not None, timeout=10_000)
    admin = gate.content()
    assert isinstance(admin, AdminWindow)
    admin.tabs.setCurrentWidget(admin.queue_admin)
    qtbot.waitUntil(admin.queue_admin.isVisible)
    qtbot.wait(50)                                   # let the new tab's layout settle
    return admin


def _edit(qtbot: QtBot, table, row: int, column: int, text: str) -> None:  # noqa: ANN001
    before = set(table.viewport().findChildren(QLineEdit))
    table.editItem(table.item(row, column))
    (editor,) = set(table.viewport().findChildren(QLineEdit)) - before
    editor.selectAll()
    qtbot.keyClicks(editor, text) if text.isascii() else editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)      # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=5_000)


def _click(qtbot: QtBot, button) -> None:  # noqa: ANN001
    """On the indicator: a radio or check box stretched by its layout is hit only there."""
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))


def _save(qtbot: QtBot, panel) -> None:  # noqa: ANN001
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.save_button.isEnabled, timeout=10_000)


def test_admin_edits_a_service_in_the_table_and_saves(ui, qtbot: QtBot, store: Store) -> None:
    panel = _open_admin(qtbot, store).queue_admin
    assert panel.isVisible()
    table = panel.services_table
    row = next(r for r in range(table.rowCount()) if table.item(r, PREFIX).text() == "B")
    _edit(qtbot, table, row, NAME_VI, "Chứng thực bản sao")
    _edit(qtbot, table, row, NAME_EN, "Certified copies")
    _edit(qtbot, table, row, PREFIX, "h")
    _save(qtbot, panel)
    assert panel.status.text() == "Đã lưu."
    shown = {s.id: s for s in LocalQueue(store).services()}
    assert (shown[B].name_vi, shown[B].name_en, shown[B].prefix) == (
        "Chứng thực bản sao", "Certified copies", "H")
    assert table.item(row, PREFIX).text() == "H"          # re-read from the store
    assert LocalQueue(store).take(B).label == "H001"
    actions = [r[0] for r in store.conn().execute("SELECT action FROM audit_log"
                                                  " WHERE actor = 'admin' AND action LIKE 'q%'")]
    assert actions == ["queue_service_edit"]


def test_a_taken_prefix_is_refused_with_the_sentence_and_nothing_saved(
        ui, qtbot: QtBot, store: Store) -> None:
    panel = _open_admin(qtbot, store).queue_admin
    before = settings.snapshot(store.conn())
    _edit(qtbot, panel.services_table, 1, NAME_VI, "Đổi tên")
    _edit(qtbot, panel.services_table, 1, PREFIX, "A")
    _save(qtbot, panel)
    assert panel.status.text() == "Ký hiệu A đang dùng cho dịch vụ tu-phap-ho-tich."
    assert settings.snapshot(store.conn()) == before


def test_priority_counters_limit_and_lunch_hours(ui, qtbot: QtBot, store: Store) -> None:
    panel = _open_admin(qtbot, store).queue_admin
    if SHOT:
        panel.window().grab().save(str(Path(SHOT)))
    panel.scroll.ensureWidgetVisible(panel.strict)
    _click(qtbot, panel.strict)
    assert panel.strict.isChecked() and not panel.every.isEnabled()
    panel.counter_boxes[(2, "tu-phap-ho-tich")].setChecked(False)
    panel.per_minute.setValue(5)
    hours = panel.hours
    assert hours.always_open.isChecked() and not hours.grid_host.isEnabled()
    panel.scroll.ensureWidgetVisible(hours.always_open)
    _click(qtbot, hours.always_open)
    assert hours.grid_host.isEnabled()
    monday = hours.days["mon"]
    monday.lunch_from.setTime(QTime(11, 0))
    monday.lunch_to.setTime(QTime(13, 30))
    hours.days["sat"].lunch_box.setChecked(False)
    hours.days["sun"].open_box.setChecked(False)
    _save(qtbot, panel)
    assert panel.status.text() == "Đã lưu.", panel.status.text()
    now = settings.snapshot(store.conn())
    assert now["priority"]["mode"] == "strict" and now["kiosk_per_minute"] == 5
    assert next(c for c in now["counters"] if c["number"] == 2)["services"][0] != \
        "tu-phap-ho-tich"
    assert now["hours"]["always_open"] is False
    assert now["hours"]["week"]["mon"] == {"open": "07:30", "close": "17:00",
                                           "lunch": ["11:00", "13:30"]}
    assert now["hours"]["week"]["sun"] is None

    monday.lunch_to.setTime(QTime(18, 0))                  # lunch past closing: refused
    _save(qtbot, panel)
    assert panel.status.text() == ("Thứ Hai: giờ nghỉ trưa 11:00–18:00 phải nằm trong giờ "
                                   "làm việc 07:30–17:00.")
    assert settings.snapshot(store.conn())["hours"] == now["hours"]
