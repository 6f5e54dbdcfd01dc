"""The changes feed: an append-only log read by cursor `<epoch>.<seq>`.

Writers lock the table on PostgreSQL so changes commit in seq order (SQLite has one writer anyway);
otherwise a reader could pass seq N+1 before N commits and never see N.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from server.clock import now
from server.db import Database, meta_value
from server.errors import ApiError
from server.schema import changes
from sync.protocol import Change, ChangesPage


def emit(conn: Connection, commune: str | None, type_: str, body: dict[str, Any]) -> int:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE changes IN EXCLUSIVE MODE")
    result = conn.execute(changes.insert().values(commune=commune, type=type_, body=body,
                                                  created_at=now()))
    return int(result.inserted_primary_key[0])


def _gone(detail: str) -> ApiError:
    return ApiError(410, "cursor_unknown", detail)


def _parse_since(since: str | None, epoch: str) -> int:
    if since is None or since == "":
        return 0
    got_epoch, _, seq = since.partition(".")
    if got_epoch != epoch:
        raise _gone("cursor from another server database; resync from the start")
    if not seq.isdigit():
        raise _gone("malformed cursor")
    return int(seq)


def page(db: Database, commune: str, since: str | None, limit: int) -> ChangesPage:
    with db.read() as conn:
        epoch = meta_value(conn, "epoch")
        after = _parse_since(since, epoch)
        # The end first, then the rows up to it: a change committed in between waits for next time.
        end = int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(changes.c.seq), 0)))
                  .scalar_one())
        if after > end:
            raise _gone("cursor beyond the end of the feed")
        rows = conn.execute(
            sa.select(changes.c.seq, changes.c.type, changes.c.body)
            .where(changes.c.seq > after, changes.c.seq <= end,
                   sa.or_(changes.c.commune == commune, changes.c.commune.is_(None)))
            .order_by(changes.c.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [Change.model_validate({"seq": r.seq, "type": r.type, r.type: r.body}) for r in rows]
    last = rows[-1].seq if more else end     # nothing for us up to `end`: skip past the others'
    return ChangesPage(cursor=f"{epoch}.{last}", more=more, changes=items)
