"""Shared fixtures: offscreen Qt, the themed application, a real seeded store per test, and
compiled translations for the UI tests (the same lrelease step `make` runs)."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def _compile_translations() -> None:
    """Build .qm files older than their .ts, as `make translations` does, so a bare `pytest`
    tests the Vietnamese the kiosk ships."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(scope="session")
def themed_app(qapp):  # noqa: ANN001, ANN201 - pytest-qt's QApplication
    """The application with the kiosk's font and style sheet, set once for the session."""
    from ui import gc_guard
    from ui.theme import apply_theme

    _compile_translations()
    gc_guard.install(qapp)
    qapp.setApplicationName("Cầu Nối")
    apply_theme(qapp)
    return qapp


@pytest.fixture
def ui(themed_app, qtbot) -> Iterator[None]:  # noqa: ANN001
    """Every UI test starts in Vietnamese with an empty clipboard and leaves no worker running."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtGui import QGuiApplication

    from ui.i18n import LANG

    LANG.set("vi")
    QGuiApplication.clipboard().clear()
    yield
    QThreadPool.globalInstance().waitForDone(30_000)
    LANG.set("vi")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store in tmp_path/data, seeded with the bundled catalog."""
    s = Store(tmp_path / "data")
    catalog.seed(s.conn())
    yield s
    s.close()


class Resident:
    """Drives the kiosk as a person would: clicks on real, visible buttons and typing through
    key events."""

    def __init__(self, qtbot) -> None:  # noqa: ANN001
        self.qtbot = qtbot

    def click(self, widget) -> None:  # noqa: ANN001
        from PySide6.QtCore import Qt

        assert widget.isVisible() and widget.isEnabled(), widget
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    @staticmethod
    def type(widget, text: str) -> None:  # noqa: ANN001
        """One key event per character carrying its text, as a keyboard or input method sends
        it (qtbot.keyClicks squeezes each character to Latin-1, which loses Vietnamese)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        widget.setFocus()
        for char in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                               Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def resident(ui, qtbot) -> Resident:  # noqa: ANN001
    return Resident(qtbot)


@pytest.fixture()
def hub(tmp_path: Path) -> Iterator[tuple[object, Store]]:   # (HubServer, Store)
    """A hub server on a free loopback port, in a thread, over a seeded store."""
    from tests.hub_support import hub_in_thread
    from tests.support import seeded_store

    store = seeded_store(tmp_path / "hub")
    server = hub_in_thread(store)
    yield server, store
    server.stop()
    store.close()


# Sync fixtures live beside their helpers; importing them here makes them visible to every test.
from tests.secrets_support import file_keyring_env, memory_secrets  # noqa: E402, F401
from tests.server_support import province  # noqa: E402, F401
