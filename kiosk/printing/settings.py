"""The station's printer settings, kept in the store's settings table."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk.catalog import get_setting, set_setting
from kiosk.printing.raster import head_dots
from kiosk.printing.urls import DEFAULT_URL, parse_printer_url

URL_KEY = "printer.url"
PAPER_KEY = "printer.paper"
BUZZER_KEY = "printer.buzzer"


@dataclass(frozen=True)
class PrinterSettings:
    url: str = DEFAULT_URL
    paper: str = "80mm"        # "80mm" / "58mm" for thermal; a system printer may use "A5"/"A4"
    buzzer: bool = False


def load_settings(conn: sqlite3.Connection) -> PrinterSettings:
    return PrinterSettings(url=str(get_setting(conn, URL_KEY, DEFAULT_URL)),
                           paper=str(get_setting(conn, PAPER_KEY, "80mm")),
                           buzzer=bool(get_setting(conn, BUZZER_KEY, False)))


def save_settings(conn: sqlite3.Connection, settings: PrinterSettings) -> PrinterSettings:
    """Validate (a bad URL or paper raises its KioskError, nothing is written), then save."""
    url = parse_printer_url(settings.url)
    if settings.paper not in ("A5", "A4"):
        head_dots(settings.paper)
    clean = PrinterSettings(url.url, settings.paper, bool(settings.buzzer))
    set_setting(conn, URL_KEY, clean.url)
    set_setting(conn, PAPER_KEY, clean.paper)
    set_setting(conn, BUZZER_KEY, clean.buzzer)
    return clean
