"""`privacy purge|find|export|erase|status`: residents' personal data, headless (no Qt).

- `privacy purge [--older-than DAYS] [--json]`: the retention purge (an OS timer runs it, see
  docs/privacy.md); without --older-than the setting `privacy.retention_days` applies.
- `privacy find CODE [--json]`: the report's personal part, masked.
- `privacy export CODE [--json]`: the full personal part, written to <data dir>/exports (0600)
  and printed — for the resident who asked.
- `privacy erase CODE --yes [--json]`: erase the personal part now. Without --yes it only
  shows (masked) what would be erased and exits 2.
- `privacy status [--json]`: where the data key lives, and whether it works.
find, export and erase are audited (actor 'cli'); nothing personal is ever logged.
"""
from __future__ import annotations

import argparse
from typing import Any

from cli.output import emit_json, emit_text, fail, local_time

ERASE_WHY = {"request": ("theo yêu cầu của người dân", "at the resident's request"),
             "retention": ("hết thời hạn lưu giữ", "retention period over")}


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
        if name == "erase":
            p.add_argument("--yes", action="store_true",
                           help="xác nhận xóa (không có: chỉ cho xem sẽ xóa gì)")
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
    from kiosk.catalog import office_zone

    zone = office_zone(conn)
    if args.action == "find":
        record = privacy.find(conn, args.code, actor="cli")
        if args.json:
            emit_json(record.as_json())
        else:
            emit_text(_record_words(record, zone, vi))
        return 0
    if args.action == "export":
        path, data = privacy.export(conn, args.code, actor="cli")
        if args.json:
            emit_json({"file": str(path), "data": data})
        else:
            emit_text(_export_words(data, zone, vi)
                      + (f"\nĐã lưu cho người dân vào: {path}" if vi else
                         f"\nSaved for the resident in: {path}"))
        return 0
    if not args.yes:
        record = privacy.find(conn, args.code, actor="cli")
        if args.json:
            emit_json(record.as_json() | {"erased": False, "needs_yes": True})
        else:
            emit_text(("Sẽ xóa dữ liệu cá nhân của phản ánh này:\n" if vi else
                       "This report's personal data would be erased:\n")
                      + _record_words(record, zone, vi))
        return fail("Chưa xóa gì. Thêm --yes để xóa." if vi else
                    "Nothing was erased. Add --yes to erase.")
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


def _yes_no(value: Any, vi: bool) -> str:
    return ("Có" if value else "Không") if vi else ("yes" if value else "no")


def _when(value: Any, zone: str) -> str:
    return local_time(value, zone) if value else "—"


def _record_words(record: Any, zone: str, vi: bool) -> str:
    """A PersonalRecord (masked) with Vietnamese labels and words, local times."""
    from kiosk.errors import KioskError
    from kiosk.messages import describe

    lines = [
        f"{'Mã phản ánh' if vi else 'Report code'}: {record.as_json()['code']}",
        f"{'Gửi lúc' if vi else 'Filed'}: {_when(record.created_utc, zone)}",
        f"{'Ẩn danh' if vi else 'Anonymous'}: {_yes_no(record.anonymous, vi)}",
        f"{'Họ tên (che bớt)' if vi else 'Name (masked)'}: {record.name_masked or '—'}",
        f"{'Số điện thoại (che bớt)' if vi else 'Phone (masked)'}: "
        f"{record.phone_masked or '—'}",
        f"{'Địa chỉ riêng (giữ ở dạng mã hóa)' if vi else 'Private address (kept encrypted)'}: "
        f"{_yes_no(record.private_address, vi)}",
    ]
    if record.unreadable:
        lines.append(describe(KioskError(record.unreadable, detail=""), "vi" if vi else "en"))
    lines.append(f"{'Tỉnh đã nhận lúc' if vi else 'Received by the province'}: "
                 f"{_when(record.acknowledged_utc, zone)}")
    if record.erased_utc:
        why = ERASE_WHY.get(str(record.erased_why), (str(record.erased_why),) * 2)[0 if vi else 1]
        lines.append(f"{'Đã xóa dữ liệu cá nhân lúc' if vi else 'Personal data erased'}: "
                     f"{_when(record.erased_utc, zone)} ({why})")
    else:
        lines.append(f"{'Tự động xóa sau' if vi else 'Erased automatically after'}: "
                     + (_when(record.erase_due_utc, zone) if record.erase_due_utc else
                        ("khi tỉnh đã nhận" if vi else "once the province has it")))
    return "\n".join(lines)


EXPORT_LABELS = {
    "tracking_code": ("Mã phản ánh", "Report code"),
    "created_utc": ("Gửi lúc", "Filed"),
    "category": ("Lĩnh vực", "Category"),
    "contact_name": ("Họ tên", "Name"),
    "contact_phone": ("Số điện thoại", "Phone"),
    "private_address": ("Địa chỉ riêng", "Private address"),
    "consent_hash": ("Mã băm lời đồng ý", "Consent hash"),
    "consent_text": ("Lời đồng ý đã ký", "Consent given"),
    "sent_to_province_utc": ("Tỉnh đã nhận lúc", "Received by the province"),
    "erase_due_utc": ("Tự động xóa sau", "Erased automatically after"),
    "exported_utc": ("Xuất lúc", "Exported"),
}


def _export_words(data: dict[str, Any], zone: str, vi: bool) -> str:
    """The export (full personal part) with Vietnamese labels; times local, True/False in words."""
    lines = []
    for key, value in data.items():
        label = EXPORT_LABELS.get(key, (key, key))[0 if vi else 1]
        if isinstance(value, bool):
            shown = _yes_no(value, vi)
        elif key.endswith("_utc"):
            shown = _when(value, zone)
        else:
            shown = "—" if value in (None, "") else str(value)
        lines.append(f"{label}: {shown}")
    return "\n".join(lines)


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
