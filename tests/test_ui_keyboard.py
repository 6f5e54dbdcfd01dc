"""The on-screen keyboard through real clicks: Telex into the report text, the number pad into
the phone field, and the keyboard gone when the resident leaves (Home or idle)."""
from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.reports import list_reports
from ui.shell import Shell

TYPED = "Đèn đường hỏng"
KEYS = "DDenf dduwowngf hongr"     # Telex for TYPED


@pytest.fixture
def shell(qtbot, store, ui) -> Shell:  # noqa: ANN001
    widget = Shell(store, mode="kiosk", idle_timeout_s=3)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tap(resident, shell: Shell, keys: str) -> None:  # noqa: ANN001
    """Press on-screen keys: a capital is the shift key, then the letter."""
    board = shell.keyboard
    for char in keys:
        if char.isupper():
            resident.click(board.keys["⇧"])
        resident.click(board.keys[char.lower()])


def to_text_step(shell: Shell, resident) -> None:  # noqa: ANN001
    resident.click(shell.screen("home").report_tile)
    resident.click(shell.screen("category").tiles["ha-tang"])
    assert shell.state.screen == "text"


def test_telex_typed_on_screen_is_stored_as_nfc(shell: Shell, store, resident, qtbot) -> None:  # noqa: ANN001
    assert not shell.keyboard.isVisible()                 # Home has no text field
    to_text_step(shell, resident)
    editor = shell.screen("text").editor
    assert shell.keyboard.isVisible() and shell.keyboard.target is editor
    tap(resident, shell, KEYS)
    assert editor.toPlainText() == TYPED
    assert QApplication.focusWidget() is editor          # keys never steal the cursor
    resident.click(shell.screen("text").next_button)
    assert not shell.keyboard.isVisible()                 # no text field on the photo step
    resident.click(shell.screen("photos").next_button)
    resident.click(shell.screen("place").next_button)
    resident.click(shell.screen("who").next_button)
    resident.click(shell.screen("review").submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    [report] = list_reports(store.conn())
    assert report.text == unicodedata.normalize("NFC", TYPED)


def test_direct_letters_tones_backspace_and_english(shell: Shell, resident) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    editor = shell.screen("text").editor
    board = shell.keyboard
    tap(resident, shell, "hoa")
    resident.click(board.keys["tone2"])                    # the huyền key, no Telex needed
    assert editor.toPlainText() == "hòa"
    resident.click(board.keys["⌫"])
    assert editor.toPlainText() == "hò"
    tap(resident, shell, "a")                              # composes with what is on screen
    assert editor.toPlainText() == "hòa"
    resident.click(board.keys[" "])
    resident.click(board.keys["đ"])
    resident.click(board.keys["ư"])
    tap(resident, shell, "owngf")
    assert editor.toPlainText() == "hòa đường"
    editor.undo()                                          # the field's own undo still works
    assert editor.toPlainText() != "hòa đường"
    editor.redo()
    resident.click(board.keys["lang"])                     # EN: plain letters
    assert board.keys["lang"].text() == "EN"
    assert not board.keys["tone1"].isEnabled()
    resident.click(board.keys[" "])
    tap(resident, shell, "ass")
    assert editor.toPlainText() == "hòa đường ass"


def test_phone_field_gets_the_number_pad(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    tap(resident, shell, "hongr")
    resident.click(shell.screen("text").next_button)
    resident.click(shell.screen("photos").next_button)
    resident.click(shell.screen("place").next_button)
    who = shell.screen("who")
    resident.click(who.contact_button)
    assert shell.keyboard.target is who.name_edit          # the name field has focus: letters
    assert shell.keyboard.pages.currentWidget() is shell.keyboard.letters
    tap(resident, shell, "Nguyeenx")
    assert who.name_edit.text() == "Nguyễn"
    resident.click(who.phone_edit)
    board = shell.keyboard
    assert board.target is who.phone_edit
    assert board.pages.currentWidget() is board.numbers
    assert board.keys["+#"].isVisible() and not board.keys["abc"].isVisible()
    # the field is scrolled into view above the keyboard, whole
    qtbot.waitUntil(lambda: who.phone_edit.visibleRegion().boundingRect() == who.phone_edit.rect())
    for digit in "0912345678":
        resident.click(board.keys[digit])
    assert who.phone_edit.text() == "0912345678"
    assert shell.state.draft.contact_phone == "0912345678"


def test_keyboard_hides_on_home_and_on_idle(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    to_text_step(shell, resident)
    assert shell.keyboard.isVisible()
    resident.click(shell.home_button)
    assert not shell.keyboard.isVisible()
    to_text_step(shell, resident)
    resident.click(shell.keyboard.keys["lang"])            # EN and shift: gone for the next one
    resident.click(shell.keyboard.keys["⇧"])
    tap(resident, shell, "abc")
    resident.click(shell.keyboard.keys["⇧"])
    assert shell.keyboard.isVisible()
    qtbot.waitUntil(lambda: shell.state.screen == "home", timeout=15_000)   # idle wipe
    assert not shell.keyboard.isVisible()
    assert shell.keyboard.target is None
    assert shell.keyboard.vietnamese and not shell.keyboard.shift


def test_booking_code_keeps_its_own_pad(shell: Shell, resident) -> None:  # noqa: ANN001
    shell.go("queue_code")
    assert shell.state.screen == "queue_code"
    assert not shell.keyboard.isVisible()


def test_volunteer_shell_has_no_on_screen_keyboard(qtbot, store, ui) -> None:  # noqa: ANN001
    widget = Shell(store, mode="volunteer")
    qtbot.addWidget(widget)
    assert widget.keyboard is None
