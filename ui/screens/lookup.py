"""Look-up ("Tra cứu"): the resident types the code on the receipt with the key pad, shows its QR
to the camera, or scans it with a USB scanner on any screen (ui/scanner.py). A report's tracking
code goes straight to its status; a dossier code also needs the short lookup secret printed on
the dossier receipt. Wrong codes get the core's sentence; repeated failures make the resident
wait, with the seconds counted down on the button."""
from __future__ import annotations

import logging
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton

from kiosk import codes
from kiosk.errors import KioskError
from ui.camera import camera_available
from ui.scanner import decode_qr, qr_decoder_available
from ui.screens.base import Host, Screen
from ui.screens.code_keys import CodeKeys
from ui.screens.state import LOOKUP, LOOKUP_RESULT, QUEUE_CODE, LookupFlow
from ui.widgets import button, label

log = logging.getLogger("caunoi.ui.lookup")

MAX_CODE = 40          # the longest dossier code the mirror holds
MAX_SECRET = 16
SECRET_PX = 300
# Dossier codes have dots (000.00.12.H56-260302-0001): the pad has a dot key the booking pad lacks.
ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM.")
FRAME_EVERY_MS = 300   # decode at most ~3 camera frames a second
monotonic = time.monotonic   # tests replace it to skip a slow-down without waiting


def clean(text: str, limit: int = MAX_CODE) -> str:
    """Upper case, no spaces, only what a code or a secret can hold."""
    upper = "".join(text.split()).upper()
    return "".join(ch for ch in upper if ch.isascii() and (ch.isalnum() or ch in "-."))[:limit]


def scannable(screen: str, text: str) -> bool:
    """Whether a scanned text opens a look-up from `screen` (the booking-code screen keeps its
    own scans: a booking code goes into its field)."""
    from kiosk.lookup import is_dossier_code

    if screen == QUEUE_CODE:
        return False
    return codes.normalise(text) is not None or is_dossier_code(text)


def open_code(host: Host, text: str) -> None:
    """A code from the scanner or the camera, on any screen: a fresh look-up. A report opens at
    once; a dossier code is put in its field and the secret asked for."""
    from kiosk.lookup import is_dossier_code

    flow = LookupFlow(category=host.state.lookup.category, month=host.state.lookup.month)
    host.state.lookup = flow
    code = codes.normalise(text)
    if code is not None:
        flow.code = codes.grouped(code)
        run_lookup(host)
        return
    flow.code = clean(text)
    flow.editing = "secret" if is_dossier_code(text) else "code"
    host.go(LOOKUP)


def run_lookup(host: Host) -> bool:
    """Look up the typed code; the result screen on success, else the code screen with the
    sentence in the error banner. The look-up reads a few indexed rows: GUI thread."""
    from kiosk.lookup import lookup

    flow = host.state.lookup
    try:
        result = lookup(host.store.conn(), flow.code, flow.secret or None, scope=host.mode)
    except KioskError as error:
        if error.code == "lookup_slow_down":
            flow.wait_until = monotonic() + float(error.params.get("seconds", 30))
        if error.code in ("dossier_secret_needed", "dossier_secret_wrong"):
            flow.editing = "secret"
        if host.state.screen != LOOKUP:
            host.go(LOOKUP)
        else:
            screen = host.screen(LOOKUP)
            if isinstance(screen, LookupScreen):
                screen.refresh()
        host.show_error(error)
        return False
    flow.result = result
    flow.level, flow.comment, flow.rated_now, flow.rate_error = "", "", False, None
    flow.print_state, flow.print_error = "", None
    host.go(LOOKUP_RESULT)
    return True


