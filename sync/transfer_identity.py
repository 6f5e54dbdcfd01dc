"""Who this device is and which devices of the commune it trusts, for USB hand-overs
(docs/transfer.md): the constants both ends agree on, the device's own key, peers' keys from the
devices mirror the province's feed fills."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from kiosk import catalog
from kiosk.db import Store
from kiosk.errors import KioskError
from sync import transfer_crypto as tc
from sync.enrol import COMMUNE_KEY, DEVICE_ID_KEY, DEVICE_KEY_SECRET
from sync.secrets import SecretStore

FORMAT = "caunoi-transfer"
RECEIPT_FORMAT = "caunoi-transfer-receipt"
RECEIPT_DOMAIN = b"caunoi-transfer-v1 receipt\n"
# What of a report may be a resident's own (kiosk/items.report_payload): sealed for the office
# only. The address too: the payload does not say whether the resident marked it private, and
# sealing one that was not costs nothing.
PERSONAL_FIELDS = ("contact_name", "contact_phone", "address")
HANDED_OVER = "handed_over"

# --- identity and the devices mirror --------------------------------------------------------------

@dataclass(frozen=True)
class Me:
    device_id: str
    commune: str
    private: str            # Ed25519 seed, secret-store form


def me_of(store: Store, secrets: SecretStore | None) -> Me:
    conn = store.conn()
    device_id = catalog.get_setting(conn, DEVICE_ID_KEY)
    commune = catalog.get_setting(conn, COMMUNE_KEY)
    if not device_id or not commune:
        raise KioskError("not_enrolled")
    secrets = secrets or SecretStore.for_store(conn, store.data_dir)
    private = secrets.get(DEVICE_KEY_SECRET)
    if not private:
        raise KioskError("transfer_no_device_key")
    return Me(str(device_id), str(commune), private)


def peer_key(conn: sqlite3.Connection, device_id: str) -> str:
    """The Ed25519 key of a device of our commune we may trust; words when we may not."""
    row = conn.execute("SELECT public_key, revoked_utc FROM devices WHERE id = ?",
                       (device_id,)).fetchone()
    if row is None:
        raise KioskError("transfer_unknown_device", device=device_id)
    if row[1] is not None:
        raise KioskError("transfer_revoked_device", device=device_id, at=row[1])
    return str(row[0])


def recipients(conn: sqlite3.Connection, me: str) -> list[tc.Recipient]:
    # Every other active device of the commune: the office PCs, and also other volunteer
    # laptops (the mirror does not know roles). Sealing for one more device of the same commune
    # costs 100 bytes; leaving one office PC out would make the stick useless there.
    rows = conn.execute("SELECT id, box_key FROM devices WHERE revoked_utc IS NULL"
                        " AND box_key IS NOT NULL AND id <> ? ORDER BY id", (me,)).fetchall()
    return [tc.Recipient(str(r[0]), str(r[1])) for r in rows]


