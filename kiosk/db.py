"""The local SQLite store: durable pragmas, numbered migrations, one connection per thread.

Migrations are `kiosk/migrations/NNNN_name.sql`, applied in order, each in one transaction
together with the new `PRAGMA user_version`, so a crash mid-migration leaves the old version.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.errors import KioskError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 10_000


def migrations() -> list[tuple[int, Path]]:
    """All migrations as (version, file), checked to be numbered 1..N without gaps."""
    found = sorted(
        (int(m.group(1)), p)
        for p in MIGRATIONS_DIR.iterdir()
        if (m := _MIGRATION_NAME.match(p.name))
    )
    for expected, (version, path) in enumerate(found, start=1):
        if version != expected:
            raise RuntimeError(f"migration numbering gap at {path.name}")
    return found


def latest_version() -> int:
    return len(migrations())


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the store's pragmas; does not migrate."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=True)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # WAL+NORMAL can lose the last commits on power loss
    conn.execute("PRAGMA foreign_keys=ON")
    # Deleted and overwritten content is zeroed, so a purged phone number's bytes do not linger
    # in free space (kiosk/privacy.py checkpoints the WAL after a purge).
    conn.execute("PRAGMA secure_delete=ON")
    return conn


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the database up to `target` (default: latest). Returns the version reached."""
    steps = migrations()
    newest = len(steps)
    target = newest if target is None else target
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > newest:
        raise KioskError("store_too_new", found=current, supported=newest)
    for version, path in steps[current:target]:
        sql = path.read_text(encoding="utf-8")
        with transaction(conn):
            # executescript would COMMIT first; run statements one by one inside our transaction.
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={version}")
    return max(current, target)


def _split_sql(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip():
        raise RuntimeError("incomplete SQL statement at end of migration")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT; rollback on any error. Writers queue on the busy timeout."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        # SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR): a second
        # ROLLBACK would raise and hide the real error. A failed COMMIT that left the
        # transaction open is rolled back here, so the connection stays usable.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


class Store:
    """The store file; hands each thread its own connection (sqlite3 objects are per-thread)."""

    FILE_NAME = "caunoi.sqlite3"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / self.FILE_NAME
        self._local = threading.local()
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            migrate(self.conn())
        except sqlite3.DatabaseError as exc:
            raise KioskError("store_unreadable", path=str(self.path), detail=str(exc)) from exc
        from kiosk.privacy import seal_legacy_rows  # contact details an older version kept plain

        seal_legacy_rows(self.conn())

    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path)
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    @property
    def receipts_dir(self) -> Path:
        return self.data_dir / "receipts"
