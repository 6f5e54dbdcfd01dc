"""Tables (SQLAlchemy Core, portable types: the same code runs on SQLite and PostgreSQL).

Times are protocol strings (UTC, `…Z`), dates ISO strings: exact round-trips on both engines.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
_T = sa.String(32)        # a protocol instant
_ID = sa.String(36)       # a UUID as text

meta = sa.Table(          # epoch (changes cursor), secret (device tokens), created_at
    "meta", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

enrol_codes = sa.Table(
    "enrol_codes", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("code_sha256", sa.String(64), nullable=False, unique=True),  # the code is not kept
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("created_at", _T, nullable=False),
    sa.Column("expires_at", _T, nullable=False),
    sa.Column("device_id", _ID),                  # bound at first use; a replay must match it
    sa.Column("used_at", _T),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("public_key", sa.String(64), nullable=False),
    sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("code_id", sa.String(32), sa.ForeignKey("enrol_codes.id"), nullable=False),
    sa.Column("label", sa.String(100), nullable=False, default=""),
    sa.Column("enrolled_at", _T, nullable=False),
    sa.Column("revoked_at", _T),
)

# X25519 keys for USB hand-overs (docs/transfer.md). A table of its own rather than a column of
# `devices`: create_all adds it to an existing database, a new column it would not.
device_keys = sa.Table(
    "device_keys", metadata,
    sa.Column("device_id", _ID, sa.ForeignKey("devices.id"), primary_key=True),
    sa.Column("box_key", sa.String(64), nullable=False),
)

# Devices' audit logs (kiosk/audit.py): who (a role), what, when, on which tracking code.
audit_entries = sa.Table(
    "audit_entries", metadata,
    sa.Column("uuid", _ID, primary_key=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("device_id", _ID, nullable=False),
    sa.Column("actor", sa.String(40), nullable=False),
    sa.Column("action", sa.String(60), nullable=False),
    sa.Column("target", sa.String(60)),
    sa.Column("detail", sa.String(500), nullable=False),
    sa.Column("at", _T, nullable=False),
)

items = sa.Table(         # every accepted item, whatever its kind: the idempotency record
    "items", metadata,
    sa.Column("uuid", _ID, primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("device_id", _ID, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("received_at", _T, nullable=False),
    sa.Column("ref", sa.String(40)),
)

cases = sa.Table(
    "cases", metadata,
    sa.Column("ref", sa.String(40), primary_key=True),
    sa.Column("client_id", _ID, nullable=False, unique=True),
    sa.Column("tracking_code", sa.String(11), nullable=False, unique=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("unit", sa.String(100)),
    sa.Column("created_at", _T, nullable=False),
    sa.Column("due_date", sa.String(10), nullable=False),
    sa.Column("answer", sa.Text),
    sa.Column("published_at", _T),
    sa.Column("payload", sa.JSON, nullable=False),   # personal fields stay here, never in snapshots
)

case_events = sa.Table(
    "case_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ref", sa.String(40), sa.ForeignKey("cases.ref"), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("at", _T, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("published", sa.Boolean, nullable=False, default=False),  # unpublished notes stay here
    sa.Column("unit", sa.String(100)),
    sqlite_autoincrement=True,
)

case_counters = sa.Table(  # per-commune sequence for PA-<commune>-<nnnnnn>
    "case_counters", metadata,
    sa.Column("commune", sa.String(5), primary_key=True),
    sa.Column("last", sa.Integer, nullable=False),
)

media = sa.Table(
    "media", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("mime", sa.String(20), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("created_at", _T, nullable=False),
)

media_parts = sa.Table(   # pieces of an interrupted upload, in order; joined and verified at the end
    "media_parts", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("start", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("mime", sa.String(20), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("commune", sa.String(5)),            # NULL: for every commune (catalog)
    sa.Column("type", sa.String(10), nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("created_at", _T, nullable=False),
    sqlite_autoincrement=True,                     # a seq is never reused
)

dossiers = sa.Table(
    "dossiers", metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("body", sa.JSON, nullable=False),    # a protocol.DossierSnapshot
    sa.Column("updated_at", _T, nullable=False),
)

catalogs = sa.Table(
    "catalogs", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("body", sa.JSON, nullable=False),    # a protocol.CatalogSnapshot
    sa.Column("loaded_at", _T, nullable=False),
)

operator_tokens = sa.Table(
    "operator_tokens", metadata,
    sa.Column("token_sha256", sa.String(64), primary_key=True),
    sa.Column("label", sa.String(100), nullable=False, default=""),
    sa.Column("created_at", _T, nullable=False),
)

ratings = sa.Table(
    "ratings", metadata,
    sa.Column("uuid", _ID, sa.ForeignKey("items.uuid"), primary_key=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("subject", sa.String(10), nullable=False),
    sa.Column("subject_id", sa.String(64), nullable=False),
    sa.Column("case_ref", sa.String(40), sa.ForeignKey("cases.ref")),
    sa.Column("level", sa.String(20), nullable=False),
    sa.Column("comment", sa.Text),
    sa.Column("at", _T, nullable=False),
)

ticket_events = sa.Table(
    "ticket_events", metadata,
    sa.Column("uuid", _ID, sa.ForeignKey("items.uuid"), primary_key=True),
    sa.Column("commune", sa.String(5), nullable=False),
    sa.Column("ticket_id", _ID, nullable=False, index=True),
    sa.Column("event", sa.String(20), nullable=False),
    sa.Column("at", _T, nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
)
