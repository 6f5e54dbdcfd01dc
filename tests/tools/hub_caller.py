"""A station process for the hub tests: talks to the hub only through HubQueue.

    hub_caller.py URL TOKEN COUNTER calls N   wait for "go" on stdin, then call N times
    hub_caller.py URL TOKEN COUNTER loop      take a number and call one, forever

Prints CALLED only after call_next returned (the hub committed and answered); a call the
station could not get through prints UNREACHABLE and the loop goes on (it retries by itself)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.errors import KioskError  # noqa: E402
from kiosk.hub.client import HubQueue  # noqa: E402

SERVICES = ("tu-phap-ho-tich", "chung-thuc", "dat-dai-xay-dung")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(url: str, token: str, counter: int, mode: str, count: int = 0) -> None:
    queue = HubQueue(url, token, timeout=5.0, action_deadline=30.0)
    if mode == "calls":
        say("READY")
        sys.stdin.readline()
        for _ in range(count):
            ticket = queue.call_next(counter)
            say(f"CALLED {ticket.label if ticket else '-'}")
        return
    i = 0
    while True:
        i += 1
        try:
            queue.take(SERVICES[i % len(SERVICES)])
            ticket = queue.call_next(counter, clerk=f"clerk{counter}")
        except KioskError as exc:
            say(f"UNREACHABLE {exc.code}")
            continue
        if ticket is not None:
            say(f"CALLED {ticket.id} {ticket.label}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4],
         int(sys.argv[5]) if len(sys.argv) > 5 else 0)
