"""Kill -9 while filing: run the filer child, SIGKILL it at random moments, collect what it
reported saved. Shared by the test (≥30 kills) and the soak (many more)."""
from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

FILER = Path(__file__).resolve().parent / "tools" / "filer.py"


@dataclass
class KillRun:
    kills: int = 0
    acknowledged: list[str] = field(default_factory=list)


def run_then_kill(cmd: list[str], rng: random.Random, low: float, high: float) -> list[str]:
    """Start `cmd`, SIGKILL it after a random delay (start-up included: early kills too) and
    return the lines it printed before dying. A child that died by itself is an error."""
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    deadline = time.monotonic() + rng.uniform(low, high)
    buffer = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], 0.01)
        if ready:
            chunk = os.read(child.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
    child.send_signal(signal.SIGKILL)
    buffer += child.stdout.read()   # lines written before the kill are still in the pipe
    stderr = child.stderr.read() if child.stderr else b""
    child.wait()
    if child.returncode != -signal.SIGKILL:
        raise RuntimeError(f"child died by itself: {stderr.decode(errors='replace')}")
    return buffer.decode().splitlines()


def kill_loop(data_dir: Path, photo: Path, kills: int, seed: int = 1) -> KillRun:
    rng = random.Random(seed)
    run = KillRun()
    while run.kills < kills:
        lines = run_then_kill([sys.executable, str(FILER), str(data_dir), str(photo)],
                              rng, 0.2, 1.2)
        run.kills += 1
        run.acknowledged += [line.split()[1] for line in lines if line.startswith("SAVED ")]
    return run


def audit(db_path: Path, acknowledged: list[str]) -> dict[str, int]:
    """Lost = acknowledged but absent; duplicates = codes or outbox rows stored twice."""
    conn = sqlite3.connect(db_path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        stored = {r[0] for r in conn.execute("SELECT code FROM reports")}
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        outbox = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM reports r LEFT JOIN outbox o ON o.ref_id = r.id"
            " WHERE o.seq IS NULL").fetchone()[0]
        odd_photos = conn.execute(
            "SELECT count(*) FROM reports r WHERE (SELECT count(*) FROM report_media m"
            " WHERE m.report_id = r.id) != (CAST(replace(r.text, 'Rác thải tồn đọng lần ', '') AS INTEGER) % 2)").fetchone()[0]
    finally:
        conn.close()
    return {
        "integrity_ok": int(integrity == "ok"),
        "acknowledged": len(acknowledged),
        "lost": len(set(acknowledged) - stored),
        "duplicates": (len(acknowledged) - len(set(acknowledged))) + (reports - len(stored)),
        "reports_without_outbox": orphans,
        "outbox_rows": outbox,
        "reports": reports,
        "photo_mismatch": odd_photos,
    }
