"""Cases made from reports: creation, status changes, public snapshots, the operator's list.

A snapshot carries only public fields; the report's personal fields stay in `cases.payload`.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server import changes
from server.clock import now
from server.db import Database
from server.schema import case_counters, case_events, cases
from sync.protocol import CaseSnapshot, ReportPayload

STATUSES = ("received", "assigned", "in_progress", "resolved", "rejected")


class CaseNotFound(LookupError):
    pass


def _next_ref(conn: Connection, commune: str) -> str:
    bumped = conn.execute(case_counters.update().where(case_counters.c.commune == commune)
                          .values(last=case_counters.c.last + 1)).rowcount
    if not bumped:   # first case of the commune (a concurrent insert fails and the batch retries)
        conn.execute(case_counters.insert().values(commune=commune, last=1))
    last = conn.execute(sa.select(case_counters.c.last)
                        .where(case_counters.c.commune == commune)).scalar_one()
    return f"PA-{commune}-{int(last):06d}"


def snapshot(conn: Connection, ref: str) -> CaseSnapshot:
    row = conn.execute(sa.select(cases).where(cases.c.ref == ref)).first()
    if row is None:
        raise CaseNotFound(ref)
    events = conn.execute(sa.select(case_events).where(case_events.c.ref == ref)
                          .order_by(case_events.c.id)).all()
    return CaseSnapshot(
        ref=row.ref, client_id=row.client_id, tracking_code=row.tracking_code,
        category=row.category, status=row.status, unit=row.unit, created_at=row.created_at,
        due_date=row.due_date, answer=row.answer, published_at=row.published_at,
        events=[{"status": e.status, "at": e.at, "unit": e.unit,
                 "note": e.note if e.published else None} for e in events])


def _emit(conn: Connection, ref: str, commune: str) -> CaseSnapshot:
    snap = snapshot(conn, ref)
    changes.emit(conn, commune, "case", snap.model_dump(mode="json"))
    return snap


def create(conn: Connection, client_id: str, commune: str, report: ReportPayload,
           raw_payload: dict[str, Any], received_at: str) -> str:
    ref = _next_ref(conn, commune)
    conn.execute(cases.insert().values(
        ref=ref, client_id=client_id, tracking_code=report.tracking_code, commune=commune,
        category=report.category, status="received", unit=None, created_at=received_at,
        due_date=report.due_date.isoformat(), payload=raw_payload))
    conn.execute(case_events.insert().values(ref=ref, status="received", at=received_at,
                                             published=False))
    _emit(conn, ref, commune)
    return ref


def set_status(db: Database, ref: str, status: str, note: str | None = None,
               publish: bool = False, unit: str | None = None) -> CaseSnapshot:
    """A new event; with `publish` the note becomes the published answer. Emits a change."""
    if status not in STATUSES:
        raise ValueError(status)
    with db.write() as conn:
        row = conn.execute(sa.select(cases.c.commune, cases.c.unit)
                           .where(cases.c.ref == ref)).first()
        if row is None:
            raise CaseNotFound(ref)
        stamp = now()
        values: dict[str, Any] = {"status": status}
        if unit is not None:
            values["unit"] = unit
        if publish and note:
            values.update(answer=note, published_at=stamp)
        conn.execute(cases.update().where(cases.c.ref == ref).values(**values))
        conn.execute(case_events.insert().values(
            ref=ref, status=status, at=stamp, note=note, published=bool(publish and note),
            unit=unit if unit is not None else row.unit))
        return _emit(conn, ref, row.commune)


def list_cases(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        rows = conn.execute(sa.select(
            cases.c.ref, cases.c.client_id, cases.c.tracking_code, cases.c.commune,
            cases.c.category, cases.c.status, cases.c.unit, cases.c.created_at,
            cases.c.due_date, cases.c.answer, cases.c.published_at).order_by(cases.c.created_at,
                                                                            cases.c.ref)).all()
    return [dict(r._mapping) for r in rows]


def tracking_code_holder(conn: Connection, tracking_code: str) -> str | None:
    """The ref of the case holding this tracking code, if any."""
    return conn.execute(sa.select(cases.c.ref)
                        .where(cases.c.tracking_code == tracking_code)).scalar()
