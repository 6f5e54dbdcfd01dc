"""Receipts of a USB hand-over (docs/transfer.md): the office writes one, signed, beside the
transfer file; the laptop checks it against the devices mirror and marks the listed items handed
over."""
from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.canonical import canonical_json
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from sync import transfer_crypto as tc
from sync import transfer_format as tf
from sync.secrets import SecretStore
from sync.transfer_identity import (HANDED_OVER, RECEIPT_DOMAIN, RECEIPT_FORMAT, Me, me_of,
                                    peer_key)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConfirmResult:
    confirmed: int          # newly marked handed over
    already: int            # listed but already sent (or handed over) before
    office_device: str

    def as_json(self) -> dict[str, Any]:
        return {"confirmed": self.confirmed, "already": self.already,
                "office_device": self.office_device}



# --- receipts ----------------------------------------------------------------------------------

def write_receipt(path: Path, header: dict[str, Any], accepted: list[str], me: Me,
                   now: datetime | None) -> Path:
    body = {"format": RECEIPT_FORMAT, "version": 1, "set_id": header["set_id"],
            "exporter": header["device_id"], "office_device": me.device_id,
            "commune": me.commune, "at": to_iso(now or utc_now()), "accepted": sorted(accepted)}
    body["signature"] = tc.b64u(tc.sign(me.private, RECEIPT_DOMAIN + canonical_json(body)))
    target = tf.receipt_path(path)
    data = json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    tf.write_small_file(target, data)
    if _load_json(target) != body:     # read back: a receipt the laptop cannot read is none
        tf.remove_files([target])
        raise KioskError("transfer_verify_failed", path=str(target))
    return target


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError as exc:
        raise KioskError("transfer_receipt_missing", path=str(path)) from exc
    except OSError as exc:
        raise KioskError("transfer_read_failed", path=str(path),
                         detail=exc.strerror or str(exc)) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise KioskError("transfer_receipt_corrupt") from exc


def confirm_receipt(store: Store, path: Path, *, secrets: SecretStore | None = None,
                    now: datetime | None = None) -> ConfirmResult:
    """On the laptop: check the office's receipt and mark the items it lists handed over."""
    return _confirm(store, Path(path), me_of(store, secrets), now)


def _confirm(store: Store, path: Path, me: Me, now: datetime | None) -> ConfirmResult:
    conn = store.conn()
    target = path if path.name.endswith(".receipt.json") else tf.receipt_path(path)
    body = _load_json(target)
    try:
        signature = tc.unb64u(body.pop("signature"))
        if body.get("format") != RECEIPT_FORMAT or not isinstance(body.get("accepted"), list):
            raise KioskError("transfer_receipt_corrupt")
        office = str(body["office_device"])
        accepted = [str(uuid.UUID(str(u))) for u in body["accepted"]]
    except (AttributeError, KeyError, TypeError, ValueError, tc.CryptoFailure) as exc:
        raise KioskError("transfer_receipt_corrupt") from exc
    if body.get("exporter") != me.device_id:
        raise KioskError("transfer_receipt_not_ours")
    if office == me.device_id or body.get("commune") != me.commune:
        raise KioskError("transfer_receipt_corrupt")
    try:
        tc.verify(peer_key(conn, office), signature, RECEIPT_DOMAIN + canonical_json(body))
    except tc.CryptoFailure as exc:
        raise KioskError("transfer_receipt_corrupt") from exc
    at = to_iso(now or utc_now())
    confirmed = 0
    clear = ", ".join(f"{c} = NULL" for c in _contact_columns(conn))
    with transaction(conn):
        for item_uuid in accepted:
            row = conn.execute("SELECT seq, kind, ref_id FROM outbox WHERE item_uuid = ?"
                               " AND state = 'pending'", (item_uuid,)).fetchone()
            if row is None:
                continue
            conn.execute("UPDATE outbox SET state = 'sent', sent_utc = ?, reason = ?,"
                         " last_error = NULL WHERE seq = ?", (at, HANDED_OVER, row[0]))
            if row[1] == "report":
                # The office holds the contact details now and sends them on; a laptop in
                # the field keeps none longer than it must (the consent text's promise).
                conn.execute(f"UPDATE reports SET {clear} WHERE id = ?", (row[2],))
            confirmed += 1
    return ConfirmResult(confirmed, len(accepted) - confirmed, office)


def _contact_columns(conn: sqlite3.Connection) -> list[str]:
    """The plain contact columns, and their sealed forms where the store has them (personal
    data at rest, kiosk/crypto_fields.py)."""
    present = {r[1] for r in conn.execute("PRAGMA table_info(reports)")}
    return [c for c in ("contact_name", "contact_phone", "contact_name_enc", "contact_phone_enc")
            if c in present]


def confirm_earlier_receipt(store: Store, path: Path, me: Me) -> int:
    """A receipt already on the stick (from the last hand-over) is applied before exporting, so
    what the office confirmed is not exported again. A receipt that does not check out is left
    alone: exporting again is safe, the office skips what it has."""
    if not tf.receipt_path(path).exists():
        return 0
    try:
        return _confirm(store, path, me, None).confirmed
    except KioskError as exc:
        log.warning("receipt on the stick not applied: %s", exc.code)
        return 0

