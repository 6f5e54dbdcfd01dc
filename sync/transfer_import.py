"""Import of a USB hand-over at the commune office (docs/transfer.md): check the signature
against the devices mirror, open the sealed personal parts, store each report with its ORIGINAL
uuid and hash (idempotent), then write a signed receipt back to the stick."""
from __future__ import annotations

import json
import logging
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk import catalog, reports
from kiosk.canonical import content_hash
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.storage_guard import translate_write_error
from kiosk.photos import Photo
from sync import transfer_crypto as tc
from sync import transfer_format as tf
from sync.protocol import ReportPayload
from sync.secrets import SecretStore
from sync.transfer_identity import FORMAT, PERSONAL_FIELDS, Me, me_of, peer_key
from sync.transfer_receipt import write_receipt

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    receipt: str | None
    receipt_error: KioskError | None = None

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "receipt": self.receipt}



# --- import (the office) ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Incoming:
    uuid: str
    hash: str
    created_at: str
    payload: dict[str, Any]
    address_private: bool       # the laptop kept the address sealed: so does the office


def _open_items(parts: list[tf.Part], me: Me) -> list[_Incoming]:
    header = parts[0].header
    set_id = str(header["set_id"])
    try:
        key = tc.unwrap(header["encryption"], me.device_id, me.private, set_id.encode("ascii"))
    except tc.CryptoFailure as exc:
        raise KioskError("transfer_not_for_us") from exc
    if key is None:
        raise KioskError("transfer_not_for_us")
    out = []
    for entry in header["items"]:
        if entry.get("kind") != "report":
            raise tf.corrupt()
        aad = f"{set_id}:{entry['uuid']}".encode("ascii")
        try:
            personal = json.loads(tc.open_sealed(key, entry["personal"], aad))
        except (tc.CryptoFailure, ValueError) as exc:
            raise tf.corrupt() from exc
        payload = dict(entry["payload"])
        payload.update({k: personal.get(k) for k in PERSONAL_FIELDS})
        # The hash the laptop fixed at filing must come out of what we rebuilt: it is what makes
        # the server answer `duplicate` to the second sender instead of opening a second case.
        if content_hash("report", payload) != entry["hash"]:
            raise tf.corrupt()
        try:
            ReportPayload.model_validate(payload)
            str(uuid.UUID(entry["uuid"]))
        except (ValidationError, ValueError) as exc:
            raise tf.corrupt() from exc
        out.append(_Incoming(str(entry["uuid"]), str(entry["hash"]), str(entry["created_at"]),
                             payload, bool(entry.get("address_private"))))
    return out


def _check_header(parts: list[tf.Part], conn: sqlite3.Connection, me: Me) -> None:
    header = parts[0].header
    if header.get("format") != FORMAT:
        raise tf.corrupt()
    exporter = str(header.get("device_id"))
    if exporter == me.device_id:
        raise KioskError("transfer_own_file")
    if header.get("commune") != me.commune:
        raise KioskError("transfer_other_commune", commune=str(header.get("commune")))
    public = peer_key(conn, exporter)
    for part in parts:
        try:
            tc.verify(public, part.signature, tf.signed_message(part))
        except tc.CryptoFailure as exc:
            raise tf.corrupt() from exc


def import_transfer(store: Store, path: Path, *, secrets: SecretStore | None = None,
                    now: datetime | None = None) -> ImportResult:
    """Check the file, queue its reports for the province (original uuids and hashes) in ONE
    transaction, then write the signed receipt next to it. Importing again adds nothing."""
    path = Path(path)
    me = me_of(store, secrets)
    conn = store.conn()
    try:
        parts = tf.read_set(path)
        _check_header(parts, conn, me)
        incoming = _open_items(parts, me)
        photos = {p["sha256"]: p for p in parts[0].header["photos"]}
        by_part = {sha: parts[int(p["part"]) - 1] for sha, p in photos.items()}
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        raise tf.corrupt() from exc
    key = _data_key(conn, incoming)
    imported = skipped = 0
    try:
        with transaction(conn):
            for item in incoming:
                if _present(conn, item.uuid):
                    skipped += 1
                    continue
                _insert(conn, item, photos, by_part, key)
                imported += 1
    except sqlite3.OperationalError as exc:
        raise translate_write_error(exc) from exc
    accepted = [i.uuid for i in incoming]
    receipt, error = None, None
    try:
        receipt = str(write_receipt(path, parts[0].header, accepted, me, now))
    except KioskError as exc:
        # The reports are queued at the office already; only the stick refused the receipt.
        log.warning("transfer receipt not written: %s", exc.code)
        error = exc
    return ImportResult(imported, skipped, receipt, error)


