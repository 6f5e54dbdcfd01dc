"""Codes that arrive without typing: a USB barcode scanner, and a receipt's QR shown to the camera.

A USB scanner is a keyboard to the computer: it "types" the code, each character a few
milliseconds after the last, then Enter. `ScannerFilter` watches key presses in one window (the
kiosk shell) from the application's event filter, so a scan works on every screen whichever
widget has focus. Characters always pass through at once (a person typing, or the on-screen
keyboard, never waits for the filter to make up its mind); when Enter ends a burst that no
person could type (at least `min_length` characters, each under `gap_ms` after the previous) and
the owner wants that text, the filter erases what the burst typed into a text field, swallows
the Enter and emits `scanned(text)`. Anything else (a booking code scanned on the queue screen,
ordinary typing) is left exactly as typed.

`decode_qr` reads a QR code in a camera frame with zxing-cpp (imported when first needed, so a
kiosk without it still runs: the camera option is then not offered).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

log = logging.getLogger("caunoi.ui.scanner")

GAP_MS = 30          # a scanner sends a character every few ms; nobody types 8 this fast
MIN_LENGTH = 8
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_EDIT_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.MetaModifier)


def _monotonic_ms() -> float:
    return time.monotonic() * 1000.0


def _text_length(widget: QWidget) -> int | None:
    if isinstance(widget, QLineEdit):
        return len(widget.text())
    if isinstance(widget, QPlainTextEdit):
        return len(widget.toPlainText())
    return None


class ScannerFilter(QObject):
    """Recognises a scanner's burst of key presses inside `scope`'s window; see the module doc.

    `wants(text)` decides whether a burst is taken (emitted, its typing erased) or left alone.
    `clock` returns milliseconds; tests pass their own so no real timing is involved.
    """

    scanned = Signal(str)

    def __init__(self, scope: QWidget, wants: Callable[[str], bool],
                 clock: Callable[[], float] = _monotonic_ms, gap_ms: float = GAP_MS,
                 min_length: int = MIN_LENGTH) -> None:
        super().__init__(scope)
        self.scope = scope
        self.wants = wants
        self.clock = clock
        self.gap_ms = gap_ms
        self.min_length = min_length
        self._installed = False
        self._erasing = False
        self._seen: tuple[int, str, QWidget] | None = None   # (key, text, last receiver)
        self._reset()

    # --- installation --------------------------------------------------------------------------
    def install(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._reset()

    # --- the burst -----------------------------------------------------------------------------
    def _reset(self) -> None:
        self._chars: list[str] = []
        self._last = 0.0
        self._target: QWidget | None = None
        self._start_length: int | None = None

    def _in_scope(self, widget: QWidget) -> bool:
        if not shiboken6.isValid(self.scope):
            return False
        return widget.window() is self.scope.window()

    def _propagated(self, event: QKeyEvent, widget: QWidget) -> bool:
        """Qt offers an ignored key event to each parent in turn, through this filter again.
        A copy is recognised by its receiver: an ancestor of the last one, with the same key.
        (A new key press starts again at the focus widget, below the last receiver.)"""
        seen = self._seen
        self._seen = (event.key(), event.text(), widget)
        return (seen is not None and seen[:2] == (event.key(), event.text())
                and shiboken6.isValid(seen[2]) and widget is not seen[2]
                and widget.isAncestorOf(seen[2]))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if self._erasing or event.type() != QEvent.Type.KeyPress or not watched.isWidgetType():
            return False
        assert isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
        if not self._in_scope(watched) or self._propagated(event, watched):
            return False
        return self.key_pressed(watched, event)

    def key_pressed(self, widget: QWidget, event: QKeyEvent) -> bool:
        """One key press for `widget`; True when it is swallowed (the Enter ending a scan)."""
        now = self.clock()
        fast = bool(self._chars) and now - self._last < self.gap_ms
        if event.key() in ENTER_KEYS:
            text = "".join(self._chars)
            taken = (fast and len(text) >= self.min_length and widget is self._target
                     and self.wants(text))
            target, start_length = self._target, self._start_length
            self._reset()
            if taken:
                self._erase(target, start_length)
                self.scanned.emit(text)
            return taken
        typed = event.text()
        printable = (len(typed) == 1 and typed.isprintable() and not event.isAutoRepeat()
                     and not event.modifiers() & _EDIT_MODIFIERS)
        if not printable:
            self._reset()
            return False
        if not fast or widget is not self._target:
            self._reset()
            self._target = widget
            self._start_length = _text_length(widget)
        self._chars.append(typed)
        self._last = now
        return False

    def _erase(self, target: QWidget | None, start_length: int | None) -> None:
        """Take back what the burst typed into a text field, with Backspace key events, so the
        field's own signals keep the screen's state in step."""
        if target is None or start_length is None or not shiboken6.isValid(target):
            return
        length = _text_length(target)
        if length is None or length <= start_length:
            return
        self._erasing = True
        try:
            for _ in range(length - start_length):
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(target, QKeyEvent(
                        kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))
        finally:
            self._erasing = False


# --- QR codes from the camera -------------------------------------------------------------------

def qr_decoder_available() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        log.info("zxing-cpp is not installed; the look-up screen offers no camera")
        return False
    return True


def decode_qr(image: QImage) -> str | None:
    """The text of the first QR code found in `image`, or None."""
    if image.isNull():
        return None
    import zxingcpp
    from PIL import Image

    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    data = bytes(gray.constBits())[:stride * height]
    picture = Image.frombuffer("L", (width, height), data, "raw", "L", stride, 1)
    for result in zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode):
        if result.valid and result.text:
            return result.text.strip()
    return None
