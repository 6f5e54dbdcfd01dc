"""Transport: every HTTP exchange with the provincial server, with the rules a bad link needs.

- A wall-clock deadline per request. `requests`' timeouts are per socket operation, so a server
  dripping one byte a second (or a portal trickling headers) would hold a sync forever; here a
  watchdog shuts the request's sockets down when the deadline passes, whatever stage it is in.
- A cap on response bytes counted *after* decompression: we ask for gzip only and inflate
  ourselves with a bounded zlib object, so a gzip bomb stops at the cap.
- JSON request bodies are gzip-compressed (the server caps them decompressed too).
- `https://` is always verified (system CAs, or the CA bundle an admin configured); `http://` is
  refused unless the host is a loopback address (development and tests).
- The server's clock: the offset from its `Date` header, measured at each answer.
- Errors become SyncError codes a person can be told about (kiosk/messages_link.py).
"""
from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import ReadTimeoutError

from sync.errors import SyncError
from sync.protocol import API_PREFIX, PROTOCOL_VERSION, SERVICE, ErrorBody, Hello

M = TypeVar("M", bound=BaseModel)

GZIP_MIN_BYTES = 1024          # smaller bodies gain nothing from gzip
CHUNK = 64 * 1024
# Server error codes passed on as they are: each has its own sentence in kiosk/messages_*.py.
KNOWN_SERVER_ERRORS = frozenset({
    "unauthorized", "code_invalid", "code_used", "cursor_unknown", "protocol_unsupported",
    "body_too_large", "batch_too_large", "range_mismatch", "hash_mismatch", "device_revoked",
})


# --- watchdog: which connections does the current call use? ---------------------------------
# urllib3 hands a pooled connection to the calling thread through _get_conn; recording it in a
# thread-local list lets the deadline timer (another thread) shut that connection's socket down.
_active = threading.local()


class _Tracking:
    def _get_conn(self, timeout: float | None = None) -> Any:  # noqa: ANN401 - urllib3's type
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        tracked = getattr(_active, "conns", None)
        if tracked is not None:
            tracked.append(conn)
        return conn


class _TrackingHTTPPool(_Tracking, HTTPConnectionPool):
    pass


class _TrackingHTTPSPool(_Tracking, HTTPSConnectionPool):
    pass


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _TrackingHTTPPool,
                                                   "https": _TrackingHTTPSPool}


def _shutdown(conns: list[Any]) -> None:
    for conn in conns:
        sock = getattr(conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)   # wakes a recv/send blocked in another thread
            except OSError:
                pass


# --- URL rule ---------------------------------------------------------------------------------

def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The normalised base URL; SyncError('url_invalid') for what is not an http(s) address with
    a host, SyncError('insecure_url') for plain http to anything but this PC (loopback)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    try:
        parts.port   # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise SyncError("url_invalid", url=url) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError("url_invalid", url=url)
    if parts.scheme == "https":
        return url
    if parts.scheme == "http" and parts.hostname and _is_loopback(parts.hostname):
        return url
    raise SyncError("insecure_url", url=url)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def is_json(self) -> bool:
        return self.headers.get("Content-Type", "").split(";")[0].strip() == "application/json"


