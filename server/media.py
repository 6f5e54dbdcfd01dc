"""Content-addressed photos: which ones are missing, resumable uploads, SHA-256 verified at the end.

An upload is kept as parts (`media_parts`, one row per received piece, in order); when the bytes
held reach the announced total they are joined, hashed, and either become a `media` row or are
all discarded (hash mismatch).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server.clock import now
from server.db import Database
from server.errors import ApiError
from server.schema import media, media_parts

MIMES = ("image/jpeg", "image/png")
_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


@dataclass(frozen=True)
class Held:
    complete: bool
    offset: int          # bytes held of an interrupted upload (0 when complete or absent)
    total: int | None    # the total announced by that upload


def parse_range(header: str) -> tuple[int, int, int]:
    match = _RANGE.match(header.strip())
    if not match:
        raise ApiError(400, "bad_range", "Content-Range must be 'bytes START-END/TOTAL'")
    start, end, total = (int(g) for g in match.groups())
    if end < start or end >= total:
        raise ApiError(400, "bad_range", "Content-Range END must be >= START and < TOTAL")
    return start, end, total


def _held(conn: Connection, sha256: str) -> Held:
    if conn.execute(sa.select(media.c.sha256).where(media.c.sha256 == sha256)).first():
        return Held(True, 0, None)
    row = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(media_parts.c.size), 0),
                                 sa.func.max(media_parts.c.total))
                       .where(media_parts.c.sha256 == sha256)).one()
    return Held(False, int(row[0]), row[1])


def held(db: Database, sha256: str) -> Held:
    with db.read() as conn:
        return _held(conn, sha256)


def missing_of(conn: Connection, hashes: list[str]) -> list[str]:
    """The hashes (in the given order, once each) with no complete photo on the server."""
    if not hashes:
        return []
    have = set(conn.execute(sa.select(media.c.sha256).where(media.c.sha256.in_(hashes))).scalars())
    return [h for h in dict.fromkeys(hashes) if h not in have]


def missing(db: Database, hashes: list[str]) -> tuple[list[str], dict[str, int]]:
    with db.read() as conn:
        lacking = missing_of(conn, hashes)
        partial = {}
        for sha in lacking:
            offset = _held(conn, sha).offset
            if offset:
                partial[sha] = offset
    return lacking, partial


Outcome = Literal["created", "exists", "partial", "hash_mismatch"]


def store(db: Database, sha256: str, mime: str, start: int, total: int, data: bytes,
          restart: bool = False) -> tuple[Outcome, int]:
    """Append `data` at `start` of an upload of `total` bytes; returns the outcome and the bytes
    held after it. `restart` (a whole-body PUT) drops any earlier partial first."""
    with db.write() as conn:
        now_held = _held(conn, sha256)
        if now_held.complete:
            return "exists", total
        if restart:
            conn.execute(media_parts.delete().where(media_parts.c.sha256 == sha256))
            now_held = Held(False, 0, None)
        if start != now_held.offset or (now_held.total not in (None, total)):
            raise ApiError(409, "range_mismatch", "resume from the bytes the server holds",
                           {"Upload-Offset": str(now_held.offset)})
        if data:
            conn.execute(media_parts.insert().values(sha256=sha256, start=start, total=total,
                                                     mime=mime, size=len(data), data=data))
        offset = start + len(data)
        if offset < total:
            return "partial", offset
        parts = conn.execute(sa.select(media_parts.c.data).where(media_parts.c.sha256 == sha256)
                             .order_by(media_parts.c.start)).scalars().all()
        conn.execute(media_parts.delete().where(media_parts.c.sha256 == sha256))
        whole = b"".join(parts)
        if len(whole) != total or hashlib.sha256(whole).hexdigest() != sha256:
            return "hash_mismatch", 0   # the partial is discarded with this commit
        conn.execute(media.insert().values(sha256=sha256, mime=mime, size=total, data=whole,
                                           created_at=now()))
        return "created", total
