"""The hub's HTTP server: every QueueService method as a JSON endpoint, behind station tokens.

    GET  /api/v1/<read>     services, issue_window, ticket?id=, ticket_by_label?label=&day=,
                            counter_view?counter=, board_state, figures?day=, watermark
    POST /api/v1/<action>   take, cancel, rate, call_next, recall, start_serving, no_show,
                            transfer, finish, set_counter_open, close_day  (JSON keyword body)
    GET  /api/v1/events?after=W[&wait=S]   long poll: returns {"watermark": N} as soon as N != W
                            (at most S, never more than 25 s, then the same W: ask again)
    POST /api/v1/pair       {"code", "station"} -> {"token"}  (no token needed)
    GET  /api/v1/ping       {"hub": "caunoi"}  (no token; health and the bare round trip)

A success is {"result": <dataclasses.asdict form>}; a refusal is {"error": code, "params": {...},
"message": Vietnamese sentence, "message_en": ...} with 4xx (401 unpaired, 400 bad request, 409 a
queue_* refusal). Actions carry an `Idempotency-Key` header (a UUID the client makes): the key is
written in the SAME transaction as the action (HubLocalQueue._write), and the answer next to it
right after, so a POST retried after a lost response gets the first answer back instead of
acting twice; if the hub died between the commit and writing the answer, the retry gets
hub_request_applied (409) rather than a second action.

FastAPI + uvicorn run in a thread (`HubServer`); the queue itself is the ordinary LocalQueue on
the hub's store, so two stations calling at once are serialised by SQLite's writer lock.
"""
from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import timedelta
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from kiosk.clock import to_iso, utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub import pairing
from kiosk.hub.wire import encode
from kiosk.messages import describe
from kiosk.queue import reads
from kiosk.queue.local import LocalQueue

log = logging.getLogger("caunoi.hub")
LONG_POLL_S = 25.0
KEEP_KEYS = timedelta(days=2)

# name -> {parameter: accepted JSON types}; the body of an action may hold only these.
_S, _I, _B, _N = (str,), (int,), (bool,), (type(None),)
ACTIONS: dict[str, dict[str, tuple[type, ...]]] = {
    "take": {"service_id": _S + _N, "priority": _B, "booking_code": _S + _N, "limited": _B},
    "cancel": {"ticket_id": _S},
    "rate": {"ticket_id": _S, "level": _S},
    "call_next": {"counter": _I, "clerk": _S + _N},
    "recall": {"counter": _I, "clerk": _S + _N},
    "start_serving": {"counter": _I, "clerk": _S + _N},
    "no_show": {"counter": _I, "clerk": _S + _N},
    "finish": {"counter": _I, "clerk": _S + _N},
    "transfer": {"counter": _I, "to_service_id": _S, "clerk": _S + _N},
    "set_counter_open": {"counter": _I, "open": _B, "clerk": _S + _N},
    "close_day": {},
}
READS: dict[str, dict[str, type]] = {
    "services": {}, "issue_window": {}, "board_state": {}, "watermark": {},
    "ticket": {"id": str}, "ticket_by_label": {"label": str, "day": str},
    "counter_view": {"counter": int}, "figures": {"day": str},
}
READ_ARGS = {"ticket": ("id",), "ticket_by_label": ("label", "day"), "counter_view": ("counter",),
             "figures": ("day",)}


