"""`caunoi smoke-test`: build every screen offscreen in both languages, open the staff windows,
file one report with a photo into a throw-away data dir and check its receipt PDF, and take a
queue number at the kiosk, call it from the console, rate it and see it on the board. Any Qt
warning not on ui/qtlog.py's allow-list, or any exception, fails it (exit 1).

Run on the source tree by tests/test_smoke.py and on the frozen bundle by `make soak`, so a
missing plugin, font, translation or data file shows up before a kiosk does.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

WAIT_S = 60.0


def smoke_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui import qtlog

    collector = qtlog.Collector()
    collector.install()   # before the QApplication: plugin loading warns early
    summary: list[str] = []
    failures: list[str] = []
    # An exception in a Qt slot does not propagate; PySide hands it to sys.excepthook.
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, value, tb: failures.append(
        "".join(traceback.format_exception(kind, value, tb)))
    try:
        _run(summary, failures)
    except Exception:  # noqa: BLE001 - every failure is printed, none escapes as a crash
        failures.append(traceback.format_exc())
    finally:
        sys.excepthook = previous_hook
        collector.uninstall()
    for line in summary:
        print(f"  ok  {line}")
    problems = failures + [f"Qt warning: {text}" for text in collector.problems]
    if problems:
        print("smoke-test FAILED:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"smoke-test passed ({len(summary)} checks)")
    return 0


def _run(summary: list[str], failures: list[str]) -> None:
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QApplication

    from kiosk import catalog
    from kiosk.db import Store
    from ui import gc_guard
    from ui.i18n import LANG
    from ui.theme import apply_theme

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    app.setApplicationName("Cầu Nối")
    apply_theme(app)
    gc_guard.install(app)
    missing = LANG.missing_catalog()
    if missing is not None:
        failures.append(f"{missing} is missing: run `make translations`")
    LANG.set("vi")
    if QCoreApplication.translate("Shell", "Home") == "Home":
        failures.append("the Vietnamese catalog does not translate the kiosk (Shell/Home)")
    else:
        summary.append("Vietnamese translations load")

    with tempfile.TemporaryDirectory(prefix="caunoi-smoke-") as tmp:
        store = Store(Path(tmp) / "data")
        try:
            catalog.seed(store.conn())
            _screens(app, store, summary)
            _staff(app, store, summary, failures)
            _file_report(app, store, summary, failures)
            _lookup_round(app, store, summary, failures)
            from ui.smoke_queue import queue_round

            queue_round(app, store, summary, failures)
        finally:
            QThreadPool.globalInstance().waitForDone(int(WAIT_S * 1000))
            _flush(app)
            store.close()


def _flush(app) -> None:  # noqa: ANN001
    """Deliver queued results and really delete closed windows (deleteLater waits for an
    event loop that the smoke test does not run)."""
    from PySide6.QtCore import QEvent

    app.processEvents()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _pump(app, until: Callable[[], bool], timeout_s: float = WAIT_S) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return until()


def _show(app, widget) -> None:  # noqa: ANN001
    widget.resize(1280, 800)
    widget.show()
    app.processEvents()
    widget.grab()   # paints everything: style and font problems surface here


def _screens(app, store, summary: list[str]) -> None:  # noqa: ANN001
    from ui.i18n import LANG
    from ui.screens.state import HOME, LOOKUP, QUEUE, QUEUE_CODE, RESULTS, STEPS
    from ui.shell import Shell

    for mode, languages in (("kiosk", ("vi", "en")), ("volunteer", ("vi",))):
        # The ticket screen needs a ticket: queue_round() takes one and builds it; a look-up
        # result needs a report: _lookup_round() looks up the one _file_report() filed.
        names = ((*STEPS, QUEUE, QUEUE_CODE, LOOKUP, RESULTS) if mode == "kiosk"
                 else (*STEPS, LOOKUP, RESULTS))
        for lang in languages:
            LANG.set(lang)
            shell = Shell(store, mode=mode)
            _show(app, shell)
            for name in names:
                shell.go(name)
                app.processEvents()
                shell.grab()
            shell.go(HOME)
            shell.close()
            shell.deleteLater()
            _flush(app)
            summary.append(f"{mode} screens built in {lang} ({len(names) + 1} screens)")
    LANG.set("vi")


def _staff(app, store, summary: list[str], failures: list[str]) -> None:  # noqa: ANN001
    try:
        from ui import staff
    except ImportError as exc:
        failures.append(f"ui.staff is not importable: {exc}")
        return
    from ui.shell import Shell

    for role in ("clerk", "admin", "board"):
        window = staff.build_staff_window(role, store)
        _show(app, window)
        window.close()
        window.deleteLater()
        _flush(app)
        summary.append(f"{role} window built")
    gate = staff.PinGate("volunteer", store, lambda: Shell(store, mode="volunteer"))
    _show(app, gate)
    gate.close()
    gate.deleteLater()
    _flush(app)
    summary.append("volunteer PIN gate built")
    from kiosk.hub.server import HubServer
    from ui.staff.hub_window import HubWindow

    server = HubServer(store, "127.0.0.1", 0).start()     # the hub role's window, loopback only
    try:
        hub = HubWindow(store, server)
        _show(app, hub)
        hub.make_code()
        hub.close()
        hub.deleteLater()
        _flush(app)
    finally:
        server.stop()
    summary.append("hub window built")


def _jpeg() -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice, QPoint
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(800, 600, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPoint(0, 0), QPoint(800, 600))
    gradient.setColorAt(0, QColor("#0b3d91"))
    gradient.setColorAt(1, QColor("#f2c94c"))
    painter.fillRect(image.rect(), gradient)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 90)
    return bytes(buffer.data())


def _file_report(app, store, summary: list[str], failures: list[str]) -> None:  # noqa: ANN001
    from kiosk.reports import list_reports, report_photos
    from ui.screens.photos import add_photo_bytes
    from ui.screens.state import RECEIPT
    from ui.shell import Shell

    shell = Shell(store, mode="kiosk")
    _show(app, shell)
    shell.go("category")
    shell.state.draft.category_id = "ha-tang"
    shell.state.draft.text = "Kiểm tra: đèn đường ở đầu ấp Hòa Bình bị hỏng"
    shell.state.draft.hamlet_id = "ap-hoa-binh"
    add_photo_bytes(shell, _jpeg())
    if not _pump(app, lambda: shell.state.photos_pending == 0 and shell.state.draft.photos):
        failures.append("the photo was not prepared in time")
        return
    summary.append("photo prepared off the GUI thread")
    shell.go("review")
    shell.screen("review").submit_button.click()
    if not _pump(app, lambda: shell.state.screen == RECEIPT):
        failures.append("the report was not filed in time")
        return
    reports = list_reports(store.conn())
    if len(reports) != 1 or len(report_photos(store.conn(), reports[0].id)) != 1:
        failures.append(f"expected 1 report with 1 photo, found {len(reports)} reports")
        return
    summary.append(f"report {reports[0].grouped_code} filed with 1 photo")
    pdf = shell.state.receipt_pdf
    if pdf is None or not pdf.exists():
        failures.append("no receipt PDF was written")
        return
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    document.load(str(pdf))
    if document.pageCount() != 1:
        failures.append(f"the receipt PDF has {document.pageCount()} pages, expected 1")
    else:
        summary.append("receipt PDF rendered (1 page)")
    document.close()
    if not shell.screen(RECEIPT).has_preview:
        failures.append("the receipt screen shows no preview")
    shell.close()
    shell.deleteLater()
    _flush(app)


def _lookup_round(app, store, summary: list[str], failures: list[str]) -> None:  # noqa: ANN001
    """Look up the report just filed, as a scan would: its result screen, "saved at the
    commune", and a status slip PDF."""
    from kiosk.reports import list_reports
    from kiosk.status_slip import save_status_slip
    from ui.screens.lookup import open_code
    from ui.screens.state import LOOKUP_RESULT
    from ui.shell import Shell

    reports = list_reports(store.conn())
    if not reports:
        return   # _file_report() said why
    shell = Shell(store, mode="kiosk")
    _show(app, shell)
    open_code(shell, reports[0].code)
    app.processEvents()
    shell.grab()
    result = shell.state.lookup.result
    if shell.state.screen != LOOKUP_RESULT or result is None:
        failures.append("the filed report was not found by its code")
    elif "Đã lưu tại xã" not in shell.screen(LOOKUP_RESULT).status.text():
        failures.append(f"a report not yet sent reads {result.status_vi!r}")
    else:
        summary.append(f"report {result.code} looked up ({result.status_vi})")
        if save_status_slip(store, result).stat().st_size > 0:
            summary.append("status slip PDF rendered")
    shell.close()
    shell.deleteLater()
    _flush(app)
