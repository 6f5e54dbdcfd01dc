"""Vietnamese alphabetical order (Issue 8): a ă â b c d đ e ê … o ô ơ … u ư …"""
from __future__ import annotations

from ui.collation import sorted_vi, vi_less


def test_alphabet_order() -> None:
    assert sorted_vi(["Đức", "Dũng", "Anh", "Ân", "Ăn", "Em"]) == [
        "Anh", "Ăn", "Ân", "Dũng", "Đức", "Em"]


def test_d_bar_between_d_and_e() -> None:
    assert vi_less("Dương", "Đào") and vi_less("Đào", "Em")
    assert vi_less("Zô", "Đào") is False        # not code-point order (Đ is U+0110)


def test_vowel_letters_after_their_base() -> None:
    assert sorted_vi(["ư", "u", "ơ", "ô", "o", "ê", "e", "â", "ă", "a"]) == [
        "a", "ă", "â", "e", "ê", "o", "ô", "ơ", "u", "ư"]


def test_tones_rank_after_the_plain_letter_and_numbers_by_value() -> None:
    assert sorted_vi(["Hải", "Hai", "Hạ", "Hà", "Ha"]) == ["Ha", "Hà", "Hạ", "Hai", "Hải"]
    assert vi_less("Ấp 2", "Ấp 10")
