"""The `queue` subcommand's arguments (argparse only: main.py builds every parser at start-up,
so this must stay free of heavy imports)."""
from __future__ import annotations

import argparse

LEVELS = ("satisfied", "acceptable", "unsatisfied")


def _json(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--json", action="store_true")
    # dest differs from the global --hub, so an omitted one does not erase the global one.
    p.add_argument("--hub", dest="queue_hub", metavar="URL",
                   help="dùng hàng đợi trên máy hub của xã (mặc định: --hub chung)")
    return p


def _counter(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    # dest differs from the global --counter, so an omitted one does not erase the global one.
    p.add_argument("--counter", dest="queue_counter", type=int, metavar="N",
                   help="số quầy (mặc định: --counter chung)")
    p.add_argument("--clerk", help="tên cán bộ (cho số liệu theo cán bộ)")
    return _json(p)


def add_queue_parser(sub: argparse._SubParsersAction) -> None:
    queue = sub.add_parser("queue", help="số thứ tự").add_subparsers(dest="action", required=True)
    _json(queue.add_parser("services", help="các dịch vụ và số người đang chờ"))
    take = _json(queue.add_parser("take", help="lấy số (cán bộ: không giới hạn giờ)"))
    take.add_argument("--service", help="mã dịch vụ, ví dụ tu-phap-ho-tich")
    take.add_argument("--priority", action="store_true", help="ưu tiên (người cao tuổi, …)")
    take.add_argument("--booking", metavar="CODE", help="mã đặt hẹn trực tuyến")
    take.add_argument("--no-pdf", action="store_true", help="không tạo phiếu PDF")
    _counter(queue.add_parser("call", help="gọi số tiếp theo"))
    for name, text in (("recall", "gọi lại số hiện tại"), ("serve", "bắt đầu phục vụ"),
                       ("no-show", "vắng mặt"), ("finish", "kết thúc phục vụ")):
        _counter(queue.add_parser(name, help=text))
    transfer = _counter(queue.add_parser("transfer", help="chuyển sang dịch vụ khác"))
    transfer.add_argument("--to", required=True, metavar="SERVICE")
    _json(queue.add_parser("status", help="tình trạng hàng đợi hôm nay"))
    _json(queue.add_parser("figures", help="số liệu trong ngày")).add_argument(
        "--day", help="YYYY-MM-DD (mặc định: hôm nay)")
    cancel = _json(queue.add_parser("cancel", help="hủy một số"))
    cancel.add_argument("--ticket", required=True, help="mã phiếu (UUID) hoặc số, ví dụ A012")
    rate = _json(queue.add_parser("rate", help="đánh giá sau khi được phục vụ"))
    rate.add_argument("--ticket", required=True, help="mã phiếu (UUID) hoặc số, ví dụ A012")
    rate.add_argument("--level", required=True, choices=LEVELS)
    _json(queue.add_parser("close-day", help="đóng các số còn lại của ngày trước"))
    bookings = queue.add_parser("bookings", help="lịch hẹn trực tuyến").add_subparsers(
        dest="bookings_action", required=True)
    _json(bookings.add_parser("import", help="nhập lịch hẹn từ tệp JSON/CSV")).add_argument(
        "file")
    add_admin_parser(queue)


def add_admin_parser(queue: argparse._SubParsersAction) -> None:
    admin = queue.add_parser("admin", help="cài đặt hàng đợi (quản trị)").add_subparsers(
        dest="admin_action", required=True)
    _json(admin.add_parser("services", help="mọi dịch vụ, kể cả đang tạm ngừng"))
    service = _json(admin.add_parser("service", help="sửa một dịch vụ"))
    service.add_argument("service_id", metavar="ID")
    service.add_argument("--vi", help="tên tiếng Việt")
    service.add_argument("--en", help="tên tiếng Anh")
    service.add_argument("--prefix", metavar="X", help="ký hiệu: một chữ cái A–Z")
    flag = service.add_mutually_exclusive_group()
    flag.add_argument("--active", dest="active", action="store_const", const=True,
                      default=None, help="cho lấy số")
    flag.add_argument("--inactive", dest="active", action="store_const", const=False,
                      help="tạm ngừng (ẩn khỏi máy lấy số)")
    counter = _json(admin.add_parser("counter", help="các dịch vụ một quầy phục vụ"))
    counter.add_argument("admin_counter", type=int, metavar="N")
    counter.add_argument("--services", required=True, metavar="ID,ID")
    rule = _json(admin.add_parser("priority", help="cách gọi số ưu tiên"))
    mode = rule.add_mutually_exclusive_group(required=True)
    mode.add_argument("--every", type=int, metavar="N",
                      help="xen kẽ: một số ưu tiên sau mỗi N số thường")
    mode.add_argument("--strict", action="store_true", help="luôn gọi số ưu tiên trước")
    _json(admin.add_parser("hours", help="giờ làm việc (in ra, hoặc nạp từ --file)")).add_argument(
        "--file", help="tệp JSON theo mẫu của `queue admin hours --json`")
    _json(admin.add_parser("rate-limit", help="số phiếu tối đa mỗi phút ở máy lấy số")
          ).add_argument("limit", type=int, metavar="N")
