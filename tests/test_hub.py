"""The office hub in a thread on loopback, the HubQueue client against it: the same records and
error codes as LocalQueue, pairing, tokens, idempotent actions, the long poll, the CLI."""
from __future__ import annotations

import json
import threading
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub import pairing
from kiosk.hub.client import HubQueue, pair
from kiosk.hub.station import station_queue
from kiosk.hub.server import HubServer
from kiosk.messages import describe
from kiosk.queue.api import QueueService
from kiosk.queue.local import LocalQueue
from tests.hub_support import free_port, hub_in_thread, station_token
from tests.queue_support import A, B
from tests.support import seeded_store
from tests.test_cli import run


@pytest.fixture()
def station(hub: tuple[HubServer, Store]) -> HubQueue:
    server, store = hub
    return HubQueue(server.url, station_token(server.url, store))


def test_hub_queue_is_a_queue_service_returning_what_local_returns(
        hub: tuple[HubServer, Store], station: HubQueue) -> None:
    _, store = hub
    local = LocalQueue(store)
    assert isinstance(station, QueueService)
    first = station.take(A, priority=True)
    station.take(B)
    assert first == local.ticket(first.id)
    assert station.ticket(first.id.upper()) == local.ticket(first.id)
    assert station.ticket_by_label("a1") == local.ticket_by_label("a1")
    assert station.ticket(str(uuid.uuid4())) is None
    called = station.call_next(1, clerk="Lan")
    assert called is not None and called.id == first.id and called.state == "called"
    assert station.services() == local.services()
    assert station.counter_view(1) == local.counter_view(1)
    assert station.board_state() == local.board_state()
    assert station.issue_window() == local.issue_window()
    assert station.watermark() == local.watermark()
    assert station.start_serving(1).state == "serving"
    assert station.transfer(1, B).state == "waiting"
    assert station.call_next(1) is not None
    assert station.recall(1).state == "called"
    done = station.finish(1)
    assert done.state == "finished"
    station.rate(done.id, "satisfied")
    station.set_counter_open(3, True)
    assert local.counter_view(3).open
    assert station.figures() == local.figures()
    assert station.close_day() == 0


def test_refusals_come_back_as_the_same_codes(station: HubQueue) -> None:
    with pytest.raises(KioskError) as idle:
        station.finish(1)
    assert idle.value.code == "queue_counter_idle" and idle.value.params == {"counter": 1}
    with pytest.raises(KioskError) as unknown:
        station.take("no-such-service")
    assert unknown.value.code == "queue_service_unknown"
    with pytest.raises(KioskError) as counter:
        station.counter_view(99)
    assert counter.value.code == "queue_counter_unknown"
    with pytest.raises(KioskError) as level:
        station.rate(station.take(A).id, "great")        # type: ignore[arg-type]
    assert level.value.code == "queue_rating_level"


def test_unpaired_clients_are_refused_with_a_sentence(hub: tuple[HubServer, Store]) -> None:
    server, _ = hub
    for token in (None, "", "not-a-token"):
        with pytest.raises(KioskError) as refused:
            HubQueue(server.url, token).services()
        assert refused.value.code == "hub_unpaired"
        with pytest.raises(KioskError):
            HubQueue(server.url, token).call_next(1)
    bare = requests.post(f"{server.url}/api/v1/call_next", json={"counter": 1}, timeout=5)
    assert bare.status_code == 401
    assert "chưa được ghép nối" in bare.json()["message"]
    events = requests.get(f"{server.url}/api/v1/events", params={"after": 0}, timeout=5)
    assert events.status_code == 401
    assert requests.get(f"{server.url}/api/v1/ping", timeout=5).status_code == 200


def test_pairing_code_is_single_use_short_hashed_and_expires(
        hub: tuple[HubServer, Store]) -> None:
    server, store = hub
    code = pairing.new_code(store.conn())
    assert 6 <= len(code) <= 8
    stored = [r[0] for r in store.conn().execute("SELECT code_hash FROM hub_pair_codes")]
    assert code not in stored and pairing.digest(code) in stored
    token = pair(server.url, code.lower(), "quầy 1")     # typed in lower case still works
    assert HubQueue(server.url, token).watermark() >= 0
    with pytest.raises(KioskError) as again:
        pair(server.url, code)
    assert again.value.code == "hub_pair_code_invalid"
    old = pairing.new_code(store.conn(), utc_now() - timedelta(minutes=11))
    with pytest.raises(KioskError) as expired:
        pair(server.url, old)
    assert expired.value.code == "hub_pair_code_invalid"
    tokens = [r[0] for r in store.conn().execute("SELECT token_hash FROM hub_tokens")]
    assert token not in tokens and pairing.digest(token) in tokens


def test_an_action_retried_with_the_same_key_is_applied_once(
        hub: tuple[HubServer, Store], station: HubQueue) -> None:
    server, store = hub
    station.take(A)
    station.take(A)
    key = str(uuid.uuid4())
    headers = {"Authorization": f"Bearer {station.token}", "Idempotency-Key": key}
    # The first answer is "lost": the client never reads it and sends the same action again.
    requests.post(f"{server.url}/api/v1/call_next", json={"counter": 1}, headers=headers,
                  timeout=5)
    retried = station._post("call_next", key=key, counter=1)
    again = station._post("call_next", key=key, counter=1)
    assert retried == again and retried["label"] == "A001"
    conn = store.conn()
    assert conn.execute("SELECT count(*) FROM ticket_events WHERE kind = 'called'"
                        ).fetchone()[0] == 1
    assert LocalQueue(store).ticket_by_label("A002").state == "waiting"   # type: ignore
    # Applied, but the hub died before it could write the answer: the retry is told so.
    conn.execute("INSERT INTO hub_requests (key, method, at_utc) VALUES ('k-applied-1',"
                 " 'call_next', '2099-01-01T00:00:00.000000Z')")
    with pytest.raises(KioskError) as applied:
        station._post("call_next", key="k-applied-1", counter=1)
    assert applied.value.code == "hub_request_applied"
    assert LocalQueue(store).ticket_by_label("A002").state == "waiting"   # type: ignore


