"""USB hand-over of a volunteer laptop's unsent reports to the commune office (docs/transfer.md).

export (laptop) → import (office, queued for the province with the ORIGINAL uuids and hashes,
so the server answers `duplicate` to whichever device sends second) → receipt written back to the
stick → confirm (laptop marks those items sent, `handed_over`). The laptop marks nothing at
export: until the office confirms, its own next sync still sends them (and gets `duplicate` for
what the office already sent).
"""
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

from kiosk import catalog, items, reports
from kiosk.canonical import canonical_json, content_hash
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.storage_guard import translate_write_error
from kiosk.photos import Photo
from sync import transfer_crypto as tc
from sync import transfer_format as tf
from sync.enrol import COMMUNE_KEY, DEVICE_ID_KEY, DEVICE_KEY_SECRET, public_key_of
from sync.outbox import OutItem
from sync.protocol import ReportPayload
from sync.secrets import SecretStore

log = logging.getLogger(__name__)

FORMAT = "caunoi-transfer"
RECEIPT_FORMAT = "caunoi-transfer-receipt"
RECEIPT_DOMAIN = b"caunoi-transfer-v1 receipt\n"
# What of a report may be a resident's own (kiosk/items.report_payload): sealed for the office
# only. The address too: the payload does not say whether the resident marked it private, and
# sealing one that was not costs nothing.
PERSONAL_FIELDS = ("contact_name", "contact_phone", "address")
HANDED_OVER = "handed_over"


@dataclass(frozen=True)
class ExportResult:
    path: str
    items: int
    photos: int
    bytes: int
    parts: int
    files: list[str]
    confirmed: int          # items an earlier receipt on the stick confirmed first

    def as_json(self) -> dict[str, Any]:
        return {"path": self.path, "items": self.items, "photos": self.photos,
                "bytes": self.bytes, "parts": self.parts, "files": self.files,
                "confirmed": self.confirmed}


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int
    receipt: str | None
    receipt_error: KioskError | None = None

    def as_json(self) -> dict[str, Any]:
        return {"imported": self.imported, "skipped": self.skipped, "receipt": self.receipt}


@dataclass(frozen=True)
class ConfirmResult:
    confirmed: int          # newly marked handed over
    already: int            # listed but already sent (or handed over) before
    office_device: str

    def as_json(self) -> dict[str, Any]:
        return {"confirmed": self.confirmed, "already": self.already,
                "office_device": self.office_device}


# --- identity and the devices mirror --------------------------------------------------------------

@dataclass(frozen=True)
class _Me:
    device_id: str
    commune: str
    private: str            # Ed25519 seed, secret-store form


def _me(store: Store, secrets: SecretStore | None) -> _Me:
    conn = store.conn()
    device_id = catalog.get_setting(conn, DEVICE_ID_KEY)
    commune = catalog.get_setting(conn, COMMUNE_KEY)
    if not device_id or not commune:
        raise KioskError("not_enrolled")
    secrets = secrets or SecretStore.for_store(conn, store.data_dir)
    private = secrets.get(DEVICE_KEY_SECRET)
    if not private:
        raise KioskError("transfer_no_device_key")
    return _Me(str(device_id), str(commune), private)


def _peer_key(conn: sqlite3.Connection, device_id: str) -> str:
    """The Ed25519 key of a device of our commune we may trust; words when we may not."""
    row = conn.execute("SELECT public_key, revoked_utc FROM devices WHERE id = ?",
                       (device_id,)).fetchone()
    if row is None:
        raise KioskError("transfer_unknown_device", device=device_id)
    if row[1] is not None:
        raise KioskError("transfer_revoked_device", device=device_id, at=row[1])
    return str(row[0])


def _recipients(conn: sqlite3.Connection, me: str) -> list[tc.Recipient]:
    # Every other active device of the commune: the office PCs, and also other volunteer
    # laptops (the mirror does not know roles). Sealing for one more device of the same commune
    # costs 100 bytes; leaving one office PC out would make the stick useless there.
    rows = conn.execute("SELECT id, box_key FROM devices WHERE revoked_utc IS NULL"
                        " AND box_key IS NOT NULL AND id <> ? ORDER BY id", (me,)).fetchall()
    return [tc.Recipient(str(r[0]), str(r[1])) for r in rows]


# --- export ----------------------------------------------------------------------------------