class Transport:
    """One server, one thread at a time. Paths are relative to /api/v1."""

    def __init__(self, base_url: str, token: str | None = None, *, ca_bundle: str | None = None,
                 deadline_s: float = 60.0, max_response_bytes: int = 32 * 2**20) -> None:
        self.base_url = check_url(base_url)
        self.token = token
        self.deadline_s = deadline_s
        self.max_response_bytes = max_response_bytes
        self.clock_offset_s: float | None = None
        self.requests_made = 0
        self.bytes_sent = 0
        self.bytes_received = 0
        self._session = requests.Session()
        self._session.trust_env = False      # a proxy from the environment is not the province
        self._session.verify = ca_bundle or True
        adapter = _Adapter(max_retries=0)    # retries are ours: same item uuids, backoff
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- raw call ------------------------------------------------------------------------------
    def call(self, method: str, path: str, *, data: bytes | None = None,
             headers: dict[str, str] | None = None, params: dict[str, str] | None = None,
             expect: tuple[int, ...] = (200,), deadline_s: float | None = None) -> Reply:
        deadline = deadline_s or self.deadline_s
        send_headers = {"Accept-Encoding": "gzip", "User-Agent": "CauNoi-kiosk/1"}
        if self.token:
            send_headers["Authorization"] = f"Bearer {self.token}"
        send_headers.update(headers or {})
        conns: list[Any] = []
        expired = threading.Event()

        def on_deadline() -> None:
            expired.set()
            _shutdown(conns)

        timer = threading.Timer(deadline, on_deadline)
        timer.daemon = True
        _active.conns = conns
        started = time.time()
        try:
            timer.start()
            # Per-operation timeouts stay below the deadline; the watchdog enforces the total.
            response = self._session.request(
                method, self.base_url + API_PREFIX + path, data=data, headers=send_headers,
                params=params, stream=True, allow_redirects=False,
                timeout=(min(10.0, deadline), deadline))
            try:
                body = self._read_body(response, expired)
            finally:
                response.close()
        except requests.exceptions.SSLError as exc:
            raise SyncError("tls_untrusted", url=self.base_url, detail=_short(exc)) from exc
        except (requests.exceptions.Timeout, requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError, Urllib3Error, OSError) as exc:
            # The body is read from urllib3 directly (our own inflating), so its errors too.
            code = "link_timeout" if expired.is_set() or isinstance(
                exc, (requests.exceptions.Timeout, ReadTimeoutError)) else "link_down"
            raise SyncError(code, url=self.base_url) from exc
        finally:
            timer.cancel()
            _active.conns = None
        if expired.is_set():
            raise SyncError("link_timeout", url=self.base_url)
        self.requests_made += 1
        self.bytes_sent += len(data or b"")
        self.bytes_received += len(body)
        self._clock(response.headers.get("Date"), started, time.time())
        reply = Reply(response.status_code, response.headers, body)
        if reply.status not in expect:
            raise self._refusal(reply)
        return reply

    def _read_body(self, response: requests.Response, expired: threading.Event) -> bytes:
        encoding = response.headers.get("Content-Encoding", "").strip().lower()
        if encoding not in ("", "identity", "gzip"):
            raise SyncError("not_our_server", url=self.base_url)
        inflate = zlib.decompressobj(wbits=31) if encoding == "gzip" else None
        cap = self.max_response_bytes
        out = bytearray()
        for chunk in response.raw.stream(CHUNK, decode_content=False):
            if expired.is_set():
                raise SyncError("link_timeout", url=self.base_url)
            if inflate is None:
                out += chunk
            else:
                out += inflate.decompress(chunk, cap + 1 - len(out))
                while inflate.unconsumed_tail and len(out) <= cap:
                    out += inflate.decompress(inflate.unconsumed_tail, cap + 1 - len(out))
            if len(out) > cap:
                raise SyncError("response_too_large", limit_mb=cap // 2**20)
        if inflate is not None and not inflate.eof:
            raise SyncError("link_down", url=self.base_url)   # gzip stream cut short
        declared = response.headers.get("Content-Length")
        if inflate is None and declared and declared.isdigit() and int(declared) != len(out):
            raise SyncError("link_down", url=self.base_url)   # body truncated
        return bytes(out)

    def _clock(self, date_header: str | None, sent: float, received: float) -> None:
        if not date_header:
            return
        try:
            server = parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError):
            return
        # Date has one-second resolution (truncated): its midpoint is server + 0.5 s.
        self.clock_offset_s = round(server + 0.5 - (sent + received) / 2, 1)

    def _refusal(self, reply: Reply) -> SyncError:
        if reply.status == 429 or reply.status >= 500:
            return SyncError("server_busy", retry_after=_retry_after(
                reply.headers.get("Retry-After")), status=reply.status)
        error = None
        if reply.is_json:
            try:
                error = ErrorBody.model_validate_json(reply.body)
            except ValidationError:
                error = None
        if error is None:
            # 2xx/3xx/4xx without our error body: a portal, a proxy, a web server that is not ours.
            return SyncError("not_our_server", url=self.base_url, status=reply.status)
        if error.error in KNOWN_SERVER_ERRORS:
            return SyncError(error.error, status=reply.status, detail=error.detail)
        return SyncError("server_refused", status=reply.status, error=error.error,
                         detail=error.detail)

    # --- JSON ----------------------------------------------------------------------------------
    def json(self, method: str, path: str, model: type[M], *, body: BaseModel | None = None,
             params: dict[str, str] | None = None, expect: tuple[int, ...] = (200,)) -> M:
        data, headers = None, {"Accept": "application/json"}
        if body is not None:
            data = body.model_dump_json().encode("utf-8")
            headers["Content-Type"] = "application/json"
            if len(data) >= GZIP_MIN_BYTES:
                data = gzip.compress(data, compresslevel=6, mtime=0)
                headers["Content-Encoding"] = "gzip"
        reply = self.call(method, path, data=data, headers=headers, params=params, expect=expect)
        if not reply.body and "Content-Type" not in reply.headers:
            # An answer cut inside its headers reads as an empty 200: a broken link, not a portal.
            raise SyncError("link_down", url=self.base_url)
        if not reply.is_json:
            raise SyncError("not_our_server", url=self.base_url, status=reply.status)
        try:
            return model.model_validate_json(reply.body)
        except ValidationError as exc:
            raise SyncError("not_our_server", url=self.base_url, status=reply.status) from exc

    def hello(self) -> Hello:
        """The server's limits and protocol versions; a captive portal or a stranger fails here."""
        try:
            hello = self.json("GET", "/hello", Hello)
        except SyncError as exc:
            if exc.code == "server_refused":   # answers, but not our API
                raise SyncError("not_our_server", url=self.base_url) from exc
            raise
        if PROTOCOL_VERSION not in hello.protocol_versions or hello.service != SERVICE:
            raise SyncError("protocol_unsupported", versions=",".join(
                str(v) for v in hello.protocol_versions))
        return hello


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "…"
