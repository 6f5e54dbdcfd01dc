"""`lookup CODE [--secret S] [--json] [--slip]`: a report or dossier's status from the local
mirror, as the kiosk's lookup screen shows it. No Qt here.

Exit status: 0 found; 2 an error a person can act on (unknown code, wrong secret, slow down: a
sentence on stderr, from main.py's KioskError handler). Failed tries count towards the same
slow-down as the kiosk's screen (scope "kiosk": it is the same device)."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from cli.output import emit_json, emit_text, local_time


def add_lookup_parser(sub: argparse._SubParsersAction) -> None:
    """argparse only: main.py builds every parser at start-up."""
    p = sub.add_parser("lookup", help="tra cứu tình trạng phản ánh hoặc hồ sơ theo mã")
    p.add_argument("code", help="mã phản ánh (K7QM-2XPD-9RW) hoặc mã hồ sơ")
    p.add_argument("--secret", metavar="S",
                   help="mã tra cứu hồ sơ (in trên giấy tiếp nhận); “-” để đọc từ stdin")
    p.add_argument("--slip", action="store_true", help="lưu phiếu tình trạng (PDF 80 mm)")
    p.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, store: Any) -> int:
    from kiosk import catalog
    from kiosk.lookup import as_of_words, due_words, lookup

    secret = args.secret
    if secret == "-":      # keeps the secret out of the shell history and the process list
        secret = sys.stdin.readline().strip()
    conn = store.conn()
    result = lookup(conn, args.code, secret, scope="kiosk")
    slip = None
    if args.slip:
        from kiosk.status_slip import save_status_slip

        slip = save_status_slip(store, result)
    if args.json:
        emit_json(result.as_json() | ({"slip": str(slip)} if slip else {}))
        return 0
    vi = args.lang != "en"
    zone = catalog.office_zone(conn)
    lines = [
        f"{result.code}  {result.title_vi if vi else result.title_en}",
        f"{'Tình trạng' if vi else 'Status'}: {result.status_vi if vi else result.status_en}",
    ]
    if result.unit:
        lines.append(f"{'Đơn vị xử lý' if vi else 'Handled by'}: {result.unit}")
    due = due_words(result, "vi" if vi else "en")
    if due:
        lines.append(f"{'Hạn' if vi else 'Due'}: {due}")
    if result.collect_at:
        lines.append(f"{'Nơi nhận kết quả' if vi else 'Collect at'}: {result.collect_at}")
    if result.apology:
        lines.append(f"{'Thư xin lỗi' if vi else 'Apology'}: {result.apology}")
    for event in result.events:
        lines.append(f"  {local_time(event.at_utc, zone)}  {event.text_vi if vi else event.text_en}"
                     + (f" — {event.note}" if event.note else ""))
    if result.answer:
        lines.append(f"{'Kết quả trả lời' if vi else 'Answer'}: {result.answer}")
    lines.append(as_of_words(result.as_of, zone, "vi" if vi else "en"))
    if slip:
        lines.append(f"{'Phiếu' if vi else 'Slip'}: {slip}")
    emit_text("\n".join(lines))
    return 0