def _pending_reports(conn: sqlite3.Connection) -> list[OutItem]:
    """Pending report rows in seq order with their payloads (other kinds are not read: their
    payload builders are none of the hand-over's business)."""
    with transaction(conn):    # rows from before migration 7 get their creation-time hash
        for seq, ref_id in conn.execute("SELECT seq, ref_id FROM outbox WHERE kind = 'report'"
                                        " AND state = 'pending' AND item_hash IS NULL").fetchall():
            conn.execute("UPDATE outbox SET item_hash = ? WHERE seq = ?",
                         (items.hash_for(conn, "report", ref_id), seq))
    rows = conn.execute("SELECT seq, item_uuid, ref_id, created_utc, item_hash FROM outbox"
                        " WHERE kind = 'report' AND state = 'pending' ORDER BY seq").fetchall()
    return [OutItem(seq, u, "report", ref, created, h, items.report_payload(conn, ref))
            for seq, u, ref, created, h in rows]


def _address_private(conn: sqlite3.Connection, report_id: str) -> bool:
    """Whether the resident marked the address private (kept sealed at rest, docs/privacy.md)."""
    if "address_enc" not in {r[1] for r in conn.execute("PRAGMA table_info(reports)")}:
        return False
    row = conn.execute("SELECT address_enc IS NOT NULL FROM reports WHERE id = ?",
                       (report_id,)).fetchone()
    return bool(row and row[0])


def _photo_rows(conn: sqlite3.Connection, shas: list[str]) -> list[dict[str, Any]]:
    out = []
    for sha in shas:
        row = conn.execute("SELECT mime, width, height, length(data) FROM media WHERE sha256 = ?",
                           (sha,)).fetchone()
        if row is None or row[3] is None:
            raise KioskError("media_missing_locally")
        out.append({"sha256": sha, "mime": row[0], "width": row[1], "height": row[2],
                    "size": int(row[3]), "part": 1})
    return out


def _plan_parts(header: dict[str, Any], photos: list[dict[str, Any]], limit: int) -> int:
    """Assign photos to parts (in place) so each part stays within `limit` bytes; returns the
    number of parts. The header is sized with the largest part numbers it could hold, so the
    real header is never bigger than the room reserved for it."""
    worst = len(photos) + 1
    sized = dict(header, part=worst, parts=worst,
                 photos=[dict(p, part=worst) for p in photos])
    room = limit - tf.OVERHEAD - len(tf.header_bytes(sized))
    if room <= 0 or any(p["size"] > room for p in photos):
        raise KioskError("transfer_limit_too_small", limit=limit)
    part, used = 1, 0
    for photo in photos:
        if used and used + photo["size"] > room:
            part, used = part + 1, 0
        photo["part"] = part
        used += photo["size"]
    return part


def export_transfer(store: Store, path: Path, *, secrets: SecretStore | None = None,
                    part_limit: int = tf.PART_LIMIT, now: datetime | None = None) -> ExportResult:
    """Write the pending reports (with photos) to `path` on the stick; marks nothing sent."""
    path = Path(path)
    me = _me(store, secrets)
    conn = store.conn()
    confirmed = _confirm_earlier_receipt(store, path, me)
    if not path.parent.is_dir():
        raise KioskError("transfer_folder_missing", path=str(path.parent))
    # Reports only: ticket events and ratings belong to the office that made them, and a
    # volunteer laptop files reports. Other kinds stay queued for the laptop's own sync.
    out_items = _pending_reports(conn)
    if not out_items:
        raise KioskError("transfer_nothing")
    recipients = _recipients(conn, me.device_id)
    if not recipients:
        raise KioskError("transfer_no_recipient")
    set_id = str(uuid.uuid4())
    key = tc.new_content_key()
    encryption = tc.wrap(key, recipients, set_id.encode("ascii"))
    if not encryption["recipients"]:
        raise KioskError("transfer_no_recipient")
    entries, shas = [], []
    for item in out_items:
        public = {k: v for k, v in item.payload.items() if k not in PERSONAL_FIELDS}
        personal = {k: item.payload.get(k) for k in PERSONAL_FIELDS}
        # Sealed even when empty, so the file does not tell which reports left a contact.
        entries.append({"uuid": item.uuid, "kind": item.kind, "hash": item.hash,
                        "created_at": item.created_utc, "payload": public,
                        "address_private": _address_private(conn, item.ref_id),
                        "personal": tc.seal(key, canonical_json(personal),
                                            f"{set_id}:{item.uuid}".encode("ascii"))})
        shas += [s for s in item.media if s not in shas]
    photos = _photo_rows(conn, shas)
    header: dict[str, Any] = {
        "format": FORMAT, "version": tf.VERSION, "set_id": set_id, "part": 1, "parts": 1,
        "device_id": me.device_id, "commune": me.commune,
        "created_at": to_iso(now or utc_now()), "encryption": encryption,
        "items": entries, "photos": photos}
    count = _plan_parts(header, photos, part_limit)
    names = tf.file_names(path, count)
    plans = [tf.PartPlan(p, dict(header, part=k, parts=count),
                         [ph["sha256"] for ph in photos if ph["part"] == k])
             for k, p in enumerate(names, 1)]

    def photo_data(sha: str) -> bytes:
        row = conn.execute("SELECT data FROM media WHERE sha256 = ?", (sha,)).fetchone()
        if row is None or row[0] is None:
            raise KioskError("media_missing_locally")
        return bytes(row[0])

    written = tf.write_parts(plans, photo_data, lambda m: tc.sign(me.private, m))
    _read_back(plans, me)
    _mark_exported(conn, plans, [i.uuid for i in out_items], now)
    _remove_stale(path, count)
    return ExportResult(str(names[0]) if count == 1 else str(tf.stem_of(path)), len(entries),
                        len(photos), written, count, [str(p) for p in names], confirmed)


