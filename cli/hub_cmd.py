"""`hub …` headless commands: run the office hub, make pairing codes, pair a station.

A station's hub address and token live in its settings (`hub.url`, `hub.token`) until the
keyring module (issue 4) takes the token over; see docs/decisions.md."""
from __future__ import annotations

import argparse
import signal
import socket
import threading

from cli.output import emit_json, emit_text
from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError

from kiosk.hub.station import TOKEN_KEY, URL_KEY


def station_hub(store: Store) -> tuple[str | None, str | None]:
    conn = store.conn()
    url, token = catalog.get_setting(conn, URL_KEY), catalog.get_setting(conn, TOKEN_KEY)
    return (str(url) if url else None, str(token) if token else None)


def serve(args: argparse.Namespace, store: Store) -> int:
    from kiosk.hub.server import HubServer

    server = HubServer(store, args.host, args.port).start()
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    where = socket.gethostname()
    emit_text(f"Máy hub đang chạy tại {server.url} (máy {where}). Nhấn Ctrl+C để dừng.\n"
              f"Hub listening on {server.host}:{server.port}.")
    while not stop.wait(0.5):
        if not server.thread.is_alive():
            return 1
    server.stop()
    return 0


def pair_code(args: argparse.Namespace, store: Store) -> int:
    from kiosk.hub.pairing import new_code

    code = new_code(store.conn())
    if args.json:
        emit_json({"code": code, "expires_minutes": 10})
    else:
        emit_text(f"Mã ghép nối: {code} (dùng một lần, hết hạn sau 10 phút)")
    return 0


def pair(args: argparse.Namespace, store: Store) -> int:
    from kiosk.hub.station import pair_station

    url = pair_station(store.conn(), args.hub_url, args.code, args.name or socket.gethostname())
    if args.json:
        emit_json({"paired": True, "hub": url})
    else:
        emit_text(f"Đã ghép nối máy này với máy hub {url}.")
    return 0


def revoke(args: argparse.Namespace, store: Store) -> int:
    from kiosk.hub.pairing import revoke as withdraw

    revoked = withdraw(store.conn(), args.station)
    if args.json:
        emit_json({"revoked": revoked})
    else:
        emit_text("\n".join(f"Đã thu hồi quyền của máy trạm #{r['id']} “{r['station']}”."
                             for r in revoked))
    return 0


def stations(args: argparse.Namespace, store: Store) -> int:
    from kiosk.hub.pairing import stations as listed

    rows = listed(store.conn())
    if args.json:
        emit_json({"stations": rows})
    else:
        emit_text("\n".join(f"#{r['id']} {r['station'] or '—'}"
                             + (" (đã thu hồi)" if r["revoked_utc"] else "") for r in rows)
                  or "Chưa có máy trạm nào ghép nối.")
    return 0


def status(args: argparse.Namespace, store: Store) -> int:
    url, token = station_hub(store)
    data = {"hub": url, "paired": bool(token)}
    emit_json(data) if args.json else emit_text(
        f"Máy hub: {url}" + ("" if token else " (chưa ghép nối)") if url
        else "Máy này dùng hàng đợi trên chính nó (không có máy hub).")
    return 0


def queue_for(url: str, store: Store):  # noqa: ANN201 - a HubQueue
    """The network queue for `--hub URL`, with this station's stored token."""
    from kiosk.hub.client import HubQueue, _base

    stored_url, token = station_hub(store)
    if not token:
        raise KioskError("hub_unpaired")
    del stored_url   # the token is the station's; the address may be typed differently
    return HubQueue(_base(url), token)


HANDLERS = {"serve": serve, "pair-code": pair_code, "pair": pair, "status": status,
            "revoke": revoke, "stations": stations}


def run(args: argparse.Namespace, store: Store) -> int:
    return HANDLERS[args.action](args, store)
