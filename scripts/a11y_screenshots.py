#!/usr/bin/env python3
"""Screenshots of the on-screen keyboard and of the large, high-contrast Home at 1280×800,
offscreen, into a folder (default docs/screenshots).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/a11y_screenshots.py [OUT_DIR]
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402
from ui.appearance import APPEARANCE  # noqa: E402
from ui.i18n import LANG  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.theme import apply_theme  # noqa: E402

KEYS = "DDenf dduwowngf ddaauf aaps hongr"   # Telex for "Đèn đường đầu ấp hỏng"


def grab(app: QApplication, shell: Shell, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    shell.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app)
    LANG.set("vi")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "data")
        catalog.seed(store.conn())
        shell = Shell(store, mode="kiosk")
        shell.resize(1280, 800)
        shell.show()
        for _ in range(5):   # the window becomes active: focus (and the keyboard) follow
            app.processEvents()
        shell.go("category")
        shell.state.draft.category_id = "ha-tang"
        shell.go("text")
        assert shell.keyboard is not None
        for char in KEYS:
            if char.isupper():
                shell.keyboard.keys["⇧"].click()
            shell.keyboard.keys[char.lower()].click()
        grab(app, shell, out / "kiosk-keyboard.png")
        shell.state.leave_contact = True
        shell.go("who")
        who = shell.screen("who")
        who.phone_edit.setFocus()
        for digit in "0912345678":
            shell.keyboard.keys[digit].click()
        grab(app, shell, out / "kiosk-keyboard-numbers.png")
        shell.go("home")
        APPEARANCE.set(large=True, contrast=True)
        grab(app, shell, out / "kiosk-home-large-contrast.png")
        shell.go("category")
        grab(app, shell, out / "kiosk-category-large-contrast.png")
        APPEARANCE.reset()
        shell.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
