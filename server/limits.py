"""The limits /hello announces and the server enforces."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_batch_items: int = 100
    max_batch_bytes: int = 4 * 1024 * 1024     # decompressed JSON body of one request
    max_media_bytes: int = 8_000_000           # one photo
    max_changes: int = 500                     # changes per page
    max_operator_bytes: int = 32 * 1024 * 1024  # an operator's dossier or catalog load
