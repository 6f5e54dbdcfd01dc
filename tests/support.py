"""Helpers shared by core tests: a seeded store on a real file, sample photos."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from kiosk import catalog
from kiosk.db import Store


def seeded_store(data_dir: Path) -> Store:
    store = Store(data_dir)
    catalog.seed(store.conn())
    return store


def jpeg_bytes(size: tuple[int, int] = (640, 480), color: str = "green") -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def counts(path: Path) -> dict[str, int]:
    """Row counts of every table a report touches, read through a fresh connection."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("reports", "media", "report_media", "outbox")}
    finally:
        conn.close()
