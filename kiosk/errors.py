"""Errors the core raises: a stable code plus parameters, never user text.

The CLI and the UI turn the code into words (kiosk/messages.py holds the bilingual table), so
the core stays free of presentation and both faces say the same thing.
"""
from __future__ import annotations

from typing import Any


class KioskError(Exception):
    """A problem a person can act on. `code` is stable; `params` fill the message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # for logs; people see kiosk.messages.describe()
        return f"{self.code} {self.params}" if self.params else self.code
