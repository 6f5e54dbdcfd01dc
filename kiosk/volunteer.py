"""The volunteer's laptop (issue 9): who files here on residents' behalf, and what this laptop
has filed with where each report stands (waiting, copied to a USB stick, confirmed by the
office, sent, refused, withdrawn). No Qt, no sync/ import: the screens and the CLI read this.

The volunteer is set once per laptop (settings `volunteer.id`, `volunteer.name`); each report
filed in volunteer mode records the id (reports.assisted_by), which the province receives in the
payload. The name stays on the laptop.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from kiosk import audit, catalog, codes
from kiosk.db import transaction
from kiosk.errors import KioskError
from kiosk.reports import MAX_NAME, MAX_VOLUNTEER_ID
from kiosk.text import clean_text

ID_KEY = "volunteer.id"
NAME_KEY = "volunteer.name"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/\-]*")
HANDED_OVER = "handed_over"    # outbox.reason of an item the office confirmed (sync/transfer.py)

# Where a filed report stands, as the volunteer's list shows it (FiledItem.state).
STATES = ("pending", "exported", "handed_over", "sent", "quarantined", "withdrawn")


@dataclass(frozen=True)
class Identity:
    id: str
    name: str

    @property
    def label(self) -> str:
        """'TNV-0123 Nguyễn Thị Lan'."""
        return f"{self.id} {self.name}".strip()


def identity(conn: sqlite3.Connection) -> Identity | None:
    """The volunteer set on this laptop, None until both id and name are set."""
    vid = catalog.get_setting(conn, ID_KEY)
    name = catalog.get_setting(conn, NAME_KEY)
    if not vid or not name:
        return None
    return Identity(str(vid), str(name))


def check_identity(vid: str, name: str) -> Identity:
    """The cleaned id and name, or a KioskError naming what is wrong."""
    clean_id = clean_text(vid, field="volunteer_id", max_len=MAX_VOLUNTEER_ID) or ""
    if not (_ID.fullmatch(clean_id) and clean_id.isascii()):
        raise KioskError("volunteer_id_invalid", limit=MAX_VOLUNTEER_ID)
    clean_name = clean_text(name, field="volunteer_name", max_len=MAX_NAME) or ""
    return Identity(clean_id.upper(), clean_name)


def set_identity(conn: sqlite3.Connection, vid: str, name: str) -> Identity:
    """Record the laptop's volunteer (audited: the id, never the name)."""
    found = check_identity(vid, name)
    with transaction(conn):
        catalog.set_setting(conn, ID_KEY, found.id)
        catalog.set_setting(conn, NAME_KEY, found.name)
        audit.record(conn, "volunteer", "volunteer_set", target=found.id)
    return found


@dataclass(frozen=True)
class FiledItem:
    report_id: str
    code: str                  # canonical
    created_utc: str
    category_id: str
    category_vi: str
    category_en: str
    hamlet_id: str | None
    hamlet: str | None
    assisted_by: str | None
    state: str                 # one of STATES
    item_uuid: str | None      # the newest outbox row
    server_ref: str | None     # the province's case reference, once sent by this laptop
    reason: str | None         # the province's reason (quarantined)
    text: str
    lat: float | None
    lon: float | None

    @property
    def grouped_code(self) -> str:
        return codes.grouped(self.code)

    @property
    def changeable(self) -> bool:
        """Edit and withdraw are offered only while nothing has left the laptop."""
        return self.state in ("pending", "quarantined")


_SQL = (
    "SELECT r.id, r.code, r.created_utc, r.category_id, coalesce(c.name_vi, r.category_id),"
    " coalesce(c.name_en, r.category_id), r.hamlet_id, h.name, r.assisted_by,"
    " o.state, o.item_uuid, o.server_ref, o.reason, o.exported_utc, r.text, r.lat, r.lon"
    " FROM reports r LEFT JOIN categories c ON c.id = r.category_id"
    " LEFT JOIN hamlets h ON h.id = r.hamlet_id"
    # An edited report has several outbox rows (the old ones superseded): the newest counts.
    " LEFT JOIN outbox o ON o.seq = (SELECT max(seq) FROM outbox"
    " WHERE kind = 'report' AND ref_id = r.id)"
)


def state_of(outbox_state: str | None, reason: str | None, exported_utc: str | None) -> str:
    if outbox_state == "sent":
        return "handed_over" if reason == HANDED_OVER else "sent"
    if outbox_state in ("quarantined", "withdrawn"):
        return outbox_state
    return "exported" if exported_utc else "pending"


def _item(row: sqlite3.Row) -> FiledItem:
    (rid, code, created, cat, cat_vi, cat_en, hamlet_id, hamlet, assisted, state, item_uuid,
     server_ref, reason, exported, text, lat, lon) = row
    return FiledItem(rid, code, created, cat, cat_vi, cat_en, hamlet_id, hamlet, assisted,
                     state_of(state, reason, exported), item_uuid, server_ref, reason, text,
                     lat, lon)


def filed_items(conn: sqlite3.Connection, state: str | None = None,
                limit: int | None = None) -> list[FiledItem]:
    """The reports on this laptop, newest first, one row per report; only `state` when given."""
    sql = _SQL + " ORDER BY r.created_utc DESC, r.rowid DESC"
    out = []
    for row in conn.execute(sql):
        item = _item(row)
        if state is None or item.state == state:
            out.append(item)
            if limit is not None and len(out) >= limit:
                break
    return out


def filed_item(conn: sqlite3.Connection, report_id: str) -> FiledItem | None:
    row = conn.execute(_SQL + " WHERE r.id = ?", (report_id,)).fetchone()
    return _item(row) if row else None
