"""Kiosk-role hardening: what the app itself can do so a resident cannot leave it
(docs/deploy-kiosk.md lists what only the OS can do).

- the window is full screen, frameless and stays on top; close requests (Alt+F4, a window
  manager's close) are ignored: an admin leaves through the hidden gesture and PIN
  (ui/admin_gesture.py), which calls QCoreApplication.exit();
- no context menus anywhere (copy/paste menus, a text field's "Select all");
- no external links: QDesktopServices.openUrl goes nowhere, for Python callers and for Qt's own
  (links in labels) through a URL handler per scheme;
- no file, print or page-set-up dialogs: constructing one, or calling a static helper such as
  QFileDialog.getOpenFileNames, raises LockdownViolation; one that Qt made by itself is closed
  the moment it would show. Either way it is logged and counted in `violations`.

Everything is undone by `uninstall()` (tests build several windows in one process).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

log = logging.getLogger("caunoi.ui.lockdown")

FORBIDDEN_DIALOGS: tuple[type, ...] = (QFileDialog, QPrintDialog, QPageSetupDialog,
                                       QPrintPreviewDialog)
FILE_DIALOG_HELPERS = ("getOpenFileName", "getOpenFileNames", "getSaveFileName",
                       "getExistingDirectory", "getOpenFileUrl", "getOpenFileUrls",
                       "getSaveFileUrl", "getExistingDirectoryUrl", "getOpenFileContent",
                       "saveFileContent")
# Schemes Qt would hand to the OS (a browser, a mail program, a file manager, the dialler).
URL_SCHEMES = ("http", "https", "file", "ftp", "mailto", "tel", "sms", "smb", "data", "zalo")
_INHERITED = object()
WINDOW_FLAGS = (Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)


class LockdownViolation(RuntimeError):
    """Something tried to open what the kiosk role forbids (a file or print dialog)."""


class Lockdown(QObject):
    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.violations: list[str] = []
        self.blocked_urls: list[str] = []
        self._saved: list[tuple[Any, str, Any]] = []
        self._installed = False

    # --- install / uninstall -----------------------------------------------------------------
    def install(self) -> None:
        if self._installed:
            return
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.window.installEventFilter(self)
        for cls in FORBIDDEN_DIALOGS:
            self._patch(cls, "__init__", self._refusing_init(cls.__name__))
        for name in FILE_DIALOG_HELPERS:
            if hasattr(QFileDialog, name):
                self._patch(QFileDialog, name,
                            staticmethod(self._refusing_call(f"QFileDialog.{name}")))
        self._patch(QPrintDialog, "exec", self._refusing_method("QPrintDialog.exec"))
        self._patch(QDesktopServices, "openUrl", staticmethod(self._open_url))
        for scheme in URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self, "blockUrl")
        self._installed = True

    def uninstall(self) -> None:
        if not self._installed:
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)
        for owner, name, original in reversed(self._saved):
            if original is _INHERITED:
                delattr(owner, name)       # it was the base class's: inherit it again
            else:
                setattr(owner, name, original)
        self._saved.clear()
        for scheme in URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        self._installed = False

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        self._saved.append((owner, name, owner.__dict__.get(name, _INHERITED)))
        setattr(owner, name, replacement)

    # --- refusals ----------------------------------------------------------------------------
    def _violation(self, what: str) -> LockdownViolation:
        self.violations.append(what)
        log.error("kiosk lock-down: %s refused", what)
        return LockdownViolation(f"{what} is not allowed in the kiosk role")

    def _refusing_init(self, what: str) -> Callable[..., None]:
        def refuse(_dialog: object, *_args: object, **_kwargs: object) -> None:
            raise self._violation(what)
        return refuse

    def _refusing_call(self, what: str) -> Callable[..., object]:
        def refuse(*_args: object, **_kwargs: object) -> object:
            raise self._violation(what)
        return refuse

    def _refusing_method(self, what: str) -> Callable[..., object]:
        def refuse(_self: object, *_args: object, **_kwargs: object) -> object:
            raise self._violation(what)
        return refuse

    def _open_url(self, url: QUrl, *_args: object) -> bool:
        self.blockUrl(url)
        return False

    @Slot(QUrl)
    def blockUrl(self, url: QUrl) -> None:  # noqa: N802 - the name Qt's URL handler calls
        # The scheme only: a URL may carry a resident's data (tel:, mailto:).
        self.blocked_urls.append(url.scheme())
        log.warning("kiosk lock-down: an external %s link was not opened", url.scheme() or "?")

    # --- events ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True                       # swallowed: no menu, in any widget
        if kind == QEvent.Type.Close and watched is self.window:
            event.ignore()
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and _closing_key(event):
            return True
        if kind in (QEvent.Type.Show, QEvent.Type.Polish) and isinstance(watched,
                                                                         FORBIDDEN_DIALOGS):
            self._violation(type(watched).__name__)
            watched.hide()                    # made by Qt itself: never shown
            return True
        return False


def _closing_key(event: QKeyEvent) -> bool:
    mods = event.modifiers()
    key = event.key()
    alt = Qt.KeyboardModifier.AltModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    return ((key == Qt.Key.Key_F4 and bool(mods & (alt | ctrl)))
            or (key in (Qt.Key.Key_Q, Qt.Key.Key_W) and bool(mods & ctrl)))


def lock_down(window: QWidget, store: object | None = None, **gesture: Any) -> Lockdown:
    """Harden the kiosk role's window and show it full screen. With a store, the hidden corner
    gesture opens the admin PIN pad (ui/admin_gesture.py; `gesture` goes to AdminExit: a test's
    clock and quit function)."""
    window.setWindowFlags(window.windowFlags() | WINDOW_FLAGS)
    lockdown = Lockdown(window)
    lockdown.install()
    window.lockdown = lockdown   # type: ignore[attr-defined]
    if store is not None:
        from ui.admin_gesture import AdminExit

        window.admin_exit = AdminExit(window, store, **gesture)   # type: ignore[attr-defined]
    window.showFullScreen()
    return lockdown