def _mark_exported(conn: sqlite3.Connection, plans: list[tf.PartPlan], uuids: list[str],
                   now: datetime | None) -> None:
    """Remember that these items are on a stick (outbox.exported_utc: the laptop no longer
    edits or withdraws them, sync/outbox.py). Nothing is marked sent. If one of them was edited
    or withdrawn while the files were written, the stick would carry content the laptop no
    longer stands by: the files are removed and the volunteer copies again."""
    at = to_iso(now or utc_now())
    with transaction(conn):
        states = [r[0] for r in conn.execute(
            f"SELECT state FROM outbox WHERE item_uuid IN ({','.join('?' * len(uuids))})",
            uuids)]
        if len(states) != len(uuids) or any(s not in ("pending", "sent") for s in states):
            changed = True
        else:
            changed = False
            conn.executemany("UPDATE outbox SET exported_utc = coalesce(exported_utc, ?)"
                             " WHERE item_uuid = ?", [(at, u) for u in uuids])
    if changed:
        tf.remove_files(p.path for p in plans)
        raise KioskError("transfer_changed_meanwhile")


def _read_back(plans: list[tf.PartPlan], me: _Me) -> None:
    """Read every part back from the stick and check it as the office will: a stick that lies
    about a write (cheap flash, a bad sector) is caught here, while the laptop is still there."""
    public = public_key_of(me.private)
    try:
        for plan in plans:
            part = tf.read_part(plan.path)
            tc.verify(public, part.signature, tf.signed_message(part))
            if part.header != json.loads(tf.header_bytes(plan.header)):
                raise tf.corrupt()
            for sha in plan.photos:
                part.photo(sha)
    except (KioskError, tc.CryptoFailure) as exc:
        tf.remove_files(p.path for p in plans)
        raise KioskError("transfer_verify_failed", path=str(plans[0].path)) from exc


def _remove_stale(path: Path, count: int) -> None:
    """Files of an earlier, differently split export under the same name would be read instead
    of (or along with) this one: remove them (only after the new set is written and checked)."""
    stem = tf.stem_of(path)
    keep = set(tf.file_names(path, count))
    stale = [path] if path not in keep and path.exists() else []
    k = 1
    while tf.part_path(stem, k).exists() or k <= count:
        if tf.part_path(stem, k) not in keep and tf.part_path(stem, k).exists():
            stale.append(tf.part_path(stem, k))
        k += 1
    tf.remove_files(stale)


# --- import (the office) ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Incoming:
    uuid: str
    hash: str
    created_at: str
    payload: dict[str, Any]
    address_private: bool       # the laptop kept the address sealed: so does the office


def _open_items(parts: list[tf.Part], me: _Me) -> list[_Incoming]:
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


def _check_header(parts: list[tf.Part], conn: sqlite3.Connection, me: _Me) -> None:
    header = parts[0].header
    if header.get("format") != FORMAT:
        raise tf.corrupt()
    exporter = str(header.get("device_id"))
    if exporter == me.device_id:
        raise KioskError("transfer_own_file")
    if header.get("commune") != me.commune:
        raise KioskError("transfer_other_commune", commune=str(header.get("commune")))
    public = _peer_key(conn, exporter)
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
    me = _me(store, secrets)
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
        receipt = str(_write_receipt(path, parts[0].header, accepted, me, now))
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


# --- receipts ----------------------------------------------------------------------------------

def _write_receipt(path: Path, header: dict[str, Any], accepted: list[str], me: _Me,
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
    return _confirm(store, Path(path), _me(store, secrets), now)


def _confirm(store: Store, path: Path, me: _Me, now: datetime | None) -> ConfirmResult:
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
        tc.verify(_peer_key(conn, office), signature, RECEIPT_DOMAIN + canonical_json(body))
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


def _confirm_earlier_receipt(store: Store, path: Path, me: _Me) -> int:
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
