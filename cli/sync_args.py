"""The `sync` subcommand's arguments (argparse only: main.py builds every parser at start-up)."""
from __future__ import annotations

import argparse


def add_sync_parser(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="đồng bộ với máy chủ của tỉnh").add_subparsers(
        dest="action", required=True)
    enrol = sync.add_parser("enrol", help="đăng ký máy này với máy chủ tỉnh (mã do tỉnh cấp)")
    enrol.add_argument("--server", required=True, metavar="URL",
                       help="địa chỉ máy chủ tỉnh, ví dụ https://phananh.tinh.gov.vn")
    enrol.add_argument("--code", required=True, help="mã đăng ký dùng một lần")
    enrol.add_argument("--label", help="tên máy này (mặc định: tên máy tính)")
    enrol.add_argument("--json", action="store_true")
    run = sync.add_parser("run", help="gửi phản ánh đang chờ và nhận tình trạng mới")
    run.add_argument("--json", action="store_true")
    sync.add_parser("status", help="tình trạng đồng bộ").add_argument("--json",
                                                                       action="store_true")
    quarantine = sync.add_parser("quarantine", help="các mục máy chủ tỉnh từ chối")
    qsub = quarantine.add_subparsers(dest="quarantine_action", required=True)
    qsub.add_parser("list", help="liệt kê").add_argument("--json", action="store_true")
    resend = qsub.add_parser("resend", help="sửa một phản ánh bị từ chối rồi gửi lại")
    resend.add_argument("item", metavar="UUID")
    resend.add_argument("--category")
    resend.add_argument("--text")
    resend.add_argument("--hamlet")
    resend.add_argument("--json", action="store_true")
    settings = sync.add_parser("settings", help="cài đặt đồng bộ (quản trị)")
    settings.add_argument("--ca-bundle", metavar="PATH",
                          help="tệp chứng chỉ gốc (PEM) để kiểm tra máy chủ tỉnh; '' để bỏ")
    settings.add_argument("--secrets-store", choices=("keyring", "file"),
                          help="nơi giữ mã truy cập của thiết bị: kho khóa của hệ điều hành (mặc "
                               "định) hoặc "
                               "tệp trong thư mục dữ liệu (chỉ khi ổ đĩa đã được mã hóa)")
    settings.add_argument("--json", action="store_true")
