"""Telex composition: a hand table of tricky cases, and a round trip over every syllable of
Debian's hunspell-vi word list through an encoder written here, independent of the composer."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from kiosk.telex import NEW, OLD, TelexComposer, compose

CASES = [
    # (keys, old style, new style when it differs)
    ("aa", "â", None), ("aw", "ă", None), ("ee", "ê", None), ("oo", "ô", None),
    ("ow", "ơ", None), ("uw", "ư", None), ("dd", "đ", None), ("w", "ư", None),
    ("nhw", "như", None), ("tw", "tư", None),
    ("as", "á", None), ("af", "à", None), ("ar", "ả", None), ("ax", "ã", None), ("aj", "ạ", None),
    # z clears a tone (and is a letter without one); a new tone replaces the old
    ("asz", "a", None), ("az", "az", None), ("asf", "à", None),
    ("ass", "as", None), ("aaa", "aa", None), ("ww", "w", None), ("uww", "uw", None),
    ("ddd", "dd", None), ("aww", "aw", None), ("booong", "boong", None), ("sooocs", "soóc", None),
    ("hoaf", "hòa", "hoà"), ("hofa", "hòa", "hoà"), ("thuys", "thúy", "thuý"),
    ("khoer", "khỏe", "khoẻ"), ("hoafn", "hoàn", None), ("toasn", "toán", None),
    ("nguyeenx", "nguyễn", None), ("nguyenex", "nguyễn", None), ("quoocs", "quốc", None),
    ("quocs", "quóc", None),                    # ô needs "oo": plain Telex, not a typo fixer
    ("giuwowngf", "giường", None), ("truongwf", "trường", None), ("dduowcj", "được", None),
    ("nguowif", "người", None), ("thuowr", "thuở", None), ("huow", "huơ", None),
    ("khuyur", "khuỷu", None), ("ngoaif", "ngoài", None), ("xoays", "xoáy", None),
    ("khoeo", "khoeo", None), ("ngoaos", "ngoáo", None), ("gif", "gì", None),
    ("gias", "giá", None), ("quys", "quý", None), ("quyeenr", "quyển", None),
    ("muaf", "mùa", None), ("cuwar", "cửa", None), ("cuwus", "cứu", None), ("xoawn", "xoăn", None),
    ("did", "đi", None), ("HOAF", "HÒA", "HOÀ"), ("DDenf", "Đèn", None), ("DDaaj", "Đậ", None),
    ("Nguyeenx Thij Hoa", "Nguyễn Thị Hoa", None), ("tieengs Vieetj.", "tiếng Việt.", None),
    ("Xin chaof, bacs!", "Xin chào, bác!", None), ("so61", "so61", None),
]


@pytest.mark.parametrize(("keys", "old", "new"), CASES)
def test_hand_table(keys: str, old: str, new: str | None) -> None:
    assert compose(keys, OLD) == old
    assert compose(keys, NEW) == (new or old)
    assert unicodedata.is_normalized("NFC", compose(keys))


def test_default_style_is_old() -> None:
    assert compose("hoaf") == "hòa"


def test_backspace_deletes_the_last_character_and_typing_continues() -> None:
    composer = TelexComposer()
    composer.feed("nguyeenx")
    composer.backspace()
    assert composer.text == "nguyễ"
    composer.feed("n")
    assert composer.text == "nguyễn"
    composer.feed(" ")
    composer.backspace()
    composer.backspace()
    assert composer.text == "nguyễ"


def test_other_letters_pass_through_unchanged() -> None:
    composer = TelexComposer()
    composer.set_word("Franç")
    composer.feed("o")                  # (an "a" would be Telex for â: "Frânç")
    assert composer.word == "Fran\u00e7o"
    composer.set_word("ñu")
    composer.feed("s")
    assert composer.word == "ñú"


def test_set_word_continues_text_on_screen() -> None:
    composer = TelexComposer()
    composer.set_word("hoa")
    composer.feed("f")
    assert composer.word == "hòa"
    composer.set_word("hòa")
    composer.feed("s")
    assert composer.word == "hóa"


# --- round trip over hunspell-vi ------------------------------------------------------------
DIC = Path("/usr/share/hunspell/vi_VN.dic")
# Entries that are not Vietnamese syllables (acronyms, loanwords kept whole): Telex cannot type
# them in VI mode, which is what the keyboard's EN key is for.
NOT_VIETNAMESE = {"ASCII", "GIF", "HĐND", "Telex", "URL", "VIQR", "VISCII", "basoi", "internet",
                  "intranet", "palăng", "web"}
_TONE_KEY = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"


def telex_keys(syllable: str) -> str:
    """Keys a Telex typist presses: each letter with its vowel mark right after it (aa, aw,
    ow, uw, dd), a plain vowel after the same plain vowel typed three times (boong: booong),
    and the tone key last."""
    keys: list[str] = []
    tone = ""
    previous = ""
    for char in syllable:
        if char in "đĐ":
            keys += ["D" if char == "Đ" else "d", "d"]
            previous = ""
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        vowel_marks = [m for m in marks if m in (_CIRCUMFLEX, _BREVE, _HORN)]
        tone = next((_TONE_KEY[m] for m in marks if m in _TONE_KEY), tone)
        if not vowel_marks and base.lower() in "aeo" and previous == base.lower():
            keys.append(base * 2)
        else:
            keys.append(base)
        if vowel_marks:
            keys.append(base.lower() if vowel_marks[0] == _CIRCUMFLEX else "w")
        previous = "" if vowel_marks else base.lower()
    return "".join(keys) + tone


def _syllables() -> list[str]:
    if not DIC.exists():
        pytest.skip("hunspell-vi is not installed (scripts/setup_system.sh installs it)")
    lines = DIC.read_text(encoding="utf-8").split("\n")
    assert int(lines[0]) == len([line for line in lines[1:] if line.strip()])
    words = [unicodedata.normalize("NFC", line.split("/")[0]) for line in lines[1:] if line.strip()]
    # Entries are single words; split on anything else to be sure only syllables remain.
    return sorted({part for word in words for part in word.replace("-", " ").split()})


def test_every_hunspell_syllable_round_trips() -> None:
    syllables = _syllables()
    assert len(syllables) > 6000
    # hunspell-vi writes the new style (hoà, thuý), so that is the style compared here.
    failures = [(s, telex_keys(s), compose(telex_keys(s), NEW)) for s in syllables
                if s not in NOT_VIETNAMESE and compose(telex_keys(s), NEW) != s]
    assert failures == []
    assert {s for s in syllables if compose(telex_keys(s), NEW) != s} == NOT_VIETNAMESE


def test_styles_differ_only_on_open_oa_oe_uy() -> None:
    for syllable in _syllables():
        if syllable in NOT_VIETNAMESE:
            continue
        keys = telex_keys(syllable)
        old = compose(keys, OLD)
        if old != syllable:
            bare = unicodedata.normalize("NFD", syllable.lower())
            bare = "".join(c for c in bare if c not in _TONE_KEY)
            assert bare.endswith(("oa", "oe", "uy")), (syllable, old)
