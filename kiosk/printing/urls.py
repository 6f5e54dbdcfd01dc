"""Printer URLs: one string names a station's printer, in settings, the admin form or --printer.

    pdf:                          save the PDF only (it always is): nothing to send
    system:<name>                 an installed printer through Qt print support (UI only)
    escpos+tcp://HOST[:9100]      a network thermal printer (raw port 9100)
    escpos+usb://VID:PID          a USB thermal printer, ids in hex (e.g. 04b8:0202)
    escpos+serial:///dev/ttyUSB0  a serial one (COM3 on Windows: escpos+serial://COM3)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, urlsplit

from kiosk.errors import KioskError

Kind = Literal["pdf", "system", "tcp", "usb", "serial"]
DEFAULT_URL = "pdf:"
DEFAULT_PORT = 9100
EXAMPLES = ("pdf:", "system:EPSON TM-T82", "escpos+tcp://192.168.1.50:9100",
            "escpos+usb://04b8:0202", "escpos+serial:///dev/ttyUSB0")
_HEX_ID = re.compile(r"^(?:0x)?([0-9a-fA-F]{1,4})$")


@dataclass(frozen=True)
class PrinterUrl:
    kind: Kind
    url: str                     # as given, stripped: what the job log records
    name: str = ""               # system printer name
    host: str = ""
    port: int = DEFAULT_PORT
    vendor: int = 0
    product: int = 0
    device: str = ""             # serial device
    baudrate: int = 9600

    @property
    def escpos(self) -> bool:
        return self.kind in ("tcp", "usb", "serial")


def _bad(url: str) -> KioskError:
    return KioskError("printer_url_invalid", url=url)


def _hex(text: str, url: str) -> int:
    m = _HEX_ID.match(text.strip())
    if m is None:
        raise _bad(url)
    return int(m.group(1), 16)


def parse_printer_url(raw: str) -> PrinterUrl:
    """Parse a printer URL; anything unclear is a KioskError("printer_url_invalid") rather than
    a guess, because a wrong guess prints nowhere and says nothing."""
    url = (raw or "").strip()
    scheme, sep, rest = url.partition(":")
    scheme = scheme.lower()
    if not sep:
        raise _bad(url)
    if scheme == "pdf":
        if rest.strip("/"):
            raise _bad(url)
        return PrinterUrl("pdf", url)
    if scheme == "system":
        name = rest.strip()
        if not name:
            raise _bad(url)
        return PrinterUrl("system", url, name=name)
    if not scheme.startswith("escpos+") or not rest.startswith("//"):
        raise _bad(url)
    parts = urlsplit(url)
    kind = scheme.removeprefix("escpos+")
    if kind == "tcp":
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:   # a port that is not a number, or out of range
            raise _bad(url) from exc
        if not parts.hostname or parts.path.strip("/"):
            raise _bad(url)
        return PrinterUrl("tcp", url, host=parts.hostname, port=port)
    if kind == "usb":
        vid, colon, pid = parts.netloc.partition(":")
        if not colon or parts.path.strip("/"):
            raise _bad(url)
        return PrinterUrl("usb", url, vendor=_hex(vid, url), product=_hex(pid, url))
    if kind == "serial":
        device = parts.path or parts.netloc          # ///dev/ttyUSB0 or //COM3
        if parts.netloc and parts.path:
            raise _bad(url)
        if not device:
            raise _bad(url)
        baud = parse_qs(parts.query).get("baud", ["9600"])[0]
        if not baud.isdigit() or int(baud) <= 0:
            raise _bad(url)
        return PrinterUrl("serial", url, device=device, baudrate=int(baud))
    raise _bad(url)
