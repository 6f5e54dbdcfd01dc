"""The admin's switch for spoken guidance (Issue 8): tick "Đọc to hướng dẫn trên kiosk",
Save, and the store has the setting and an audit row; the kiosk's Guide follows at its next Home."""
from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.db import Store
from ui import guidance
from ui.i18n import LANG
from ui.staff.admin import AdminWindow


def _actions(store: Store) -> list[str]:
    return [r[0] for r in store.conn().execute(
        "SELECT action FROM audit_log WHERE actor = 'admin' AND action LIKE 'spoken_guidance%'"
        " ORDER BY seq")]


def test_tick_save_turns_spoken_guidance_on_and_off(qtbot: QtBot, store: Store) -> None:
    LANG.set("vi")
    admin = AdminWindow(store, clock=lambda: datetime.now(timezone.utc), quit_app=lambda: None)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    box = admin.kiosk_box
    assert admin.tabs.currentIndex() == 0 and box.isVisibleTo(admin)
    assert box.spoken.text() == "Đọc to hướng dẫn trên kiosk"
    assert not box.spoken.isChecked() and not guidance.enabled(store)

    box.spoken.setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.result.text() != "", timeout=5_000)
    assert guidance.enabled(store) is True
    assert _actions(store) == ["spoken_guidance_on"]
    guide = guidance.Guide(store)
    assert guide.on

    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)   # unchanged: no new row
    qtbot.waitUntil(box.save_button.isEnabled, timeout=5_000)
    assert _actions(store) == ["spoken_guidance_on"]

    box.spoken.setChecked(False)
    box.result.clear()
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.result.text() != "", timeout=5_000)
    assert guidance.enabled(store) is False
    assert _actions(store) == ["spoken_guidance_on", "spoken_guidance_off"]
    guide.refresh()
    assert not guide.on
