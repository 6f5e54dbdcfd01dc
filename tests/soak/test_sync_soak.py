"""The long version of tests/test_sync_faults.py, for make soak: 1,000 reports, each with 1–3
photos of ~20–60 KB, synced through random faults of every kind, the server killed -9
in the middle of syncs and `sync run` children killed -9 in the middle of theirs. Prints the
figures (run with -s, as `make soak` does)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.secrets_support import file_keyring_env  # noqa: F401 - fixture
from tests.server_support import Province
from tests.sync_faults_support import SoakPlan, run_soak

PLAN = SoakPlan(reports=1000, first=60, per_round=(2, 7), photo_share=1.0,
                photo_side=(160, 280), fault_probability=0.4, after_bytes=(0, 6_000),
                upload_cut_share=0.25, upload_cut_at=(0, 250_000), deadline_s=3.0,
                server_kill_every=7, client_kill_every=5, client_kill_at=(0.0, 0.4),
                min_rounds=220, converge_rounds=15, seed=1122)


@pytest.fixture
def small_batches(tmp_path: Path) -> Iterator[Province]:
    server = Province(tmp_path / "province.sqlite3",
                      extra_args=["--max-batch-items", "25"]).start()
    try:
        yield server
    finally:
        server.kill()


@pytest.mark.soak
def test_1000_reports_with_photos_survive_faults_and_kills(
        tmp_path: Path, small_batches: Province,
        file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    run = run_soak(tmp_path / "kiosk", small_batches, file_keyring_env, PLAN)
    print(f"\nSOAK sync faults: {run.summary()}")
    assert run.problems == [], "\n".join(run.problems) + "\n" + run.summary()
    assert run.reports == PLAN.reports and run.audit["server_cases"] == PLAN.reports
    assert run.audit["lost"] == 0 and run.audit["duplicates"] == 0
    assert run.audit["pending"] == 0 and run.audit["quarantined"] == 0
    assert set(run.faults) == {"reset_request", "reset_response", "truncate", "blackhole",
                               "drip"}, run.faults
    assert run.server_kills >= 20 and run.client_kills >= 15
