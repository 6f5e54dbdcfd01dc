"""Helpers for the office-hub tests: a free loopback port, a hub as a separate process
(`python main.py --data-dir D hub serve --port P`), pairing a token, a hub in a thread."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from kiosk.db import Store
from kiosk.hub import pairing
from kiosk.hub.client import pair
from kiosk.hub.server import HubServer

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/api/v1/ping", timeout=1).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"hub at {url} did not come up")


def start_hub_process(data: Path, port: int) -> subprocess.Popen[bytes]:
    child = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data),
                              "hub", "serve", "--port", str(port), "--host", HOST],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_up(f"http://{HOST}:{port}")
    except RuntimeError:
        child.kill()
        raise RuntimeError(child.communicate()[1].decode(errors="replace")) from None
    return child


def kill(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait(30)


def pair_code_cli(data: Path) -> str:
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "hub",
                          "pair-code", "--json"], capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, PYTHONIOENCODING="ascii"), check=True)
    return str(json.loads(out.stdout)["code"])


def station_token(url: str, hub_store: Store) -> str:
    """A station token the quick way (a code made straight in the hub's store)."""
    return pair(url, pairing.new_code(hub_store.conn()), "test station")


def hub_in_thread(store: Store) -> HubServer:
    return HubServer(store, HOST, 0).start()
