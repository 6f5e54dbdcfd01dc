"""`transfer export|import|confirm` (docs/transfer.md). No Qt here.

Exit status: 0 done; 2 an error a person can act on (a Vietnamese sentence on stderr, nothing
written or imported)."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import emit_json, emit_text, warn
from kiosk.db import Store
from kiosk.messages import describe


def run(args: argparse.Namespace, store: Store) -> int:
    handlers = {"export": export_cmd, "import": import_cmd, "confirm": confirm_cmd}
    return handlers[args.action](args, store)


def export_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.transfer import export_transfer
    from sync.transfer_format import PART_LIMIT

    done = export_transfer(store, Path(args.path), part_limit=args.part_limit or PART_LIMIT)
    if args.json:
        emit_json(done.as_json())
    else:
        where = done.files[0] if done.parts == 1 else f"{done.parts} phần: " + ", ".join(done.files)
        emit_text(f"Đã ghi {done.items} phản ánh và {done.photos} ảnh ra {where} "
                  f"({done.bytes} byte). Các phản ánh vẫn chờ gửi cho đến khi xã xác nhận.")
    return 0


def import_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.transfer import import_transfer

    done = import_transfer(store, Path(args.path))
    if done.receipt_error is not None:
        warn(describe(done.receipt_error, args.lang))
        warn(describe(type(done.receipt_error)("transfer_receipt_not_written"), args.lang))
    if args.json:
        emit_json(done.as_json())
    else:
        emit_text(f"Đã nhận {done.imported} phản ánh mới ({done.skipped} phản ánh đã có). "
                  f"Chúng sẽ được gửi tỉnh ở lần đồng bộ tới."
                  + (f" Biên nhận: {done.receipt}" if done.receipt else ""))
    return 0


def confirm_cmd(args: argparse.Namespace, store: Store) -> int:
    from sync.transfer import confirm_receipt

    done = confirm_receipt(store, Path(args.path))
    if args.json:
        emit_json(done.as_json())
    else:
        emit_text(f"Xã đã nhận: đánh dấu {done.confirmed} phản ánh là đã chuyển giao "
                  f"({done.already} mục đã được đánh dấu từ trước).")
    return 0
