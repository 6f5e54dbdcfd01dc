"""A TCP proxy that behaves like a bad rural link, for sync tests.

    with FaultProxy(server.port, seed=3) as proxy:
        proxy.set_link(latency_s=0.3, bandwidth_bps=4_000)     # ~EDGE: 600 ms RTT, 32 kbit/s
        proxy.set_fault("reset_response", after_bytes=200, once=True)
        run_sync(url=proxy.url)                                 # first connection dies mid-answer

The proxy runs an asyncio loop in its own thread, so synchronous test code (and the sync client
under test) talks to it over real sockets. Link settings are global because they model one link
(two parallel uploads share its bandwidth); faults are per connection, decided when the
connection is accepted: a queued `once` fault first, else the sticky fault, else a draw from the
seeded random plan. Everything a test may want to assert on is counted (`stats`, `fault_log`),
so tests need not time anything.

Not modelled: the TCP handshake (the proxy accepts at once, latency applies to data and FIN),
packet loss (TCP hides it as latency anyway), reordering (TCP never shows it).
"""
from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType

HOST = "127.0.0.1"
FAULT_KINDS = ("reset_request", "reset_response", "blackhole", "truncate", "drip")
READ_CHUNK = 64 * 1024
WIRE_CHUNKS = 8  # chunks "in flight" per direction: backpressure, so a huge body isn't buffered
CONNECT_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Fault:
    """What goes wrong on one connection. `after_bytes` counts the bytes forwarded in the
    fault's direction (client→server for reset_request, server→client for the others) before it
    strikes; blackhole ignores it.

    reset_request   N bytes of the request reach the server, then both ends get an RST.
    reset_response  the server got the whole request (and acted on it), the client gets N bytes
                    of the answer, then RST: "did my upload count?" (idempotency tests).
    truncate        N bytes of the answer, then a clean FIN. Cut inside the headers, requests
                    reports an empty 200 (see the tests): check Content-Type and JSON.
    drip            N bytes at link speed, then one byte per `drip_interval_s`.
    blackhole       accepted and read, never forwarded or answered: only a timeout ends it.
    """

    kind: str
    after_bytes: int = 0


