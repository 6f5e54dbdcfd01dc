#!/usr/bin/env python3
"""Screenshots of the queue screens, offscreen, into a folder (default docs/screenshots):
kiosk service tiles and ticket at 1280×800, the clerk's queue tab at 1280×800 with a few
waiting and one called, and the board at 1920×1080 after a few calls.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/queue_screenshots.py [OUT_DIR]

Uses a temporary data dir (the real one is never touched) and a silent announcer.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402
from kiosk.queue.local import LocalQueue  # noqa: E402
from ui.board import QueueBoard  # noqa: E402
from ui.i18n import LANG  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.speech import Announcer, RecordingEngine  # noqa: E402
from ui.staff.clerk_window import ClerkWindow  # noqa: E402
from ui.theme import apply_theme  # noqa: E402

A, B, C, D = "tu-phap-ho-tich", "chung-thuc", "dat-dai-xay-dung", "lao-dong-tbxh"


def main(out: Path) -> None:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)

    def pump(until: Callable[[], bool], timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):   # queued shows and layouts
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        pump(lambda: True)
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        catalog.seed(store.conn())
        queue = LocalQueue(store)
        LANG.set("vi")
        # A morning's queue: some served, some waiting, so counts and estimates are real.
        for service in (A, A, A, B, A, C, B, D, A):
            queue.take(service)
        queue.take(B, priority=True)
        for counter in (1, 2):
            queue.call_next(counter)
            queue.start_serving(counter)
            queue.finish(counter)
        queue.take(A, priority=True)

        shell = Shell(store, queue=queue)
        shell.resize(1280, 800)
        shell.show()
        shell.screen("home").queue_tile.click()
        pump(lambda: len(shell.screen("queue").tiles) == 5)
        shot(shell, "queue-services")
        shell.screen("queue").tiles[A].click()
        pump(lambda: shell.state.screen == "queue_ticket"
             and shell.state.queue.pdf_state == "done")
        shot(shell, "queue-ticket")
        shell.close()

        board = QueueBoard(store, queue, announcer=Announcer([RecordingEngine()], chime=None))
        board.resize(1920, 1080)
        board.show()
        for counter in (1, 3, 2):
            queue.call_next(counter)
        queue.start_serving(1)
        queue.recall(3)

        console = ClerkWindow(store, queue, 2)
        console.resize(1280, 800)
        console.show()
        pump(lambda: console.console is not None and console.console.snapshot is not None
             and console.console.snapshot.view.current is not None)
        shot(console, "queue-console")
        pump(lambda: board.state is not None and len(board.state.recent_calls) >= 5)
        shot(board, "queue-board")
        console.close()
        board.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
