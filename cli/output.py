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
