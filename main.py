#!/usr/bin/env python3
"""Cầu Nối — the one entry point: UI roles and headless subcommands.

Headless subcommands never import Qt, so scripts and support staff get answers in well under a
second; only the UI roles and `smoke-test` load PySide6.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROLES = ("kiosk", "clerk", "volunteer", "admin", "board", "hub")


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("cần một số nguyên dương / a positive number is needed")
    return value


def _log_to_data_dir(directory: Path) -> None:
    """Headless runs log to caunoi.log in the data dir, never a traceback on the terminal.
    Logs hold error types and codes only: no personal data is ever passed to them."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(directory / "caunoi.log", encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def build_parser() -> argparse.ArgumentParser:
    from cli.backup_cmd import add_backup_parsers
    from cli.hub_args import add_hub_parser
    from cli.lookup_cmd import add_lookup_parser  # argparse at import; the rest when run
    from cli.print_args import add_print_parser
    from cli.privacy_cmd import add_privacy_parser
    from cli.queue_args import add_queue_parser  # argparse only
    from cli.report_import_cmd import add_report_import_parser  # argparse at import
    from cli.sync_args import add_sync_parser
    from cli.transfer_args import add_transfer_parser

    parser = argparse.ArgumentParser(prog="caunoi", description="Cầu Nối — kiosk xã/phường")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: CAUNOI_DATA_DIR hoặc "
                        "thư mục dữ liệu của hệ điều hành)")
    parser.add_argument("--role", choices=ROLES, default="kiosk")
    parser.add_argument("--windowed", action="store_true", help="cửa sổ thường (phát triển)")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--counter", type=int, metavar="N",
                        help="số quầy của máy này (vai trò clerk; mặc định cho lệnh queue)")
    parser.add_argument("--hub", metavar="URL",
                        help="lệnh queue dùng hàng đợi trên máy hub của xã (đã ghép nối)")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("smoke-test", help="dựng mọi màn hình offscreen, nộp thử một phản ánh")

    report = sub.add_parser("report", help="phản ánh").add_subparsers(dest="action",
                                                                      required=True)
    new = report.add_parser("new", help="nộp phản ánh")
    new.add_argument("--category", required=True)
    new.add_argument("--text", required=True)
    new.add_argument("--hamlet")
    new.add_argument("--address")
    new.add_argument("--lat", type=float)
    new.add_argument("--lon", type=float)
    new.add_argument("--photo", action="append", metavar="FILE")
    new.add_argument("--name")
    new.add_argument("--phone")
    new.add_argument("--consent", action="store_true",
                     help="người dân đồng ý được liên hệ về phản ánh này")
    new.add_argument("--json", action="store_true")
    show = report.add_parser("show", help="xem một phản ánh")
    show.add_argument("code")
    show.add_argument("--json", action="store_true")
    lst = report.add_parser("list", help="danh sách phản ánh, mới nhất trước")
    lst.add_argument("--limit", type=_positive, metavar="N")
    lst.add_argument("--json", action="store_true")
    add_report_import_parser(report)

    cat = sub.add_parser("catalog", help="danh mục").add_subparsers(dest="action", required=True)
    for name in ("categories", "office"):
        cat.add_parser(name).add_argument("--json", action="store_true")

    add_queue_parser(sub)
    add_print_parser(sub)
    add_hub_parser(sub)
    add_sync_parser(sub)
    add_transfer_parser(sub)
    add_lookup_parser(sub)
    add_privacy_parser(sub)
    add_backup_parsers(sub)

    pin = sub.add_parser("pin", help="mã PIN").add_subparsers(dest="action", required=True)
    pin_set = pin.add_parser("set", help="đặt mã PIN (đọc từ stdin)")
    pin_set.add_argument("role", choices=("clerk", "volunteer", "admin"))
    return parser


def _headless(args: argparse.Namespace) -> int:
    from cli import commands, queue_cmd
    from cli.output import fail
    from kiosk.errors import KioskError
    from kiosk.messages import describe
    from kiosk.paths import data_dir

    handlers: dict[tuple[str, str], Callable[..., int]] = {
        ("report", "new"): commands.report_new,
        ("report", "show"): commands.report_show,
        ("report", "list"): commands.report_list,
        ("catalog", "categories"): commands.catalog_categories,
        ("catalog", "office"): commands.catalog_office,
        ("pin", "set"): commands.pin_set,
    }
    try:
        directory = data_dir(args.data_dir)
        _log_to_data_dir(directory)
        try:
            store = commands.open_store(directory)
        except OSError as exc:   # not a directory, no permission, read-only medium
            raise KioskError("store_unreadable", path=str(directory), detail=str(exc)) from exc
        if args.command == "queue":
            return queue_cmd.run(args, store)
        if args.command == "hub":
            from cli import hub_cmd

            return hub_cmd.run(args, store)
        if args.command == "print":
            from cli import print_cmd  # Pillow and the printer drivers only for printing

            return print_cmd.run(args, store)
        if args.command == "sync":
            from cli import sync_cmd  # requests, pydantic and cryptography only for sync

            return sync_cmd.run(args, store)
        if args.command == "transfer":
            from cli import transfer_cmd  # cryptography and pydantic only for hand-overs

            return transfer_cmd.run(args, store)
        if args.command == "report" and args.action == "import":
            from cli import report_import_cmd

            return report_import_cmd.run(args, store)
        if args.command in ("backup", "restore"):
            from cli import backup_cmd

            return backup_cmd.run(args, store)
        if args.command == "lookup":
            from cli import lookup_cmd

            return lookup_cmd.run(args, store)
        if args.command == "privacy":
            from cli import privacy_cmd

            return privacy_cmd.run(args, store)
        return handlers[(args.command, args.action)](args, store)
    except KioskError as exc:
        return fail(describe(exc, args.lang))
    except Exception:  # noqa: BLE001 - a person gets a sentence, the log gets the traceback
        logging.getLogger("caunoi").exception("headless command failed")
        return fail("Lỗi không mong đợi; chi tiết đã được ghi vào nhật ký." if args.lang == "vi"
                    else "Unexpected error; details were written to the log.", status=1)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):   # argparse's own errors are Vietnamese too
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    if args.command == "smoke-test":
        from ui.smoke import smoke_test

        return smoke_test()
    if args.command:
        return _headless(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
