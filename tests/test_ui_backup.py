"""The admin's backup box (ui/staff/backup_admin.py): typed paths, passphrase twice, results and
errors in words, passphrases never kept in the fields, restore with "enrol again"."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from kiosk import catalog
from kiosk.db import Store, transaction
from kiosk.reports import ReportDraft, file_report
from tests.support import seeded_store
from ui.staff.backup_admin import BackupBox, usb_folders

PASS = "mật khẩu sao lưu của xã"


@pytest.fixture(autouse=True)
def _no_real_keyring(memory_secrets) -> None:  # noqa: ANN001
    """The data key goes to a keyring: never the real one of the PC running the tests."""


def _box(qtbot, store: Store) -> BackupBox:  # noqa: ANN001
    box = BackupBox(store)
    qtbot.addWidget(box)
    box.show()
    return box


def _wait(box: BackupBox, qtbot) -> str:  # noqa: ANN001
    qtbot.waitUntil(lambda: not box.busy, timeout=30_000)
    return box.result.text()


def _backup(box: BackupBox, path: Path, passphrase: str, again: str | None = None) -> None:
    box.backup_path.setText(str(path))
    box.backup_pass.setText(passphrase)
    box.backup_confirm.setText(passphrase if again is None else again)
    box.backup_button.click()


def test_backup_then_restore_elsewhere(qtbot, store: Store, tmp_path: Path, ui) -> None:  # noqa: ANN001
    filed = file_report(store, ReportDraft(category_id="moi-truong", text="Cống nghẹt"))
    with transaction(store.conn()):
        catalog.set_setting(store.conn(), "sync.device_id", "0b7c1c36-53ef-4a45-8a70-4fb0a8b0e5a1")
        catalog.set_setting(store.conn(), "sync.commune", "29284")
    box = _box(qtbot, store)
    assert box.backup_pass.echoMode() == QLineEdit.EchoMode.Password
    assert box.backup_path.text()       # a sensible default: a USB stick or backups/

    _backup(box, tmp_path / "usb", PASS, again=PASS + "x")
    assert "không giống nhau" in box.result.text()
    assert box.backup_pass.text() == "" and box.backup_confirm.text() == ""
    _backup(box, tmp_path / "usb", "ngắn")
    assert "ít nhất 10 ký tự" in box.result.text()

    _backup(box, tmp_path / "usb", PASS)
    said = _wait(box, qtbot)
    made = list((tmp_path / "usb").glob("*.caunoi-backup"))
    assert len(made) == 1 and str(made[0]) in said and "Số phản ánh: 1" in said
    assert box.backup_pass.text() == ""

    other = seeded_store(tmp_path / "other")
    target = _box(qtbot, other)
    target.restore_button.click()
    assert "đường dẫn" in target.result.text()       # no path typed yet
    target.restore_path.setText(str(made[0]))
    target.restore_pass.setText("không phải mật khẩu")
    target.restore_button.click()
    assert "Mật khẩu sao lưu không đúng" in _wait(target, qtbot)
    assert target.restore_pass.text() == ""
    restored: list[object] = []
    target.restored.connect(restored.append)
    target.restore_pass.setText(PASS)
    target.restore_button.click()
    said = _wait(target, qtbot)
    assert "Đã khôi phục. Số phản ánh: 1" in said and "đăng ký lại" in said
    assert len(restored) == 1
    conn = other.conn()
    assert [r[0] for r in conn.execute("SELECT code FROM reports")] == [filed.code]
    assert catalog.get_setting(conn, "sync.replaces_device_id") == \
        "0b7c1c36-53ef-4a45-8a70-4fb0a8b0e5a1"
    assert catalog.get_setting(conn, "sync.device_id") is None
    assert catalog.get_setting(conn, "sync.commune") is None
    other.close()


def test_restore_over_data_needs_the_tick(qtbot, store: Store, tmp_path: Path, ui) -> None:  # noqa: ANN001
    file_report(store, ReportDraft(category_id="moi-truong", text="Trong bản sao lưu"))
    box = _box(qtbot, store)
    _backup(box, tmp_path / "b.caunoi-backup", PASS)
    _wait(box, qtbot)
    file_report(store, ReportDraft(category_id="moi-truong", text="Chỉ có trên máy"))
    box.restore_path.setText(str(tmp_path / "b.caunoi-backup"))
    box.restore_pass.setText(PASS)
    box.restore_button.click()
    assert "--replace" in _wait(box, qtbot) or "thay thế" in box.result.text()
    assert store.conn().execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    box.replace_box.setChecked(True)
    box.restore_pass.setText(PASS)
    box.restore_button.click()
    assert "Đã khôi phục. Số phản ánh: 1" in _wait(box, qtbot)
    assert store.conn().execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert not box.replace_box.isChecked()
    assert len(list((store.data_dir / "backups").glob("*.caunoi-backup"))) == 1


def test_words_follow_the_language(qtbot, store: Store, tmp_path: Path, ui) -> None:  # noqa: ANN001
    from ui.i18n import LANG

    box = _box(qtbot, store)
    _backup(box, tmp_path / "x", "short")
    LANG.set("en")
    assert box.title() == "Backup and restore"
    assert "at least 10 characters" in box.result.text()
    LANG.set("vi")
    assert box.title() == "Sao lưu và khôi phục"


def test_usb_folders_never_raise() -> None:
    assert all(isinstance(p, Path) for p in usb_folders())
