"""Output for people and scripts: JSON as UTF-8 text (no \\u escapes), errors in plain words."""
from __future__ import annotations

import json
import sys
from typing import Any


def emit_json(value: Any) -> None:
    sys.stdout.reconfigure(encoding="utf-8")  # a Windows console would otherwise pick cp1258
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def emit_text(text: str) -> None:
    sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(text + "\n")


def warn(message: str) -> None:
    sys.stderr.reconfigure(encoding="utf-8")
    sys.stderr.write(message + "\n")


def fail(message: str, status: int = 2) -> int:
    sys.stderr.reconfigure(encoding="utf-8")
    sys.stderr.write(message + "\n")
    return status


def local_time(value: Any, zone: str) -> str:
    """A stored UTC instant (ISO text) as people read it: dd/MM/yyyy HH:mm in the office zone.
    JSON output keeps the ISO text; this is for text output only."""
    from datetime import datetime, timezone

    from kiosk.clock import local_display

    text = str(value)
    try:
        instant = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    return local_display(instant, zone)


def number(value: float, lang: str = "vi", digits: int = 1) -> str:
    """A decimal for people: comma as the decimal mark in Vietnamese (-0,3), point in English."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang != "en" else text
