"""The outbox side of a sync: pending rows → batches → results applied, and the quarantine.

DESIGN.md rule 3: an item is `sent` only once its acknowledgement is committed, and every result
of a batch is committed in ONE transaction, so a crash between two batches never leaves a batch
half-applied. A rejected item is quarantined and never blocks the others.
"""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk import audit, catalog, items
from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.messages_sync import reason_key
from kiosk.reports import MAX_TEXT, check_location
from kiosk.text import clean_text, fold
from sync.protocol import Batch, BatchResult, Item

MAX_ERROR = 300


@dataclass(frozen=True)
class OutItem:
    """One pending outbox row, ready to go on the wire."""
    seq: int
    uuid: str
    kind: str
    ref_id: str
    created_utc: str
    hash: str
    payload: dict[str, Any]

    @property
    def media(self) -> list[str]:
        return list(self.payload.get("media", [])) if self.kind == "report" else []

    def wire(self) -> Item:
        return Item(uuid=self.uuid, kind=self.kind, hash=self.hash,  # type: ignore[arg-type]
                    created_at=self.created_utc, payload=self.payload)


def pending(conn: sqlite3.Connection, limit: int | None = None) -> list[OutItem]:
    """Pending rows in seq order. Rows from before migration 7 get their hash first."""
    if conn.execute("SELECT 1 FROM outbox WHERE item_hash IS NULL LIMIT 1").fetchone():
        with transaction(conn):
            items.fill_missing_hashes(conn)
    sql = ("SELECT seq, item_uuid, kind, ref_id, created_utc, item_hash FROM outbox"
           " WHERE state = 'pending' ORDER BY seq")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    # The payload is built from the record now; it is the one the stored hash was computed from
    # (records are immutable while pending: an edit makes a new item, see resend_report).
    return [OutItem(seq, u, kind, ref, created, h, items.payload(conn, kind, ref))
            for seq, u, kind, ref, created, h in conn.execute(sql).fetchall()]


def _envelope_bytes() -> int:
    return len(Batch(device_time=to_iso(utc_now()), items=[]).model_dump_json().encode())


def batches(pending_items: list[OutItem], max_items: int, max_bytes: int) -> Iterator[list[OutItem]]:
    """Consecutive groups within hello's limits, measured as the JSON the transport sends
    (decompressed: the server caps the inflated size). An item too big on its own still goes
    alone: the server's answer (413) is then the truth, not our guess."""
    envelope = _envelope_bytes()
    group: list[OutItem] = []
    size = envelope
    for item in pending_items:
        item_bytes = len(item.wire().model_dump_json().encode()) + 1   # + the comma
        if group and (len(group) >= max_items or size + item_bytes > max_bytes):
            yield group
            group, size = [], envelope
        group.append(item)
        size += item_bytes
    if group:
        yield group


def make_batch(group: list[OutItem], now: datetime | None = None) -> Batch:
    return Batch(device_time=to_iso(now or utc_now()), items=[i.wire() for i in group])


@dataclass
class Tally:
    sent: int = 0
    duplicates: int = 0
    rejected: int = 0
    conflicts: int = 0
    retried: int = 0
    confirmed_media: set[str] = field(default_factory=set)   # photos of accepted reports


def apply_result(conn: sqlite3.Connection, group: list[OutItem], result: BatchResult,
                 now: datetime | None = None) -> Tally:
    """Every item's result in one transaction; photos of accepted reports marked on the server."""
    at = to_iso(now or utc_now())
    by_uuid = {i.uuid: i for i in group}
    tally = Tally()
    with transaction(conn):
        for r in result.results:
            item = by_uuid.get(str(r.uuid))
            if item is None:       # an answer about an item we did not send: ignore it
                continue
            if r.status in ("accepted", "duplicate"):
                conn.execute("UPDATE outbox SET state = 'sent', server_ref = ?, sent_utc = ?,"
                             " reason = NULL, last_error = NULL WHERE seq = ? AND state = 'pending'",
                             (r.ref, at, item.seq))
                tally.sent += r.status == "accepted"
                tally.duplicates += r.status == "duplicate"
                tally.confirmed_media.update(item.media)
                # A report's personal fields stay sealed at the office until the retention
                # purge (kiosk/privacy.py): `privacy.retention_days` after this sent_utc, as the
                # consent text promises (kiosk/consent.py).
            elif r.status in ("rejected", "conflict"):
                reason = "conflict" if r.status == "conflict" else (r.reason or "other")
                conn.execute("UPDATE outbox SET state = 'quarantined', reason = ?,"
                             " last_error = NULL WHERE seq = ? AND state = 'pending'",
                             (reason[:60], item.seq))
                tally.rejected += r.status == "rejected"
                tally.conflicts += r.status == "conflict"
            else:   # retry: stays pending, counted, with why
                why = r.reason or "retry"
                if r.missing_media:
                    why += ": " + ",".join(h[:12] for h in r.missing_media)
                conn.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ?"
                             " WHERE seq = ?", (why[:MAX_ERROR], item.seq))
                tally.retried += 1
        if tally.confirmed_media:
            marks = [(at, h) for h in sorted(tally.confirmed_media)]
            conn.executemany("UPDATE media SET on_server_utc = coalesce(on_server_utc, ?)"
                             " WHERE sha256 = ?", marks)
    return tally


