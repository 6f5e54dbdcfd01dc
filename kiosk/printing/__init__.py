"""Printing: a kept receipt/ticket PDF → the station's printer, named by a URL (see urls.py).

Pure Python (no Qt): `pdf:` saves only, `escpos+…` rasterises with pypdfium2 and sends through
python-escpos. `system:` needs Qt print support, so the UI registers that back-end at start-up
(ui/printing/system.py); headless, it is reported as printer_system_needs_ui.
Every failure is a KioskError with a printer_* code (words in kiosk.messages); the document
already exists when printing starts, and the job log (jobs.py) records the outcome.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.printing.escpos_out import DEADLINE_S, EscposOptions, send_raster
from kiosk.printing.jobs import record_job
from kiosk.printing.raster import rasterise_pdf
from kiosk.printing.urls import PrinterUrl, parse_printer_url

__all__ = ["PrintOutcome", "print_document", "print_and_log", "register_backend"]

Backend = Callable[[Path, PrinterUrl, str], None]     # (pdf, url, paper)
_BACKENDS: dict[str, Backend] = {}


@dataclass(frozen=True)
class PrintOutcome:
    url: str
    state: Literal["saved", "printed", "failed"]   # saved: pdf:, nothing was sent
    error: KioskError | None = None

    @property
    def error_code(self) -> str | None:
        return self.error.code if self.error else None


def register_backend(kind: str, backend: Backend) -> None:
    """Let the UI provide a back-end the core cannot (Qt's system printers)."""
    _BACKENDS[kind] = backend


def print_document(pdf_path: Path, printer_url: str, *, paper: str = "80mm",
                   buzzer: bool = False, deadline_s: float = DEADLINE_S) -> Literal["saved",
                                                                                   "printed"]:
    """Print page 1 of `pdf_path` on `printer_url`. Raises KioskError (printer_* codes)."""
    url = parse_printer_url(printer_url)
    if not Path(pdf_path).exists():
        raise KioskError("printer_document_unreadable", path=str(pdf_path))
    if url.kind == "pdf":
        return "saved"            # the PDF is kept already: that is all pdf: means
    if url.kind == "system":
        backend = _BACKENDS.get("system")
        if backend is None:
            raise KioskError("printer_system_needs_ui", url=url.url)
        backend(Path(pdf_path), url, paper)
        return "printed"
    thermal_paper = paper if paper in ("80mm", "58mm") else "80mm"   # A4/A5 mean nothing here
    image = rasterise_pdf(Path(pdf_path), thermal_paper)
    send_raster(url, image, EscposOptions(paper=thermal_paper, buzzer=buzzer,
                                          deadline_s=deadline_s))
    return "printed"


def print_and_log(store: Store, document: "Document", printer_url: str, *, paper: str = "80mm",
                  buzzer: bool = False, deadline_s: float = DEADLINE_S) -> PrintOutcome:
    """print_document, and one row in the job log whatever happens; never raises a printer
    error (it is in the outcome), so a caller cannot lose the document over a printer."""
    error: KioskError | None = None
    state: Literal["saved", "printed", "failed"]
    try:
        state = print_document(document.pdf, printer_url, paper=paper, buzzer=buzzer,
                               deadline_s=deadline_s)
    except KioskError as exc:
        error, state = exc, "failed"
    except Exception as exc:  # noqa: BLE001 - an unexpected driver error is still a failure
        error, state = KioskError("printer_failed", detail=type(exc).__name__), "failed"
    record_job(store.conn(), document.kind, document.ref, printer_url.strip(),
               error.code if error else None, ref_id=document.ref_id,
               document=document.relative(store.data_dir))
    return PrintOutcome(printer_url.strip(), state, error)


from kiosk.printing.documents import Document  # noqa: E402 - after the names it imports