class HubLocalQueue(LocalQueue):
    """LocalQueue that writes the pending idempotency key inside the action's own transaction."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.pending = threading.local()

    @contextmanager
    def _write(self) -> Iterator[reads.Context]:
        with super()._write() as ctx:
            yield ctx
            key = getattr(self.pending, "key", None)
            if key is not None:
                ctx.conn.execute("INSERT OR IGNORE INTO hub_requests (key, method, at_utc)"
                                 " VALUES (?, ?, ?)", (key[0], key[1], to_iso(utc_now())))


def error_body(exc: KioskError) -> dict[str, Any]:
    return {"error": exc.code, "params": json.loads(json.dumps(exc.params, default=str)),
            "message": describe(exc, "vi"), "message_en": describe(exc, "en")}


def error_status(exc: KioskError) -> int:
    return {"hub_unpaired": 401, "hub_token_revoked": 401, "hub_bad_request": 400,
            "hub_pair_code_invalid": 403, "hub_pairing_locked": 429}.get(
        exc.code, 409)


class Hub:
    """The hub's state: the store, its queue, in-flight idempotency keys, event wake-ups."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.queue = HubLocalQueue(store)
        self._flight_lock = threading.Lock()
        self._in_flight: dict[str, threading.Event] = {}
        self._actions = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self.changed: asyncio.Event | None = None
        self.stopping = False          # set by HubServer.stop: open long polls answer at once
        self._prune()

    # --- plumbing (run in the thread pool) --------------------------------------------------
    def authorise(self, header: str | None) -> None:
        token = header[7:].strip() if header and header.lower().startswith("bearer ") else None
        state = pairing.token_state(self.store.conn(), token)
        if state == "revoked":
            raise KioskError("hub_token_revoked")
        if state != "ok":
            raise KioskError("hub_unpaired")

    def _prune(self) -> None:
        with self.store.conn() as conn:
            conn.execute("DELETE FROM hub_requests WHERE at_utc < ?",
                         (to_iso(utc_now() - KEEP_KEYS),))

    def _stored(self, key: str) -> tuple[int, dict[str, Any]] | None:
        row = self.store.conn().execute("SELECT status, body FROM hub_requests WHERE key = ?",
                                        (key,)).fetchone()
        if row is None:
            return None
        if row[0] is None:   # applied, answer lost with the hub: say so, never act twice
            return 409, error_body(KioskError("hub_request_applied"))
        return int(row[0]), json.loads(row[1])

    def read(self, name: str, args: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        try:
            return 200, {"result": encode(getattr(self.queue, name)(**args))}
        except KioskError as exc:
            return error_status(exc), error_body(exc)

    def act(self, name: str, args: dict[str, Any], key: str | None) -> tuple[int, dict[str, Any]]:
        if key is None:
            return self._act(name, args, None)
        while True:
            with self._flight_lock:
                running = self._in_flight.get(key)
                if running is None:
                    stored = self._stored(key)
                    if stored is not None:
                        return stored
                    mine = self._in_flight[key] = threading.Event()
                    break
            running.wait(30)       # the same key is being applied right now: wait for its answer
        try:
            return self._act(name, args, key)
        finally:
            with self._flight_lock:
                del self._in_flight[key]
            mine.set()

    def _act(self, name: str, args: dict[str, Any], key: str | None) -> tuple[int, dict[str, Any]]:
        self.queue.pending.key = (key, name) if key else None
        try:
            status, body = 200, {"result": encode(getattr(self.queue, name)(**args))}
        except KioskError as exc:
            status, body = error_status(exc), error_body(exc)
        finally:
            self.queue.pending.key = None
        if key is not None:
            with self.store.conn() as conn:
                conn.execute(
                    "INSERT INTO hub_requests (key, method, status, body, at_utc)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                    " status = excluded.status, body = excluded.body",
                    (key, name, status, json.dumps(body, ensure_ascii=False),
                     to_iso(utc_now())))
        self._actions += 1
        if self._actions % 500 == 0:
            self._prune()
        return status, body

    # --- events ---------------------------------------------------------------------------
    def notify(self) -> None:
        """Wake every long poll (called on the event loop after an action)."""
        if self.changed is not None:
            self.changed.set()
            self.changed = asyncio.Event()


def _check_action(name: str, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise KioskError("hub_bad_request", detail="body")
    allowed = ACTIONS[name]
    for field, value in body.items():
        kinds = allowed.get(field)
        if kinds is None or not isinstance(value, kinds) or (
                kinds == _I and isinstance(value, bool)):
            raise KioskError("hub_bad_request", detail=field)
    return body


def _check_read(name: str, query: dict[str, str]) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for field, text in query.items():
        kind = READS[name].get(field)
        if kind is None:
            raise KioskError("hub_bad_request", detail=field)
        try:
            args[field] = kind(text)
        except ValueError as exc:
            raise KioskError("hub_bad_request", detail=field) from exc
    if "id" in args:
        args["ticket_id"] = args.pop("id")
    return args


def create_app(store: Store) -> FastAPI:
    hub = Hub(store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:   # the loop long polls wait on
        hub.loop = asyncio.get_running_loop()
        hub.changed = asyncio.Event()
        yield

    app = FastAPI(title="Cầu Nối hub", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.hub = hub

    def answer(status: int, body: dict[str, Any]) -> JSONResponse:
        return JSONResponse(body, status_code=status)

    def refusal(exc: KioskError) -> JSONResponse:
        return answer(error_status(exc), error_body(exc))

    @app.get("/api/v1/ping")
    async def ping() -> JSONResponse:
        return answer(200, {"hub": "caunoi"})

    @app.post("/api/v1/pair")
    async def pair(request: Request) -> JSONResponse:
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            return refusal(KioskError("hub_bad_request", detail="code"))
        station = body.get("station") if isinstance(body.get("station"), str) else ""
        try:
            token = await run_in_threadpool(
                lambda: pairing.redeem(store.conn(), body["code"], station))
        except KioskError as exc:
            return refusal(exc)
        return answer(200, {"token": token})

    @app.get("/api/v1/events")
    async def events(request: Request, after: int = -1, wait: float = LONG_POLL_S) -> JSONResponse:
        try:
            await run_in_threadpool(hub.authorise, request.headers.get("authorization"))
        except KioskError as exc:
            return refusal(exc)
        deadline = time.monotonic() + max(0.0, min(wait, LONG_POLL_S))
        while True:
            woken = hub.changed
            mark = await run_in_threadpool(hub.queue.watermark)
            left = deadline - time.monotonic()
            if mark != after or left <= 0 or woken is None or hub.stopping:
                return answer(200, {"watermark": mark})
            try:   # an action on this hub wakes us at once; 1 s covers writes made elsewhere
                await asyncio.wait_for(woken.wait(), timeout=min(left, 1.0))
            except asyncio.TimeoutError:
                pass
            if await request.is_disconnected():
                return answer(200, {"watermark": mark})

    @app.get("/api/v1/{name}")
    async def read(name: str, request: Request) -> JSONResponse:
        if name not in READS:
            return refusal(KioskError("hub_bad_request", detail=name))

        def work() -> tuple[int, dict[str, Any]]:
            hub.authorise(request.headers.get("authorization"))
            return hub.read(name, _check_read(name, dict(request.query_params)))
        try:
            return answer(*await run_in_threadpool(work))
        except KioskError as exc:
            return refusal(exc)

    @app.post("/api/v1/{name}")
    async def act(name: str, request: Request) -> JSONResponse:
        if name not in ACTIONS:
            return refusal(KioskError("hub_bad_request", detail=name))
        try:
            body = await request.json()
        except ValueError:
            body = None
        key = request.headers.get("idempotency-key")
        if key is not None and not 8 <= len(key) <= 64:
            return refusal(KioskError("hub_bad_request", detail="Idempotency-Key"))

        def work() -> tuple[int, dict[str, Any]]:
            hub.authorise(request.headers.get("authorization"))
            return hub.act(name, _check_action(name, body if body is not None else {}), key)
        try:
            status, result = await run_in_threadpool(work)
        except KioskError as exc:
            return refusal(exc)
        if status == 200:
            hub.notify()
        return answer(status, result)

    return app


class HubServer:
    """uvicorn serving the hub app in a background thread. `start()` returns once it listens."""

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 8765) -> None:
        import uvicorn

        self.host = host
        self.app = create_app(store)
        self.server = uvicorn.Server(uvicorn.Config(
            self.app, host=host, port=port, log_level="warning", access_log=False,
            lifespan="on", timeout_graceful_shutdown=2))
        self.server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self._run, name="caunoi-hub", daemon=True)
        self._port = port

    @property
    def port(self) -> int:
        servers = getattr(self.server, "servers", None) or []
        for server in servers:
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return self._port

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    def _run(self) -> None:
        try:
            self.server.run()
        except SystemExit:     # uvicorn exits when it cannot listen: start() says hub_port_busy
            log.warning("hub server could not listen on %s:%s", self.host, self._port)

    def start(self, wait_s: float = 15.0) -> HubServer:
        self.thread.start()
        deadline = time.monotonic() + wait_s
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise KioskError("hub_port_busy", host=self.host, port=self._port)
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.app.state.hub.stopping = True    # long polls end within 1 s, before the grace ends
        self.server.should_exit = True
        self.thread.join(10)
