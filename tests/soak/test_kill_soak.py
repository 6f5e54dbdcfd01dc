"""The long version of the kill -9 test, for make soak: many more kills on one store."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.durability import audit, kill_loop
from tests.test_durability import _noise_jpeg

KILLS = 150


@pytest.mark.soak
def test_many_kills_lose_nothing(tmp_path: Path) -> None:
    photo = _noise_jpeg(tmp_path / "p.jpg", 400)
    run = kill_loop(tmp_path / "data", photo, kills=KILLS, seed=7)
    result = audit(tmp_path / "data" / "caunoi.sqlite3", run.acknowledged)
    print(f"\nSOAK kill -9: kills={run.kills} {result}")
    assert run.kills == KILLS and result["acknowledged"] > KILLS
    assert result["integrity_ok"] == 1 and result["lost"] == 0 and result["duplicates"] == 0
    assert result["reports_without_outbox"] == 0 and result["photo_mismatch"] == 0
