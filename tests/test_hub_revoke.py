"""Revoking a station on the hub (`hub revoke`), and the limit on wrong pairing codes."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
import requests

from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.hub import pairing
from kiosk.hub.client import HubQueue, pair
from kiosk.hub.server import HubServer
from kiosk.messages import describe
from tests.support import seeded_store
from tests.test_cli import run


def test_revoke_by_name_and_by_id_refuses_the_station_with_a_sentence(
        hub: tuple[HubServer, Store]) -> None:
    server, store = hub
    counter2 = HubQueue(server.url, pair(server.url, pairing.new_code(store.conn()), "Quầy 2"))
    counter3 = HubQueue(server.url, pair(server.url, pairing.new_code(store.conn()), "Quầy 3"))
    assert counter2.watermark() >= 0 and counter3.watermark() >= 0

    listed = run(store.data_dir, "hub", "stations", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["stations"]
    assert [r["station"] for r in rows] == ["Quầy 2", "Quầy 3"]

    by_name = run(store.data_dir, "hub", "revoke", "Quầy 2", "--json")
    assert by_name.returncode == 0, by_name.stderr
    assert json.loads(by_name.stdout) == {"revoked": [{"id": rows[0]["id"],
                                                       "station": "Quầy 2"}]}
    with pytest.raises(KioskError) as refused:
        counter2.watermark()
    assert refused.value.code == "hub_token_revoked"
    answer = requests.get(f"{server.url}/api/v1/watermark", timeout=5,
                          headers={"Authorization": f"Bearer {counter2.token}"})
    assert answer.status_code == 401
    assert answer.json()["message"] == describe(KioskError("hub_token_revoked"))
    assert "thu hồi" in answer.json()["message"]
    assert counter3.watermark() >= 0                       # the other station is untouched

    by_id = run(store.data_dir, "hub", "revoke", str(rows[1]["id"]), "--json")
    assert json.loads(by_id.stdout)["revoked"][0]["station"] == "Quầy 3"
    with pytest.raises(KioskError) as taken:
        counter3.take("tu-phap-ho-tich")
    assert "thu hồi" in describe(taken.value)
    again = run(store.data_dir, "hub", "revoke", "Quầy 3")
    assert again.returncode != 0 and "Quầy 3" in again.stderr


def test_wrong_codes_lock_pairing_for_ten_minutes(hub: tuple[HubServer, Store]) -> None:
    server, store = hub
    good = pairing.new_code(store.conn())
    for _ in range(pairing.FAILURE_LIMIT):
        with pytest.raises(KioskError) as wrong:
            pair(server.url, "AAAA-BBBB")
        assert wrong.value.code == "hub_pair_code_invalid"
    with pytest.raises(KioskError) as locked:
        pair(server.url, good)                 # even the right code waits now
    assert locked.value.code == "hub_pairing_locked"
    answer = requests.post(f"{server.url}/api/v1/pair", json={"code": good}, timeout=5)
    assert answer.status_code == 429
    assert "10 phút" in answer.json()["message"]
    # ten minutes later the code (still valid in this clock) is taken again
    later = utc_now() + pairing.FAILURE_WINDOW + timedelta(seconds=1)
    fresh = pairing.new_code(store.conn(), now=later)
    assert pairing.redeem(store.conn(), fresh, "Quầy 4", now=later)


def test_a_right_code_below_the_limit_still_pairs(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "hub")
    try:
        code = pairing.new_code(store.conn())
        for _ in range(pairing.FAILURE_LIMIT - 1):
            with pytest.raises(KioskError):
                pairing.redeem(store.conn(), "WRONG")
        assert pairing.redeem(store.conn(), code)
    finally:
        store.close()
