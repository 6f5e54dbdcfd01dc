"""The province's catalog (report categories, queue services, extra days off), versioned.

Seeded on first start from resources/catalogs/ (data files, read relative to the repo root);
every load makes a new version and a global change.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server.clock import now
from server.schema import catalogs
from sync.protocol import CatalogSnapshot

CATALOGS = Path(__file__).resolve().parent.parent / "resources" / "catalogs"


def current(conn: Connection) -> CatalogSnapshot | None:
    body = conn.execute(sa.select(catalogs.c.body).order_by(catalogs.c.version.desc())
                        .limit(1)).scalar()
    return CatalogSnapshot.model_validate(body) if body is not None else None


def category_ids(conn: Connection) -> set[str]:
    snap = current(conn)
    return {c.id for c in snap.categories} if snap else set()


def load(conn: Connection, data: dict[str, Any]) -> CatalogSnapshot:
    """Store `data` (categories.json shape + optional services/extra_holidays/extra_workdays) as the
    next version; raises pydantic.ValidationError if it is not a catalog."""
    from server import changes   # late: changes imports db, which imports this module

    if not isinstance(data, dict):
        raise ValueError("catalog must be a JSON object")
    prior = current(conn)
    version = max(int(data.get("version") or 0), (prior.version + 1) if prior else 1)
    snap = CatalogSnapshot.model_validate({**data, "version": version})
    body = snap.model_dump(mode="json")
    conn.execute(catalogs.insert().values(version=version, body=body, loaded_at=now()))
    changes.emit(conn, None, "catalog", body)
    return snap


def seed(conn: Connection) -> CatalogSnapshot:
    data = json.loads((CATALOGS / "categories.json").read_text(encoding="utf-8"))
    services = CATALOGS / "services.json"
    if services.exists():   # services.json also holds counters and hours: only services travel
        data["services"] = json.loads(services.read_text(encoding="utf-8")).get("services", [])
    return load(conn, data)
