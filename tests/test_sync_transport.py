"""sync/http.py, sync/secrets.py, sync/lock.py and sync/backoff.py against real sockets, a real
TLS server with a throwaway CA (trustme), real keyring backends and real processes."""
from __future__ import annotations

import json
import os
import random
import signal
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest
import trustme
from hypothesis import given
from hypothesis import strategies as st

from kiosk.messages import describe
from sync.backoff import next_delay
from sync.errors import SyncError
from sync.http import Transport, check_url
from sync.lock import sync_lock
from sync.protocol import SERVICE
from sync.secrets import SecretStore

ROOT = Path(__file__).resolve().parent.parent


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        body = json.dumps({"service": SERVICE, "protocol_versions": [1], "max_batch_items": 100,
                           "max_batch_bytes": 4 << 20, "max_media_bytes": 8 << 20,
                           "max_changes": 500, "server_time": "2026-11-22T08:00:00Z"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server whose certificate comes from a CA nobody trusts but the test."""
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", bundle
    finally:
        server.shutdown()
        server.server_close()


def test_https_from_an_unknown_ca_is_refused(tls_server: tuple[str, Path]) -> None:
    url, _ = tls_server
    with Transport(url) as transport, pytest.raises(SyncError) as refused:
        transport.hello()
    assert refused.value.code == "tls_untrusted"
    assert "không đáng tin cậy" in describe(refused.value)


def test_https_with_the_configured_ca_bundle_is_accepted(tls_server: tuple[str, Path]) -> None:
    url, bundle = tls_server
    with Transport(url, ca_bundle=str(bundle)) as transport:
        hello = transport.hello()
    assert hello.service == SERVICE and 1 in hello.protocol_versions
    assert transport.clock_offset_s is not None


@pytest.mark.parametrize("url, code", [
    ("http://province.example.vn", "insecure_url"), ("http://10.0.0.5:8000", "insecure_url"),
    ("http://10.0.0.5", "insecure_url"), ("ftp://127.0.0.1", "url_invalid"),
    ("ftp://x", "url_invalid"), ("127.0.0.1:8000", "url_invalid"), ("http://", "url_invalid"),
    ("https://", "url_invalid"), ("https://host:port", "url_invalid")])
def test_plain_http_only_to_loopback(url: str, code: str) -> None:
    with pytest.raises(SyncError) as refused:
        check_url(url)
    assert refused.value.code == code
    assert "https://" in describe(refused.value)
    if code == "url_invalid":
        assert "không hợp lệ" in describe(refused.value)
        assert "không an toàn" not in describe(refused.value)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000", "http://localhost:1/", "http://[::1]:8",
                                 "http://127.9.9.9", "https://sync.tinh.gov.vn/"])
def test_loopback_http_and_any_https_are_allowed(url: str) -> None:
    assert check_url(url) == url.rstrip("/")


# --- secrets -----------------------------------------------------------------------------------

def test_keyring_round_trip_and_namespaces(memory_secrets) -> None:  # noqa: ANN001
    one, two = SecretStore("ns-one"), SecretStore("ns-two")
    one.set("device_token", "tok-1")
    assert one.get("device_token") == "tok-1"
    assert two.get("device_token") is None          # another data dir never sees it
    one.delete("device_token")
    one.delete("device_token")                      # idempotent
    assert one.get("device_token") is None
    assert memory_secrets.values == {}


def test_no_keyring_backend_is_said_plainly_and_nothing_is_written(tmp_path: Path) -> None:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = SecretStore("ns", data_dir=tmp_path)
        with pytest.raises(SyncError) as refused:
            store.set("device_token", "secret-token-value")
    finally:
        keyring.set_keyring(previous)
    assert refused.value.code == "secrets_unavailable"
    assert "gnome-keyring" in describe(refused.value)
    assert list(tmp_path.iterdir()) == []           # no plain-text fallback behind our back


def test_a_keyring_that_hangs_times_out(memory_secrets) -> None:  # noqa: ANN001
    release = threading.Event()
    memory_secrets.get_password = lambda *a: release.wait(30)  # a locked collection's prompt
    try:
        with pytest.raises(SyncError) as refused:
            SecretStore("ns", timeout_s=0.3).get("device_token")
    finally:
        release.set()
    assert refused.value.code == "secrets_timeout"


def test_file_store_only_by_choice_and_private(tmp_path: Path) -> None:
    store = SecretStore("ns", backend="file", data_dir=tmp_path)
    store.set("device_token", "tok")
    path = tmp_path / "secrets" / "secrets.json"
    assert json.loads(path.read_text()) == {"device_token": "tok"}
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0 and path.parent.stat().st_mode & 0o077 == 0
    assert SecretStore("ns", backend="file", data_dir=tmp_path).get("device_token") == "tok"


# --- one sync at a time --------------------------------------------------------------------------

def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    with sync_lock(tmp_path) as first:
        assert first
        with sync_lock(tmp_path) as second:
            assert not second
    with sync_lock(tmp_path) as again:
        assert again


def test_lock_held_by_another_process_and_freed_by_kill_9(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path;"
         "from sync.lock import sync_lock\n"
         "with sync_lock(Path(sys.argv[1])) as held:\n"
         "    print(held, flush=True); time.sleep(60)", str(tmp_path)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        with sync_lock(tmp_path) as mine:
            assert not mine
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        with sync_lock(tmp_path) as mine:
            assert mine
    finally:
        holder.kill()
        holder.wait(10)


# --- backoff -------------------------------------------------------------------------------------

@given(attempt=st.integers(min_value=0, max_value=200), seed=st.integers(0, 2**32))
def test_full_jitter_stays_within_its_ceiling(attempt: int, seed: int) -> None:
    delay = next_delay(attempt, base=5, cap=900, rng=random.Random(seed))
    assert 0 <= delay <= min(900, 5 * 2 ** min(attempt, 30))


def test_retry_after_is_a_floor() -> None:
    rng = random.Random(1)
    assert all(next_delay(0, rng=rng, retry_after=120) >= 120 for _ in range(50))
    assert next_delay(3, rng=rng, retry_after=10**6, cap=900) <= 900


def test_jitter_spreads_clients() -> None:
    delays = {round(next_delay(4, rng=random.Random(seed)), 3) for seed in range(20)}
    assert len(delays) == 20       # twenty kiosks do not all come back in the same instant


# --- bad servers and bad links (tests/bad_servers.py, tests/faultproxy.py) ------------------------

from tests.bad_servers import (CaptivePortalServer, DripServer, GzipBombServer,  # noqa: E402
                               HugeBodyServer, MalformedJsonServer, RetryAfterServer)
from tests.faultproxy import FaultProxy  # noqa: E402


def _hello_fails(url: str, **kwargs: object) -> SyncError:
    with Transport(url, **kwargs) as transport, pytest.raises(SyncError) as failed:  # type: ignore[arg-type]
        transport.hello()
    return failed.value


def test_captive_portal_answering_200_html_is_not_our_server() -> None:
    with CaptivePortalServer() as portal:
        error = _hello_fails(portal.url)
    assert error.code == "not_our_server" and error.transient
    assert "đăng nhập" in describe(error)


def test_malformed_json_is_not_our_server() -> None:
    with MalformedJsonServer() as server:
        assert _hello_fails(server.url).code == "not_our_server"


@pytest.mark.parametrize("http_date", [False, True])
def test_5xx_with_retry_after_is_busy_and_keeps_the_delay(http_date: bool) -> None:
    with RetryAfterServer(retry_after_s=120, http_date=http_date) as server:
        error = _hello_fails(server.url)
    assert error.code == "server_busy" and error.retry_after is not None
    assert 100 <= error.retry_after <= 121      # an HTTP-date has one-second resolution
    assert next_delay(0, retry_after=error.retry_after) >= error.retry_after


def test_a_dripping_server_is_cut_at_the_deadline() -> None:
    with DripServer(interval_s=0.2) as server:
        error = _hello_fails(server.url, deadline_s=1.5)
    assert error.code == "link_timeout"


def test_a_blackholed_link_is_cut_at_the_deadline() -> None:
    with CaptivePortalServer() as upstream, FaultProxy(upstream.port) as proxy:
        proxy.set_fault("blackhole")
        error = _hello_fails(proxy.url, deadline_s=1.0)
    assert error.code == "link_timeout"


def test_a_gzip_bomb_stops_at_the_cap() -> None:
    with GzipBombServer(expanded_bytes=64 * 2**20) as server:
        error = _hello_fails(server.url, max_response_bytes=2 * 2**20)
    assert error.code == "response_too_large"


def test_a_huge_body_stops_at_the_cap_without_reading_it_all() -> None:
    with HugeBodyServer(size=200 * 2**20) as server:
        error = _hello_fails(server.url, max_response_bytes=1 * 2**20)
        sent = server.bytes_sent
    assert error.code == "response_too_large"
    assert sent < 100 * 2**20


@pytest.mark.parametrize("kind,after", [("reset_request", 10), ("reset_response", 5),
                                        ("truncate", 20), ("truncate", 200)])
def test_a_broken_answer_never_passes_for_a_good_one(tls_free_hello_server: str, kind: str,
                                                      after: int) -> None:
    port = int(tls_free_hello_server.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        proxy.set_fault(kind, after_bytes=after)
        error = _hello_fails(proxy.url, deadline_s=5)
    assert error.transient and error.code in ("link_down", "not_our_server")


@pytest.fixture
def tls_free_hello_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hello)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
