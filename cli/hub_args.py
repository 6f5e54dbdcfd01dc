"""The `hub` subcommand's arguments (argparse only: stays free of heavy imports)."""
from __future__ import annotations

import argparse

DEFAULT_PORT = 8765


def add_hub_parser(sub: argparse._SubParsersAction) -> None:
    hub = sub.add_parser("hub", help="máy hub của xã (hàng đợi qua mạng LAN)").add_subparsers(
        dest="action", required=True)
    serve = hub.add_parser("serve", help="chạy máy hub (không cửa sổ)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N")
    serve.add_argument("--host", default="127.0.0.1",
                       help="địa chỉ nghe (mặc định 127.0.0.1; 0.0.0.0 để mở cho mạng LAN)")
    hub.add_parser("pair-code", help="tạo mã ghép nối dùng một lần (10 phút)").add_argument(
        "--json", action="store_true")
    pair = hub.add_parser("pair", help="ghép nối máy này với máy hub")
    pair.add_argument("--hub", dest="hub_url", required=True, metavar="URL",
                      help="địa chỉ máy hub, ví dụ http://192.168.1.10:8765")
    pair.add_argument("--code", required=True, help="mã ghép nối hiện trên máy hub")
    pair.add_argument("--name", default="", help="tên máy này (ví dụ: Quầy 2)")
    pair.add_argument("--json", action="store_true")
    revoke = hub.add_parser("revoke", help="thu hồi quyền của một máy trạm (chạy trên máy hub)")
    revoke.add_argument("station", metavar="TOKEN_ID|NAME",
                        help="mã số (xem “hub stations”) hoặc tên máy trạm")
    revoke.add_argument("--json", action="store_true")
    hub.add_parser("stations", help="các máy trạm đã ghép nối (chạy trên máy hub)").add_argument(
        "--json", action="store_true")
    hub.add_parser("status", help="máy này có dùng máy hub không").add_argument(
        "--json", action="store_true")
