#!/usr/bin/env python3
"""Screenshots of the kiosk at 1280×800, offscreen, into a folder (default docs/screenshots).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kiosk_screenshots.py [OUT_DIR]

With --all, every kiosk screen in Vietnamese and English, normal and large text, as
<screen>-<lang>-<size>.png (default folder docs/screenshots/all):

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/kiosk_screenshots.py --all [OUT_DIR]

Files a demo report into a temporary data dir; the real data dir is never touched.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, QPointF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPolygonF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402
from kiosk.queue.local import LocalQueue  # noqa: E402
from ui.appearance import APPEARANCE  # noqa: E402
from ui.i18n import LANG  # noqa: E402
from ui.screens.photos import add_photo_bytes  # noqa: E402
from ui.shell import Shell  # noqa: E402
from ui.theme import apply_theme  # noqa: E402

TEXT = ("Đèn đường ở đầu ấp Hòa Bình bị hỏng từ tuần trước, buổi tối đoạn đường "
        "trước chợ rất tối, học sinh đi học về rất nguy hiểm.")


def demo_photo() -> bytes:
    """A street-light scene drawn with QPainter (no stock photo needed)."""
    image = QImage(960, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#1c2a48"))
    painter = QPainter(image)
    painter.fillRect(0, 520, 960, 200, QColor("#4a4a4a"))
    painter.fillRect(300, 120, 24, 400, QColor("#9e9e9e"))
    painter.fillRect(300, 120, 180, 20, QColor("#9e9e9e"))
    painter.setBrush(QColor("#5d5d5d"))
    painter.drawPolygon(QPolygonF([QPointF(430, 140), QPointF(520, 140), QPointF(500, 175),
                                   QPointF(450, 175)]))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 90)
    return bytes(buffer.data())


def pump(app: QApplication, until, timeout_s: float = 30) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def main(out: Path) -> None:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        catalog.seed(store.conn())
        LANG.set("en")
        shell = Shell(store)
        shell.resize(1280, 800)
        shell.show()
        app.processEvents()

        def shot(name: str) -> None:
            app.processEvents()
            shell.grab().save(str(out / f"{name}.png"))
            print(out / f"{name}.png")

        shot("kiosk-home-en")
        LANG.set("vi")
        shot("kiosk-home")
        shell.go("category")
        shell.state.draft.category_id = "ha-tang"
        shell.go("category")
        shot("kiosk-category")
        shell.go("text")
        shell.screen("text").editor.setPlainText(TEXT)
        shot("kiosk-text")
        shell.go("who")
        shell.screen("who").contact_button.click()
        shot("kiosk-who")
        shell.screen("who").anonymous_button.click()
        shell.state.draft.hamlet_id = "ap-hoa-binh"
        shell.state.draft.address = "Trước cổng chợ Hòa Bình"
        add_photo_bytes(shell, demo_photo())
        pump(app, lambda: bool(shell.state.draft.photos))
        shell.go("review")
        shot("kiosk-review")
        shell.screen("review").submit_button.click()
        pump(app, lambda: shell.state.screen == "receipt")
        shot("kiosk-receipt")
        shell.close()
        store.close()


QUEUE_SERVICE = "tu-phap-ho-tich"


def all_screens(app: QApplication, out: Path, lang: str, size: str) -> None:
    """The report wizard and the queue in one language and text size, on a fresh store with a
    few tickets already waiting (so the ticket shows people ahead)."""
    LANG.set(lang)
    APPEARANCE.set(large=size == "large", contrast=False)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        catalog.seed(store.conn())
        queue = LocalQueue(store)
        for _ in range(3):
            queue.take(QUEUE_SERVICE)
        shell = Shell(store, queue=queue)
        shell.resize(1280, 800)
        shell.show()

        def shot(screen: str) -> None:
            for _ in range(5):   # queued shows, layouts, the keyboard following focus
                app.processEvents()
            path = out / f"{screen}-{lang}-{size}.png"
            shell.grab().save(str(path))
            print(path)

        shot("home")
        shell.go("category")
        shell.state.draft.category_id = "ha-tang"
        shell.go("category")
        shot("category")
        shell.go("text")
        shell.screen("text").editor.setPlainText(TEXT)
        shot("describe")
        add_photo_bytes(shell, demo_photo())
        pump(app, lambda: bool(shell.state.draft.photos))
        shell.go("photos")
        shot("photos")
        shell.state.draft.hamlet_id = "ap-hoa-binh"
        shell.state.draft.address = "Trước cổng chợ Hòa Bình"
        shell.go("place")
        shot("place")
        shell.go("who")
        who = shell.screen("who")
        who.contact_button.click()
        who.name_edit.setText("Nguyễn Thị Hồng")
        who.phone_edit.setText("0912 345 678")
        shot("who")
        who.anonymous_button.click()
        shell.go("review")
        shot("review")
        shell.screen("review").submit_button.click()
        pump(app, lambda: shell.state.screen == "receipt")
        shot("receipt")
        shell.go("home")
        shell.screen("home").queue_tile.click()
        pump(app, lambda: bool(getattr(shell.screen("queue"), "tiles", None)))
        shot("queue-services")
        shell.screen("queue").tiles[QUEUE_SERVICE].click()
        pump(app, lambda: shell.state.screen == "queue_ticket"
             and shell.state.queue.pdf_state == "done")
        shot("queue-ticket")
        shell.close()
        store.close()
    APPEARANCE.reset()


def main_all(out: Path) -> None:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("vi", "en"):
        for size in ("normal", "large"):
            all_screens(app, out, lang, size)
    LANG.set("vi")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--all"]:
        main_all(Path(args[1]) if len(args) > 1 else ROOT / "docs" / "screenshots" / "all")
    else:
        main(Path(args[0]) if args else ROOT / "docs" / "screenshots")
