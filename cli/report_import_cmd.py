"""`report import FILE [--dry-run] [--json]` and `report import --template PATH`: reports
collected on paper forms (kiosk/report_import.py, docs/paper-forms.md). No Qt here.

Exit status: 0 imported (or, with --dry-run, the file is clean); 2 when any row has an error
(nothing stored; every row's problems listed, on stderr, or in the JSON on stdout with --json)
or the file cannot be used at all (a sentence on stderr, from main.py's KioskError handler)."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.output import emit_json, emit_text, fail, warn


def add_report_import_parser(report: argparse._SubParsersAction) -> None:
    """argparse only: main.py builds every parser at start-up."""
    p = report.add_parser("import", help="nhập phiếu phản ánh giấy từ tệp CSV")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE",
                        help="tệp CSV điền theo mẫu (UTF-8 hoặc Unicode Text của Excel)")
    source.add_argument("--template", metavar="PATH",
                        help="ghi tệp mẫu CSV và tệp hướng dẫn .huong-dan.txt bên cạnh")
    p.add_argument("--dry-run", action="store_true",
                   help="chỉ kiểm tra và liệt kê lỗi, không lưu gì")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, store: Any) -> int:
    if args.template:
        return _template(args, store)
    from kiosk.report_import import import_file

    result = import_file(store, Path(args.file), dry_run=args.dry_run)
    return _report(args, result)


def _template(args: argparse.Namespace, store: Any) -> int:
    from kiosk.report_template import write_template

    sheet, guide = write_template(store.conn(), Path(args.template))
    if args.json:
        emit_json({"template": str(sheet), "instructions": str(guide)})
    elif args.lang == "en":
        emit_text(f"Template: {sheet}\nInstructions: {guide}")
    else:
        emit_text(f"Tệp mẫu: {sheet}\nHướng dẫn: {guide}")
    return 0


def _report(args: argparse.Namespace, result: Any) -> int:
    from kiosk.messages import describe
    from kiosk.messages_import import describe_row

    en = args.lang == "en"
    errors = [{"row": e.row, "form": e.form, "column": e.column, "code": e.code,
               "message": describe_row(e, args.lang)} for e in result.errors]
    if result.results_error is not None:   # the reports are committed: say so, list the codes
        warn(describe(result.results_error, args.lang))
    if args.json:
        emit_json({
            "dry_run": result.dry_run, "rows": result.rows, "imported": len(result.imported),
            "codes": [i.code for i in result.imported],
            "forms": [{"row": i.row, "form": i.form, "code": i.code,
                       "due_date": i.due_date.isoformat()} for i in result.imported],
            "results": str(result.results) if result.results else None,
            "errors": errors,
        })
        return 2 if errors else 0
    if errors:
        rows = len({e["row"] for e in errors})
        summary = (f"{rows} of {result.rows} rows have errors; nothing was stored." if en else
                   f"{rows}/{result.rows} dòng có lỗi; chưa lưu phiếu nào.")
        return fail("\n".join([*(e["message"] for e in errors), summary]))
    if result.dry_run:
        emit_text(f"The file is correct: {result.rows} forms ready. Dry run: nothing stored." if en
                  else f"Tệp hợp lệ: {result.rows} phiếu sẵn sàng để nhập. Chạy thử: chưa lưu gì.")
        return 0
    head = (f"Imported {len(result.imported)} paper forms." if en
            else f"Đã nhập {len(result.imported)} phiếu giấy.")
    if result.results:
        head += (f" Tracking codes written to {result.results}" if en
                 else f" Mã tra cứu đã ghi vào {result.results}")
    lines = [head, *(f"  {'row' if en else 'dòng'} {i.row}  {'form' if en else 'phiếu'} {i.form}"
                     f"  →  {i.code}  {'due' if en else 'hạn'} {i.due_date:%d/%m/%Y}"
                     for i in result.imported)]
    emit_text("\n".join(lines))
    return 0
