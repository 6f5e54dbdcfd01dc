"""`backup PATH` and `restore PATH [--replace]`: encrypted copies of the store (kiosk/backup.py).

The passphrase is read from stdin (one line) when stdin is not a terminal, else asked twice with
getpass for a backup and once for a restore; it is never an argument (shell history, `ps`).
After a restore the device must enrol again (`sync enrol`): the old device's credentials were
cleared and its id is named in that enrolment so the province revokes it.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from cli.output import emit_json, emit_text
from kiosk.db import Store
from kiosk.errors import KioskError


def add_backup_parsers(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="sao lưu dữ liệu, mã hóa bằng mật khẩu quản trị "
                                           "(mật khẩu đọc từ stdin hoặc hỏi)")
    backup.add_argument("path", help="tệp sao lưu, hoặc thư mục (ví dụ USB) để đặt tệp vào")
    backup.add_argument("--json", action="store_true")
    restore = sub.add_parser("restore", help="khôi phục từ bản sao lưu; sau đó đăng ký lại máy")
    restore.add_argument("path", help="tệp sao lưu, hoặc thư mục: dùng tệp sao lưu mới nhất "
                                      "trong đó")
    restore.add_argument("--replace", action="store_true",
                         help="thay thế dữ liệu đang có trên máy này (được sao lưu trước)")
    restore.add_argument("--json", action="store_true")


def read_passphrase(confirm: bool) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line.strip():
            raise KioskError("backup_passphrase_missing")
        return line.rstrip("\r\n")
    first = getpass.getpass("Mật khẩu sao lưu / backup passphrase: ")
    if not first.strip():
        raise KioskError("backup_passphrase_missing")
    if confirm and getpass.getpass("Nhập lại / again: ") != first:
        raise KioskError("backup_passphrase_mismatch")
    return first


def run(args: argparse.Namespace, store: Store) -> int:
    from kiosk import backup   # cryptography only for these commands

    if args.command == "backup":
        backup.check_passphrase(passphrase := read_passphrase(confirm=True))
        made = backup.make_backup(store, Path(args.path), passphrase)
        data = {"path": str(made.path), "bytes": made.file_bytes, **made.manifest.public()}
        if args.json:
            emit_json(data)
        else:
            counts = made.manifest.counts
            emit_text(f"Đã sao lưu {counts.get('reports', 0)} phản ánh, "
                      f"{counts.get('media', 0)} ảnh vào {made.path}")
        return 0
    from sync.enrol import forget_enrolment

    source = backup.find_source(Path(args.path))
    en = getattr(args, "lang", "vi") == "en"
    if source != Path(args.path).expanduser() and not args.json:
        emit_text(f"Using the newest backup in that folder: {source}" if en else
                  f"Dùng bản sao lưu mới nhất trong thư mục: {source}")
    passphrase = read_passphrase(confirm=False)
    done = backup.restore_backup(source, passphrase, store, replace=args.replace,
                                 prepare=lambda conn, m: forget_enrolment(conn, m.device_id))
    data = {"restored_from": str(source), "counts": done.counts,
            "outbox": done.outbox, "backup": done.manifest.public(),
            "previous": str(done.previous) if done.previous else None,
            "replaces_device_id": done.manifest.device_id, "enrol_again": True}
    if args.json:
        emit_json(data)
    else:
        emit_text(f"Đã khôi phục {done.counts.get('reports', 0)} phản ánh "
                  f"({done.outbox.get('pending', 0)} mục chờ gửi). Xin đăng ký lại máy này với "
                  "máy chủ tỉnh (sync enrol) trước khi đồng bộ.")
        if done.previous:
            emit_text(f"Dữ liệu cũ của máy này đã được sao lưu vào {done.previous}")
    return 0