def test_the_idempotency_key_is_written_with_the_action(
        hub: tuple[HubServer, Store], station: HubQueue) -> None:
    _, store = hub
    ticket = station.take(A)
    row = store.conn().execute("SELECT method, status, body FROM hub_requests").fetchone()
    assert row[0] == "take" and row[1] == 200
    assert json.loads(row[2])["result"]["id"] == ticket.id


def test_long_poll_returns_the_new_watermark_when_a_call_happens(
        station: HubQueue) -> None:
    station.take(A)
    start = station.watermark()
    assert station.wait_change(start - 1) == start        # already moved: at once
    seen: list[int] = []
    waiter = threading.Thread(target=lambda: seen.append(station.wait_change(start)))
    waiter.start()
    called = station.call_next(1)
    waiter.join(40)
    assert called is not None
    assert seen == [station.watermark()] and seen[0] != start


def test_an_unreachable_hub_raises_a_plain_sentence_not_silence() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    queue = HubQueue(url, "t", timeout=1.0, action_deadline=0.6)
    for action in (lambda: queue.call_next(1), queue.watermark, lambda: queue.wait_change(0)):
        with pytest.raises(KioskError) as down:
            action()
        assert down.value.code == "hub_unreachable"
    assert describe(down.value).startswith("Không kết nối được máy chủ của xã (máy hub)")
    assert "hub" in describe(down.value, "en")


def test_bad_requests_are_refused(station: HubQueue, hub: tuple[HubServer, Store]) -> None:
    server, _ = hub
    auth = {"Authorization": f"Bearer {station.token}"}
    for name, body in (("call_next", {"counter": "1"}), ("call_next", {"counter": True}),
                       ("take", {"service_id": A, "evil": 1}), ("drop_table", {})):
        answer = requests.post(f"{server.url}/api/v1/{name}", json=body, headers=auth, timeout=5)
        assert answer.status_code == 400 and answer.json()["error"] == "hub_bad_request"
    assert requests.get(f"{server.url}/api/v1/counter_view", params={"counter": "x"},
                        headers=auth, timeout=5).status_code == 400


def test_cli_pairs_and_runs_queue_commands_against_the_hub(
        hub: tuple[HubServer, Store], tmp_path: Path) -> None:
    server, store = hub
    hub_dir, station = store.data_dir, tmp_path / "station"
    made = run(hub_dir, "hub", "pair-code", "--json")
    assert made.returncode == 0, made.stderr
    code = json.loads(made.stdout)["code"]
    unpaired = run(station, "queue", "status", "--hub", server.url)
    assert unpaired.returncode != 0 and "ghép nối" in unpaired.stderr
    paired = run(station, "hub", "pair", "--hub", server.url, "--code", code, "--json")
    assert paired.returncode == 0, paired.stderr
    assert json.loads(paired.stdout) == {"paired": True, "hub": server.url}
    reused = run(tmp_path / "other", "hub", "pair", "--hub", server.url, "--code", code)
    assert reused.returncode != 0 and "Mã ghép nối" in reused.stderr
    taken = run(station, "queue", "take", "--service", A, "--no-pdf", "--json", "--hub",
                server.url)
    assert taken.returncode == 0, taken.stderr
    assert json.loads(taken.stdout)["ticket"] == "A001"
    called = run(station, "--hub", server.url, "queue", "call", "--counter", "2", "--json")
    assert json.loads(called.stdout)["ticket"] == "A001"
    status = run(station, "--hub", server.url, "queue", "status", "--json")
    assert json.loads(status.stdout)["counters"][1]["label"] == "A001"
    # The hub's own store has it (the station's local store does not).
    assert LocalQueue(store).counter_view(2).current.label == "A001"     # type: ignore
    local = run(station, "queue", "status", "--json")
    assert json.loads(local.stdout)["counters"][1]["label"] is None
    idle = run(station, "--hub", server.url, "queue", "finish", "--counter", "3")
    assert idle.returncode == 2 and "Quầy 3 chưa gọi số nào" in idle.stderr
    admin = run(station, "--hub", server.url, "queue", "admin", "services")
    assert admin.returncode == 2 and "chỉ chạy được ngay trên máy hub" in admin.stderr


def test_hub_serve_refuses_a_busy_port_with_a_sentence(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "hub")
    first = hub_in_thread(store)
    try:
        busy = run(tmp_path / "hub2", "hub", "serve", "--port", str(first.port))
        assert busy.returncode == 2 and str(first.port) in busy.stderr
    finally:
        first.stop()


def test_a_paired_station_uses_the_hub_queue(hub: tuple[HubServer, Store],
                                             tmp_path: Path) -> None:
    """ui/app.py builds its one queue with station_queue(): the hub's when paired."""
    server, store = hub
    station = seeded_store(tmp_path / "station")
    assert station_queue(station.conn()) is None
    code = pairing.new_code(store.conn())
    assert run(tmp_path / "station", "hub", "pair", "--hub", server.url, "--code",
               code).returncode == 0
    queue = station_queue(station.conn())
    assert isinstance(queue, HubQueue) and queue.url == server.url
    assert queue.take(A).label == "A001"
    assert LocalQueue(store).ticket_by_label("A001") is not None
    station.close()
