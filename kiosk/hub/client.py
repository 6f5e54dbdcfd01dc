"""HubQueue: QueueService over HTTP to the office hub (kiosk.hub.server), same records back.

- Every request has a wall-clock deadline (`timeout`, default 8 s for reads; actions retry
  within `action_deadline`, default 20 s): past it the caller gets KioskError("hub_unreachable")
  with a plain sentence — the UI says so and the station's poller keeps trying.
- An action either reached the hub or raises: each action gets one idempotency key (a UUID made
  here), and connection failures are retried WITH THE SAME KEY until the deadline, so a retry
  after a lost response returns the first answer instead of acting twice.
- The hub's refusals come back as the same KioskError codes LocalQueue raises.
- A restarted hub is found again by itself: a failed connection is dropped and the next request
  opens a new one. Sessions are per thread (requests.Session is not thread-safe).
"""
from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import requests

from kiosk.errors import KioskError
from kiosk.hub.wire import decode
from kiosk.queue.api import (BoardState, CounterView, DayFigures, IssueWindow, RatingLevel,
                             ServiceInfo, Ticket)

API = "/api/v1"
RETRY_PAUSE_S = 0.25


def _base(url: str) -> str:
    url = url.strip().rstrip("/")
    return url if "://" in url else f"http://{url}"


def _refusal(response: requests.Response) -> KioskError:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        params = body.get("params") if isinstance(body.get("params"), dict) else {}
        return KioskError(body["error"], **params)
    if response.status_code == 401:
        return KioskError("hub_unpaired")
    return KioskError("hub_bad_request", detail=f"HTTP {response.status_code}")


def pair(url: str, code: str, station: str = "", timeout: float = 8.0) -> str:
    """Exchange a one-time pairing code for this station's token (raises on refusal)."""
    base = _base(url)
    try:
        response = requests.post(f"{base}{API}/pair", json={"code": code, "station": station},
                                 timeout=(min(3.0, timeout), timeout))
    except requests.RequestException as exc:
        raise KioskError("hub_unreachable", url=base) from exc
    if response.status_code != 200:
        raise _refusal(response)
    return str(response.json()["token"])


