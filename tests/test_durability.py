"""Nothing acknowledged is lost: kill -9 at random moments; a full disk gives a clear error."""
from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.durability import audit, kill_loop
from tests.support import seeded_store

ROOT = Path(__file__).resolve().parents[1]


def _noise_jpeg(path: Path, side: int = 900) -> Path:
    """Random pixels compress badly: each photo adds real weight to the store."""
    from PIL import Image

    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path, "JPEG",
                                                                          quality=95)
    return path


def test_kill_9_loses_nothing_acknowledged(tmp_path: Path) -> None:
    photo = _noise_jpeg(tmp_path / "p.jpg", 400)
    run = kill_loop(tmp_path / "data", photo, kills=30, seed=20261122)
    result = audit(tmp_path / "data" / "caunoi.sqlite3", run.acknowledged)
    print(f"kills={run.kills} {result}")
    assert run.kills >= 30
    assert result["acknowledged"] > 0
    assert result["integrity_ok"] == 1
    assert result["lost"] == 0 and result["duplicates"] == 0
    assert result["reports_without_outbox"] == 0 and result["photo_mismatch"] == 0
    assert result["outbox_rows"] == result["reports"]


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # get EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_full_disk_gives_a_clear_error_and_no_partial_report(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seeded_store(data).close()
    env = dict(os.environ, CAUNOI_DATA_DIR=str(data))
    saved, failure = 0, None
    for i in range(40):
        photo = _noise_jpeg(tmp_path / f"big{i}.jpg")   # photos are content-addressed: vary them
        proc = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "report", "new", "--category", "khac",
             "--text", "Ống nước bị vỡ", "--photo", str(photo), "--json"],
            env=env, capture_output=True, text=True, encoding="utf-8",
            preexec_fn=_limit_file_size(3 * 1024 * 1024), timeout=60)
        if proc.returncode != 0:
            failure = proc
            break
        saved += 1
    assert failure is not None, "the file size limit was never reached"
    print(f"saved={saved} then: {failure.stderr.strip()}")
    assert "Traceback" not in failure.stderr
    assert "Bộ nhớ máy đã đầy" in failure.stderr or "Không ghi được dữ liệu" in failure.stderr
    conn = sqlite3.connect(data / "caunoi.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    with_photo = conn.execute("SELECT count(DISTINCT report_id) FROM report_media").fetchone()[0]
    outbox = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    assert reports == saved == with_photo == outbox   # the failed one left no trace
