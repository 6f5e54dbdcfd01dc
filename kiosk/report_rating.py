"""Rating a report's published answer (Hài lòng / Chấp nhận được / Không hài lòng), once per
tracking code, with an optional comment. The rating and its outbox row are one transaction, so a
rating is never saved without being queued for the province, nor queued twice."""
from __future__ import annotations

import sqlite3
import uuid
from datetime import datetime

from kiosk import codes, items, lookup_throttle
from kiosk.clock import check_clock, to_iso
from kiosk.db import Store, transaction
from kiosk.errors import KioskError
from kiosk.messages_lookup import RATING_LEVELS
from kiosk.storage_guard import translate_write_error
from kiosk.text import clean_text

MAX_COMMENT = 500      # RatingPayload.comment's limit (sync/protocol.py)
LEVELS = tuple(RATING_LEVELS)


def rate_report(store_or_conn: Store | sqlite3.Connection, typed_code: str, level: str,
                comment: str | None = None, *, now: datetime | None = None,
                scope: str = "kiosk") -> None:
    """Record the resident's rating of an answered report. Raises KioskError: code_invalid,
    rating_level, rating_comment_too_long / rating_comment_invalid, lookup_slow_down,
    lookup_not_found, not_answered_yet, already_rated."""
    conn = store_or_conn.conn() if isinstance(store_or_conn, Store) else store_or_conn
    code = codes.normalise(typed_code)
    if code is None:
        raise KioskError("code_invalid")
    if level not in LEVELS:
        raise KioskError("rating_level", level=str(level))
    text = _clean_comment(comment)
    clock = check_clock(conn, now)
    # Rating answers "does this code exist?" too, so it is throttled like a lookup.
    lookup_throttle.check(conn, scope=scope, now=clock.now)
    try:
        with transaction(conn):
            case = conn.execute(
                "SELECT status, answer FROM cases WHERE tracking_code = ?"
                " ORDER BY created_utc DESC LIMIT 1", (code,)).fetchone()
            known = case is not None or conn.execute(
                "SELECT 1 FROM reports WHERE code = ?", (code,)).fetchone() is not None
            if known:
                _insert(conn, code, case, level, text, to_iso(clock.record_time))
    except sqlite3.OperationalError as exc:
        raise translate_write_error(exc) from exc
    if not known:
        lookup_throttle.record_failure(conn, scope=scope, now=clock.now)
        raise KioskError("lookup_not_found")


def _insert(conn: sqlite3.Connection, code: str, case: sqlite3.Row | None, level: str,
            comment: str | None, at: str) -> None:
    if case is None or case[0] not in ("resolved", "rejected") or not case[1]:
        raise KioskError("not_answered_yet")
    if conn.execute("SELECT 1 FROM report_ratings WHERE tracking_code = ?",
                    (code,)).fetchone() is not None:
        raise KioskError("already_rated")
    rating_id = str(uuid.uuid4())
    conn.execute("INSERT INTO report_ratings (id, tracking_code, level, comment, at_utc)"
                 " VALUES (?, ?, ?, ?, ?)", (rating_id, code, level, comment, at))
    # The item hash is fixed here, in the rating's transaction (docs/sync.md "Item identity").
    conn.execute("INSERT INTO outbox (item_uuid, kind, ref_id, created_utc, item_hash)"
                 " VALUES (?, 'rating', ?, ?, ?)",
                 (rating_id, rating_id, at, items.hash_for(conn, "rating", rating_id)))


def _clean_comment(comment: str | None) -> str | None:
    if comment is None:
        return None
    try:
        return clean_text(comment, field="comment", max_len=MAX_COMMENT, required=False,
                          multiline=True)
    except KioskError as exc:
        # Own codes: the shared field-name table has no "comment", and the words differ.
        if exc.code == "text_too_long":
            raise KioskError("rating_comment_too_long", **exc.params) from exc
        raise KioskError("rating_comment_invalid") from exc


def rating_of(conn: sqlite3.Connection, typed_code: str) -> str | None:
    """The level a report was rated, or None."""
    code = codes.normalise(typed_code)
    if code is None:
        return None
    row = conn.execute("SELECT level FROM report_ratings WHERE tracking_code = ?",
                       (code,)).fetchone()
    return str(row[0]) if row else None