class HubQueue:
    """QueueService on the office hub. Safe to call from any thread."""

    def __init__(self, url: str, token: str | None, timeout: float = 8.0,
                 action_deadline: float = 20.0) -> None:
        self.url = _base(url)
        self.token = token or ""
        self.timeout = timeout
        self.action_deadline = action_deadline
        self._local = threading.local()

    # --- plumbing --------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["Authorization"] = f"Bearer {self.token}"
        return session

    def _drop_session(self) -> None:
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None

    def _once(self, method: str, name: str, deadline: float, **kw: Any) -> requests.Response:
        left = deadline - time.monotonic()
        if left <= 0:
            raise requests.Timeout("deadline passed")
        response = self._session().request(method, f"{self.url}{API}/{name}",
                                           timeout=(min(3.0, left), left), **kw)
        if time.monotonic() > deadline + 0.5:     # a trickling answer past the wall clock
            raise requests.Timeout("deadline passed")
        return response

    def _result(self, response: requests.Response) -> Any:
        if response.status_code != 200:
            raise _refusal(response)
        try:
            return response.json()["result"]
        except (ValueError, KeyError) as exc:
            raise KioskError("hub_bad_request", detail="answer") from exc

    def _get(self, name: str, timeout: float | None = None, **params: Any) -> Any:
        deadline = time.monotonic() + (timeout or self.timeout)
        query = {k: v for k, v in params.items() if v is not None}
        try:
            response = self._once("GET", name, deadline, params=query)
        except requests.RequestException as exc:
            self._drop_session()
            raise KioskError("hub_unreachable", url=self.url) from exc
        return self._result(response)

    def _post(self, name: str, key: str | None = None, **body: Any) -> Any:
        """One action: the same idempotency key on every retry until the deadline."""
        key = key or str(uuid.uuid4())
        deadline = time.monotonic() + self.action_deadline
        while True:
            try:
                response = self._once("POST", name, deadline, json=body,
                                      headers={"Idempotency-Key": key})
            except requests.RequestException as exc:
                self._drop_session()
                if time.monotonic() + RETRY_PAUSE_S >= deadline:
                    raise KioskError("hub_unreachable", url=self.url) from exc
                time.sleep(RETRY_PAUSE_S)
                continue
            if response.status_code in (502, 503, 504) and time.monotonic() < deadline:
                time.sleep(RETRY_PAUSE_S)
                continue
            return self._result(response)

    # --- reading ---------------------------------------------------------------------------
    def services(self) -> tuple[ServiceInfo, ...]:
        return decode(tuple[ServiceInfo, ...], self._get("services"))

    def issue_window(self) -> IssueWindow:
        return decode(IssueWindow, self._get("issue_window"))

    def ticket(self, ticket_id: str) -> Ticket | None:
        return decode(Ticket | None, self._get("ticket", id=ticket_id))

    def ticket_by_label(self, label: str, day: str | None = None) -> Ticket | None:
        return decode(Ticket | None, self._get("ticket_by_label", label=label, day=day))

    def counter_view(self, counter: int) -> CounterView:
        return decode(CounterView, self._get("counter_view", counter=counter))

    def board_state(self) -> BoardState:
        return decode(BoardState, self._get("board_state"))

    def figures(self, day: str | None = None) -> DayFigures:
        return decode(DayFigures, self._get("figures", day=day))

    def watermark(self) -> int:
        return int(self._get("watermark"))

    def wait_change(self, after: int, timeout: float = 30.0, wait: float | None = None) -> int:
        """Long poll: the watermark as soon as it differs from `after` (or `after` again when the
        hub's window ends: `wait` seconds, at most 25). Boards and consoles wait here instead of
        polling."""
        deadline = time.monotonic() + timeout
        params: dict[str, float] = {"after": after}
        if wait is not None:
            params["wait"] = wait
        try:
            response = self._once("GET", "events", deadline, params=params)
        except requests.RequestException as exc:
            self._drop_session()
            raise KioskError("hub_unreachable", url=self.url) from exc
        if response.status_code != 200:
            raise _refusal(response)
        return int(response.json()["watermark"])

    def ping(self) -> bool:
        try:
            return self._once("GET", "ping", time.monotonic() + self.timeout).status_code == 200
        except requests.RequestException:
            self._drop_session()
            return False

    # --- resident --------------------------------------------------------------------------
    def take(self, service_id: str | None, *, priority: bool = False,
             booking_code: str | None = None, limited: bool = False) -> Ticket:
        return decode(Ticket, self._post("take", service_id=service_id, priority=priority,
                                         booking_code=booking_code, limited=limited))

    def cancel(self, ticket_id: str) -> Ticket:
        return decode(Ticket, self._post("cancel", ticket_id=ticket_id))

    def rate(self, ticket_id: str, level: RatingLevel) -> None:
        self._post("rate", ticket_id=ticket_id, level=level)

    # --- clerk -----------------------------------------------------------------------------
    def call_next(self, counter: int, clerk: str | None = None) -> Ticket | None:
        return decode(Ticket | None, self._post("call_next", counter=counter, clerk=clerk))

    def recall(self, counter: int, clerk: str | None = None) -> Ticket:
        return decode(Ticket, self._post("recall", counter=counter, clerk=clerk))

    def start_serving(self, counter: int, clerk: str | None = None) -> Ticket:
        return decode(Ticket, self._post("start_serving", counter=counter, clerk=clerk))

    def no_show(self, counter: int, clerk: str | None = None) -> Ticket:
        return decode(Ticket, self._post("no_show", counter=counter, clerk=clerk))

    def transfer(self, counter: int, to_service_id: str, clerk: str | None = None) -> Ticket:
        return decode(Ticket, self._post("transfer", counter=counter,
                                         to_service_id=to_service_id, clerk=clerk))

    def finish(self, counter: int, clerk: str | None = None) -> Ticket:
        return decode(Ticket, self._post("finish", counter=counter, clerk=clerk))

    def set_counter_open(self, counter: int, open: bool, clerk: str | None = None) -> None:
        self._post("set_counter_open", counter=counter, open=open, clerk=clerk)

    # --- day -------------------------------------------------------------------------------
    def close_day(self) -> int:
        return int(self._post("close_day"))

