"""The bad-link proxy and the bad servers do what they say, so sync tests can trust them.

No test asserts that something was fast: timing is only ever a lower bound derived from the
configured delay or rate (a slow machine can only make it longer), otherwise counters."""
from __future__ import annotations

import email.utils
import gzip
import json
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.bad_servers import (
    LOGIN_PAGE,
    CaptivePortalServer,
    DripServer,
    GzipBombServer,
    HugeBodyServer,
    MalformedJsonServer,
    RetryAfterServer,
)
from tests.faultproxy import FAULT_KINDS, Fault, FaultProxy


def pattern(n: int) -> bytes:
    """A known body whose every prefix is distinguishable from a shorter one."""
    return bytes(i % 251 for i in range(n))


class _Upstream(BaseHTTPRequestHandler):
    """GET /<n> → n bytes of pattern(); POST → {"received": bytes read}."""

    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        type(self).hits.append(self.path)
        body = pattern(int(self.path.strip("/") or 100))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802
        type(self).hits.append(self.path)
        received = len(self.rfile.read(int(self.headers["Content-Length"])))
        body = json.dumps({"received": received}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass  # the proxy reset us on purpose

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def upstream() -> Iterator[ThreadingHTTPServer]:
    _Upstream.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def proxy(upstream: ThreadingHTTPServer) -> Iterator[FaultProxy]:
    with FaultProxy(upstream.server_address[1], seed=1) as p:
        yield p


def raw_get(port: int, path: str = "/100") -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    return sock


def read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


# ---- the proxy: a clean link ------------------------------------------------------------------

def test_clean_link_forwards_and_counts(proxy: FaultProxy) -> None:
    assert proxy.url == f"http://127.0.0.1:{proxy.port}"
    with requests.Session() as s:
        for _ in range(2):
            assert s.get(f"{proxy.url}/5000", timeout=5).content == pattern(5000)
        assert s.post(f"{proxy.url}/up", data=b"a" * 3000, timeout=5).json() == {"received": 3000}
    assert proxy.connections == 1  # one keep-alive connection carried all three
    assert proxy.bytes_down > 2 * 5000 and proxy.bytes_up > 3000
    assert proxy.faults_injected == {} and proxy.fault_log == []


def test_plain_socket_half_close_is_passed_on(proxy: FaultProxy) -> None:
    with raw_get(proxy.port, "/300") as sock:
        sock.shutdown(socket.SHUT_WR)  # the client is done sending; the answer must still come
        answer = read_all(sock)
    assert answer.startswith(b"HTTP/1.0 200") or answer.startswith(b"HTTP/1.1 200")
    assert answer.endswith(pattern(300))


def test_latency_delays_each_direction(proxy: FaultProxy) -> None:
    proxy.set_link(latency_s=0.15)
    assert proxy.link.latency_s == 0.15
    started = time.monotonic()
    assert requests.get(f"{proxy.url}/100", timeout=5).content == pattern(100)
    elapsed = time.monotonic() - started
    # The request chunk and the answer chunk each waited 0.15 s: RTT ≥ 0.3 s.
    assert proxy.delayed_chunks >= 2
    assert proxy.delay_total_s >= 2 * 0.15
    assert elapsed >= 0.8 * 2 * 0.15


def test_jitter_is_drawn_from_the_seed(proxy: FaultProxy) -> None:
    proxy.set_link(latency_s=0.01, jitter_s=0.05)
    for _ in range(3):
        requests.get(f"{proxy.url}/10", timeout=5).close()
    n = proxy.delayed_chunks
    assert n >= 6
    assert 0.01 * n <= proxy.delay_total_s <= 0.06 * n


def test_bandwidth_cap_chops_and_paces(proxy: FaultProxy) -> None:
    rate, size = 20_000, 20_000
    proxy.set_link(bandwidth_bps=rate)
    burst = proxy.link.burst_bytes
    assert burst == 2_000
    started = time.monotonic()
    assert requests.get(f"{proxy.url}/{size}", timeout=10).content == pattern(size)
    elapsed = time.monotonic() - started
    assert proxy.writes_down >= size // burst  # chopped into bucket-sized pieces
    # The bucket starts full (one burst free); the rest can't leave faster than the rate.
    assert elapsed >= 0.8 * (size - burst) / rate


def test_bandwidth_is_shared_by_connections(proxy: FaultProxy) -> None:
    rate, size = 40_000, 20_000
    proxy.set_link(bandwidth_bps=rate)
    results: list[bytes] = []
    started = time.monotonic()
    threads = [threading.Thread(target=lambda: results.append(
        requests.get(f"{proxy.url}/{size}", timeout=10).content)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    assert results == [pattern(size)] * 2
    assert elapsed >= 0.8 * (2 * size - rate // 10) / rate  # one link: 40 kB at 40 kB/s


# ---- the proxy: faults ----------------------------------------------------------------------

def test_reset_mid_request(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_request", after_bytes=1000)
    with pytest.raises(requests.ConnectionError):
        requests.post(f"{proxy.url}/up", data=b"a" * 200_000, timeout=5)
    assert proxy.faults_injected["reset_request"] == 1
    assert proxy.bytes_up == 1000  # exactly N bytes reached the server


def test_reset_mid_response_headers(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_response", after_bytes=20)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{proxy.url}/5000", timeout=5)
    assert proxy.faults_injected == {"reset_response": 1}
    assert proxy.bytes_down == 20


def test_reset_mid_response_body(proxy: FaultProxy) -> None:
    # Past the headers, requests reports a broken body as ChunkedEncodingError (not a
    # ConnectionError): the sync client must treat both as "link down".
    proxy.set_fault("reset_response", after_bytes=3000)
    with pytest.raises((requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
        requests.get(f"{proxy.url}/100000", timeout=5)
    assert proxy.faults_injected == {"reset_response": 1}


def test_reset_is_a_reset_on_a_plain_socket(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_response", after_bytes=10)
    with raw_get(proxy.port, "/5000") as sock, pytest.raises(ConnectionResetError):
        read_all(sock)


def test_blackhole_hits_the_client_timeout(proxy: FaultProxy) -> None:
    proxy.set_fault("blackhole")
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(f"{proxy.url}/100", timeout=(2, 0.5))
    assert _Upstream.hits == []  # never forwarded
    assert proxy.faults_injected == {"blackhole": 1}
    assert proxy.bytes_up == proxy.bytes_down == 0


def test_truncated_body_is_an_incomplete_read(proxy: FaultProxy) -> None:
    proxy.set_fault("truncate", after_bytes=2000)
    with pytest.raises(requests.exceptions.ChunkedEncodingError, match="IncompleteRead"):
        requests.get(f"{proxy.url}/10000", timeout=5)
    assert proxy.faults_injected == {"truncate": 1}


def test_truncate_closes_cleanly_with_fin(proxy: FaultProxy) -> None:
    proxy.set_fault("truncate", after_bytes=500)
    with raw_get(proxy.port, "/10000") as sock:
        answer = read_all(sock)  # ends with b"" (FIN), no ConnectionResetError
    assert len(answer) == 500 and answer.startswith(b"HTTP/1.")


def test_truncate_inside_the_headers_looks_like_an_empty_200(proxy: FaultProxy) -> None:
    # A trap for the sync client: http.client takes EOF in the headers as their end, and with
    # no Content-Length reads the body to EOF, so this "succeeds". Check type and JSON, not 200.
    proxy.set_fault("truncate", after_bytes=60)
    answer = requests.get(f"{proxy.url}/10000", timeout=5)
    assert answer.status_code == 200 and answer.content == b""
    assert "Content-Length" not in answer.headers


def test_backpressure_does_not_buffer_a_huge_body() -> None:
    with HugeBodyServer() as server, FaultProxy(server.port) as p:
        with requests.get(p.url, timeout=5, stream=True) as answer:
            assert len(answer.raw.read(1024 * 1024)) == 1024 * 1024
            time.sleep(0.5)  # unthrottled, a proxy without backpressure would pull 100s of MB
            assert server.bytes_sent < 64 * 1024 * 1024  # kernel buffers + the wire, not 200 MB


def test_drip_delivers_a_byte_a_second(proxy: FaultProxy) -> None:
    proxy.set_fault("drip", after_bytes=0)
    received = b""
    with raw_get(proxy.port, "/100") as sock:
        deadline = time.monotonic() + 2.0
        while (left := deadline - time.monotonic()) > 0:
            sock.settimeout(left)
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            received += chunk
    assert 1 <= len(received) <= 4  # one per second, and never more than the clock allows
    assert received == b"HTTP"[:len(received)]
    assert proxy.faults_injected == {"drip": 1}


def test_drip_after_bytes_sends_the_head_at_full_speed(proxy: FaultProxy) -> None:
    proxy.set_fault("drip", after_bytes=30)
    with raw_get(proxy.port, "/1000") as sock:
        got = b""
        while len(got) < 30:
            got += sock.recv(65536)
    assert 30 <= len(got) <= 31


def test_once_fault_hits_only_the_next_connection(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_response", after_bytes=0, once=True)
    proxy.set_fault("truncate", after_bytes=10, once=True)
    for _ in range(2):
        with pytest.raises((requests.ConnectionError, requests.exceptions.ChunkedEncodingError)):
            requests.get(f"{proxy.url}/100", timeout=5)
    assert requests.get(f"{proxy.url}/100", timeout=5).content == pattern(100)
    assert proxy.fault_log == [(1, Fault("reset_response", 0)), (2, Fault("truncate", 10))]
    assert proxy.faults_injected == {"reset_response": 1, "truncate": 1}


def test_sticky_fault_until_cleared(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_response", after_bytes=0)
    for _ in range(2):
        with pytest.raises(requests.ConnectionError):
            requests.get(f"{proxy.url}/100", timeout=5)
    proxy.set_fault(None)
    assert requests.get(f"{proxy.url}/100", timeout=5).ok
    assert proxy.faults_injected["reset_response"] == 2 and proxy.connections == 3


def test_fault_past_the_end_does_not_strike(proxy: FaultProxy) -> None:
    proxy.set_fault("reset_response", after_bytes=1_000_000)
    assert requests.get(f"{proxy.url}/100", timeout=5).content == pattern(100)
    assert proxy.faults_injected == {} and len(proxy.fault_log) == 1


def test_unknown_fault_is_refused(proxy: FaultProxy) -> None:
    with pytest.raises(ValueError):
        proxy.set_fault("meteor")
    with pytest.raises(ValueError):
        proxy.random_faults(0.5, kinds=["meteor"])


def _random_run(port: int, seed: int, n: int) -> list[tuple[int, Fault]]:
    with FaultProxy(port, seed=seed) as p:
        p.random_faults(0.5, kinds=("reset_response", "truncate"), after_bytes=(0, 300))
        for _ in range(n):
            try:
                requests.get(f"{p.url}/1000", timeout=5).close()
            except requests.RequestException:
                pass
        assert p.connections == n
        assert sum(p.faults_injected.values()) == len(p.fault_log)  # all within 1000 bytes
        return p.fault_log


def test_random_faults_replay_from_the_seed(upstream: ThreadingHTTPServer) -> None:
    port = upstream.server_address[1]
    first = _random_run(port, seed=42, n=12)
    assert first == _random_run(port, seed=42, n=12)
    assert 0 < len(first) < 12  # p = 0.5: some clean, some faulted
    assert {f.kind for _, f in first} <= set(FAULT_KINDS)
    assert first != _random_run(port, seed=43, n=12)


def test_upstream_down_closes_the_client() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead_port = s.getsockname()[1]  # bound, never listening: connection refused
        with FaultProxy(dead_port) as p:
            with pytest.raises(requests.ConnectionError):
                requests.get(f"{p.url}/", timeout=5)
            assert p.upstream_failures == 1


def test_stop_closes_sockets_and_leaves_no_thread(upstream: ThreadingHTTPServer) -> None:
    before = set(threading.enumerate())
    p = FaultProxy(upstream.server_address[1], upstream_host="localhost").start()
    p.set_fault("blackhole", once=True)
    p.set_fault("drip", once=True)
    held = raw_get(p.port, "/100"), raw_get(p.port, "/100")
    ok = requests.get(f"{p.url}/100", timeout=5)  # resolves "localhost" via the executor
    assert ok.content == pattern(100)
    p.stop()
    for sock in held:  # both see the link die: EOF or reset, not a hang
        with sock:
            sock.settimeout(5)
            try:
                while sock.recv(65536):
                    pass
            except ConnectionResetError:
                pass
    assert set(threading.enumerate()) <= before
    p.stop()  # twice is harmless
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", p.port), timeout=2).close()


# ---- the bad servers --------------------------------------------------------------------------

def test_retry_after_delta_seconds_then_recovers() -> None:
    with RetryAfterServer(retry_after_s=7, failures=1) as server:
        busy = requests.post(f"{server.url}/api/v1/batches", json={"x": 1}, timeout=5)
        assert busy.status_code == 503 and busy.headers["Retry-After"] == "7"
        assert busy.json()["error"] == "busy"
        assert requests.get(f"{server.url}/api/v1/hello", timeout=5).json() == {"ok": True}
        assert server.requests_seen == [("POST", "/api/v1/batches"), ("GET", "/api/v1/hello")]


def test_retry_after_http_date() -> None:
    with RetryAfterServer(retry_after_s=120, http_date=True, status=502) as server:
        answer = requests.get(f"{server.url}/x", timeout=5)
    assert answer.status_code == 502
    when = email.utils.parsedate_to_datetime(answer.headers["Retry-After"])
    assert answer.headers["Retry-After"].endswith(" GMT")
    assert 100 <= when.timestamp() - time.time() <= 121


def test_malformed_json_says_it_is_json() -> None:
    with MalformedJsonServer() as server:
        answer = requests.get(f"{server.url}/api/v1/hello", timeout=5)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/json"
    with pytest.raises(requests.exceptions.JSONDecodeError):
        answer.json()


def test_captive_portal_answers_html_to_everything() -> None:
    with CaptivePortalServer() as portal:
        for call in (requests.get, requests.post, requests.put):
            answer = call(f"{portal.url}/api/v1/media/abc", data=b"x" * 100, timeout=5)
            assert answer.status_code == 200
            assert answer.headers["Content-Type"].startswith("text/html")
            assert answer.content == LOGIN_PAGE
        assert len(portal.requests_seen) == 3


def read_for(sock: socket.socket, seconds: float) -> bytes:
    """Whatever arrives within `seconds` (wall clock), stopping early at EOF."""
    received = b""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            break
        if not chunk:
            break
        received += chunk
    return received


def test_drip_server_drips_even_the_status_line() -> None:
    before = set(threading.enumerate())
    server = DripServer().start()
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(b"GET /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n")
        received = read_for(sock, 2.0)
        assert 1 <= len(received) <= 4 and b"HTTP/1.1".startswith(received)
        server.stop()  # while the handler is mid-drip: it must wake and end
    assert set(threading.enumerate()) <= before


def test_drip_server_body_defeats_a_read_timeout() -> None:
    with DripServer(interval_s=0.2, headers_first=True) as server:
        with requests.get(server.url, timeout=(2, 1), stream=True) as answer:
            assert answer.status_code == 200
            body = b""
            for chunk in answer.iter_content(1):  # a byte every 0.2 s: the 1 s timeout never fires
                body += chunk
                if len(body) == 5:
                    break
        assert body == b" " * 5


def test_huge_body_is_lazy_and_stops_when_the_client_goes() -> None:
    with HugeBodyServer() as server:
        with requests.get(server.url, timeout=5, stream=True) as answer:
            assert int(answer.headers["Content-Length"]) == 200 * 1024 * 1024
            first = answer.raw.read(1024 * 1024)
        assert len(first) == 1024 * 1024 and first.startswith(b'{"items": ["x')
    assert server.bytes_sent < 50 * 1024 * 1024  # generated as sent, not all up front


def test_gzip_bomb_is_small_but_expands() -> None:
    with GzipBombServer(expanded_bytes=32 * 1024 * 1024) as server:
        with requests.get(server.url, timeout=5, stream=True) as answer:
            assert answer.headers["Content-Encoding"] == "gzip"
            compressed = answer.raw.read(decode_content=False)
    assert len(compressed) < 100 * 1024
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = unpacker.decompress(compressed, 10 * 1024 * 1024)  # capped, as the client must
    assert len(out) == 10 * 1024 * 1024 and out.strip() == b""
    assert len(gzip.decompress(compressed)) == 32 * 1024 * 1024
