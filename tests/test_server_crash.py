"""Server: a batch is one transaction. Killed -9 before its commit it leaves nothing; killed after
its commit (the answer lost) the client's resend gets `duplicate` with the original ref."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import requests

from tests.server_support import (  # noqa: F401
    Province,
    enrol_device,
    item,
    post_batch,
    province,
    report_payload,
)


def _send_until_killed(province: Province, token: str, items: list[dict], marker: Path) -> None:
    """Post the batch in a thread; when the server parks at the fault point, kill -9 it."""
    outcome: list[object] = []

    def send() -> None:
        try:
            outcome.append(post_batch(province.url, token, items))
        except requests.RequestException as exc:
            outcome.append(exc)

    sender = threading.Thread(target=send)
    sender.start()
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert marker.exists(), "the server never reached the fault point"
    province.kill()
    sender.join(60)
    assert outcome and isinstance(outcome[0], requests.RequestException)  # no answer came back


def test_kill_before_commit_leaves_nothing(province: Province, tmp_path: Path) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    marker = tmp_path / "paused"
    province.restart(env={"CAUNOI_SERVER_PAUSE": f"batch_before_commit:{marker}"})
    batch = [item("report", report_payload()) for _ in range(3)]
    _send_until_killed(province, token, batch, marker)
    province.start()
    assert province.cases() == []
    results = post_batch(province.url, token, batch).json()["results"]
    assert [r["status"] for r in results] == ["accepted"] * 3
    assert len(province.cases()) == 3


def test_kill_after_commit_resend_is_duplicate_with_same_ref(province: Province,
                                                             tmp_path: Path) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    marker = tmp_path / "paused"
    province.restart(env={"CAUNOI_SERVER_PAUSE": f"batch_after_commit:{marker}"})
    batch = [item("report", report_payload()) for _ in range(3)]
    _send_until_killed(province, token, batch, marker)
    province.start()
    stored = {c["client_id"]: c["ref"] for c in province.cases()}
    assert set(stored) == {i["uuid"] for i in batch}
    results = post_batch(province.url, token, batch).json()["results"]
    assert [r["status"] for r in results] == ["duplicate"] * 3
    assert [r["ref"] for r in results] == [stored[i["uuid"]] for i in batch]


def test_concurrent_same_uuid_makes_one_case(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    report = item("report", report_payload())
    answers: list[dict] = []

    def send() -> None:
        answers.append(post_batch(province.url, token, [report]).json()["results"][0])

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(a["status"] for a in answers) == ["accepted"] + ["duplicate"] * 5
    assert len({a["ref"] for a in answers}) == 1 and len(province.cases()) == 1
