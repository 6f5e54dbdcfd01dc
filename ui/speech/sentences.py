"""What the display board says when a number is called: the canonical sentence (shown on screen,
emitted by the announcer, and what staff read in logs) and the spoken form handed to a speech
engine. Pure Python, no Qt.

The spoken form spells the ticket one character at a time, letters by their Vietnamese names and
digits as words ("A012" → "A, không, một, hai"), and says the counter as a cardinal number
("quầy số mười hai"). Why digit by digit is in docs/speech.md.
"""
from __future__ import annotations

import re

LANGS = ("vi", "en")

_TICKET = re.compile(r"[A-Z]{1,3}[0-9]{1,6}")

# Letter names as taught in Vietnamese schools (bê, xê, dê ...); F/J/W/Z by their usual names.
# Two-syllable names are written with a space, not a hyphen: engines read both the same.
_VI_LETTERS = {
    "A": "A", "B": "bê", "C": "xê", "D": "dê", "E": "e", "F": "ép", "G": "giê", "H": "hát",
    "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em mờ", "N": "en nờ", "O": "o", "P": "pê",
    "Q": "quy", "R": "e rờ", "S": "ét xì", "T": "tê", "U": "u", "V": "vê", "W": "vê kép",
    "X": "ích xì", "Y": "i dài", "Z": "dét",
}
_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _check(ticket: str, counter: int, lang: str) -> None:
    if not _TICKET.fullmatch(ticket):
        raise ValueError(f"not a queue ticket (prefix letters + digits, e.g. A012): {ticket!r}")
    if isinstance(counter, bool) or not isinstance(counter, int) or not 1 <= counter <= 999:
        raise ValueError(f"counter must be a whole number from 1 to 999, not {counter!r}")
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; one of {LANGS}")


def call_sentence(ticket: str, counter: int, lang: str = "vi") -> str:
    """The canonical call, as shown on the board: "Mời số A012 đến quầy số 2"."""
    _check(ticket, counter, lang)
    if lang == "vi":
        return f"Mời số {ticket} đến quầy số {counter}"
    return f"Number {ticket}, please go to counter {counter}"


def spoken_ticket(ticket: str, lang: str = "vi") -> str:
    """The ticket spelled for a speech engine: "A012" → "A, không, một, hai"."""
    _check(ticket, 1, lang)
    letters = _VI_LETTERS if lang == "vi" else {}
    digits = _VI_DIGITS if lang == "vi" else _EN_DIGITS
    prefix = " ".join(letters.get(ch, ch) for ch in ticket if ch.isalpha())
    spelled = [digits[int(ch)] for ch in ticket if ch.isdigit()]
    return ", ".join([prefix, *spelled])


def vietnamese_number(n: int) -> str:
    """A cardinal number from 0 to 999 in words: 2 → "hai", 15 → "mười lăm",
    21 → "hai mươi mốt", 105 → "một trăm linh năm"."""
    if not 0 <= n <= 999:
        raise ValueError(f"only 0..999 are spelled, not {n}")
    if n < 10:
        return _VI_DIGITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        head = "mười" if tens == 1 else f"{_VI_DIGITS[tens]} mươi"
        if unit == 0:
            return head
        if unit == 1 and tens > 1:
            tail = "mốt"
        elif unit == 4 and tens > 1:
            tail = "tư"
        elif unit == 5:
            tail = "lăm"
        else:
            tail = _VI_DIGITS[unit]
        return f"{head} {tail}"
    hundreds, rest = divmod(n, 100)
    head = f"{_VI_DIGITS[hundreds]} trăm"
    if rest == 0:
        return head
    if rest < 10:
        return f"{head} linh {_VI_DIGITS[rest]}"
    return f"{head} {vietnamese_number(rest)}"


def spoken_call(ticket: str, counter: int, lang: str = "vi") -> str:
    """What the engine is asked to say for call_sentence(ticket, counter, lang):
    "Mời số A, không, một, hai, đến quầy số hai"."""
    _check(ticket, counter, lang)
    if lang == "vi":
        number = vietnamese_number(counter)
        return f"Mời số {spoken_ticket(ticket, 'vi')}, đến quầy số {number}"
    return f"Number {spoken_ticket(ticket, 'en')}, please go to counter {counter}"
