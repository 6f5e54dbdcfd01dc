"""Run one print off the GUI thread: resolve the document, print it on the station's printer,
log the job, and hand the outcome back on the GUI thread. Never raises a printer error: the
report or ticket exists already, a failure is an outcome with its sentence and a reprint."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

import ui.printing.system  # noqa: F401 - registers the system: back-end with the core
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.printing import PrintOutcome, print_and_log
from kiosk.printing.documents import Document
from kiosk.printing.settings import PrinterSettings, load_settings
from kiosk.printing.urls import parse_printer_url
from ui.workers import run_task

DocumentSource = Callable[[Store], Document]   # runs on the worker: may render a missing PDF


@dataclass(frozen=True)
class PrintRequest:
    settings: PrinterSettings

    @property
    def silent(self) -> bool:
        """pdf: prints nothing (the PDF is saved already): the UI shows no print state."""
        try:
            return parse_printer_url(self.settings.url).kind == "pdf"
        except KioskError:
            return False      # a bad URL is a failure to show, not silence


def station_request(store: Store) -> PrintRequest:
    # One indexed SELECT on the GUI thread: the state shown first depends on it.
    return PrintRequest(load_settings(store.conn()))


def start_print(store: Store, source: DocumentSource, done: Callable[[PrintOutcome], None],
                request: PrintRequest | None = None, owner: QObject | None = None) -> PrintRequest:
    request = request or station_request(store)
    settings = request.settings

    def work() -> PrintOutcome:
        try:
            try:
                document = source(store)
            except KioskError as exc:       # no document to print (e.g. its PDF cannot be made)
                return PrintOutcome(settings.url, "failed", exc)
            return print_and_log(store, document, settings.url, paper=settings.paper,
                                 buzzer=settings.buzzer)
        finally:
            store.close()     # the pool thread's connection; pool threads serve other stores

    def failed(error: BaseException) -> None:
        done(PrintOutcome(settings.url, "failed",
                          error if isinstance(error, KioskError)
                          else KioskError("printer_failed", detail=type(error).__name__)))

    run_task(work, done, failed, owner=owner)
    return request
