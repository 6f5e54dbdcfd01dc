"""The `transfer` subcommand's arguments (argparse only: main.py builds every parser at start-up)."""
from __future__ import annotations

import argparse


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("cần một số nguyên dương / a positive number is needed")
    return value


def add_transfer_parser(sub: argparse._SubParsersAction) -> None:
    transfer = sub.add_parser(
        "transfer", help="chuyển giao phản ánh chưa gửi qua USB (máy tình nguyện viên ↔ xã)"
    ).add_subparsers(dest="action", required=True)
    export = transfer.add_parser("export", help="ghi phản ánh đang chờ gửi ra USB (máy tình "
                                 "nguyện viên)")
    export.add_argument("path", metavar="PATH", help="tệp trên USB, ví dụ E:\\chuyen-giao.cnt")
    # Tests and odd media only; the default keeps each part below FAT32's 4 GiB limit.
    export.add_argument("--part-limit", type=_positive, metavar="BYTES", help=argparse.SUPPRESS)
    export.add_argument("--json", action="store_true")
    imp = transfer.add_parser("import", help="nhận tệp chuyển giao và xếp phản ánh để gửi tỉnh "
                              "(máy ở xã)")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--json", action="store_true")
    confirm = transfer.add_parser("confirm", help="đọc biên nhận của xã trên USB và đánh dấu "
                                  "đã chuyển giao (máy tình nguyện viên)")
    confirm.add_argument("path", metavar="PATH", help="tệp chuyển giao hoặc tệp biên nhận")
    confirm.add_argument("--json", action="store_true")
