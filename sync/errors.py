"""SyncError: a KioskError whose code says what went wrong with the link, the server or the
credentials. The words are in kiosk/messages_link.py and kiosk/messages_sync.py."""
from __future__ import annotations

from typing import Any

from kiosk.errors import KioskError

# Codes that mean "try again later" (the backoff applies); anything else needs a person.
TRANSIENT = frozenset({"link_down", "link_timeout", "server_busy", "not_our_server",
                       "response_too_large", "sync_running"})


class SyncError(KioskError):
    def __init__(self, code: str, *, retry_after: float | None = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.retry_after = retry_after

    @property
    def transient(self) -> bool:
        return self.code in TRANSIENT
