"""Office hub benchmark on loopback, against a floor measured in the same run:

- call-to-notification: a board waits in the long poll (`GET /api/v1/events?after=W`) while a
  console calls `call_next` through HubQueue; the time from the press to the board's long poll
  returning the new watermark (and, second figure, to the board having re-read board_state);
- floor: a bare HTTP round trip (`GET /api/v1/ping`, keep-alive) to the same hub process.
The hub runs as its own process (`python main.py hub serve`), as in an office.
"""
from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # `queue` shadowing
sys.path.insert(0, str(_HERE.parent))

CALLS = 100
PINGS = 300


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _measure(url: str, token: str) -> tuple[float, float, float]:
    import requests

    from kiosk.hub.client import HubQueue

    console, board = HubQueue(url, token), HubQueue(url, token)
    session = requests.Session()
    for _ in range(20):
        session.get(f"{url}/api/v1/ping", timeout=5)
    pings = []
    for _ in range(PINGS):
        start = time.perf_counter()
        session.get(f"{url}/api/v1/ping", timeout=5)
        pings.append(time.perf_counter() - start)
    notified, refreshed = [], []
    for _ in range(CALLS):
        mark = board.watermark()
        seen: list[float] = []

        def wait(after: int = mark) -> None:
            board.wait_change(after)
            seen.append(time.perf_counter())
            board.board_state()
            seen.append(time.perf_counter())
        waiter = threading.Thread(target=wait)
        waiter.start()
        time.sleep(0.02)                   # the board's long poll is in the hub
        start = time.perf_counter()
        console.call_next(1)
        waiter.join(30)
        notified.append(seen[0] - start)
        refreshed.append(seen[1] - start)
    return statistics.median(notified), statistics.median(refreshed), statistics.median(pings)


def main() -> dict[str, float]:
    from kiosk import catalog
    from kiosk.db import Store
    from kiosk.hub import pairing
    from kiosk.hub.client import pair
    from kiosk.queue.local import LocalQueue

    with tempfile.TemporaryDirectory() as tmp_name:
        data = Path(tmp_name) / "hub"
        store = Store(data)
        catalog.seed(store.conn())
        queue = LocalQueue(store)
        for _ in range(CALLS + 10):
            queue.take("tu-phap-ho-tich")
        code = pairing.new_code(store.conn())
        store.close()
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        hub = subprocess.Popen([sys.executable, str(_HERE.parent / "main.py"), "--data-dir",
                                str(data), "hub", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    token = pair(url, code, "bench")
                    break
                except Exception:  # noqa: BLE001 - not listening yet
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            notified, refreshed, ping = _measure(url, token)
        finally:
            hub.terminate()
            hub.wait(30)
    r = {"notify_ms": notified * 1000, "refresh_ms": refreshed * 1000, "ping_ms": ping * 1000,
         "notify_ratio": notified / ping, "refresh_ratio": refreshed / ping}
    print(f"hub call-to-notification (long poll) median {r['notify_ms']:.2f} ms; call to board "
          f"re-read {r['refresh_ms']:.2f} ms; bare HTTP round trip {r['ping_ms']:.2f} ms; "
          f"ratios {r['notify_ratio']:.1f}× and {r['refresh_ratio']:.1f}×")
    return r


if __name__ == "__main__":
    main()
