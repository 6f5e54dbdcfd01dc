"""Accessibility on the kiosk: names on every control, Tab order, larger text, high contrast,
and spoken guidance (off unless an admin turns it on)."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit,
                               QWidget)

from kiosk import catalog
from ui.appearance import APPEARANCE, style_sheet
from ui.guidance import SETTING
from ui.shell import Shell
from ui.speech import Announcer, RecordingEngine

SCREENS = ("home", "category", "text", "photos", "place", "who", "review", "queue", "queue_code")


@pytest.fixture
def shell(qtbot, store, ui) -> Iterator[Shell]:  # noqa: ANN001
    widget = Shell(store, mode="kiosk")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    APPEARANCE.reset()


def _controls(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, (QAbstractButton, QLineEdit, QPlainTextEdit))]


def _named(widget: QWidget) -> bool:
    if widget.accessibleName().strip():
        return True
    text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
    return bool(text.strip()) and text.strip() not in ("⌫", "⇧")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_control_on_every_screen_has_a_name(shell: Shell, lang: str) -> None:  # noqa: ANN001
    from ui.i18n import LANG

    LANG.set(lang)
    shell.state.leave_contact = True
    for name in SCREENS:
        shell.go(name) if name != "home" else shell.reset()
        screen = shell.screen(name)
        assert screen is not None, name
        unnamed = [(w.objectName(), type(w).__name__) for w in _controls(screen)
                   if not _named(w)]
        assert unnamed == [], name
    header_and_keyboard = [w for w in _controls(shell) if not any(
        s.isAncestorOf(w) for s in shell.screens.values())]
    assert header_and_keyboard and all(_named(w) for w in header_and_keyboard)


def test_tab_walks_the_contact_form_in_reading_order(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    shell.state.leave_contact = True
    shell.go("who")
    who = shell.screen("who")
    # The two choices are one exclusive group: Tab leaves it (arrows move inside), as radios do.
    who.contact_button.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    # The consent box sits above the fields (in view while the keyboard is docked).
    assert order == [who.consent_box, who.name_edit, who.phone_edit, who.next_button]
    # the keyboard follows the focus: letters for the name, digits for the phone
    assert shell.keyboard.target is None or shell.keyboard.target is who.phone_edit


def test_larger_text_and_high_contrast_from_the_header(shell: Shell, resident, qtbot) -> None:  # noqa: ANN001
    app = QApplication.instance()
    normal_pt = app.font().pointSize()
    resident.click(shell.size_button)
    assert APPEARANCE.large and app.font().pointSize() > normal_pt
    assert "font-size: 35pt" in app.styleSheet()          # the question's 28pt, scaled
    resident.click(shell.contrast_button)
    assert APPEARANCE.contrast
    assert "#0b3d91" not in app.styleSheet().lower() and "#ffff00" in app.styleSheet()
    assert shell.size_button.isChecked() and shell.contrast_button.isChecked()
    resident.click(shell.screen("home").report_tile)      # still works, screens rebuilt
    assert shell.state.screen == "category"
    resident.click(shell.home_button)                     # Home keeps the resident's choice
    assert APPEARANCE.large and APPEARANCE.contrast
    shell.idle.timed_out.emit()                           # the next resident gets defaults
    assert not APPEARANCE.large and not APPEARANCE.contrast
    assert not shell.size_button.isChecked()
    assert app.font().pointSize() == normal_pt


def test_contrast_style_is_black_white_yellow() -> None:
    import re

    colours = set(re.findall(r"#[0-9a-fA-F]{6}", style_sheet(contrast=True)))
    assert colours <= {"#000000", "#ffffff", "#ffff00", "#00ffff", "#a0a0a0"}


def _guided_shell(qtbot, store, on: bool) -> tuple[Shell, RecordingEngine]:  # noqa: ANN001
    catalog.set_setting(store.conn(), SETTING, on)
    engine = RecordingEngine()
    widget = Shell(store, mode="kiosk", voice=Announcer([engine], chime=None))
    qtbot.addWidget(widget)
    widget.show()
    return widget, engine


def test_spoken_guidance_reads_each_screen_title(qtbot, store, ui, resident) -> None:  # noqa: ANN001
    shell, engine = _guided_shell(qtbot, store, on=True)

    def said() -> list[str]:
        return [u.text for u in engine.said]

    qtbot.waitUntil(lambda: said() == ["Xin chào. Chạm vào một mục bên dưới để bắt đầu."])
    resident.click(shell.screen("home").report_tile)
    qtbot.waitUntil(lambda: said()[-1:] == ["Bạn muốn phản ánh về lĩnh vực nào?"])
    resident.click(shell.screen("category").tiles["ha-tang"])
    qtbot.waitUntil(lambda: said()[-1:] == ["Đã xảy ra chuyện gì? Xin mô tả."])
    assert all(u.lang == "vi" for u in engine.said)
    resident.click(shell.lang_button)                      # the title again, in English
    qtbot.waitUntil(lambda: said()[-1:] == ["What happened? Please describe it."])
    assert engine.said[-1].lang == "en"
    resident.click(shell.lang_button)
    qtbot.waitUntil(lambda: said()[-1:] == ["Đã xảy ra chuyện gì? Xin mô tả."])
    resident.type(shell.screen("text").editor, "Đèn hỏng")
    for step in ("text", "photos", "place", "who"):
        resident.click(shell.screen(step).next_button)
    resident.click(shell.screen("review").submit_button)  # and the confirmation
    qtbot.waitUntil(lambda: shell.state.screen == "receipt", timeout=30_000)
    saved = shell.screen("receipt").findChild(QLabel, "savedTitle").text()
    assert saved and saved != "Your report has been saved"
    qtbot.waitUntil(lambda: said()[-1:] == [saved])
    resident.click(shell.home_button)                      # a wipe says nothing
    qtbot.wait(50)
    assert said()[-1] == saved


def test_spoken_guidance_is_off_by_default(qtbot, store, ui, resident) -> None:  # noqa: ANN001
    engine = RecordingEngine()
    shell = Shell(store, mode="kiosk", voice=Announcer([engine], chime=None))
    qtbot.addWidget(shell)
    shell.show()
    resident.click(shell.screen("home").report_tile)
    qtbot.wait(50)
    assert engine.said == []


def test_ticket_title_spells_the_number(ui) -> None:  # noqa: ANN001
    from ui.guidance import screen_title

    screen = QWidget()
    QLabel("Số của bạn", screen, objectName="fieldLabel")
    QLabel("A012", screen, objectName="ticketNumber")
    assert screen_title(screen, "vi") == "Số của bạn: A, không, một, hai"


def test_qt_standard_buttons_speak_vietnamese(ui) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.RestoreDefaults)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Đồng ý", "Hủy", "Khôi phục mặc định"}