def count_attempt_failure(conn: sqlite3.Connection, group: list[OutItem], error: str) -> None:
    """A batch that never got an answer: its items stay pending with attempts+1 and the error."""
    with transaction(conn):
        conn.executemany("UPDATE outbox SET attempts = attempts + 1, last_error = ?"
                         " WHERE seq = ? AND state = 'pending'",
                         [(error[:MAX_ERROR], i.seq) for i in group])


# --- quarantine --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Quarantined:
    uuid: str
    kind: str
    ref_id: str
    tracking_code: str | None      # reports only
    reason: str
    text_vi: str
    text_en: str
    created_utc: str
    attempts: int

    def as_json(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "kind": self.kind, "tracking_code": self.tracking_code,
                "reason": self.reason, "message": self.text_vi, "message_en": self.text_en,
                "created_utc": self.created_utc}


def quarantined(conn: sqlite3.Connection) -> list[Quarantined]:
    rows = conn.execute(
        "SELECT o.item_uuid, o.kind, o.ref_id, r.code, o.reason, o.created_utc, o.attempts"
        " FROM outbox o LEFT JOIN reports r ON o.kind = 'report' AND r.id = o.ref_id"
        " WHERE o.state = 'quarantined' ORDER BY o.seq").fetchall()
    out = []
    for u, kind, ref_id, code, reason, created, attempts in rows:
        error = KioskError(reason_key(reason), reason=reason or "")
        out.append(Quarantined(u, kind, ref_id, code, reason or "other", describe(error, "vi"),
                               describe(error, "en"), created, attempts))
    return out


def _edit_fields(conn: sqlite3.Connection, report_id: str, *, category_id: str | None,
                 text: str | None, hamlet_id: str | None, clear_hamlet: bool,
                 location: tuple[float | None, float | None] | None) -> None:
    """Apply an edit to the report row (inside the caller's transaction), each field checked by
    the same rules as filing (kiosk.reports.validate)."""
    if category_id is not None:
        if catalog.category(conn, category_id) is None:
            raise KioskError("category_unknown", category=category_id)
        conn.execute("UPDATE reports SET category_id = ? WHERE id = ?", (category_id, report_id))
    if text is not None:
        cleaned = clean_text(text, field="text", max_len=MAX_TEXT, multiline=True) or ""
        conn.execute("UPDATE reports SET text = ?, text_fold = ? WHERE id = ?",
                     (cleaned, fold(cleaned), report_id))
    if clear_hamlet or hamlet_id is not None:
        if hamlet_id is not None and catalog.hamlet(conn, hamlet_id) is None:
            raise KioskError("hamlet_unknown", hamlet=hamlet_id)
        conn.execute("UPDATE reports SET hamlet_id = ? WHERE id = ?", (hamlet_id, report_id))
    if location is not None:
        lat, lon = location
        check_location(lat, lon)
        conn.execute("UPDATE reports SET lat = ?, lon = ? WHERE id = ?", (lat, lon, report_id))


def _requeue(conn: sqlite3.Connection, seq: int, report_id: str, at: str) -> str:
    """A NEW item (uuid, hash) for the report as it is now; the old row superseded."""
    new_uuid = str(uuid.uuid4())
    conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, item_hash)"
                 " VALUES (?, 'report', ?, ?, ?)",
                 (new_uuid, report_id, at, items.hash_for(conn, "report", report_id)))
    conn.execute("UPDATE outbox SET state = 'superseded', superseded_by = ? WHERE seq = ?",
                 (new_uuid, seq))
    return new_uuid


def resend_report(conn: sqlite3.Connection, item_uuid: str, *, category_id: str | None = None,
                  text: str | None = None, hamlet_id: str | None = None,
                  clear_hamlet: bool = False, now: datetime | None = None) -> str:
    """Edit a quarantined report and queue it again as a NEW item; returns the new item uuid.

    The report keeps its id and tracking code (the resident's receipt stays valid); the server
    keys on the item uuid, so the edit gets a new uuid and hash and the old row becomes
    'superseded' (never sent again). One transaction: the edit, the new row, the old row."""
    at = to_iso(now or utc_now())
    with transaction(conn):
        row = conn.execute("SELECT seq, kind, ref_id FROM outbox WHERE item_uuid = ?"
                           " AND state = 'quarantined'", (item_uuid,)).fetchone()
        if row is None:
            raise KioskError("quarantine_not_found", item=item_uuid)
        seq, kind, report_id = row
        if kind != "report":
            raise KioskError("quarantine_not_report", kind=kind)
        before = items.report_payload(conn, report_id)
        _edit_fields(conn, report_id, category_id=category_id, text=text, hamlet_id=hamlet_id,
                     clear_hamlet=clear_hamlet, location=None)
        after = items.report_payload(conn, report_id)
        reason = conn.execute("SELECT reason FROM outbox WHERE seq = ?", (seq,)).fetchone()[0]
        # The same content under a new uuid is fine after a conflict or a server-side problem,
        # but for a content rejection it would only be refused again.
        if after == before and reason not in ("conflict", "hash_mismatch"):
            raise KioskError("quarantine_no_change")
        new_uuid = _requeue(conn, seq, report_id, at)
    return new_uuid


