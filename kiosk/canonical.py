"""The canonical hash of an outbox item: what makes "the same content" the same everywhere.

Standard library only, so the kiosk (at filing time), the sync client and the reference server
(through sync/protocol.py) all compute it with this one function. The hash is fixed when the item
is created and travels with it: a report handed over on a USB stick and sent by another device
still carries its own hash.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any


def _normalise(value: Any) -> Any:
    """NFC strings, recursively; floats kept as JSON numbers (repr round-trips exactly)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", str(k)): _normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(v) for v in value]
    return value


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8, NFC: equal content gives equal bytes."""
    return json.dumps(_normalise(value), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False).encode("utf-8")


def content_hash(kind: str, payload: dict[str, Any]) -> str:
    """SHA-256 hex over the item's kind and its canonical payload."""
    return hashlib.sha256(kind.encode("ascii") + b"\n" + canonical_json(payload)).hexdigest()
