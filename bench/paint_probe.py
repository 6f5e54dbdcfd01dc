"""Child process for the start-up bench: `bare` shows an empty PySide6 window, `kiosk` runs
main.py's real kiosk path. Both print, at the first paint of a window, the wall time and then,
half a second later, the resident set size; then exit."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class FirstPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (not self.seen and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.isWindow()):
            self.seen = True
            print(f"PAINT {time.time():.6f}", flush=True)
            QTimer.singleShot(500, self.finish)
        return False

    def finish(self) -> None:
        print(f"RSS {rss_kib()}", flush=True)
        QApplication.instance().exit(0)


def main(kind: str, data_dir: str) -> int:
    app = QApplication(sys.argv[:1])
    probe = FirstPaint()
    app.installEventFilter(probe)
    if kind == "bare":
        window = QWidget()
        window.resize(1280, 800)
        window.show()
        return app.exec()
    import main as entry

    return entry.main(["--windowed", "--data-dir", data_dir])


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main(sys.argv[1], sys.argv[2]))
