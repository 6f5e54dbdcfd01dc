"""`print …` headless commands: print a kept receipt or ticket, a test page, the job log.

A printer failure exits with status 3 ("saved but not printed", distinct from 2 for a command
that could not run) and its sentence, worded for the shell (the `…_cli` variants in
kiosk/messages.py: run the command again, not the UI's “In lại” button); the document exists
regardless and the failure is in the job log (`print recent`)."""
from __future__ import annotations

import argparse
from dataclasses import asdict
from cli.output import emit_json, emit_text, fail
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import MESSAGES, describe
from kiosk.printing import PrintOutcome, print_and_log
from kiosk.printing.documents import Document, resolve, print_test_document
from kiosk.printing.jobs import recent_jobs
from kiosk.printing.settings import PrinterSettings, load_settings
from kiosk.printing.urls import parse_printer_url

PRINTER_FAILED = 3


def _cli_words(error: KioskError, ref: str, lang: str) -> str:
    """The shell's sentence for a printer error: the `…_cli` variant when there is one."""
    cli_code = f"{error.code}_cli"
    if cli_code in MESSAGES:
        return describe(KioskError(cli_code, **{**error.params, "ref": ref}), lang)
    return describe(error, lang)


def _settings(args: argparse.Namespace, store: Store) -> PrinterSettings:
    saved = load_settings(store.conn())
    if args.printer:
        parse_printer_url(args.printer)      # a bad URL fails before anything is rendered
        return PrinterSettings(args.printer, saved.paper, saved.buzzer)
    return saved


def _report(args: argparse.Namespace, doc: Document, outcome: PrintOutcome) -> int:
    data = {"kind": doc.kind, "ref": doc.ref, "pdf": str(doc.pdf), "printer": outcome.url,
            "state": outcome.state, "error": outcome.error_code,
            "message": _cli_words(outcome.error, "test" if doc.kind == "test" else doc.ref,
                                  args.lang) if outcome.error else None}
    if args.json:
        emit_json(data)
    elif outcome.error is None:
        emit_text(f"Đã in {doc.ref} ({outcome.url})." if outcome.state == "printed"
                  else f"Đã lưu phiếu {doc.ref}: {doc.pdf}")
    if outcome.error is not None:
        return fail(str(data["message"]), PRINTER_FAILED) if not args.json else PRINTER_FAILED
    return 0


def run(args: argparse.Namespace, store: Store) -> int:
    if args.target == "recent":
        jobs = recent_jobs(store.conn(), max(1, args.limit))
        if args.json:
            emit_json([asdict(j) for j in jobs])
        else:
            from kiosk.catalog import office_zone
            from kiosk.clock import from_iso, local_display

            zone = office_zone(store.conn())
            for j in jobs:
                emit_text(f"{local_display(from_iso(j.at_utc), zone)}  {j.kind:6} {j.ref:14} "
                          f"{j.state:7} {j.error_code or ''}  {j.printer_url}")
        return 0
    settings = _settings(args, store)
    doc = print_test_document(store, settings) if args.target == "test" else resolve(store, args.target)
    outcome = print_and_log(store, doc, settings.url, paper=settings.paper,
                            buzzer=settings.buzzer)
    return _report(args, doc, outcome)
