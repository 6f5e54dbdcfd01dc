"""Words for the sync results, enrolment and quarantine reasons (sync/engine.py, server reasons), Vietnamese first.

Merged into kiosk.messages.MESSAGES; keys are KioskError / SyncError codes.
"""
from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
