"""The `print` subcommand's arguments (argparse only: main.py builds every parser at start-up)."""
from __future__ import annotations

from typing import Any


def add_print_parser(sub: Any) -> None:
    p = sub.add_parser("print", help="in phiếu (mã phản ánh, số thứ tự), in thử, nhật ký in")
    p.add_argument("target", metavar="CODE|TICKET|test|recent",
                   help="mã tra cứu, số thứ tự hôm nay (A012) hoặc id phiếu; "
                        "'test' in trang thử; 'recent' xem các lần in gần đây")
    p.add_argument("--printer", metavar="URL", help="máy in (mặc định: cài đặt printer.url)")
    p.add_argument("--limit", type=int, default=20, help="số dòng cho 'recent'")
    p.add_argument("--json", action="store_true")
