"""200 small reports with photos synced through random faults (every kind), server kill -9 in
the middle of syncs and `sync run` children killed -9 in the middle of theirs, with a fixed seed:
every report on the server exactly once, every photo complete, the outbox empty, no duplicate
case. The 1,000-report version is tests/soak/test_sync_soak.py (same driver)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.secrets_support import file_keyring_env  # noqa: F401 - fixture
from tests.server_support import Province
from tests.sync_faults_support import SoakPlan, run_soak

PLAN = SoakPlan(reports=200, first=30, per_round=(1, 5), photo_share=0.35,
                photo_side=(40, 110), fault_probability=0.4, after_bytes=(0, 6_000),
                upload_cut_share=0.15, upload_cut_at=(0, 20_000),
                deadline_s=2.5, server_kill_every=6, client_kill_every=5,
                client_kill_at=(0.0, 0.25), min_rounds=60, seed=20261122)


@pytest.fixture
def small_batches(tmp_path: Path) -> Iterator[Province]:
    """The reference server with 25-item batches, so one sync is several batches and a fault or
    a kill often falls between two of them."""
    server = Province(tmp_path / "province.sqlite3",
                      extra_args=["--max-batch-items", "25"]).start()
    try:
        yield server
    finally:
        server.kill()


def test_200_reports_survive_faults_and_kills(
        tmp_path: Path, small_batches: Province,
        file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    run = run_soak(tmp_path / "kiosk", small_batches, file_keyring_env, PLAN)
    print(f"\nSYNC FAULTS: {run.summary()}")
    assert run.problems == [], "\n".join(run.problems) + "\n" + run.summary()
    assert run.reports == PLAN.reports and run.audit["server_cases"] == PLAN.reports
    assert run.audit["lost"] == 0 and run.audit["duplicates"] == 0
    assert run.audit["pending"] == 0 and run.audit["quarantined"] == 0
    # the run really was hostile: faults of every kind struck, both ends were killed
    assert set(run.faults) == {"reset_request", "reset_response", "truncate", "blackhole",
                               "drip"}, run.faults
    assert run.server_kills >= 5 and run.client_kills >= 3
    assert run.syncs_failed >= 5
