"""Tiny real HTTP servers that misbehave the way real ones do, for sync client tests.

    with CaptivePortalServer() as portal:
        result = run_sync(url=portal.url)        # must say "not our server", not crash on HTML

Each is a stdlib ThreadingHTTPServer on 127.0.0.1:<free port> in a thread, answering every path
and method the same way (they stand in for a whole server, not one endpoint). stop() closes the
client sockets too and joins every handler thread, so a dripping answer can't outlive the test.
`requests_seen` lists (method, path) of the requests they got.
"""
from __future__ import annotations

import functools
import itertools
import json
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

HOST = "127.0.0.1"
BLOCK = 64 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real server behind uvicorn
    timeout = 30  # backstop for a client that connects and says nothing
    server: _Server

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:  # read the upload, or closing with unread data would RST the client
            self.rfile.read(length)
        owner = self.server.owner
        with owner._lock:
            owner.requests_seen.append((self.command, self.path))
        try:
            owner.answer(self)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True  # the client gave up (or stop() shut the socket)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = do_PATCH = _any

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass  # tests read assertions, not access logs

    def send_body(self, status: int, body: bytes, content_type: str,
                  headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # server_close() joins the handler threads: nothing leaks
    block_on_close = True

    def __init__(self, owner: BadServer) -> None:
        self.owner = owner
        self.open_sockets: set[socket.socket] = set()
        super().__init__((HOST, 0), _Handler)

    def get_request(self) -> tuple[socket.socket, tuple[str, int]]:
        sock, address = super().get_request()
        with self.owner._lock:
            self.open_sockets.add(sock)
        return sock, address

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self.owner._lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)


class BadServer:
    """Base: start/stop/context manager, `.port`, `.url`. Subclasses define answer()."""

    def __init__(self) -> None:
        self.requests_seen: list[tuple[str, str]] = []
        self.port = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()  # handlers that wait (drip) wake up on stop
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def answer(self, h: _Handler) -> None:
        raise NotImplementedError

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> BadServer:
        self._stopping.clear()
        self._server = _Server(self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None or self._thread is None:
            return
        self._stopping.set()
        self._server.shutdown()  # stop accepting
        with self._lock:
            open_sockets = list(self._server.open_sockets)
        for sock in open_sockets:  # wake handlers blocked on a read or a slow client
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server.server_close()  # joins the handler threads
        self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> BadServer:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


class RetryAfterServer(BadServer):
    """`status` (503 by default) with `Retry-After` as delta-seconds, or as an HTTP-date when
    `http_date` is set, and a JSON ErrorBody "busy". After `failures` such answers (None: for
    ever) it answers 200 `ok_body`, so a test can see the client come back."""

    def __init__(self, retry_after_s: int = 30, *, http_date: bool = False, status: int = 503,
                 failures: int | None = None, ok_body: bytes = b'{"ok": true}') -> None:
        super().__init__()
        self.retry_after_s, self.http_date, self.status = retry_after_s, http_date, status
        self.failures, self.ok_body = failures, ok_body
        self.last_retry_after: str | None = None
        self._answered = 0

    def answer(self, h: _Handler) -> None:
        with self._lock:
            self._answered += 1
            failing = self.failures is None or self._answered <= self.failures
        if not failing:
            h.send_body(200, self.ok_body, "application/json")
            return
        if self.http_date:
            value = formatdate(time.time() + self.retry_after_s, usegmt=True)
        else:
            value = str(self.retry_after_s)
        self.last_retry_after = value
        body = json.dumps({"error": "busy", "detail": "try later"}).encode()
        h.send_body(self.status, body, "application/json", {"Retry-After": value})


class MalformedJsonServer(BadServer):
    """200 with `Content-Type: application/json` and a body that is not JSON (cut off)."""

    def __init__(self, body: bytes = b'{"service": "caunoi-province", "protocols": [1,',
                 status: int = 200) -> None:
        super().__init__()
        self.body, self.status = body, status

    def answer(self, h: _Handler) -> None:
        h.send_body(self.status, self.body, "application/json")


LOGIN_PAGE = b"""<!DOCTYPE html>
<html><head><title>Wi-Fi Login</title></head>
<body><h1>Dang nhap Wi-Fi mien phi</h1>
<form method="post" action="/login"><input name="phone"><button>Ket noi</button></form>
</body></html>
"""


class CaptivePortalServer(BadServer):
    """What a hotel or 3G-dongle hotspot does before login: 200 with an HTML login page for every
    path and method, API calls included."""

    def answer(self, h: _Handler) -> None:
        h.send_body(200, LOGIN_PAGE, "text/html; charset=utf-8", {"Cache-Control": "no-store"})


class DripServer(BadServer):
    """Accepts and answers one byte every `interval_s` for ever (until the client goes or the
    server stops): a per-read timeout never fires, only a wall-clock deadline helps. With
    `headers_first` the status line and headers come at once and only the body drips."""

    def __init__(self, interval_s: float = 1.0, headers_first: bool = False) -> None:
        super().__init__()
        self.interval_s, self.headers_first = interval_s, headers_first
        self.bytes_sent = 0

    def answer(self, h: _Handler) -> None:
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                b"Content-Length: 1000000000\r\n\r\n")
        if self.headers_first:
            h.wfile.write(head)
            head = b""
        h.close_connection = True
        for byte in _chain(head, itertools.repeat(b" ")):  # then endless JSON whitespace
            if self._stopping.is_set():
                return
            h.wfile.write(byte)  # unbuffered: one send() per byte
            with self._lock:
                self.bytes_sent += 1
            if self._stopping.wait(self.interval_s):
                return


