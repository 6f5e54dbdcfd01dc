"""The idle timeout: a half-filled form left at the kiosk is wiped and Home comes back, with
nothing for the next person to recover (no text, no undo, no clipboard, no open dialog)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog

from kiosk.reports import list_reports
from ui.shell import Shell

TEXT = "Cống thoát nước trước nhà văn hóa ấp Bình Phú bị nghẹt"


@pytest.fixture
def shell(qtbot, store, ui) -> Shell:  # noqa: ANN001
    widget = Shell(store, mode="kiosk", idle_timeout_s=2)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def half_fill(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    resident.click(shell.screen("category").tiles["moi-truong"])
    editor = shell.screen("text").editor
    resident.type(editor, TEXT)
    # The resident also copied their text: it must not survive them.
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == TEXT


def test_idle_timeout_wipes_the_form(shell: Shell, store, resident, qtbot) -> None:  # noqa: ANN001
    half_fill(shell, resident, qtbot)
    old_editor = shell.screen("text").editor
    # Within the last 15 s (here: all of the 2 s) the countdown banner is shown.
    qtbot.waitUntil(shell.idle_banner.isVisible, timeout=5_000)
    assert "chạm màn hình để tiếp tục" in shell.idle_banner.text()

    shell.idle.timer.timeout.emit()      # the deadline, without waiting for it

    assert shell.state.screen == "home"
    assert shell.stack.currentWidget() is shell.screen("home")
    assert not shell.idle_banner.isVisible()
    assert list_reports(store.conn()) == []
    assert shell.state.draft.text == "" and shell.state.draft.category_id == ""
    editor = shell.screen("text").editor
    assert editor is not old_editor
    assert editor.toPlainText() == ""
    assert not editor.document().isUndoAvailable()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    focus = QApplication.focusWidget()
    if focus is not None:
        qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""
    assert shell.state.draft.text == ""
    assert QGuiApplication.clipboard().text() == ""
    # Going back into the wizard shows the fresh, empty form.
    resident.click(shell.screen("home").report_tile)
    assert not any(tile.isChecked() for tile in shell.screen("category").tiles.values())


def test_idle_timeout_fires_by_itself(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    assert shell.idle.timer.isActive()
    qtbot.waitUntil(lambda: shell.state.screen == "home", timeout=15_000)
    assert not shell.idle.timer.isActive()


def test_idle_is_off_at_home(shell: Shell) -> None:
    assert shell.state.screen == "home"
    assert not shell.idle.active
    assert not shell.idle.timer.isActive()
    assert not shell.idle_banner.isVisible()


def test_activity_restarts_the_countdown(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    qtbot.waitUntil(shell.idle_banner.isVisible, timeout=5_000)
    shell.idle.warn_ms = 500   # only the last half second warns now
    resident.click(shell.screen("category").tiles["y-te"])
    assert shell.state.screen == "text"
    assert not shell.idle_banner.isVisible()      # a touch hides the warning at once
    assert shell.idle.timer.remainingTime() > 1_000


def test_idle_timeout_closes_open_dialogs(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    dialog = QDialog(shell)
    dialog.setWindowTitle("open")
    qtbot.addWidget(dialog)
    closed: list[bool] = []

    def expire_while_modal() -> None:
        closed.append(dialog.isVisible())
        shell.idle.timer.timeout.emit()

    QTimer.singleShot(0, expire_while_modal)
    dialog.exec()                       # returns only because the reset closed it
    assert closed == [True]
    assert not dialog.isVisible()
    assert shell.state.screen == "home"
