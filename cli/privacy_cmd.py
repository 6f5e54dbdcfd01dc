"""`privacy purge|find|export|erase|status`: residents' personal data, headless (no Qt).

- `privacy purge [--older-than DAYS] [--json]`: the retention purge (an OS timer runs it, see
  docs/privacy.md); without --older-than the setting `privacy.retention_days` applies.
- `privacy find CODE [--json]`: the report's personal part, masked.
- `privacy export CODE [--json]`: the full personal part, written to <data dir>/exports (0600)
  and printed — for the resident who asked.
- `privacy erase CODE [--json]`: erase the personal part now.
- `privacy status [--json]`: where the data key lives, and whether it works.
find, export and erase are audited (actor 'cli'); nothing personal is ever logged.
"""
from __future__ import annotations

import argparse
from typing import Any

from cli.output import emit_json, emit_text


def _days(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("cần số ngày ≥ 0 / days must be ≥ 0")
    return value


def add_privacy_parser(sub: argparse._SubParsersAction) -> None:
    """argparse only: main.py builds every parser at start-up."""
    privacy = sub.add_parser("privacy", help="dữ liệu cá nhân của người dân").add_subparsers(
        dest="action", required=True)
    purge = privacy.add_parser("purge", help="xóa dữ liệu cá nhân đã quá hạn lưu giữ")
    purge.add_argument("--older-than", type=_days, metavar="DAYS",
                       help="số ngày sau khi tỉnh đã nhận (mặc định: cài đặt lưu giữ)")
    purge.add_argument("--json", action="store_true")
    for name, words in (("find", "tìm theo mã phiếu (che bớt)"),
                        ("export", "xuất toàn bộ dữ liệu cá nhân cho người dân"),
                        ("erase", "xóa dữ liệu cá nhân theo yêu cầu")):
        p = privacy.add_parser(name, help=words)
        p.add_argument("code", help="mã phản ánh, ví dụ K7QM-2XPD-9RW")
        p.add_argument("--json", action="store_true")
    privacy.add_parser("status", help="nơi giữ khóa dữ liệu").add_argument("--json",
                                                                           action="store_true")


def run(args: argparse.Namespace, store: Any) -> int:
    from kiosk import datakey, privacy

    conn = store.conn()
    vi = args.lang != "en"
    if args.action == "purge":
        result = privacy.purge(conn, args.older_than, actor="cli")
        if args.json:
            emit_json(result.as_json())
        else:
            emit_text(f"Đã xóa dữ liệu cá nhân của {result.purged} phản ánh." if vi else
                      f"Personal data of {result.purged} reports erased.")
        return 0
    if args.action == "status":
        status = datakey.status(conn)
        data = status.as_json() | {"retention_days": privacy.retention_days(conn)}
        if args.json:
            emit_json(data)
        else:
            emit_text(_status_words(status, vi))
        return 0
    if args.action == "find":
        record = privacy.find(conn, args.code, actor="cli")
        if args.json:
            emit_json(record.as_json())
        else:
            emit_text("\n".join(f"{k}: {v}" for k, v in record.as_json().items()))
        return 0
    if args.action == "export":
        path, data = privacy.export(conn, args.code, actor="cli")
        if args.json:
            emit_json({"file": str(path), "data": data})
        else:
            emit_text("\n".join(f"{k}: {v}" for k, v in data.items()) + f"\n→ {path}")
        return 0
    erased = privacy.erase(conn, args.code, actor="cli")
    if args.json:
        emit_json(erased.as_json())
    elif vi:
        emit_text(("Đã xóa dữ liệu cá nhân." if erased.erased else "Không còn dữ liệu cá nhân.")
                  + (" Tỉnh đã nhận phản ánh: xin đề nghị tỉnh xóa bản của tỉnh."
                     if erased.province_has_copy else ""))
    else:
        emit_text(("Personal data erased." if erased.erased else "No personal data was left.")
                  + (" The province already has the report: ask it to erase its copy too."
                     if erased.province_has_copy else ""))
    return 0


def _status_words(status: Any, vi: bool) -> str:
    if status.problem:
        from kiosk.errors import KioskError
        from kiosk.messages import describe

        return describe(KioskError(status.problem, detail=status.problem), "vi" if vi else "en")
    if status.storage == "file":
        return ("CẢNH BÁO: không có kho khóa của hệ điều hành; khóa dữ liệu nằm trong tệp "
                "keys/data.key cạnh dữ liệu (chỉ người dùng của ứng dụng đọc được)." if vi else
                "WARNING: no OS keyring works; the data key is in the file keys/data.key beside "
                "the data (readable by the app's user only).")
    if status.storage == "keyring":
        return "Khóa dữ liệu nằm trong kho khóa của hệ điều hành." if vi else \
            "The data key is in the OS keyring."
    return "Chưa có khóa dữ liệu (chưa có thông tin cá nhân nào)." if vi else \
        "No data key yet (no personal data stored so far)."
