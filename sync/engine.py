"""One sync with the provincial server, start to end (docs/sync.md "Client flow").

lock → hello → for each batch: photos first, then the batch, results committed → changes feed
→ last_success / clock offset recorded. Every step commits what it finished, so a failure half
way keeps everything before it (a retried batch is answered `duplicate`, never applied twice).

The backoff state (failures so far, next attempt) is kept in settings (`sync.backoff`), so the
UI's timer and a headless `sync run` from a scheduled task agree on when to try next.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any, Protocol

from kiosk import catalog
from kiosk.clock import from_iso, to_iso, utc_now
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from sync import changes, enrol, media, outbox
from sync.backoff import next_delay
from sync.errors import SyncError
from sync.lock import sync_lock
from sync.outbox import Quarantined, quarantined, resend_report  # re-exported for the UI
from sync.secrets import SecretStore

log = logging.getLogger(__name__)

LAST_SUCCESS_KEY = "sync.last_success"
CLOCK_OFFSET_KEY = "sync.clock_offset_s"
LAST_ERROR_KEY = "sync.last_error"
BACKOFF_KEY = "sync.backoff"
CA_BUNDLE_KEY = "sync.ca_bundle"

__all__ = ["SyncReport", "run_sync", "sync_status", "due", "quarantined", "resend_report",
           "Quarantined"]


class TransportFactory(Protocol):
    def __call__(self, base_url: str, token: str | None = None, *,
                 ca_bundle: str | None = None) -> Any: ...


@dataclass
class SyncReport:
    sent: int = 0
    duplicates: int = 0
    rejected: int = 0
    conflicts: int = 0
    retried: int = 0
    pulled: int = 0
    pending: int = 0
    quarantined: int = 0
    photos_uploaded: int = 0
    error: KioskError | None = None

    def as_json(self) -> dict[str, Any]:
        # not asdict(): it deep-copies the error, which exceptions do not all support
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)
                               if f.name != "error"}
        out["error"] = self.error.code if self.error else None
        return out


def _default_factory(base_url: str, token: str | None = None, *,
                     ca_bundle: str | None = None) -> Any:
    from sync.http import Transport

    return Transport(base_url, token, ca_bundle=ca_bundle)


def run_sync(store: Store, *, secrets: SecretStore | None = None,
             transport_factory: TransportFactory | None = None,
             progress: Callable[[str, int], None] | None = None) -> SyncReport:
    """One full sync; never raises a KioskError (it is in `report.error`, and in settings)."""
    report = SyncReport()
    conn = store.conn()
    with sync_lock(store.data_dir) as mine:
        if not mine:
            report.error = SyncError("sync_running")
            _count(conn, report)
            return report     # another process syncs: its result counts, not ours
        try:
            _run(store, conn, report, secrets, transport_factory or _default_factory, progress)
        except KioskError as exc:
            report.error = exc
            _record_failure(conn, exc)
        except Exception as exc:  # noqa: BLE001 - the log gets the traceback, the person a code
            log.exception("sync failed")
            report.error = SyncError("server_refused", status=0, error=type(exc).__name__,
                                     detail="")
            _record_failure(conn, report.error)
        _count(conn, report)
    return report


def _run(store: Store, conn: sqlite3.Connection, report: SyncReport,
         secrets: SecretStore | None, factory: TransportFactory,
         progress: Callable[[str, int], None] | None) -> None:
    server_url = catalog.get_setting(conn, enrol.SERVER_URL_KEY)
    if not server_url:
        raise SyncError("not_enrolled")
    secrets = secrets or SecretStore.for_store(conn, store.data_dir)
    token = enrol.token(secrets)
    if not token:
        raise SyncError("not_enrolled")
    ca_bundle = catalog.get_setting(conn, CA_BUNDLE_KEY)
    transport = factory(str(server_url), token, ca_bundle=str(ca_bundle) if ca_bundle else None)
    try:
        hello = transport.hello()
        _note_clock(conn, transport)
        for group in outbox.batches(outbox.pending(conn), hello.max_batch_items,
                                    hello.max_batch_bytes):
            _send(conn, transport, group, report)
            if progress is not None:
                progress("sent", report.sent + report.duplicates)
        media.prune(conn)
        report.pulled = changes.pull(
            conn, transport, limit=hello.max_changes,
            progress=(lambda n: progress("pulled", n)) if progress is not None else None)
        _note_clock(conn, transport)
        with transaction(conn):
            catalog.set_setting(conn, LAST_SUCCESS_KEY, to_iso(utc_now()))
            conn.execute("DELETE FROM settings WHERE key IN (?, ?)", (LAST_ERROR_KEY, BACKOFF_KEY))
    finally:
        transport.close()


def _send(conn: sqlite3.Connection, transport: Any, group: list[outbox.OutItem],
          report: SyncReport) -> None:
    from sync.protocol import BatchResult

    report.photos_uploaded += media.upload_missing(conn, transport, media.referenced(group))
    try:
        result = transport.json("POST", "/batches", BatchResult, body=outbox.make_batch(group))
    except SyncError as exc:
        # No answer (or a refusal of the whole batch): each item stays pending, attempts+1.
        outbox.count_attempt_failure(conn, group, exc.code)
        raise
    tally = outbox.apply_result(conn, group, result)
    report.sent += tally.sent
    report.duplicates += tally.duplicates
    report.rejected += tally.rejected
    report.conflicts += tally.conflicts
    report.retried += tally.retried


def _note_clock(conn: sqlite3.Connection, transport: Any) -> None:
    offset = getattr(transport, "clock_offset_s", None)
    if offset is not None:
        with transaction(conn):
            catalog.set_setting(conn, CLOCK_OFFSET_KEY, offset)


def _record_failure(conn: sqlite3.Connection, error: KioskError) -> None:
    """Keep the error code and schedule the next try (full-jitter backoff, Retry-After floor)."""
    if error.code == "sync_running":
        return
    try:
        with transaction(conn):
            state = catalog.get_setting(conn, BACKOFF_KEY, {}) or {}
            attempt = int(state.get("attempt", 0))
            delay = next_delay(attempt, retry_after=getattr(error, "retry_after", None))
            catalog.set_setting(conn, BACKOFF_KEY, {
                "attempt": attempt + 1,
                "next_attempt": to_iso(utc_now() + timedelta(seconds=delay))})
            catalog.set_setting(conn, LAST_ERROR_KEY, {
                "code": error.code, "at": to_iso(utc_now()),
                # params hold URLs, statuses and codes; never tokens or personal data
                "params": {k: str(v)[:200] for k, v in error.params.items()}})
    except sqlite3.Error:
        log.exception("could not record the sync failure")


def _count(conn: sqlite3.Connection, report: SyncReport) -> None:
    c = outbox.counts(conn)
    report.pending, report.quarantined = c["pending"], c["quarantined"]


def due(conn: sqlite3.Connection, now: datetime | None = None) -> bool:
    """Whether the backoff allows a try now (no failure recorded → yes)."""
    state = catalog.get_setting(conn, BACKOFF_KEY) or {}
    nxt = state.get("next_attempt") if isinstance(state, dict) else None
    return nxt is None or from_iso(nxt) <= (now or utc_now())


def sync_status(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the staff panel and `sync status` show; reads settings and counts only (no secrets)."""
    c = outbox.counts(conn)
    backoff = catalog.get_setting(conn, BACKOFF_KEY) or {}
    last_error = catalog.get_setting(conn, LAST_ERROR_KEY)
    return {
        "pending": c["pending"],
        "quarantined": c["quarantined"],
        "sent": c["sent"],
        "last_success": catalog.get_setting(conn, LAST_SUCCESS_KEY),
        "clock_offset_s": catalog.get_setting(conn, CLOCK_OFFSET_KEY),
        "server_url": catalog.get_setting(conn, enrol.SERVER_URL_KEY),
        "device_id": catalog.get_setting(conn, enrol.DEVICE_ID_KEY),
        "commune": catalog.get_setting(conn, enrol.COMMUNE_KEY),
        "enrolled": enrol.enrolled(conn),
        "last_error": last_error.get("code") if isinstance(last_error, dict) else last_error,
        "last_error_detail": last_error,
        "attempts": int(backoff.get("attempt", 0)) if isinstance(backoff, dict) else 0,
        "next_attempt": backoff.get("next_attempt") if isinstance(backoff, dict) else None,
    }
