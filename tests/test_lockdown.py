"""Kiosk lock-down (ui/lockdown.py, ui/admin_gesture.py): the window as ui/app.py makes it for
the kiosk role, close and Alt+F4 ignored, no context menus, links or file/print dialogs, the
corner long-press that opens the admin PIN pad (lockout kept across a restart), and a kiosk
process killed with SIGKILL that comes back with its data.

PIN lockout persistence in the store itself is tests/test_pins.py::test_lock_survives_a_restart;
here the same is checked through the kiosk's own way in (the gesture's PIN pad)."""
from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMenu, QWidget

from kiosk.db import Store
from kiosk.pins import set_pin
from tests.screens_support import give_content, registered_screens
from ui.admin_gesture import HOLD_S, AdminOverlay
from ui.app import build_window
from ui.lockdown import Lockdown, LockdownViolation, lock_down

ROOT = Path(__file__).resolve().parent.parent
PIN = "470913"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def kiosk(qtbot, store: Store, ui, clock: Clock) -> Iterator[QWidget]:  # noqa: ANN001
    """The kiosk role's window, built and locked down as ui/app.py run() does."""
    quits: list[int] = []
    window = build_window("kiosk", store)
    lockdown = lock_down(window, store, clock=clock, quit_app=lambda: quits.append(1))
    window.quits = quits   # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    yield window
    QApplication.instance().processEvents()
    overlay = window.admin_exit.overlay
    if overlay is not None:
        overlay.dismiss()
    window.admin_exit.gesture.uninstall()
    lockdown.uninstall()
    window.close()
    window.deleteLater()


def _lockdown(window: QWidget) -> Lockdown:
    return window.lockdown   # type: ignore[attr-defined, no-any-return]


def test_kiosk_window_is_frameless_on_top_and_full_screen(kiosk: QWidget) -> None:
    flags = kiosk.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert kiosk.windowState() & Qt.WindowState.WindowFullScreen
    assert kiosk.isVisible()


def test_close_and_alt_f4_are_ignored(kiosk: QWidget, qtbot) -> None:  # noqa: ANN001
    assert kiosk.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    QTest.keyClick(kiosk, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(kiosk, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(kiosk, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert kiosk.isVisible()
    assert QApplication.instance().closingDown() is False


def test_context_menus_are_swallowed(kiosk: QWidget, resident) -> None:  # noqa: ANN001
    resident.click(kiosk.screen("home").report_tile)
    resident.click(kiosk.screen("category").tiles["moi-truong"])
    editor = kiosk.screen("text").editor
    opened: list[str] = []

    def look() -> None:   # if a menu did open, record and close it (exec() would block)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMenu) and widget.isVisible():
                opened.append(widget.objectName())
                widget.close()

    QTimer.singleShot(50, look)
    for target in (editor.viewport(), editor, kiosk):
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5),
                                  target.mapToGlobal(QPoint(5, 5)))
        assert QApplication.sendEvent(target, event) is True   # eaten by the filter
    QTest.qWait(100)
    assert opened == []


def test_file_and_print_dialogs_fail_loudly(kiosk: QWidget) -> None:
    lockdown = _lockdown(kiosk)
    with pytest.raises(LockdownViolation):
        QFileDialog(kiosk)
    with pytest.raises(LockdownViolation):
        QFileDialog.getOpenFileNames(kiosk, "photos")
    with pytest.raises(LockdownViolation):
        QFileDialog.getSaveFileName(kiosk, "save")
    with pytest.raises(LockdownViolation):
        QPrintDialog()
    assert lockdown.violations == ["QFileDialog", "QFileDialog.getOpenFileNames",
                                   "QFileDialog.getSaveFileName", "QPrintDialog"]
    lockdown.violations.clear()


def test_dialogs_work_again_outside_the_kiosk_role(qtbot, store: Store, ui) -> None:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    lockdown = Lockdown(window)
    lockdown.install()
    with pytest.raises(LockdownViolation):
        QFileDialog(window)
    lockdown.uninstall()
    dialog = QFileDialog(window)     # the volunteer's laptop still picks photos from a folder
    dialog.deleteLater()


def test_external_links_are_not_opened(kiosk: QWidget) -> None:
    lockdown = _lockdown(kiosk)
    assert QDesktopServices.openUrl(QUrl("https://example.com/x")) is False
    assert QDesktopServices.openUrl(QUrl.fromLocalFile("/etc/passwd")) is False
    # Qt's own callers (a label's link) reach the C++ function: the scheme handlers stop them.
    original = next(o for owner, name, o in lockdown._saved if name == "openUrl")
    original(QUrl("mailto:someone@example.com"))
    original(QUrl("tel:0912345678"))
    assert lockdown.blocked_urls == ["https", "file", "mailto", "tel"]


def _all_buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled()]


