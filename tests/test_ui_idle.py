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


# --- every screen the registry knows (tests/screens_support.py finds them) --------------------

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit  # noqa: E402

from kiosk.photos import prepare_photo  # noqa: E402
from tests.screens_support import give_content, registered_screens  # noqa: E402
from tests.support import jpeg_bytes  # noqa: E402
from ui.screens.state import HOME, WizardState  # noqa: E402


def _text_fields(widget) -> list:  # noqa: ANN001
    return [w for w in widget.findChildren(QLineEdit) + widget.findChildren(QPlainTextEdit)
            if not w.isReadOnly()]


@pytest.mark.parametrize("name", [n for n in registered_screens() if n != HOME])
def test_idle_wipes_every_screen(shell: Shell, resident, qtbot, name: str) -> None:  # noqa: ANN001
    give_content(shell, name)
    shell.go(name)
    assert shell.state.screen == name and shell.stack.currentWidget() is shell.screen(name)
    assert shell.idle.active and shell.idle.timer.isActive()
    # What a resident may leave: text in whatever field this screen has, a photo in memory,
    # the clipboard, an open dialog.
    for field in _text_fields(shell.screen(name)):
        if field.isVisible() and field.isEnabled():
            resident.type(field, "0912345678")
    photo = prepare_photo(jpeg_bytes((320, 240), "red"))
    shell.state.draft.photos.append(photo)
    shell.state.thumbs[photo.sha256] = shell.state.thumbs.get(photo.sha256) or _image()
    QGuiApplication.clipboard().setText("Trần Thị Bình 0912345678")
    dialog = QDialog(shell)
    qtbot.addWidget(dialog)
    dialog.show()

    shell.idle.timer.timeout.emit()

    assert shell.state.screen == HOME and shell.stack.currentWidget() is shell.screen(HOME)
    assert shell.state == WizardState()            # nothing typed, chosen, filed or photographed
    assert shell.state.draft.photos == [] and shell.state.thumbs == {}
    assert QGuiApplication.clipboard().text() == ""
    assert not dialog.isVisible()
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets()
                   if isinstance(w, (QDialog, QMenu)))
    # The replaced screens are deleted, not merely hidden: none keeps the resident's text.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftovers = [(type(w).__name__, w.objectName()) for w in _text_fields(shell)
                 if (w.text() if isinstance(w, QLineEdit) else w.toPlainText())]
    assert leftovers == []
    assert not shell.idle.active and not shell.idle_banner.isVisible()


def _image():  # noqa: ANN202
    from PySide6.QtGui import QImage

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0)
    return image
