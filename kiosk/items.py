"""The payload of each outbox item, built from its record (no HTTP, no sync/ import).

The payloads are plain dicts shaped like sync/protocol.py's ReportPayload, RatingPayload and
TicketEventPayload (kiosk/ must not import sync/: main → ui → sync → kiosk). Every field is
always present, None when unknown: then the dict sent equals the model's own `model_dump(mode=
"json")`, so the hash (kiosk.canonical.content_hash over exactly this dict) is the same whether
the server hashes the raw payload or its validated form.

The hash is fixed when the record is created, inside the transaction that writes the outbox row
(`hash_for`). Rows written before migration 7 have none; `fill_missing_hashes` computes them from
the (unchanged) records; the sync calls it before it reads the outbox.
"""
from __future__ import annotations

import sqlite3
from typing import Any

from kiosk import personal
from kiosk.canonical import content_hash

KINDS = ("report", "ticket_event", "rating", "audit")


def report_payload(conn: sqlite3.Connection, report_id: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT code, category_id, text, hamlet_id, address, lat, lon, contact_name_enc,"
        " contact_phone_enc, consent_hash, channel, created_utc, device_utc, due_date,"
        " address_enc, assisted_by FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise LookupError(f"no report {report_id}")
    # The personal fields are sealed at rest (kiosk/personal.py) and go to the province in
    # plain text over TLS, as they were hashed at creation. Once purged (after the province
    # acknowledged the report) they are None here: the stored item hash stays, and an
    # acknowledged item is never sent again.
    private = personal.open_values(conn, report_id, (row[7], row[8], row[14]))
    media = [r[0] for r in conn.execute(
        "SELECT sha256 FROM report_media WHERE report_id = ? ORDER BY position", (report_id,))]
    return {
        "tracking_code": row[0], "category": row[1], "text": row[2], "hamlet": row[3],
        "address": private.private_address if row[14] is not None else row[4],
        "lat": row[5], "lon": row[6], "contact_name": private.name,
        "contact_phone": private.phone, "consent_hash": row[9], "channel": row[10],
        "created_at": row[11], "device_time": row[12], "due_date": row[13], "media": media,
        # The volunteer who filed it on the resident's behalf; NULL (None) for every report
        # filed before migration 11, so their stored hashes stay what they were.
        "assisted_by": row[15],
    }


def rating_payload(conn: sqlite3.Connection, rating_id: str) -> dict[str, Any]:
    row = conn.execute("SELECT ticket_id, level, at_utc FROM ratings WHERE id = ?",
                       (rating_id,)).fetchone()
    if row is not None:
        return {"subject": "ticket", "subject_id": row[0], "level": row[1], "comment": None,
                "at": row[2]}
    # A report's answer rated at the lookup screen (kiosk/report_rating.py): the subject is the
    # canonical tracking code, which the server resolves to its case.
    row = conn.execute("SELECT tracking_code, level, comment, at_utc FROM report_ratings"
                       " WHERE id = ?", (rating_id,)).fetchone()
    if row is None:
        raise LookupError(f"no rating {rating_id}")
    return {"subject": "report", "subject_id": row[0], "level": row[1], "comment": row[2],
            "at": row[3]}


def ticket_event_payload(conn: sqlite3.Connection, event_uuid: str) -> dict[str, Any]:
    # The clerk's name stays at the office: the province gets times and counters, not people.
    row = conn.execute(
        "SELECT e.ticket_id, t.label, e.office_day, e.kind, e.at_utc, e.service_id, e.counter,"
        " e.target_service_id, e.lane, e.wait_s, e.service_s"
        " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.uuid = ?",
        (event_uuid,)).fetchone()
    if row is None:
        raise LookupError(f"no ticket event {event_uuid}")
    return {"ticket_id": row[0], "label": row[1], "office_day": row[2], "event": row[3],
            "at": row[4], "service": row[5], "counter": row[6], "target_service": row[7],
            "lane": row[8], "wait_s": row[9], "service_s": row[10]}


def audit_payload(conn: sqlite3.Connection, seq: str) -> dict[str, Any]:
    """An audit-log entry (kiosk/audit.py): a role, an action, a time, maybe a tracking code."""
    row = conn.execute("SELECT actor, action, target, detail, at_utc FROM audit_log"
                       " WHERE seq = ?", (int(seq),)).fetchone()
    if row is None:
        raise LookupError(f"no audit entry {seq}")
    return {"actor": row[0], "action": row[1], "target": row[2], "detail": row[3],
            "at": row[4]}


_BUILDERS = {"report": report_payload, "rating": rating_payload,
             "ticket_event": ticket_event_payload, "audit": audit_payload}


def payload(conn: sqlite3.Connection, kind: str, ref_id: str) -> dict[str, Any]:
    """The payload of an outbox row (kind, ref_id) as it would be sent now."""
    return _BUILDERS[kind](conn, ref_id)


def hash_for(conn: sqlite3.Connection, kind: str, ref_id: str) -> str:
    """content_hash of the record's payload; call it in the transaction writing the outbox row."""
    return content_hash(kind, payload(conn, kind, ref_id))


def fill_missing_hashes(conn: sqlite3.Connection) -> int:
    """Hash the outbox rows written before migration 7 (inside the caller's transaction).

    Returns how many rows were filled. Records of those rows were never edited (editing came with
    sync), so today's payload is the one they were created with."""
    rows = conn.execute("SELECT seq, kind, ref_id FROM outbox WHERE item_hash IS NULL").fetchall()
    for seq, kind, ref_id in rows:
        conn.execute("UPDATE outbox SET item_hash = ? WHERE seq = ?",
                     (hash_for(conn, kind, ref_id), seq))
    return len(rows)
