"""Server time as the protocol writes it: UTC, milliseconds, a trailing Z."""
from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    """The server's clock is authoritative (DESIGN.md sync rule 7)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
