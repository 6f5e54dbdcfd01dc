"""Operator tokens: separate from device tokens (another table), only their SHA-256 is kept."""
from __future__ import annotations

import secrets

import sqlalchemy as sa

from server.clock import now
from server.db import Database
from server.enrol import sha256_hex
from server.schema import operator_tokens


def new_token(db: Database, label: str = "") -> str:
    token = "op_" + secrets.token_urlsafe(32)
    with db.write() as conn:
        conn.execute(operator_tokens.insert().values(token_sha256=sha256_hex(token), label=label,
                                                     created_at=now()))
    return token


def is_operator(db: Database, token: str) -> bool:
    with db.read() as conn:
        return conn.execute(sa.select(operator_tokens.c.label).where(
            operator_tokens.c.token_sha256 == sha256_hex(token))).first() is not None