@dataclass(frozen=True)
class Link:
    latency_s: float = 0.0  # one way, per chunk: RTT = 2 × latency
    jitter_s: float = 0.0  # extra uniform(0, jitter) per chunk, from the seeded random
    bandwidth_bps: int | None = None  # bytes per second per direction; None = unlimited

    @property
    def burst_bytes(self) -> int | None:
        """Largest piece written at once under the cap (100 ms worth): the token bucket's size."""
        return None if self.bandwidth_bps is None else max(1, self.bandwidth_bps // 10)


class _TokenBucket:
    """One direction of the link, shared by all its connections. Only the loop thread uses it,
    so there is no lock: a caller takes its tokens at once, possibly going into debt, and sleeps
    the debt off; later callers see the debt and queue behind it, as on a real link."""

    def __init__(self, rate: int, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._tokens = float(burst)
        self._stamp = time.monotonic()

    def reserve(self, n: int) -> float:
        """Take n bytes' worth; return how long to wait before sending them."""
        now = time.monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        self._tokens -= n
        return max(0.0, -self._tokens / self.rate)


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with RST instead of FIN: SO_LINGER on with a zero timeout makes close() abort."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class FaultProxy:
    drip_interval_s = 1.0  # "drip": one byte per this many seconds

    def __init__(self, upstream_port: int, upstream_host: str = HOST, seed: int = 0) -> None:
        self.upstream_host, self.upstream_port = upstream_host, upstream_port
        self.port = 0
        self._lock = threading.Lock()  # guards everything the test thread and the loop share
        # Separate streams, so the sequence of drawn faults does not depend on how the data
        # happened to be chunked (jitter draws happen per chunk).
        self._fault_rng = random.Random(f"{seed}-faults")
        self._jitter_rng = random.Random(f"{seed}-jitter")
        self._link = Link()
        self._buckets: dict[str, _TokenBucket] = {}
        self._once: deque[Fault] = deque()
        self._sticky: Fault | None = None
        self._random: tuple[float, tuple[str, ...], tuple[int, int]] | None = None
        self._stats: Counter[str] = Counter()
        self._delay_total = 0.0
        self._injected: Counter[str] = Counter()
        self._fault_log: list[tuple[int, Fault]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()  # every socket we hold, to close on stop

    # ---- control (any thread) ---------------------------------------------------------------

    def set_link(self, latency_s: float = 0.0, bandwidth_bps: int | None = None,
                 jitter_s: float = 0.0) -> None:
        link = Link(latency_s, jitter_s, bandwidth_bps)
        buckets = {}
        if bandwidth_bps is not None:
            burst = link.burst_bytes or 1
            buckets = {d: _TokenBucket(bandwidth_bps, burst) for d in ("up", "down")}
        with self._lock:
            self._link, self._buckets = link, buckets

    @property
    def link(self) -> Link:
        return self._link

    def set_fault(self, kind: str | None, after_bytes: int = 0, once: bool = False) -> None:
        """Fault the next connections (`once`: only the next one; several `once` calls queue up,
        one per connection). `None` clears the sticky fault and the queue."""
        with self._lock:
            if kind is None:
                self._sticky = None
                self._once.clear()
                return
            if kind not in FAULT_KINDS:
                raise ValueError(f"unknown fault {kind!r}; one of {FAULT_KINDS}")
            if once:
                self._once.append(Fault(kind, after_bytes))
            else:
                self._sticky = Fault(kind, after_bytes)

    def random_faults(self, probability: float, kinds: Sequence[str] = FAULT_KINDS,
                      after_bytes: tuple[int, int] = (0, 4096)) -> None:
        """Each new connection (without a queued or sticky fault) gets, with `probability`, a
        kind from `kinds` and an `after_bytes` in the inclusive range, drawn from the seed.
        probability 0 turns this off."""
        unknown = set(kinds) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown faults {sorted(unknown)}")
        with self._lock:
            self._random = (probability, tuple(kinds), after_bytes) if probability > 0 else None

    # ---- what happened (any thread) ---------------------------------------------------------

    def _stat(self, name: str) -> int:
        with self._lock:
            return self._stats[name]

    connections = property(lambda self: self._stat("connections"))
    bytes_up = property(lambda self: self._stat("bytes_up"))  # forwarded client → server
    bytes_down = property(lambda self: self._stat("bytes_down"))  # forwarded server → client
    writes_up = property(lambda self: self._stat("writes_up"))  # send calls: shows the chopping
    writes_down = property(lambda self: self._stat("writes_down"))
    delayed_chunks = property(lambda self: self._stat("delayed_chunks"))
    upstream_failures = property(lambda self: self._stat("upstream_failures"))

    @property
    def delay_total_s(self) -> float:
        """Sum of the one-way delays given to data chunks (both directions)."""
        with self._lock:
            return self._delay_total

    @property
    def faults_injected(self) -> Counter[str]:
        """Faults that actually struck, by kind (a reset after 5000 bytes on a 300-byte answer
        did not)."""
        with self._lock:
            return Counter(self._injected)

    @property
    def fault_log(self) -> list[tuple[int, Fault]]:
        """(connection number from 1, fault) for each connection given a fault: print it when a
        randomized run fails, and replay with the same seed."""
        with self._lock:
            return list(self._fault_log)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    # ---- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        if self._thread is not None:
            raise RuntimeError("proxy already started")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="faultproxy", daemon=True)
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, HOST, 0), self._loop).result(timeout=5)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        """Close every socket (clients see the link die), end every task, join the thread."""
        if self._thread is None or self._loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
            self._thread = None

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def _run(self) -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            # A hostname upstream resolves in the default executor: its thread must go too.
            self._loop.run_until_complete(self._loop.shutdown_default_executor())
            self._loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            writer.transport.abort()
        me = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not me]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._writers.clear()
        await asyncio.sleep(0)  # let the aborted transports' connection_lost close their sockets

    # ---- the loop thread ----------------------------------------------------------------------

    def _count(self, name: str, n: int = 1) -> int:
        with self._lock:
            self._stats[name] += n
            return self._stats[name]

    def _strike(self, kind: str) -> None:
        with self._lock:
            self._injected[kind] += 1

    def _next_fault(self, conn_no: int) -> Fault | None:
        with self._lock:
            fault = None
            if self._once:
                fault = self._once.popleft()
            elif self._sticky is not None:
                fault = self._sticky
            elif self._random is not None:
                probability, kinds, (low, high) = self._random
                if self._fault_rng.random() < probability:
                    fault = Fault(self._fault_rng.choice(kinds), self._fault_rng.randint(low, high))
            if fault is not None:
                self._fault_log.append((conn_no, fault))
            return fault

    async def _handle(self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        try:
            await self._serve(c_reader, c_writer)
        except asyncio.CancelledError:
            pass  # stop(): ending normally keeps 3.11's stream callback from logging an error

    async def _serve(self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        self._writers.add(c_writer)
        fault = self._next_fault(self._count("connections"))
        u_writer: asyncio.StreamWriter | None = None
        try:
            if fault is not None and fault.kind == "blackhole":
                self._strike("blackhole")
                while await c_reader.read(READ_CHUNK):  # swallow everything, answer nothing
                    pass
                return
            try:
                u_reader, u_writer = await asyncio.wait_for(
                    asyncio.open_connection(self.upstream_host, self.upstream_port),
                    CONNECT_TIMEOUT_S)
            except (OSError, asyncio.TimeoutError):
                self._count("upstream_failures")
                return  # the finally closes the client: to it, the link just died
            self._writers.add(u_writer)
            for w in (c_writer, u_writer):  # drain() then means "handed to the kernel", so
                w.transport.set_write_buffer_limits(high=0)  # after_bytes is exact
            ends = (c_writer, u_writer)
            pipes = {asyncio.create_task(self._pipe(c_reader, u_writer, "up", fault, ends)),
                     asyncio.create_task(self._pipe(u_reader, c_writer, "down", fault, ends))}
            try:
                while pipes:
                    done, pipes = await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
                    # A fault, or a socket error (peer reset): the whole connection goes.
                    if any(t.cancelled() or t.exception() or t.result() == "cut" for t in done):
                        break
            finally:
                for task in pipes:
                    task.cancel()
                await asyncio.gather(*pipes, return_exceptions=True)
        except OSError:
            pass  # a peer vanished: nothing to report, the finally cleans up
        finally:
            for writer in (c_writer, u_writer):
                if writer is not None:
                    await self._close(writer)

    async def _close(self, writer: asyncio.StreamWriter) -> None:
        """FIN after what is buffered; a peer that stopped reading can't hold the socket."""
        writer.close()
        with contextlib.suppress(Exception):  # not CancelledError: stop() must win
            await asyncio.wait_for(writer.wait_closed(), 2.0)
        writer.transport.abort()  # no-op if already closed
        self._writers.discard(writer)

    async def _feed(self, src: asyncio.StreamReader, wire: asyncio.Queue) -> None:
        """Put what one side sends on the wire, stamped with when it may arrive. b"" is EOF,
        None a reset by the sender."""
        last_due = 0.0
        while True:
            data: bytes | None
            try:
                data = await src.read(READ_CHUNK)
            except OSError:
                data = None
            link = self._link
            delay = link.latency_s
            if link.jitter_s:
                delay += self._jitter_rng.uniform(0.0, link.jitter_s)
            last_due = max(last_due, time.monotonic() + delay)  # a link never reorders bytes
            if data and delay:
                with self._lock:
                    self._stats["delayed_chunks"] += 1
                    self._delay_total += delay
            await wire.put((last_due, data))
            if not data:
                return

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter, direction: str,
                    fault: Fault | None,
                    ends: tuple[asyncio.StreamWriter, asyncio.StreamWriter]) -> str:
        """Carry one direction across the link, applying latency, the cap and this direction's
        fault. Returns "eof" (the sender finished; passed on as a half-close) or "cut"."""
        wire: asyncio.Queue[tuple[float, bytes | None]] = asyncio.Queue(maxsize=WIRE_CHUNKS)
        feeder = asyncio.create_task(self._feed(src, wire))
        mine = {"up": ("reset_request",), "down": ("reset_response", "truncate", "drip")}
        kind = fault.kind if fault is not None and fault.kind in mine[direction] else None
        limit = fault.after_bytes if fault is not None else 0
        sent, dripping = 0, False
        try:
            while True:
                due, data = await wire.get()
                if (wait := due - time.monotonic()) > 0:
                    await asyncio.sleep(wait)
                if data is None:
                    return "cut"
                if not data:
                    if dst.can_write_eof():
                        dst.write_eof()
                    return "eof"
                if kind == "drip" and sent + len(data) > limit:
                    head = max(0, limit - sent)
                    await self._send(dst, data[:head], direction)
                    if not dripping:
                        dripping = True
                        self._strike("drip")
                    for i in range(head, len(data)):
                        await self._send(dst, data[i:i + 1], direction)
                        await asyncio.sleep(self.drip_interval_s)
                elif kind is not None and kind != "drip" and sent + len(data) >= limit:
                    await self._send(dst, data[:limit - sent], direction)
                    self._strike(kind)
                    if kind == "truncate":
                        return "cut"  # _handle closes both sides cleanly: the client sees FIN
                    for end in ends:  # the link broke: both ends see a reset
                        _reset(end)
                    return "cut"
                else:
                    await self._send(dst, data, direction)
                sent += len(data)
        finally:
            feeder.cancel()
            await asyncio.gather(feeder, return_exceptions=True)

    async def _send(self, dst: asyncio.StreamWriter, data: bytes, direction: str) -> None:
        """Write, chopped into bucket-sized pieces that each wait for their tokens."""
        if not data:
            return
        bucket = self._buckets.get(direction)
        step = bucket.burst if bucket is not None else len(data)
        for start in range(0, len(data), step):
            piece = data[start:start + step]
            if bucket is not None and (wait := bucket.reserve(len(piece))) > 0:
                await asyncio.sleep(wait)
            dst.write(piece)
            await dst.drain()
            self._count(f"bytes_{direction}", len(piece))
            self._count(f"writes_{direction}")
