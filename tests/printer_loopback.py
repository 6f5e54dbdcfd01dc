"""A thermal printer on 127.0.0.1 for tests: records the ESC/POS bytes it is sent, answers the
real-time status queries (DLE EOT n) like a printer does, or hangs (accepts, never reads), and a
decoder that turns the recorded raster commands back into an image."""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field

from PIL import Image

OK_STATUS = 0x12            # the fixed bits of a status byte, nothing wrong
COVER_OPEN = OK_STATUS | 0x04
PAPER_END = OK_STATUS | 0x20


@dataclass
class Received:
    data: bytearray = field(default_factory=bytearray)
    first_at: float | None = None
    last_at: float | None = None
    closed: threading.Event = field(default_factory=threading.Event)


class LoopbackPrinter:
    """`mode`: "record" (default) or "hang". `status`: answer byte for DLE EOT 2 (offline cause),
    None for a printer that never answers status."""

    def __init__(self, mode: str = "record", status: int | None = OK_STATUS) -> None:
        self.mode = mode
        self.status = status
        self.jobs: list[Received] = []
        self._held: list[socket.socket] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if mode == "hang":   # a tiny window fills at once: the sender blocks as on a dead printer
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(4)
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"escpos+tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self._sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (TimeoutError, OSError):
                continue
            if self.mode == "hang":
                self._held.append(conn)
                continue
            job = Received()
            self.jobs.append(job)
            threading.Thread(target=self._record, args=(conn, job), daemon=True).start()

    def _record(self, conn: socket.socket, job: Received) -> None:
        with conn:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                now = time.perf_counter()
                job.first_at = job.first_at or now
                job.last_at = now
                job.data += chunk
                self._answer(conn, job)
        job.closed.set()

    def _answer(self, conn: socket.socket, job: Received) -> None:
        # Status queries come before any printing; answer while the job holds nothing else.
        data = bytes(job.data)
        if self.status is None or len(data) % 3 or not data.startswith(b"\x10\x04"):
            return
        queries = [data[i:i + 3] for i in range(0, len(data), 3)]
        if all(q[:2] == b"\x10\x04" for q in queries):
            last = queries[-1][2]
            conn.sendall(bytes([self.status if last == 2 else OK_STATUS]))

    def wait_job(self, timeout: float = 10.0) -> Received:
        end = time.monotonic() + timeout
        while not self.jobs and time.monotonic() < end:
            time.sleep(0.01)
        assert self.jobs, "no connection reached the loopback printer"
        assert self.jobs[-1].closed.wait(max(0.0, end - time.monotonic())), "job not finished"
        return self.jobs[-1]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        for conn in self._held:
            conn.close()
        self._sock.close()


@dataclass
class Decoded:
    image: Image.Image | None
    commands: list[str]


def decode_escpos(data: bytes) -> Decoded:
    """Parse what python-escpos sends; GS v 0 and ESC * bands are stacked into one image (black
    ink = 0 in mode "1"). Unknown bytes fail loudly rather than being skipped."""
    bands: list[Image.Image] = []
    commands: list[str] = []
    column_rows: list[Image.Image] = []
    i = 0
    while i < len(data):
        b = data[i]
        if data.startswith(b"\x10\x04", i):
            commands.append(f"status{data[i + 2]}")
            i += 3
        elif data.startswith(b"\x1b@", i):
            commands.append("init")
            i += 2
        elif data.startswith(b"\x1bd", i) or data.startswith(b"\x1bJ", i) \
                or data.startswith(b"\x1b3", i):
            commands.append("feed" if data[i + 1] in b"dJ" else "spacing")
            i += 3
        elif data.startswith(b"\x1b2", i):
            commands.append("spacing")
            i += 2
        elif data.startswith(b"\x1bB", i):
            commands.append("buzzer")
            i += 4
        elif data.startswith(b"\x1dV", i):
            mode = data[i + 2]
            commands.append("cut")
            i += 4 if mode in (65, 66) else 3
        elif data.startswith(b"\x1dv0", i):
            xbytes = data[i + 4] | data[i + 5] << 8      # GS v 0 m xL xH yL yH d…
            rows = data[i + 6] | data[i + 7] << 8
            raw = data[i + 8:i + 8 + xbytes * rows]
            assert len(raw) == xbytes * rows, "truncated raster"
            # GS v 0: 1 bits are dots (black); PIL "1" raw: 1 is white, so invert.
            band = Image.frombytes("1", (xbytes * 8, rows), bytes(255 - v for v in raw))
            bands.append(band)
            commands.append("raster")
            i += 8 + len(raw)
        elif data.startswith(b"\x1b*", i):
            m, width = data[i + 2], data[i + 3] | data[i + 4] << 8
            height = 24 if m >= 32 else 8
            raw = data[i + 5:i + 5 + width * height // 8]
            img = Image.new("1", (width, height), 1)
            for x in range(width):
                for byte in range(height // 8):
                    v = raw[x * height // 8 + byte]
                    for bit in range(8):
                        if v & (0x80 >> bit):
                            img.putpixel((x, byte * 8 + bit), 0)
            column_rows.append(img)
            commands.append("column")
            i += 5 + len(raw)
        elif b == 0x0A:
            i += 1
        else:
            raise AssertionError(f"unknown ESC/POS byte {b:#04x} at {i}")
    parts = bands or column_rows
    if not parts:
        return Decoded(None, commands)
    out = Image.new("1", (max(p.width for p in parts), sum(p.height for p in parts)), 1)
    y = 0
    for part in parts:
        out.paste(part, (0, y))
        y += part.height
    return Decoded(out, commands)
