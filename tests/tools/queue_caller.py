"""Child process for the queue's two-process and kill -9 tests. Prints each called label only
after call_next returned (i.e. after COMMIT).

    queue_caller.py DATA COUNTER calls N   wait for "go" on stdin, then call N times
    queue_caller.py DATA COUNTER loop      take a number and call one, forever
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk import catalog  # noqa: E402
from kiosk.db import Store  # noqa: E402
from kiosk.queue.local import LocalQueue  # noqa: E402

SERVICES = ("tu-phap-ho-tich", "chung-thuc", "dat-dai-xay-dung")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main(data_dir: str, counter: int, mode: str, count: int = 0) -> None:
    store = Store(Path(data_dir))
    catalog.seed(store.conn())
    queue = LocalQueue(store)
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
        queue.take(SERVICES[i % len(SERVICES)], priority=i % 5 == 0)
        ticket = queue.call_next(counter, clerk=f"clerk{counter}")
        if ticket is not None:
            say(f"CALLED {ticket.id} {ticket.label}")
        if i % 7 == 0:
            queue.start_serving(counter)
        if i % 11 == 0 and ticket is not None:
            queue.no_show(counter)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], *(int(a) for a in sys.argv[4:]))
