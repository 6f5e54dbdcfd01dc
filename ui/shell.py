"""The kiosk shell: a header on every screen (office, step, Back, Home, VI/EN), an error banner,
the idle countdown banner, and a stack of screens rebuilt from one WizardState."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QHBoxLayout, QMenu, QStackedWidget,
                               QVBoxLayout, QWidget)

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue.api import QueueService
from ui.appearance import APPEARANCE
from ui.guidance import Guide
from ui.i18n import LANG
from ui.idle import DEFAULT_TIMEOUT_S, WARN_S, IdleWatcher
from ui.keyboard import KeyboardDock, OnScreenKeyboard
from ui.scanner import ScannerFilter
from ui.screens.base import Screen
from ui.screens.registry import has_content, screen_class
from ui.screens.state import HOME, QUEUE_BACK, STEPS, WizardState
from ui.widgets import Banner, button, label

if TYPE_CHECKING:
    from ui.speech import Announcer   # imported by ui.guidance only when guidance is on

# Names each language by itself: the button must be readable by someone who cannot read the other.
LANGUAGE_BUTTON = {"vi": "English", "en": "Tiếng Việt"}


class Shell(QWidget):
    def __init__(self, store: Store, mode: str = "kiosk",
                 idle_timeout_s: float = DEFAULT_TIMEOUT_S,
                 queue: QueueService | None = None, voice: Announcer | None = None) -> None:
        super().__init__()
        if mode not in ("kiosk", "volunteer"):
            raise ValueError(mode)
        self.setObjectName("shell")
        # The shell itself takes focus on each new screen, so no button shows a focus ring
        # (which reads as "selected" on a touch screen) until the keyboard is used.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.store = store
        self.mode = mode
        self._queue = queue
        self.idle_timeout_s = idle_timeout_s
        self._idle_base: tuple[int, int] | None = None   # (timeout, warn) ms while overridden
        self.state = WizardState()
        self._error: KioskError | str | None = None
        self._busy = False
        self._spoken: str | None = None   # the screen whose title guidance read last
        self.office = catalog.office(store.conn())
        self.guide = Guide(store, voice)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())
        self.error_banner = Banner("errorBanner")
        self.idle_banner = Banner("idleBanner")
        outer.addWidget(self.error_banner)
        outer.addWidget(self.idle_banner)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        # The hall's kiosk has no keyboard; a volunteer's laptop has one. The on-screen one is
        # built on first use (the first focused text field), not before Home is painted.
        self._outer = outer
        self._keyboard: OnScreenKeyboard | None = None
        if mode == "kiosk":
            KeyboardDock(lambda: self.keyboard, self)
        self.screens: dict[str, Screen] = {}

        self.idle = IdleWatcher(idle_timeout_s, parent=self)
        self.idle.countdown.connect(self._countdown)
        self.idle.timed_out.connect(self._idle_expired)
        # A USB scanner types a receipt's code on any screen: its burst opens the look-up.
        self.scanner = ScannerFilter(self, self._wants_scan)
        self.scanner.scanned.connect(self._scanned)
        self._listening = False
        self._listen(True)
        # Screens are built when first visited (start-up stays quick, and the camera backend
        # loads only if someone reaches the photo step); afterwards they are rebuilt together.
        self._rebuild(HOME)
        self._show(HOME)

    # --- header ---------------------------------------------------------------------------
    def _build_header(self) -> QWidget:
        header = QFrame()
        header.setObjectName("header")
        layout = QHBoxLayout(header)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(16)
        # Wraps onto two lines when English names and the step's buttons leave too little room
        # (at 1280 px "… Commune People's Committee" would otherwise widen the window).
        self.office_label = label("", "officeName")
        self.step_label = label("", "stepIndicator", wrap=False)
        self.back_button = button("", "headerButton")
        self.home_button = button("", "headerButton")
        self.lang_button = button("", "langButton")
        # Small toggles for larger text and high contrast: a symbol, named for screen readers.
        self.size_button = button("A+", "headerToggle")
        self.contrast_button = button("◐", "headerToggle")
        for toggle in (self.size_button, self.contrast_button):
            toggle.setCheckable(True)
        self.size_button.clicked.connect(lambda on: APPEARANCE.set(large=on))
        self.contrast_button.clicked.connect(lambda on: APPEARANCE.set(contrast=on))
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(lambda: self.go(HOME))
        self.lang_button.clicked.connect(
            lambda: LANG.set("en" if LANG.code == "vi" else "vi"))
        layout.addWidget(self.office_label)
        layout.addWidget(self.step_label)
        layout.addStretch(1)
        for widget in (self.back_button, self.home_button, self.size_button,
                       self.contrast_button, self.lang_button):
            layout.addWidget(widget)
        return header

    def _update_header(self) -> None:
        screen = self.state.screen
        self.office_label.setText(self.office.name if LANG.code == "vi" else self.office.name_en)
        step = self.state.step
        self.step_label.setText(
            self.tr("Step {n}/{total}").format(n=step, total=len(STEPS)) if step else "")
        self.step_label.setVisible(step is not None)
        self.back_button.setText(self.tr("‹ Back"))
        self.home_button.setText(self.tr("Home"))
        self.lang_button.setText(LANGUAGE_BUTTON[LANG.code])
        self.lang_button.setAccessibleName(LANGUAGE_BUTTON[LANG.code])
        self.size_button.setAccessibleName(self.tr("Larger text"))
        self.contrast_button.setAccessibleName(self.tr("High contrast"))
        self.size_button.setChecked(APPEARANCE.large)
        self.contrast_button.setChecked(APPEARANCE.contrast)
        # Back makes no sense on Home, nor after filing or taking a number (it would lead to a
        # sent form, or invite a second ticket).
        self.back_button.setVisible(screen in STEPS or screen in QUEUE_BACK)
        self.home_button.setVisible(screen != HOME)
        for widget in (self.back_button, self.home_button, self.lang_button):
            widget.setEnabled(not self._busy)

    # --- navigation -----------------------------------------------------------------------
    def go(self, name: str) -> None:
        if name == HOME:
            self.reset()   # Home always starts a clean form for the next resident
            return
        self.state.screen = name
        self.clear_error()
        self._rebuild(name)
        self._show(name)

    def next_step(self) -> None:
        screen = self.state.screen
        if screen == HOME:
            self.go(STEPS[0])
        elif screen in STEPS and screen != STEPS[-1]:
            self.go(STEPS[STEPS.index(screen) + 1])

    def back(self) -> None:
        screen = self.state.screen
        if self._busy:
            return
        if screen in QUEUE_BACK:
            self.go(QUEUE_BACK[screen])
            return
        if screen not in STEPS:
            return
        index = STEPS.index(screen)
        self.go(STEPS[index - 1] if index else HOME)

    def screen(self, name: str) -> Screen | None:
        return self.screens.get(name)

    @property
    def keyboard(self) -> OnScreenKeyboard | None:
        """The docked on-screen keyboard (kiosk mode only), made on first use."""
        if self._keyboard is None and self.mode == "kiosk":
            self._keyboard = OnScreenKeyboard()
            self._keyboard.hide()
            self._outer.addWidget(self._keyboard)
        return self._keyboard

    @property
    def queue(self) -> QueueService:
        """The office's queue; made on first use when the app did not pass one (tests, the
        volunteer shell), so a shell that never shows queue screens never opens it."""
        if self._queue is None:
            from kiosk.queue.local import LocalQueue

            self._queue = LocalQueue(self.store)
        return self._queue

    def current(self) -> Screen:
        return self.screens[self.state.screen]

    def _show(self, name: str) -> None:
        self.state.screen = name
        self.stack.setCurrentWidget(self.screens[name])
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.screens[name].focus_first()
        self._update_header()
        self._screen_timeout(self.screens[name].idle_timeout_s)
        self.idle.set_active(name != HOME and not self._busy)
        if name != self._spoken:   # once per visit, not again on a language or style change
            self._spoken = name
            self.guide.screen_shown(self.screens[name], LANG.code)

    def _screen_timeout(self, own: float | None) -> None:
        """A screen may go home sooner (a ticket on screen), never later than the shell; the
        watcher's own deadline comes back on the next screen."""
        if own:
            if self._idle_base is None:
                self._idle_base = (self.idle.timeout_ms, self.idle.warn_ms)
            timeout = min(own, self.idle_timeout_s)
            self.idle.set_timeout(timeout, min(WARN_S, timeout / 2))
        elif self._idle_base is not None:
            timeout_ms, warn_ms = self._idle_base
            self._idle_base = None
            self.idle.set_timeout(timeout_ms / 1000, warn_ms / 1000)

    # --- views are rebuilt from the state -------------------------------------------------
    def _rebuild(self, name: str) -> None:
        if not has_content(name, self.state):
            return
        fresh = screen_class(name)(self)
        old = self.screens.get(name)
        if old is not None:
            index = self.stack.indexOf(old)
            self.stack.insertWidget(index, fresh)
            self.stack.removeWidget(old)
            old.deleteLater()
        else:
            self.stack.addWidget(fresh)
        self.screens[name] = fresh

    def _rebuild_all(self) -> None:
        """Rebuild every screen built so far from the current state."""
        for name in list(self.screens):
            self._rebuild(name)
            if not has_content(name, self.state):
                stale = self.screens.pop(name)
                self.stack.removeWidget(stale)
                stale.deleteLater()

    def _language_changed(self, _code: str) -> None:
        self._spoken = None   # the title again, in the language just chosen
        self._rebuild_all()
        self._show(self.state.screen)
        self._say_error()

    def _appearance_changed(self) -> None:
        """Screens are rebuilt (pictograms are drawn for the theme); the state keeps what was
        typed, as on a language switch."""
        self._rebuild_all()
        self._show(self.state.screen)

    # --- wiping what the last resident left -----------------------------------------------
    def _idle_expired(self) -> None:
        """A new resident gets the default text size and colours (Home alone keeps them: the
        same person may start another task)."""
        APPEARANCE.reset()
        self.reset()

    def reset(self) -> None:
        """A fresh state and fresh widgets (a rebuilt widget has no undo history), an empty
        clipboard, no open dialog or menu, photos forgotten, and Home."""
        _close_popups()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self.state = WizardState()
        self._busy = False
        self.guide.refresh()
        self._spoken = HOME   # an idle wipe speaks to nobody: Home stays silent after it
        self.clear_error()
        if self._keyboard is not None:
            self._keyboard.reset()   # hidden now (focus moves to the shell anyway), VI, no shift
        self._rebuild_all()
        self._show(HOME)

    # --- banners and busy state -----------------------------------------------------------
    def show_error(self, error: KioskError | str) -> None:
        self._error = error
        self._say_error()

    def clear_error(self) -> None:
        self._error = None
        for screen in self.screens.values():   # a screen kept for Back shows none either
            screen.say_error("")
        self.error_banner.say("")

    def _say_error(self) -> None:
        error = self._error
        text = describe(error, LANG.code) if isinstance(error, KioskError) else error or ""
        screen = self.screens.get(self.state.screen)
        if screen is not None and screen.say_error(text):
            self.error_banner.say("")
        else:
            self.error_banner.say(text)

    def error_text(self) -> str:
        """The error on screen now, in the banner or in the screen's own line ("" if none)."""
        if self.error_banner.isVisibleTo(self):
            return self.error_banner.text()
        screen = self.screens.get(self.state.screen)
        label = screen.error_label if screen is not None else None
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def set_busy(self, busy: bool) -> None:
        """While saving: no navigation, no language switch, no idle reset mid-commit."""
        self._busy = busy
        self._update_header()
        self.idle.set_active(not busy and self.state.screen != HOME)

    def _countdown(self, seconds: int) -> None:
        self.idle_banner.say(self.tr(
            "Returning to the home screen in {n} seconds — touch the screen to continue"
        ).format(n=seconds) if seconds else "")

    # --- a closed shell stops listening (it may wait a while for deletion) -------------------
    def _listen(self, on: bool) -> None:
        if on and not self._listening:
            LANG.changed.connect(self._language_changed)
            APPEARANCE.changed.connect(self._appearance_changed)
            self.idle.install()
            self.scanner.install()
        elif not on and self._listening:
            LANG.changed.disconnect(self._language_changed)
            APPEARANCE.changed.disconnect(self._appearance_changed)
            self.idle.set_active(False)
            self.idle.uninstall()
            self.scanner.uninstall()
        self._listening = on

    def _wants_scan(self, text: str) -> bool:
        from ui.screens.lookup import scannable

        return not self._busy and scannable(self.state.screen, text)

    def _scanned(self, text: str) -> None:
        from ui.screens.lookup import open_code

        open_code(self, text)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        if not self._listening:
            self._listen(True)
            self._language_changed(LANG.code)
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        super().closeEvent(event)
        if event.isAccepted():
            self._listen(False)


def _close_popups() -> None:
    """Close any open dialog or menu (a volunteer's file dialog, a context menu)."""
    for _ in range(20):   # modal dialogs can stack; closing one may reveal the next
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if widget is None:
            break
        if isinstance(widget, QDialog):
            widget.reject()
        widget.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (QDialog, QMenu)) and widget.isVisible():
            if isinstance(widget, QDialog):
                widget.reject()
            widget.close()

