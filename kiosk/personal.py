"""A report's personal part, sealed and opened: the one place that knows which columns hold it.

Columns (migration 0010): contact_name_enc, contact_phone_enc, and address_enc for a free-text
address the resident marked private. Each is sealed with AES-GCM (kiosk/crypto_fields.py) bound
to its table, column and report id, under the data key (kiosk/datakey.py).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk import crypto_fields, datakey

TABLE = "reports"
COLUMNS = ("contact_name_enc", "contact_phone_enc", "address_enc")


@dataclass(frozen=True)
class Personal:
    name: str | None
    phone: str | None
    private_address: str | None

    @property
    def empty(self) -> bool:
        return self.name is None and self.phone is None and self.private_address is None


def needs_key(name: str | None, phone: str | None, private_address: str | None) -> bool:
    return bool(name or phone or private_address)


def seal(key: bytes, report_id: str, name: str | None, phone: str | None,
         private_address: str | None) -> tuple[bytes | None, bytes | None, bytes | None]:
    """The three column values for a new report (None stays None)."""
    values = (name, phone, private_address)
    return tuple(  # type: ignore[return-value]
        crypto_fields.seal(key, v, table=TABLE, column=c, row_id=report_id) if v else None
        for c, v in zip(COLUMNS, values))


def open_values(conn: sqlite3.Connection, report_id: str,
                blobs: tuple[bytes | None, bytes | None, bytes | None]) -> Personal:
    """Open the sealed columns of one report; the key is read only when something is sealed.
    KioskError ('personal_data_unreadable', 'data_key_missing', …) when it cannot be opened."""
    if all(b is None for b in blobs):
        return Personal(None, None, None)
    key = datakey.data_key(conn)
    opened = [crypto_fields.open_sealed(key, b, table=TABLE, column=c, row_id=report_id)
              if b is not None else None for c, b in zip(COLUMNS, blobs)]
    return Personal(*opened)


def load(conn: sqlite3.Connection, report_id: str) -> Personal:
    row = conn.execute("SELECT contact_name_enc, contact_phone_enc, address_enc FROM reports"
                       " WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise LookupError(f"no report {report_id}")
    return open_values(conn, report_id, (row[0], row[1], row[2]))
