"""Tracking codes: entropy, check symbol, forgiving input."""
from __future__ import annotations

import itertools

from kiosk import codes


def test_new_codes_validate_and_differ() -> None:
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000
    for code in made:
        assert len(code) == 11 and set(code) <= set(codes.ALPHABET)
        assert codes.normalise(code) == code


def test_entropy_is_at_least_50_bits() -> None:
    assert codes.RANDOM_SYMBOLS * 5 >= 50


def test_forgiving_input() -> None:
    code = "K7QM2XPD9R" + codes.check_symbol("K7QM2XPD9R")
    grouped = codes.grouped(code)
    assert grouped.count("-") == 2
    assert codes.normalise(grouped.lower()) == code
    assert codes.normalise(" ".join(grouped)) == code
    with_o = "10QM2XPD9R"
    full = with_o + codes.check_symbol(with_o)
    assert codes.normalise(full.replace("1", "I").replace("0", "O")) == full
    assert codes.normalise(full.replace("1", "l")) == full


def test_every_single_substitution_is_caught() -> None:
    code = codes.new_code()
    for i, ch in itertools.product(range(len(code)), codes.ALPHABET):
        if ch != code[i]:
            assert codes.normalise(code[:i] + ch + code[i + 1:]) is None


def test_adjacent_transpositions_are_mostly_caught() -> None:
    caught = total = 0
    for _ in range(300):
        code = codes.new_code()
        for i in range(len(code) - 1):
            if code[i] != code[i + 1]:
                total += 1
                swapped = code[:i] + code[i + 1] + code[i] + code[i + 2:]
                caught += codes.normalise(swapped) is None
    assert caught / total > 0.95


def test_wrong_length_or_symbol_rejected() -> None:
    code = codes.new_code()
    assert codes.normalise(code[:-1]) is None
    assert codes.normalise(code + "0") is None
    assert codes.normalise(code[:-1] + "U") is None
    assert codes.normalise("") is None