def _chain(head: bytes, body: Iterator[bytes]) -> Iterator[bytes]:
    for i in range(len(head)):
        yield head[i:i + 1]
    yield from body


class HugeBodyServer(BadServer):
    """200 with a `Content-Length` of `size` bytes (200 MB by default) generated lazily, JSON
    that never closes: the client must cap what it reads rather than buffer it all."""

    def __init__(self, size: int = 200 * 1024 * 1024, content_type: str = "application/json") -> None:
        super().__init__()
        self.size, self.content_type = size, content_type
        self.bytes_sent = 0

    def answer(self, h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", self.content_type)
        h.send_header("Content-Length", str(self.size))
        h.end_headers()
        if h.command == "HEAD":
            return
        h.close_connection = True
        prefix = b'{"items": ["'
        left = self.size
        block = prefix + b"x" * (BLOCK - len(prefix))
        while left > 0 and not self._stopping.is_set():
            chunk = block[:left]
            h.wfile.write(chunk)
            left -= len(chunk)
            with self._lock:
                self.bytes_sent += len(chunk)
            block = b"x" * BLOCK


@functools.lru_cache(maxsize=4)
def gzip_bomb(expanded_bytes: int) -> bytes:
    """gzip of `expanded_bytes` spaces (JSON whitespace): ~1000:1, so 128 MiB is ~130 kB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: gzip framing
    spaces = b" " * (1024 * 1024)
    parts = []
    left = expanded_bytes
    while left > 0:
        parts.append(packer.compress(spaces[:left]))
        left -= len(spaces)
    parts.append(packer.flush())
    return b"".join(parts)


class GzipBombServer(BadServer):
    """200, `Content-Encoding: gzip`, a small body that expands to `expanded_bytes` (128 MiB by
    default): the client must cap the *decompressed* size."""

    def __init__(self, expanded_bytes: int = 128 * 1024 * 1024) -> None:
        super().__init__()
        self.expanded_bytes = expanded_bytes
        self.body = gzip_bomb(expanded_bytes)

    def answer(self, h: _Handler) -> None:
        h.send_body(200, self.body, "application/json", {"Content-Encoding": "gzip"})
