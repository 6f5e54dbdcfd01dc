"""Send a 1-bit raster to an ESC/POS thermal printer through python-escpos, within a deadline.

What is checked before printing (only when the printer answers; many USB/serial models and
most network ones do, some cheap ones never do):
  DLE EOT 2 (offline cause)   bit 2 = cover open, bit 5 = stopped at paper end
  DLE EOT 4 (paper sensor)    bits 5+6 = roll paper end
No answer within STATUS_WAIT_S means "unknown": the job is sent anyway, and a printer that then
never takes the data runs into the deadline instead (printer_timeout).
Sent: ESC @, the image as GS v 0 bands, optionally ESC B (buzzer), then feed and GS V (cut).
"""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kiosk.errors import KioskError
from kiosk.printing.urls import PrinterUrl

if TYPE_CHECKING:
    from PIL import Image

DEADLINE_S = 20.0          # connect + status + all data; a hung printer must not hang a kiosk
STATUS_WAIT_S = 0.5        # how long a status answer may take before "unknown"
CHUNK = 4096               # send in chunks so the deadline is checked as the data drains
SEND_BUFFER = 32 * 1024    # a small kernel buffer: "sent" stays close to "taken by the printer"
BAND_DOTS = 240            # image band height (GS v 0 per band): printers with small buffers
DLE_EOT = b"\x10\x04"


@dataclass(frozen=True)
class EscposOptions:
    paper: str = "80mm"
    buzzer: bool = False
    deadline_s: float = DEADLINE_S
    check_status: bool = True


def status_problem(offline_cause: bytes, paper_sensor: bytes) -> str | None:
    """The KioskError code a status answer means, or None (fine or unknown)."""
    def valid(answer: bytes) -> int | None:
        # A status byte has the fixed pattern 0xx1xx10; anything else is not an answer.
        return answer[-1] if answer and (answer[-1] & 0x93) == 0x12 else None

    cause = valid(offline_cause)
    if cause is not None and cause & 0x04:
        return "printer_cover_open"
    if cause is not None and cause & 0x20:
        return "printer_no_paper"
    paper = valid(paper_sensor)
    if paper is not None and paper & 0x60 == 0x60:
        return "printer_no_paper"
    return None


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise KioskError("printer_timeout")
        return left


@cache
def _network_class() -> type:
    from escpos.printer import Network

    class DeadlineNetwork(Network):   # type: ignore[misc, valid-type]
        """Network with one deadline over connect, status reads and every chunk sent."""

        def __init__(self, host: str, port: int, deadline: _Deadline, **kw: Any) -> None:
            super().__init__(host=host, port=port, timeout=deadline.left(), **kw)
            self.deadline = deadline

        def open(self, raise_not_found: bool = True) -> None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
            sock.settimeout(self.deadline.left())
            try:
                sock.connect((self.host, self.port))
            except TimeoutError as exc:
                sock.close()
                raise KioskError("printer_timeout") from exc
            except OSError as exc:       # refused, no route, unknown host
                sock.close()
                raise KioskError("printer_offline", detail=type(exc).__name__) from exc
            self.device = sock

        def _raw(self, msg: bytes) -> None:
            sock = self.device
            view = memoryview(msg)
            try:
                for start in range(0, len(view), CHUNK):
                    sock.settimeout(self.deadline.left())
                    sock.sendall(view[start:start + CHUNK])
            except TimeoutError as exc:
                raise KioskError("printer_timeout") from exc
            except OSError as exc:        # reset or closed by the printer mid-job
                raise KioskError("printer_offline", detail=type(exc).__name__) from exc

        def _read(self) -> bytes:
            sock = self.device
            sock.settimeout(min(STATUS_WAIT_S, self.deadline.left()))
            try:
                return sock.recv(16)
            except TimeoutError:
                return b""          # no answer: status unknown
            except OSError as exc:
                raise KioskError("printer_offline", detail=type(exc).__name__) from exc

    return DeadlineNetwork


def _open(url: PrinterUrl, deadline: _Deadline) -> Any:
    if url.kind == "tcp":
        return _network_class()(url.host, url.port, deadline)
    if url.kind == "usb":
        from escpos.printer import Usb

        # timeout in ms for each USB transfer; the watchdog in send_raster bounds the total.
        return Usb(url.vendor, url.product, timeout=int(deadline.left() * 1000))
    if url.kind == "serial":
        from escpos.printer import Serial

        return Serial(devfile=url.device, baudrate=url.baudrate, timeout=STATUS_WAIT_S)
    raise KioskError("printer_url_invalid", url=url.url)


def _set_width(printer: Any, dots: int) -> None:
    # The default profile's width is "Unknown", which makes image() print a note on stdout
    # (the CLI's JSON!) and skip the width check. Copy: profiles are shared between instances.
    data = dict(printer.profile.profile_data)
    data["media"] = {**data.get("media", {}), "width": {"mm": dots // 8, "pixels": dots}}
    printer.profile.profile_data = data


def _job(printer: Any, image: Image.Image, options: EscposOptions) -> None:
    if options.check_status:
        try:
            cause = printer.query_status(DLE_EOT + b"\x02")
            paper = printer.query_status(DLE_EOT + b"\x04") if not status_problem(cause, b"") \
                else b""
        except NotImplementedError:   # a back-end that cannot read
            cause = paper = b""
        problem = status_problem(cause, paper)
        if problem:
            raise KioskError(problem)
    _set_width(printer, image.width)
    printer.hw("INIT")
    printer.image(image, impl="bitImageRaster", fragment_height=BAND_DOTS)
    if options.buzzer:
        printer.buzzer(1, 2)
    printer.cut()


def _translate(exc: BaseException) -> KioskError:
    if isinstance(exc, KioskError):
        return exc
    name = type(exc).__name__
    if "Timeout" in name:
        return KioskError("printer_timeout")
    return KioskError("printer_offline", detail=name)


def send_raster(url: PrinterUrl, image: Image.Image, options: EscposOptions) -> None:
    """Print `image` (mode "1", the head's width) and cut. Raises KioskError printer_offline /
    printer_timeout / printer_no_paper / printer_cover_open."""
    deadline = _Deadline(options.deadline_s)
    outcome: list[BaseException | None] = []
    holder: list[Any] = []

    def run() -> None:
        try:
            printer = _open(url, deadline)
            holder.append(printer)
            try:
                _job(printer, image, options)
            finally:
                printer.close()
        except BaseException as exc:  # noqa: BLE001 - reported to the caller's thread
            outcome.append(exc)
        else:
            outcome.append(None)

    # A watchdog thread: USB and serial writes can block past their own timeouts on some
    # drivers; the caller gets printer_timeout at the deadline even then.
    worker = threading.Thread(target=run, name="escpos-send", daemon=True)
    worker.start()
    worker.join(options.deadline_s + 1.0)
    if worker.is_alive():
        for printer in holder:
            try:
                printer.close()
            except Exception:  # noqa: BLE001 - best effort to unblock the stuck write
                pass
        raise KioskError("printer_timeout")
    error = outcome[0] if outcome else None
    if error is not None:
        raise _translate(error) from error
