"""POST /batches: each item gets its own result; the whole batch is one transaction.

Exactly-once: the answer is computed inside the transaction that stores it, so a crash leaves all
or nothing, and a resend gets `duplicate` with the original ref. Order per item: hash over the raw
payload, then identity (uuid), then the kind's schema, then the kind's rules.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from server import cases, catalog
from server.clock import now
from server.db import Database
from server.enrol import Device
from server.errors import ApiError
from server.faults import pause_point
from server.media import missing_of
from server.schema import audit_entries, items, ratings, ticket_events
from sync.protocol import (
    PAYLOADS,
    AuditPayload,
    Batch,
    BatchResult,
    Item,
    ItemResult,
    RatingPayload,
    ReportPayload,
    TicketEventPayload,
    content_hash,
)

_ATTEMPTS = 3


def _rejected(item: Item, reason: str) -> ItemResult:
    return ItemResult(uuid=item.uuid, status="rejected", reason=reason)


def apply(db: Database, device: Device, batch: Batch) -> BatchResult:
    for _ in range(_ATTEMPTS):
        try:
            with db.write() as conn:
                received = now()
                known = catalog.category_ids(conn)
                results = [_apply_item(conn, device, item, received, known)
                           for item in batch.items]
                pause_point("batch_before_commit")
            pause_point("batch_after_commit")
            return BatchResult(results=results, server_time=now())
        except IntegrityError:
            # Another process stored the same uuid/tracking code/ref first: recompute, and the
            # second pass answers duplicate/conflict/tracking_code_taken from what it stored.
            continue
    raise ApiError(503, "busy", "could not store the batch; try again")


def _apply_item(conn: Connection, device: Device, item: Item, received: str,
                known: set[str]) -> ItemResult:
    try:
        recomputed = content_hash(item.kind, item.payload)
    except (TypeError, ValueError):
        return _rejected(item, "invalid_payload")
    if recomputed != item.hash:
        return _rejected(item, "hash_mismatch")
    prior = conn.execute(sa.select(items).where(items.c.uuid == str(item.uuid))).first()
    if prior is not None:
        if prior.hash == item.hash and prior.kind == item.kind:
            return ItemResult(uuid=item.uuid, status="duplicate", ref=prior.ref,
                              received_at=prior.received_at)
        return ItemResult(uuid=item.uuid, status="conflict", ref=prior.ref,
                          reason="uuid_reused_with_other_content")
    try:
        payload = PAYLOADS[item.kind].model_validate(item.payload)
    except ValidationError:
        return _rejected(item, "invalid_payload")
    if isinstance(payload, ReportPayload):
        outcome = _report(conn, device, item, payload, received, known)
    elif isinstance(payload, RatingPayload):
        outcome = _rating(conn, device, item, payload)
    elif isinstance(payload, AuditPayload):
        outcome = None           # an audit entry is stored as it came (_store_detail)
    else:
        assert isinstance(payload, TicketEventPayload)
        outcome = _ticket_event(conn, device, item, payload)
    if isinstance(outcome, ItemResult):
        return outcome
    conn.execute(items.insert().values(uuid=str(item.uuid), kind=item.kind, hash=item.hash,
                                       device_id=device.id, commune=device.commune,
                                       received_at=received, ref=outcome))
    _store_detail(conn, device, item, payload)
    return ItemResult(uuid=item.uuid, status="accepted", ref=outcome, received_at=received)


def _report(conn: Connection, device: Device, item: Item, report: ReportPayload, received: str,
            known: set[str]) -> ItemResult | str:
    if report.category not in known:
        return _rejected(item, "unknown_category")
    if cases.tracking_code_holder(conn, report.tracking_code) is not None:
        return _rejected(item, "tracking_code_taken")
    missing = missing_of(conn, list(report.media))
    if missing:
        return ItemResult(uuid=item.uuid, status="retry", reason="missing_media",
                          missing_media=missing)
    return cases.create(conn, str(item.uuid), device.commune, report, item.payload, received)


def _rating(conn: Connection, device: Device, item: Item,
            rating: RatingPayload) -> ItemResult | str | None:
    if rating.subject == "report" and cases.tracking_code_holder(conn, rating.subject_id) is None:
        return _rejected(item, "unknown_report")
    return None


def _ticket_event(conn: Connection, device: Device, item: Item,
                  event: TicketEventPayload) -> ItemResult | str | None:
    return None


def _store_detail(conn: Connection, device: Device, item: Item, payload: Any) -> None:
    """Ratings and ticket events are kept for the province's statistics (after the items row)."""
    if isinstance(payload, RatingPayload):
        ref = (cases.tracking_code_holder(conn, payload.subject_id)
               if payload.subject == "report" else None)
        conn.execute(ratings.insert().values(
            uuid=str(item.uuid), commune=device.commune, subject=payload.subject,
            subject_id=payload.subject_id, case_ref=ref, level=payload.level,
            comment=payload.comment, at=payload.at))
    elif isinstance(payload, AuditPayload):
        conn.execute(audit_entries.insert().values(
            uuid=str(item.uuid), commune=device.commune, device_id=device.id,
            actor=payload.actor, action=payload.action, target=payload.target,
            detail=payload.detail, at=payload.at))
    elif isinstance(payload, TicketEventPayload):
        conn.execute(ticket_events.insert().values(
            uuid=str(item.uuid), commune=device.commune, ticket_id=str(payload.ticket_id),
            event=payload.event, at=payload.at, payload=item.payload))