def _changeable_row(conn: sqlite3.Connection, report_id: str) -> tuple[int, str]:
    """The newest outbox row of a report that has not left this device: (seq, state), or the
    KioskError saying why it cannot be changed any more (inside the caller's transaction)."""
    row = conn.execute("SELECT seq, state, exported_utc FROM outbox WHERE kind = 'report'"
                       " AND ref_id = ? ORDER BY seq DESC LIMIT 1", (report_id,)).fetchone()
    if row is None:
        raise KioskError("report_not_found")
    seq, state, exported = row
    if state == "sent":
        raise KioskError("report_already_sent")
    if state == "withdrawn":
        raise KioskError("report_withdrawn")
    if exported is not None:
        # On a stick: the office may queue this very uuid at any time; it is theirs now.
        raise KioskError("report_handed_over")
    return int(seq), str(state)


def edit_pending_report(conn: sqlite3.Connection, report_id: str, *,
                        category_id: str | None = None, text: str | None = None,
                        hamlet_id: str | None = None, clear_hamlet: bool = False,
                        location: tuple[float | None, float | None] | None = None,
                        now: datetime | None = None) -> str:
    """Edit a report not yet sent (pending, or refused by the province) and queue it as a NEW
    item; returns the new item uuid. Refused once it was sent or copied to a USB stick.

    As resend_report, in ONE transaction: the report row, the new outbox row, the old row
    superseded. An unsent item may already be on a stick somewhere, so its uuid must never
    carry different content: only a new uuid does. `location` (lat, lon) replaces both
    coordinates; (None, None) removes them."""
    at = to_iso(now or utc_now())
    with transaction(conn):
        seq, _state = _changeable_row(conn, report_id)
        before = items.report_payload(conn, report_id)
        _edit_fields(conn, report_id, category_id=category_id, text=text, hamlet_id=hamlet_id,
                     clear_hamlet=clear_hamlet, location=location)
        if items.report_payload(conn, report_id) == before:
            raise KioskError("report_no_change")
        new_uuid = _requeue(conn, seq, report_id, at)
    return new_uuid


MAX_WITHDRAW_REASON = 200


def withdraw_report(conn: sqlite3.Connection, report_id: str, reason: str, *,
                    actor: str = "volunteer", now: datetime | None = None) -> None:
    """Withdraw a report not yet sent at the resident's request: its outbox row becomes
    'withdrawn' (never sent), the report stays so its receipt still looks up ("withdrawn"), the
    resident's contact details are erased at once (nobody will call back about it), and the
    audit log records who withdrew which code and why. One transaction."""
    why = clean_text(reason, field="withdraw_reason", max_len=MAX_WITHDRAW_REASON) or ""
    when = now or utc_now()
    at = to_iso(when)
    with transaction(conn):
        seq, _state = _changeable_row(conn, report_id)
        code = conn.execute("SELECT code FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
        conn.execute("UPDATE outbox SET state = 'withdrawn', reason = 'withdrawn',"
                     " last_error = NULL WHERE seq = ?", (seq,))
        held = ("contact_name_enc IS NOT NULL OR contact_phone_enc IS NOT NULL"
                " OR address_enc IS NOT NULL")
        conn.execute("UPDATE reports SET withdrawn_utc = ?, contact_name_enc = NULL,"
                     " contact_phone_enc = NULL, address_enc = NULL,"
                     f" personal_erased_utc = CASE WHEN {held} THEN ? ELSE personal_erased_utc"
                     f" END, personal_erased_why = CASE WHEN {held} THEN 'request'"
                     " ELSE personal_erased_why END WHERE id = ?", (at, at, report_id))
        audit.record(conn, actor, "report_withdrawn", target=code, detail=why, at=when)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Outbox rows per state (superseded ones are history, not work)."""
    found = dict(conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
    return {s: int(found.get(s, 0)) for s in ("pending", "sent", "quarantined", "superseded")}


__all__ = ["OutItem", "Quarantined", "Tally", "apply_result", "batches", "count_attempt_failure",
           "counts", "edit_pending_report", "make_batch", "pending", "quarantined",
           "resend_report", "withdraw_report"]