class LookupScreen(Screen):
    name = LOOKUP
    # A wrong code's sentence goes beside "Look up", not in a banner above that would push the
    # pad's bottom rows (and ⌫) off the screen.
    owns_errors = True
    # The pad fits 1280×800 without a scroll bar; with larger text (A+) the page scrolls rather
    # than cut off the pad's last row.
    scrolls = True

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        from kiosk.lookup import SECRET_MIN

        flow = self.state.lookup
        self.layout_.setSpacing(10)   # the pad fits without a scroll bar at the normal size
        question = self.tr("Type the code on your receipt")
        self.add_question(question)
        self.hint = label(self.tr(
            "A report's tracking code (e.g. K7QM-2XPD-9RW) or a dossier code. You can also "
            "scan the QR code on the receipt."), "hint")
        self.layout_.addWidget(self.hint)
        # A dossier code needs its secret: the hint gives way to the secret's label and the
        # secret's field sits beside the code, so the pad still fits the screen.
        self.secret_label = label(self.tr(
            "Also type the lookup secret printed on the dossier receipt (at least {n} "
            "characters).").format(n=SECRET_MIN), "fieldLabel")
        self.layout_.addWidget(self.secret_label)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.code_field = self._field(flow.code, MAX_CODE, question)
        self.code_field.setPlaceholderText("K7QM-2XPD-9RW")
        row.addWidget(self.code_field, 1)
        self.secret_field = self._field(flow.secret, MAX_SECRET, self.tr("Lookup secret"))
        self.secret_field.setPlaceholderText(self.tr("Lookup secret"))
        self.secret_field.setFixedWidth(SECRET_PX)   # the code keeps the room it needs
        row.addWidget(self.secret_field)
        self.layout_.addLayout(row)
        self.keys = CodeKeys(ROWS)   # the booking pad's keys plus a dot, for dossier codes
        self.keys.typed.connect(self._type)
        self.keys.erased.connect(self._erase)
        self.layout_.addWidget(self.keys)

        self.camera_view = None
        self._last_frame = 0.0
        self.has_camera = camera_available() and qr_decoder_available()
        self.camera_button: QPushButton | None = None
        self.layout_.addStretch(1)
        self.submit_button = button(self.tr("Look up"), "primary")
        self.submit_button.clicked.connect(self.submit)
        if self.has_camera:   # no camera, no button: nothing on screen that cannot work
            self.camera_button = button(self.tr("Show the QR code to the camera"), "secondary")
            self.camera_button.setCheckable(True)
            self.camera_button.toggled.connect(self._camera)
            self.add_footer(self.camera_button, self.submit_button)
        else:
            self.add_footer(self.submit_button)
        self.ticker = QTimer(self)
        self.ticker.setInterval(250)
        self.ticker.timeout.connect(self.refresh)
        self.refresh()

    def _field(self, text: str, limit: int, name: str) -> QLineEdit:
        field = QLineEdit(text)
        field.setObjectName("bookingCode")
        field.setAccessibleName(name)
        field.setMaxLength(limit)
        field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        field.textEdited.connect(lambda typed, f=field: self._edited(f, typed))
        field.returnPressed.connect(self.submit)
        field.installEventFilter(self)
        return field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.FocusIn:
            self.state.lookup.editing = "secret" if watched is self.secret_field else "code"
        return False

    def focus_first(self) -> None:
        field = self.secret_field if self._wants_secret() and \
            self.state.lookup.editing == "secret" else self.code_field
        field.setFocus()

    # --- typing ------------------------------------------------------------------------------
    def _wants_secret(self) -> bool:
        from kiosk.lookup import is_dossier_code

        return is_dossier_code(self.state.lookup.code)

    def _set(self, which: str, text: str) -> None:
        flow = self.state.lookup
        if which == "secret":
            flow.secret = clean(text, MAX_SECRET)
        else:
            before = flow.code
            flow.code = clean(text)
            if flow.code != before and flow.wait_until <= monotonic():
                self.host.clear_error()
            self._check_typo()
        self.refresh()

    def _check_typo(self) -> None:
        """Eleven symbols that fail the check character: said at once, before any look-up."""
        code = self.state.lookup.code
        compact = code.replace("-", "")
        if len(compact) == codes.CODE_LENGTH and "." not in code and not self._wants_secret() \
                and codes.normalise(code) is None:
            self.host.show_error(KioskError("code_invalid"))

    def _edited(self, field: QLineEdit, text: str) -> None:
        self._set("secret" if field is self.secret_field else "code", text)

    def _type(self, char: str) -> None:
        flow = self.state.lookup
        which = flow.editing if self._wants_secret() else "code"
        self._set(which, (flow.secret if which == "secret" else flow.code) + char)

    def _erase(self) -> None:
        flow = self.state.lookup
        which = flow.editing if self._wants_secret() else "code"
        self._set(which, (flow.secret if which == "secret" else flow.code)[:-1])

    def waiting_s(self) -> int:
        left = self.state.lookup.wait_until - monotonic()
        return max(0, int(-(-left // 1)))

    def refresh(self) -> None:
        """Fields, the secret row and the button from the state; the slow-down countdown."""
        flow = self.state.lookup
        for field, text in ((self.code_field, flow.code), (self.secret_field, flow.secret)):
            if field.text() != text:
                field.setText(text)
        wants_secret = self._wants_secret()
        self.hint.setVisible(not wants_secret)
        self.secret_label.setVisible(wants_secret)
        self.secret_field.setVisible(wants_secret)
        if not wants_secret and flow.editing == "secret":
            flow.editing = "code"
        wait = self.waiting_s()
        if wait:
            self.submit_button.setText(self.tr("Please wait {n} s").format(n=wait))
            self.submit_button.setEnabled(False)
            if not self.ticker.isActive():
                self.ticker.start()
        else:
            self.ticker.stop()
            self.submit_button.setText(self.tr("Look up"))
            self.submit_button.setEnabled(len(flow.code.replace("-", "")) >= 4)

    def submit(self) -> None:
        flow = self.state.lookup
        if self.waiting_s() or len(flow.code.replace("-", "")) < 4:
            return
        if self._wants_secret() and not flow.secret:
            flow.editing = "secret"
            self.secret_field.setFocus()
        run_lookup(self.host)

    # --- camera ------------------------------------------------------------------------------
    def _camera(self, on: bool) -> None:
        if on and self.camera_view is None:
            from ui.camera import CameraView

            self.camera_view = CameraView()
            self.camera_view.setFixedHeight(300)
            sink = self.camera_view.video.videoSink()
            sink.videoFrameChanged.connect(lambda frame: self.frame(frame.toImage()))
            self.layout_.insertWidget(self.layout_.indexOf(self.keys), self.camera_view)
        if self.camera_view is not None:
            self.camera_view.setVisible(on)
            self.keys.setVisible(not on)
            (self.camera_view.start if on else self.camera_view.stop)()
        if self.camera_button is not None:
            self.camera_button.setText(self.tr("Type the code instead") if on
                                       else self.tr("Show the QR code to the camera"))

    def frame(self, image: QImage) -> None:
        """A camera frame: a few a second are decoded; a code found opens its look-up."""
        now = monotonic()
        if now - self._last_frame < FRAME_EVERY_MS / 1000:
            return
        self._last_frame = now
        self.read_image(image)

    def read_image(self, image: QImage) -> bool:
        text = decode_qr(image)
        if text is None or not scannable(LOOKUP, text):
            return False
        if self.camera_view is not None:
            self.camera_view.stop()
        open_code(self.host, text)
        return True

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        if self.camera_view is not None and self.camera_button is not None \
                and self.camera_button.isChecked():
            self.camera_view.start()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt name
        # The camera runs only while this screen is shown (its light off elsewhere).
        if self.camera_view is not None:
            self.camera_view.stop()
        super().hideEvent(event)
