"""Photos: media first (DESIGN.md rule 4), resumable, and the kiosk's copy shrunk once the
province holds the original.

Order per batch: ask the server which of the batch's photos it lacks (POST /media/missing), PUT
each missing one (from `partial` bytes on when an earlier upload was cut), then send the batch.
After a report is accepted, its photos are marked on_server (sync/outbox.apply_result) and
`prune()` replaces each full-size copy no waiting item still needs with a ≤ 320 px JPEG
thumbnail, so staff screens still show the picture and the disk does not fill up.
"""
from __future__ import annotations

import io
import logging
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from kiosk.clock import to_iso, utc_now
from kiosk.db import transaction
from sync.errors import SyncError
from sync.http import Transport
from sync.outbox import OutItem
from sync.protocol import MissingMediaRequest, MissingMediaResponse

log = logging.getLogger(__name__)
THUMB_SIDE = 320
THUMB_QUALITY = 70
_ASK_AT_MOST = 1000    # MissingMediaRequest's cap


def referenced(group: Iterable[OutItem]) -> list[str]:
    """The photos a batch references, each once, in first-use order."""
    seen: dict[str, None] = {}
    for item in group:
        for sha in item.media:
            seen.setdefault(sha, None)
    return list(seen)


def upload_missing(conn: sqlite3.Connection, transport: Transport, hashes: list[str]) -> int:
    """Make sure the server holds every photo in `hashes`; returns how many were uploaded.

    A photo whose full-size copy this kiosk no longer has cannot be sent: it is skipped (and
    logged by hash only); the server then answers `retry missing_media` for its report, which
    stays pending without blocking the others."""
    uploaded = 0
    for start in range(0, len(hashes), _ASK_AT_MOST):
        ask = hashes[start:start + _ASK_AT_MOST]
        answer = transport.json("POST", "/media/missing", MissingMediaResponse,
                                body=MissingMediaRequest(hashes=ask))
        for sha in answer.missing:
            row = conn.execute("SELECT mime, data FROM media WHERE sha256 = ?", (sha,)).fetchone()
            if row is None or row[1] is None:
                log.warning("photo %s missing locally, cannot upload", sha[:12])
                continue
            _put(transport, sha, row[0], bytes(row[1]), answer.partial.get(sha, 0))
            uploaded += 1
    return uploaded


def _put(transport: Transport, sha: str, mime: str, data: bytes, offset: int) -> None:
    """PUT the photo from `offset` on; on 409 range_mismatch, once more from the server's offset."""
    for _ in range(3):
        if not 0 <= offset < len(data):
            offset = 0      # the server claims more than the photo has: start over
        headers = {"Content-Type": mime}
        if offset:
            headers["Content-Range"] = f"bytes {offset}-{len(data) - 1}/{len(data)}"
        try:
            reply = transport.call("PUT", f"/media/{sha}", data=data[offset:], headers=headers,
                                   expect=(200, 201, 202))
        except SyncError as exc:
            if exc.code != "range_mismatch":
                raise
            told = _upload_offset(transport, sha)
            offset = told if told is not None else 0
            continue
        if reply.status in (200, 201):
            return
        offset = _upload_offset(transport, sha) or 0   # 202: part stored, continue from there
    raise SyncError("range_mismatch", detail=sha[:12])


def _upload_offset(transport: Transport, sha: str) -> int | None:
    reply = transport.call("HEAD", f"/media/{sha}", expect=(200, 404))
    value = reply.headers.get("Upload-Offset")
    return int(value) if value and value.isdigit() else None


def thumbnail(data: bytes) -> bytes:
    """A small JPEG for staff screens (Pillow; PNG transparency flattened onto white)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        img.load()
        if img.mode in ("RGBA", "LA", "P"):
            rgba = img.convert("RGBA")
            flat = Image.new("RGB", rgba.size, "white")
            flat.paste(rgba, mask=rgba.getchannel("A"))
            img = flat
        else:
            img = img.convert("RGB")
        img.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        img.save(out, "JPEG", quality=THUMB_QUALITY, optimize=True)
        return out.getvalue()


# A photo is still needed in full while any report using it waits to be sent or sits in
# quarantine (an edit-and-resend may need to upload it again to another server state).
_DROPPABLE_SQL = (
    "SELECT m.sha256, m.data FROM media m WHERE m.data IS NOT NULL"
    " AND m.on_server_utc IS NOT NULL AND NOT EXISTS ("
    "  SELECT 1 FROM report_media rm JOIN outbox o ON o.kind = 'report' AND o.ref_id = rm.report_id"
    "  WHERE rm.sha256 = m.sha256 AND o.state IN ('pending', 'quarantined'))"
)


def prune(conn: sqlite3.Connection) -> int:
    """Drop full-size copies the server holds and nothing waiting needs; returns how many."""
    dropped = 0
    for sha, data in conn.execute(_DROPPABLE_SQL).fetchall():
        thumb = thumbnail(bytes(data))          # outside the write transaction: Pillow is slow
        with transaction(conn):
            # Checked again inside the transaction: an edit may have re-queued a report since.
            still = conn.execute(_DROPPABLE_SQL + " AND m.sha256 = ?", (sha,)).fetchone()
            if still is None:
                continue
            conn.execute("UPDATE media SET thumb = ?, data = NULL WHERE sha256 = ?", (thumb, sha))
        dropped += 1
    return dropped


def mark_on_server(conn: sqlite3.Connection, hashes: Iterable[str],
                   now: datetime | None = None) -> None:
    at = to_iso(now or utc_now())
    with transaction(conn):
        conn.executemany("UPDATE media SET on_server_utc = coalesce(on_server_utc, ?)"
                         " WHERE sha256 = ?", [(at, h) for h in hashes])