def test_no_screen_of_the_kiosk_role_constructs_a_file_or_print_dialog(
        kiosk: QWidget, resident, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """Press every button of every registered screen, once each, from a fresh visit; any
    attempt at a file or print dialog raises in the slot (pytest-qt fails the test) and is
    counted."""
    from PySide6.QtCore import QThreadPool

    attempts: list[str] = []
    lockdown = _lockdown(kiosk)
    original = Lockdown._violation
    monkeypatch.setattr(Lockdown, "_violation",
                        lambda self, what: (attempts.append(what), original(self, what))[1])
    pressed = 0
    for name in registered_screens():
        index = 0
        fresh = False
        while True:
            # A fresh visit only when the last press left the screen: rebuilding the shell for
            # every button made this the slowest test of the suite for no extra coverage.
            if not fresh or kiosk.state.screen != name:
                kiosk.reset()
                give_content(kiosk, name)
                if name != "home":
                    kiosk.go(name)
            fresh = True
            buttons = _all_buttons(kiosk.screen(name))
            if index >= len(buttons):
                break
            resident.click(buttons[index])
            QThreadPool.globalInstance().waitForDone(30_000)
            qtbot.wait(10)
            pressed += 1
            index += 1
    assert pressed > 40
    assert attempts == [] and lockdown.violations == []


def test_corner_long_press_opens_the_admin_pin_pad(kiosk: QWidget, clock: Clock, qtbot) -> None:  # noqa: ANN001
    gesture = kiosk.admin_exit.gesture
    corner = QPoint(10, 10)
    # A short press does nothing.
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    clock.now += HOLD_S - 1
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    assert kiosk.admin_exit.overlay is None
    # A long press elsewhere does nothing either.
    middle = QPoint(kiosk.width() // 2, kiosk.height() // 2)
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=middle)
    clock.now += HOLD_S + 1
    gesture.timer.timeout.emit()
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=middle)
    assert kiosk.admin_exit.overlay is None
    # Held in the corner: the PIN pad comes up while the finger is still down.
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    clock.now += HOLD_S
    gesture.timer.timeout.emit()
    overlay = kiosk.admin_exit.overlay
    assert isinstance(overlay, AdminOverlay) and overlay.isVisible()
    assert overlay.gate.pad is not None and overlay.gate.content() is None
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    # Released after the time also counts (the timer may not have fired yet).
    overlay.cancel_button.click()
    assert kiosk.admin_exit.overlay is None
    QTest.mousePress(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    clock.now += HOLD_S + 0.5
    QTest.mouseRelease(kiosk, Qt.MouseButton.LeftButton, pos=corner)
    assert kiosk.admin_exit.overlay is not None


def _open_overlay(window: QWidget, clock: Clock) -> AdminOverlay:
    QTest.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    clock.now += HOLD_S
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    overlay = window.admin_exit.overlay
    assert overlay is not None
    return overlay


def _type_pin(overlay: AdminOverlay, pin: str, qtbot) -> None:  # noqa: ANN001
    pad = overlay.gate.pad
    assert pad is not None
    for digit in pin:
        pad.keys[digit].click()
    pad.ok_button.click()
    qtbot.waitUntil(lambda: overlay.gate.pad is None or pad.mode not in ("busy",),
                    timeout=10_000)


def test_admin_pin_then_quit_or_administration(kiosk: QWidget, store: Store, clock: Clock,
                                               qtbot) -> None:  # noqa: ANN001
    set_pin(store.conn(), "admin", PIN)
    overlay = _open_overlay(kiosk, clock)
    assert overlay.gate.pad.mode == "verify"
    _type_pin(overlay, PIN, qtbot)
    qtbot.waitUntil(lambda: overlay.gate.content() is not None, timeout=10_000)
    overlay.open_admin.click()
    from ui.staff.admin import AdminWindow

    assert isinstance(overlay.gate.currentWidget(), AdminWindow)
    assert overlay.gate.currentWidget().backup_box is not None
    overlay.gate.currentWidget().quit_button.click()
    assert kiosk.quits == [1]


def test_admin_lockout_holds_across_a_restart(kiosk: QWidget, store: Store, clock: Clock,
                                              qtbot) -> None:  # noqa: ANN001
    set_pin(store.conn(), "admin", PIN)
    overlay = _open_overlay(kiosk, clock)
    for _ in range(3):
        _type_pin(overlay, "111222", qtbot)
    assert overlay.gate.pad.mode == "locked"
    overlay.dismiss()
    # The app restarts: a new Store on the same file, a new pad. Still locked, even for the
    # right PIN, and no try is counted.
    store.close()
    reopened = Store(store.data_dir)
    try:
        again = AdminOverlay(reopened, quit_app=lambda: None)
        qtbot.addWidget(again)
        assert again.gate.pad is not None and again.gate.pad.mode == "locked"
        for digit in PIN:
            again.gate.pad.keys[digit].click()
        again.gate.pad.ok_button.click()
        assert again.gate.content() is None
        failures = reopened.conn().execute(
            "SELECT failures FROM pins WHERE role = 'admin'").fetchone()[0]
        assert failures == 3
        again.dismiss()
    finally:
        reopened.close()


def test_admin_panel_closes_itself_when_left_open(kiosk: QWidget, clock: Clock) -> None:
    overlay = _open_overlay(kiosk, clock)
    overlay.idle.timer.timeout.emit()
    assert kiosk.admin_exit.overlay is None and not overlay.isVisible()


# --- kill -9 and restart -----------------------------------------------------------------------

def _read_lines(stream, lines: queue.Queue) -> None:  # noqa: ANN001
    for line in iter(stream.readline, ""):
        lines.put(line)
    lines.put(None)


def _wait_for(lines: queue.Queue, text: str, seconds: float = 90.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
        except queue.Empty:
            break
        if line is None:
            break
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} not printed; got {seen!r}")


def test_kiosk_restarts_cleanly_after_kill_9(tmp_path: Path, file_keyring_env) -> None:  # noqa: ANN001
    data = tmp_path / "data"
    env = dict(file_keyring_env, QT_QPA_PLATFORM="offscreen", CAUNOI_STARTED="print",
               PYTHONIOENCODING="utf-8")
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                            "--role", "kiosk"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(app.stdout, lines), daemon=True).start()
    try:
        _wait_for(lines, "caunoi started kiosk")
        filed = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                                "report", "new", "--category", "moi-truong", "--text",
                                "Cống nghẹt trong lúc kiosk chạy", "--json"], cwd=ROOT, env=env,
                               capture_output=True, text=True, encoding="utf-8", timeout=120)
        assert filed.returncode == 0, filed.stderr
        code = json.loads(filed.stdout)["code"]
        assert app.poll() is None
        os.kill(app.pid, signal.SIGKILL)
        assert app.wait(30) == -signal.SIGKILL
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(30)
    again = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                            "--role", "kiosk"], cwd=ROOT, env=dict(env, CAUNOI_STARTED="exit"),
                           capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "caunoi started kiosk" in again.stdout
    conn = sqlite3.connect(data / Store.FILE_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM reports WHERE code = ?",
                            (code.replace("-", ""),)).fetchone()[0] == 1
    finally:
        conn.close()
