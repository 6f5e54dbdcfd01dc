"""One-stop dossiers loaded by the operator (JSON list or CSV with a header).

A record has DossierSnapshot's fields plus `commune`, with a plain `secret` that is hashed here
(protocol.dossier_secret_hash) and never stored. Each dossier emits a change for its commune.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import TypeAdapter
from sqlalchemy.engine import Connection

from server import changes
from server.clock import now
from server.db import Database
from server.schema import dossiers
from sync.protocol import Commune, DossierSnapshot, dossier_secret_hash

_COMMUNE = TypeAdapter(Commune)


class DossierError(ValueError):
    """A record that cannot be loaded; the message names its position (1-based) and why."""


def read_file(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".csv" or not text.lstrip().startswith(("[", "{")):
        return [dict(row) for row in csv.DictReader(io.StringIO(text))]
    data = json.loads(text)
    return data if isinstance(data, list) else [data]


def _snapshot(record: dict[str, Any]) -> tuple[str, DossierSnapshot]:
    rec = {k: (None if v == "" else v) for k, v in record.items() if k is not None}
    commune = _COMMUNE.validate_python(str(rec.pop("commune", "") or ""))
    secret = rec.pop("secret", None)
    if secret is not None:
        rec["secret_sha256"] = dossier_secret_hash(str(rec.get("code", "")), str(secret))
    events = rec.get("events")
    if events is None:
        rec["events"] = []
    elif isinstance(events, str):   # a CSV cell holds the events as JSON
        rec["events"] = json.loads(events)
    return commune, DossierSnapshot.model_validate(rec)


def load_records(conn: Connection, records: list[dict[str, Any]]) -> int:
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise DossierError(f"record {n}: not an object")
        try:
            commune, snap = _snapshot(record)
        except (ValueError, TypeError) as exc:   # pydantic's ValidationError is a ValueError
            raise DossierError(f"record {n}: {str(exc).splitlines()[0][:200]}") from None
        body = snap.model_dump(mode="json")
        stamp = now()
        if conn.execute(dossiers.update().where(dossiers.c.code == snap.code)
                        .values(commune=commune, body=body, updated_at=stamp)).rowcount == 0:
            conn.execute(dossiers.insert().values(code=snap.code, commune=commune, body=body,
                                                  updated_at=stamp))
        changes.emit(conn, commune, "dossier", body)
    return len(records)


def load(db: Database, records: list[dict[str, Any]]) -> int:
    """All records or none (one transaction)."""
    with db.write() as conn:
        return load_records(conn, records)


def count(db: Database) -> int:
    with db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(dossiers)).scalar_one())
