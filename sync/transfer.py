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
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk import items
from kiosk.canonical import canonical_json
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from sync import transfer_crypto as tc
from sync import transfer_format as tf
from sync.enrol import public_key_of
from sync.outbox import OutItem
from sync.secrets import SecretStore
from sync.transfer_identity import FORMAT, PERSONAL_FIELDS, Me, me_of, recipients
from sync.transfer_receipt import confirm_earlier_receipt

log = logging.getLogger(__name__)


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
    me = me_of(store, secrets)
    conn = store.conn()
    confirmed = confirm_earlier_receipt(store, path, me)
    if not path.parent.is_dir():
        raise KioskError("transfer_folder_missing", path=str(path.parent))
    # Reports only: ticket events and ratings belong to the office that made them, and a
    # volunteer laptop files reports. Other kinds stay queued for the laptop's own sync.
    out_items = _pending_reports(conn)
    if not out_items:
        raise KioskError("transfer_nothing")
    readers = recipients(conn, me.device_id)
    if not readers:
        raise KioskError("transfer_no_recipient")
    set_id = str(uuid.uuid4())
    key = tc.new_content_key()
    encryption = tc.wrap(key, readers, set_id.encode("ascii"))
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


def _read_back(plans: list[tf.PartPlan], me: Me) -> None:
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




# The other halves, re-exported so callers keep one module: sync.transfer.
from sync.transfer_import import ImportResult, import_transfer  # noqa: E402
from sync.transfer_receipt import ConfirmResult, confirm_receipt  # noqa: E402

__all__ = ["ConfirmResult", "ExportResult", "ImportResult", "confirm_receipt", "export_transfer",
           "import_transfer"]
