"""Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And Jitter"):
the wait is uniform in [0, min(cap, base·2^attempt)], so a commune's kiosks that lost the link
together do not all come back in the same second."""
from __future__ import annotations

import random

_rng = random.SystemRandom()


def next_delay(attempt: int, *, base: float = 5.0, cap: float = 900.0,
               rng: random.Random | None = None, retry_after: float | None = None) -> float:
    """Seconds to wait before try number `attempt + 1` (attempt counts failures so far, from 0).
    A server's Retry-After is a floor: we never come back sooner than it asked."""
    ceiling = min(cap, base * (2 ** min(max(attempt, 0), 30)))
    delay = (rng or _rng).uniform(0.0, ceiling)
    if retry_after is not None:
        delay = max(delay, min(retry_after, cap))
    return delay
