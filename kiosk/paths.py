"""Where things live: the data dir (flag > CAUNOI_DATA_DIR > platform default) and resources."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "caunoi"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("CAUNOI_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no override: keeps headless start-up lean

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
