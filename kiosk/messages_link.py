"""Words for the link and credential errors of sync (sync/http.py, sync/secrets.py), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError / SyncError codes.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
