"""Engine, transactions and first-start initialisation.

Writes go through `Database.write()`: one transaction, serialised in-process by a lock; on SQLite
it is `BEGIN IMMEDIATE` so the reads that decide a write (duplicate checks) are inside the same
transaction as the write, also against other processes (the operator CLI).
"""
from __future__ import annotations

import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from server import catalog
from server.clock import now
from server.schema import meta, metadata

DEFAULT_DB = "province.sqlite3"


def make_url(db: str) -> str:
    """A path is a SQLite file; anything with `://` is a SQLAlchemy URL (postgresql → psycopg 3)."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None          # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "busy_timeout=15000",
                       "foreign_keys=ON"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("caunoi_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    def __init__(self, db: str) -> None:
        self.url = make_url(db)
        self.engine = sa.create_engine(self.url, pool_pre_ping=not self.is_sqlite)
        if self.is_sqlite:
            _sqlite_events(self.engine)
        self._lock = threading.RLock()

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back if it raises."""
        with self._lock, self.engine.connect() as conn:
            conn.execution_options(caunoi_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """One read transaction (a consistent snapshot on SQLite)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def init(self) -> None:
        """Create tables; on the very first start make the epoch and secret and seed the catalog."""
        metadata.create_all(self.engine)
        try:
            with self.write() as conn:
                if conn.execute(sa.select(meta.c.value).where(meta.c.key == "epoch")).first():
                    return
                conn.execute(meta.insert(), [
                    {"key": "epoch", "value": secrets.token_hex(6)},
                    {"key": "secret", "value": secrets.token_hex(32)},
                    {"key": "created_at", "value": now()},
                ])
                catalog.seed(conn)
        except IntegrityError:
            pass    # another process (server or CLI) initialised it at the same moment

    def display(self) -> str:
        """The URL without its password, for messages."""
        return sa.engine.make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def meta_value(conn: Connection, key: str) -> str:
    return str(conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar_one())
