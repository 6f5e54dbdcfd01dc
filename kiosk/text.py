"""Text at the edge: NFC, no lone surrogates or control characters, bounded, and a folded key.

SQLite's LIKE folds ASCII only and `đ` has no Unicode decomposition, so searches use a key
made here: diacritics removed, đ→d, case-folded.
"""
from __future__ import annotations

import unicodedata

from kiosk.errors import KioskError

_ALLOWED_CONTROLS = {"\n", "\t"}


def clean_text(value: str, *, field: str, max_len: int, required: bool = True,
               multiline: bool = False) -> str | None:
    """NFC-normalised, trimmed text, or a KioskError naming the field. Empty → None if optional."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate from a broken clipboard or input method
        raise KioskError("text_invalid", field=field) from exc
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") and ch not in _ALLOWED_CONTROLS:
            # Zero-width joiners etc. have no place in a report; unassigned code points neither.
            raise KioskError("text_invalid", field=field)
        if ch == "\n" and not multiline:
            raise KioskError("text_invalid", field=field)
    if not text:
        if required:
            raise KioskError("text_required", field=field)
        return None
    if len(text) > max_len:
        raise KioskError("text_too_long", field=field, limit=max_len, length=len(text))
    return text


def fold(value: str) -> str:
    """Search key: 'Đường Nguyễn Huệ' → 'duong nguyen hue'."""
    decomposed = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())
