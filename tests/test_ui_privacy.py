"""The admin's "Personal data" box: the key-file warning in plain words, retention saved and
audited, find by receipt code (masked), export into the exports folder, erase only after a
second press — each action audited."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk import audit, personal, privacy
from kiosk.consent import CONTACT_CONSENT
from kiosk.db import Store
from kiosk.reports import ReportDraft, file_report
from ui.i18n import LANG
from ui.staff.admin import AdminWindow
from ui.staff.privacy_admin import PrivacyAdminBox


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def _click(qtbot: QtBot, button) -> None:  # noqa: ANN001
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _wait_result(qtbot: QtBot, box: PrivacyAdminBox) -> str:
    qtbot.waitUntil(lambda: box.result.text() != "", timeout=5_000)
    return box.result.text()


def test_admin_window_shows_the_key_file_warning(ui, qtbot: QtBot, store: Store,  # noqa: ANN001
                                                 no_keyring) -> None:  # noqa: ANN001
    file_report(store, ReportDraft(category_id="ha-tang", text="Ngập", contact_phone="0912345678",
                                   consent_text=CONTACT_CONSENT["vi"]))
    LANG.set("en")
    admin = AdminWindow(store, clock=lambda: datetime.now(timezone.utc), quit_app=lambda: None)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    box = admin.privacy_box
    qtbot.waitUntil(lambda: box.key_status.text() != "", timeout=5_000)
    assert box.key_status.text().startswith("Warning: no keyring works")
    assert "keys/data.key" in box.key_status.text()
    assert box.key_status.property("tone") == "error" and box.move_key.isVisible()


def test_find_export_erase_each_audited(ui, qtbot: QtBot, store: Store) -> None:  # noqa: ANN001
    filed = file_report(store, ReportDraft(
        category_id="ha-tang", text="Ngập", contact_name="Võ Văn Lâm",
        contact_phone="0912345678", consent_text=CONTACT_CONSENT["vi"]))
    LANG.set("en")
    box = PrivacyAdminBox(store)
    qtbot.addWidget(box)
    box.show()
    assert not box.erase_button.isEnabled()

    box.retention.setValue(14)
    _click(qtbot, box.retention_save)
    assert _wait_result(qtbot, box) == "Saved."
    assert privacy.retention_days(store.conn()) == 14

    box.code.setText(filed.code.lower())
    _click(qtbot, box.find_button)
    qtbot.waitUntil(lambda: "Phone" in box.details.text(), timeout=5_000)
    assert "091****678" in box.details.text() and "V* V** L**" in box.details.text()
    assert "0912345678" not in box.details.text() and "Võ Văn Lâm" not in box.details.text()

    box.result.clear()
    _click(qtbot, box.export_button)
    text = _wait_result(qtbot, box)
    exported = list((store.data_dir / "exports").glob("privacy-*.json"))
    assert len(exported) == 1 and str(exported[0]) in text

    box.result.clear()
    _click(qtbot, box.erase_button)                      # first press only arms it
    assert "cannot be undone" in box.result.text()
    assert box.erase_button.text() == "Press again to erase for good"
    assert not personal.load(store.conn(), filed.id).empty
    box.result.clear()
    _click(qtbot, box.erase_button)
    assert _wait_result(qtbot, box).startswith("Erased.")
    qtbot.waitUntil(lambda: "on request" in box.details.text(), timeout=5_000)
    assert personal.load(store.conn(), filed.id).empty
    actions = [e.action for e in reversed(audit.entries(store.conn()))]
    assert actions == ["privacy_retention_set", "privacy_find", "privacy_export",
                       "privacy_erase", "privacy_find"]


def test_the_box_in_vietnamese(ui, qtbot: QtBot, store: Store) -> None:  # noqa: ANN001
    LANG.set("vi")
    box = PrivacyAdminBox(store)
    qtbot.addWidget(box)
    assert box.title() == "Dữ liệu cá nhân"
    assert box.find_button.text() == "Tìm"
