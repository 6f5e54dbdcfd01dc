"""Refuse new work before the disk is full, rather than half-write it."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kiosk.errors import KioskError

DEFAULT_MIN_FREE_MB = 200


def ensure_free_space(path: Path, min_free_mb: int = DEFAULT_MIN_FREE_MB) -> None:
    free_mb = shutil.disk_usage(path).free // (1024 * 1024)
    if free_mb < min_free_mb:
        raise KioskError("disk_low", free_mb=free_mb, min_mb=min_free_mb)


def translate_write_error(exc: sqlite3.Error) -> KioskError:
    """SQLite's full-disk and I/O errors, in terms a person can act on."""
    text = str(exc).lower()
    if "full" in text or getattr(exc, "sqlite_errorcode", None) == 13:  # SQLITE_FULL
        return KioskError("disk_full")
    return KioskError("store_write_failed", detail=str(exc))
