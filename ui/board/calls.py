"""Which calls the board still has to announce. Pure Python: the rule is easy to get wrong and
worth testing alone.

A call is new when its event id is above the highest one seen so far (ids only grow). The first
state seen only sets that mark: calls made before the board started are shown, never said.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kiosk.queue.api import Call


class Announces(Protocol):
    """What the board needs of ui.speech.Announcer (a test may pass its own)."""

    def announce(self, ticket: str, counter: int) -> object: ...


class CallTracker:
    def __init__(self) -> None:
        self.last_event: int | None = None

    def new_calls(self, recent: Sequence[Call]) -> list[Call]:
        """The calls to announce, oldest first; `recent` is newest first (BoardState)."""
        newest = max((call.event_id for call in recent), default=0)
        if self.last_event is None:
            self.last_event = newest
            return []
        fresh = sorted((c for c in recent if c.event_id > self.last_event),
                       key=lambda c: c.event_id)
        self.last_event = max(self.last_event, newest)
        return fresh