def _data_key(conn: sqlite3.Connection, incoming: list[_Incoming]) -> bytes | None:
    """The store's key for personal fields at rest (kiosk/datakey.py), read or made BEFORE the
    transaction as filing does (a keyring call must not hold the write lock); None when no
    incoming report has personal fields."""
    if not any(i.payload["contact_name"] or i.payload["contact_phone"] or i.address_private
               for i in incoming):
        return None
    from kiosk import datakey

    return datakey.data_key(conn, create=True)


def _present(conn: sqlite3.Connection, item_uuid: str) -> bool:
    return conn.execute("SELECT 1 FROM outbox WHERE item_uuid = ? UNION ALL"
                        " SELECT 1 FROM reports WHERE id = ?", (item_uuid, item_uuid)
                        ).fetchone() is not None


def _insert(conn: sqlite3.Connection, item: _Incoming, photos: dict[str, Any],
            by_part: dict[str, tf.Part], key: bytes | None) -> None:
    p = item.payload
    category = catalog.category(conn, p["category"])
    if category is None:
        raise KioskError("transfer_category_unknown", category=p["category"],
                         tracking=p["tracking_code"])
    if p["hamlet"] is not None and catalog.hamlet(conn, p["hamlet"]) is None:
        raise KioskError("transfer_hamlet_unknown", hamlet=p["hamlet"],
                         tracking=p["tracking_code"])
    if conn.execute("SELECT 1 FROM reports WHERE code = ?", (p["tracking_code"],)).fetchone():
        raise KioskError("transfer_code_taken", tracking=p["tracking_code"])
    attached = []
    for sha in p["media"]:
        meta = photos.get(sha)
        if meta is None or sha not in by_part:
            raise tf.corrupt()
        attached.append(Photo(sha256=sha, mime=meta["mime"], data=by_part[sha].photo(sha),
                              width=int(meta["width"]), height=int(meta["height"])))
    # Filing's own insert (kiosk/reports.py): the report row however the store keeps it
    # (personal fields sealed at rest), its photos and its outbox row, with the laptop's uuid,
    # tracking code and times. The office's zone: it is the office that answers.
    # The volunteer who filed it travels too (it is part of the hash the laptop fixed).
    valid = reports._Valid(category, p["text"], p["hamlet"], p["address"], p["lat"], p["lon"],
                           p["contact_name"], p["contact_phone"], p["consent_hash"],
                           address_private=item.address_private,
                           assisted_by=p.get("assisted_by"))
    reports._insert(conn, item.uuid, p["tracking_code"], valid, attached, p["channel"],
                    p["created_at"], p["device_time"], catalog.office(conn).zone,
                    date.fromisoformat(p["due_date"]), **({"key": key} if key else {}))
    row = conn.execute("SELECT created_utc, item_hash FROM outbox WHERE item_uuid = ?",
                       (item.uuid,)).fetchone()
    if row is None or row[1] != item.hash:
        # What this office's store gives back must hash the same, or its sync would send a
        # payload the server rejects: refuse the whole file (the transaction rolls back).
        raise KioskError("transfer_not_reproducible", tracking=p["tracking_code"])
    if row[0] != item.created_at:
        conn.execute("UPDATE outbox SET created_utc = ? WHERE item_uuid = ?",
                     (item.created_at, item.uuid))


