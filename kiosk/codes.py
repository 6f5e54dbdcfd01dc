"""Tracking codes residents carry: 50 random bits in Crockford base32 plus a Luhn mod 32 check.

`K7QM-2XPD-9RW`: ten random symbols and one check symbol, grouped for reading aloud. Input is
accepted in any case, with or without dashes or spaces, reading I/L as 1 and O as 0.
"""
from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_ALIASES = str.maketrans({"I": "1", "L": "1", "O": "0"})
RANDOM_SYMBOLS = 10          # 10 × 5 bits = 50 bits
CODE_LENGTH = RANDOM_SYMBOLS + 1


def check_symbol(payload: str) -> str:
    """Luhn mod N (N = 32) over the payload, from the right, doubling every second symbol."""
    n = len(ALPHABET)
    factor = 2
    total = 0
    for ch in reversed(payload):
        addend = factor * _VALUE[ch]
        total += addend // n + addend % n
        factor = 1 if factor == 2 else 2
    return ALPHABET[(n - total % n) % n]


def new_code() -> str:
    payload = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return payload + check_symbol(payload)


def normalise(typed: str) -> str | None:
    """The canonical 11-symbol code, or None when it is not one (wrong symbol, length or check)."""
    compact = "".join(typed.split()).replace("-", "").upper().translate(_ALIASES)
    if len(compact) != CODE_LENGTH or any(ch not in _VALUE for ch in compact):
        return None
    if check_symbol(compact[:-1]) != compact[-1]:
        return None
    return compact


def grouped(code: str) -> str:
    """'K7QM2XPD9RW' → 'K7QM-2XPD-9RW'."""
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"
