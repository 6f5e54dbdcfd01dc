"""Test-only fault points: with CAUNOI_SERVER_PAUSE=<stage>:<marker file>, the server writes the
marker when it reaches <stage> and then hangs, so a test can kill -9 it exactly there.
Stages: `batch_before_commit`, `batch_after_commit`. Unset (always, in production): no effect."""
from __future__ import annotations

import os
import time
from pathlib import Path


def pause_point(stage: str) -> None:
    spec = os.environ.get("CAUNOI_SERVER_PAUSE", "")
    want, _, marker = spec.partition(":")
    if not spec or want != stage:
        return
    Path(marker).write_text(stage, encoding="utf-8")
    while True:          # until the test kills the process
        time.sleep(3600)
