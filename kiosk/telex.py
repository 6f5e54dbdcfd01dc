"""Telex composition for the kiosk's on-screen keyboard: plain keys in, NFC Vietnamese out.

    aa â   aw ă   ee ê   oo ô   ow ơ   uw ư   uow ươ   w (no vowel yet) ư   dd đ
    s sắc  f huyền  r hỏi  x ngã  j nặng   z removes the tone

Marks may be typed anywhere after their vowel ("hoaf", "hofa", "nguyeenx", "truongwf"): the word
is kept as letters + one tone, and the tone is placed when the word is rendered, so it moves when
a vowel follows. Repeating a key undoes it and types the key itself ("ass" → "as", "aaa" → "aa",
"ww" → "w"); after that, the same kind of mark stays off for the rest of the word, which is how
"boong" and "soóc" are typed ("booong", "sooocs").

Tone placement style. OLD ("hòa", "thúy", "khỏe": on the first vowel of an open oa/oe/uy) is the
kiosk default: it is how state documents are printed (the national title in the template of
Decree 30/2020/NĐ-CP reads "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and how this office's own
catalog spells its hamlets ("Ấp Hòa Bình"), so a resident's text matches what staff search for.
NEW ("hoà", "thuý", "khoẻ": on the main vowel) is what school textbooks and hunspell-vi use.
Every other syllable is the same in both.

Pure Python (no Qt) so it is tested exhaustively and imported by the UI.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

OLD = "old"
NEW = "new"
DEFAULT_STYLE = OLD

VOWELS = frozenset("aeiouy")
TONE_KEYS = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5}
# Combining marks, in the order NFC expects them (vowel mark first, then tone).
TONE_MARKS = {1: "\u0301", 2: "\u0300", 3: "\u0309", 4: "\u0303", 5: "\u0323"}
_TONE_OF_MARK = {mark: tone for tone, mark in TONE_MARKS.items()}
CIRCUMFLEX, BREVE, HORN = "\u0302", "\u0306", "\u031b"
# A horn on u that shows only when something follows the ơ: "uow" is "uơ" in thuở and huơ,
# but "ươ" in dương and người (Vietnamese has no open "ươ" and no "uơ" before a consonant).
MAYBE_HORN = "?"
_VOWEL_MARKS = {CIRCUMFLEX, BREVE, HORN}


@dataclass
class Letter:
    base: str          # lower case: a-z, "đ", or any other letter typed as is
    mark: str = ""     # CIRCUMFLEX, BREVE, HORN, MAYBE_HORN or ""
    upper: bool = False

    @property
    def vowel(self) -> bool:
        return self.base in VOWELS


def _letter(char: str) -> tuple[Letter, int]:
    """A typed or pasted character as a letter and the tone it carries (0: none)."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    known = _VOWEL_MARKS | set(_TONE_OF_MARK)
    if (not (base.isascii() or base in "đĐ") or any(m not in known for m in marks)
            or (marks and base.lower() not in VOWELS)):
        return Letter(char.lower(), "", char.isupper()), 0   # ç, ñ, ß: kept whole, never marked
    mark, tone = "", 0
    for m in marks:
        if m in _VOWEL_MARKS:
            mark = m
        elif m in _TONE_OF_MARK:
            tone = _TONE_OF_MARK[m]
    return Letter(base.lower(), mark, base.isupper()), tone


def is_word_char(char: str) -> bool:
    """Letters make words; everything else (space, punctuation, digits) ends one."""
    return len(char) == 1 and char.isalpha()


@dataclass
class Word:
    """One word being typed: its letters, its tone, and which kinds of mark were undone."""
    letters: list[Letter] = field(default_factory=list)
    tone: int = 0
    off: set[str] = field(default_factory=set)   # "tone", "circ", "w", "d" after an undo
    lone_w: int | None = None                    # index of a ư typed as a bare "w"

    # --- structure ------------------------------------------------------------------------
    def nucleus(self) -> list[int]:
        """Indices of the vowel group after the initial consonants; the u of "qu" and the i of
        "gi" belong to the initial when another vowel follows ("quốc", "giường", but "gì")."""
        letters = self.letters
        i = 0
        while i < len(letters) and not letters[i].vowel:
            i += 1
        initial = "".join(letter.base for letter in letters[:i])
        if (i + 1 < len(letters) and letters[i + 1].vowel
                and ((initial == "q" and letters[i].base == "u")
                     or (initial == "g" and letters[i].base == "i" and not letters[i].mark))):
            i += 1
        j = i
        while j < len(letters) and letters[j].vowel:
            j += 1
        return list(range(i, j))

    def tone_index(self, style: str) -> int | None:
        nucleus = self.nucleus()
        if not nucleus:
            return None
        marked = [k for k in nucleus if self.letters[k].mark]
        if marked:
            return marked[-1]                       # ơ of ươ, ê of iê/uyê, â, ư of ưu
        if len(nucleus) == 1:
            return nucleus[0]
        if nucleus[-1] + 1 < len(self.letters):
            return nucleus[-1]                      # closed: hoàn, toán, huýt, voọc
        if len(nucleus) >= 3:
            return nucleus[1]                       # khuỷu, ngoài, xoáy
        pair = self.letters[nucleus[0]].base + self.letters[nucleus[1]].base
        if style == NEW and pair in ("oa", "oe", "uy"):
            return nucleus[1]                       # hoà, khoẻ, thuỷ
        return nucleus[0]                           # hòa, mùa, tía, cái

    def render(self, style: str = DEFAULT_STYLE) -> str:
        at = self.tone_index(style) if self.tone else None
        out = []
        for k, letter in enumerate(self.letters):
            mark = letter.mark
            if mark == MAYBE_HORN:
                mark = HORN if k + 2 < len(self.letters) else ""
            base = "d" if letter.base == "đ" else letter.base
            char = unicodedata.normalize("NFC", base + mark + (TONE_MARKS[self.tone]
                                                               if k == at else ""))
            if letter.base == "đ":
                char = "đ"
            out.append(char.upper() if letter.upper else char)
        return "".join(out)

    # --- keys -----------------------------------------------------------------------------
    def feed(self, char: str) -> None:
        key = char.lower()
        if char.isascii():
            if key in TONE_KEYS and self._tone(TONE_KEYS[key], char):
                return
            if key == "z" and self._tone(0, char):
                return
            if key in "aeo" and self._circumflex(key, char):
                return
            if key == "w" and self._w(char):
                return
            if key == "d" and self._d(char):
                return
            self._append(char)
            return
        letter, tone = _letter(char)
        self.letters.append(letter)
        if tone:
            self.tone = tone

    def _append(self, char: str) -> None:
        self.letters.append(_letter(char)[0])

    def _tone(self, tone: int, char: str) -> bool:
        if "tone" in self.off or not self.nucleus():
            return False
        if tone == 0:                               # z: clears a tone, else is a letter
            if not self.tone:
                return False
            self.tone = 0
            return True
        if self.tone == tone:                       # "ass" → "as"
            self.tone = 0
            self.off.add("tone")
            return False
        self.tone = tone
        return True

    def _circumflex(self, key: str, char: str) -> bool:
        if "circ" in self.off:
            return False
        nucleus = self.nucleus()
        # Only the last vowel of the group doubles, so "khoeo" and "ngoáo" keep both o's.
        if not nucleus or self.letters[nucleus[-1]].base != key:
            return False
        letter = self.letters[nucleus[-1]]
        if letter.mark == CIRCUMFLEX:               # "aaa" → "aa"
            letter.mark = ""
            self.off.add("circ")
            return False
        if letter.mark == HORN:
            self._unhorn_pair(nucleus[-1])
        letter.mark = CIRCUMFLEX
        return True

    def _unhorn_pair(self, o: int) -> None:
        if o and self.letters[o - 1].mark == MAYBE_HORN:
            self.letters[o - 1].mark = ""

    def _w(self, char: str) -> bool:
        if "w" in self.off:
            return False
        letters = self.letters
        if self.lone_w is not None and self.lone_w == len(letters) - 1:   # "ww" → "w"
            letters[-1] = Letter("w", "", letters[-1].upper)
            self.lone_w = None
            self.off.add("w")
            return True
        nucleus = self.nucleus()
        for k in nucleus[:-1]:                      # u+o: ươ (or uơ when nothing follows)
            u, o = letters[k], letters[k + 1]
            if u.base == "u" and o.base == "o" and u.mark in ("", HORN, MAYBE_HORN):
                if o.mark == HORN:                  # "uoww" → "uow"
                    u.mark = o.mark = ""
                    self.off.add("w")
                    return False
                u.mark = u.mark or MAYBE_HORN
                o.mark = HORN
                return True
        hookable = [k for k in nucleus if letters[k].base in "aou"]
        if hookable:
            letter = letters[hookable[-1]]
            mark = BREVE if letter.base == "a" else HORN
            if letter.mark == mark:                 # "aww" → "aw", "uww" → "uw"
                letter.mark = ""
                self.off.add("w")
                return False
            letter.mark = mark
            return True
        if any(letter.vowel for letter in letters):
            return False                            # a w after i/e/y is just a w
        self.letters.append(Letter("u", HORN, char.isupper()))   # "w" → "ư", "nhw" → "như"
        self.lone_w = len(self.letters) - 1
        return True

    def _d(self, char: str) -> bool:
        letters = self.letters
        if "d" in self.off or not letters or not all(x.vowel for x in letters[1:]):
            return False
        first = letters[0]
        if first.base == "d":                       # "dd" → "đ", also "did" → "đi"
            first.base = "đ"
            return True
        if first.base == "đ":                       # "ddd" → "dd"
            first.base = "d"
            self.off.add("d")
        return False


class TelexComposer:
    """Composes a stream of keys: `feed` one key, `backspace`, read `text` (committed text and
    the word being typed) or `word`. A non-letter ends the word."""

    def __init__(self, style: str = DEFAULT_STYLE) -> None:
        if style not in (OLD, NEW):
            raise ValueError(style)
        self.style = style
        self.committed = ""
        self._word = Word()

    @property
    def word(self) -> str:
        return self._word.render(self.style)

    @property
    def text(self) -> str:
        return self.committed + self.word

    def feed(self, key: str) -> None:
        for char in key:
            if is_word_char(char):
                self._word.feed(char)
            else:
                self.commit()
                self.committed += char

    def commit(self) -> None:
        self.committed += self.word
        self._word = Word()

    def set_word(self, text: str) -> None:
        """Continue the word `text` (already on screen) as if typed as those letters."""
        self._word = Word()
        for char in unicodedata.normalize("NFC", text):
            if char.isascii():
                self._word._append(char)    # as shown: "aa" on screen stays "aa"
            else:
                self._word.feed(char)

    def set_tone(self, tone: int) -> bool:
        """A tone key of the on-screen keyboard (1 sắc … 5 nặng, 0 none) on the current word,
        placed by the same rules; False when the word has no vowel to carry it."""
        if not self._word.nucleus():
            return False
        self._word.tone = tone
        return True

    def backspace(self) -> None:
        """Deletes the last character shown (not the last key), like a keyboard's ⌫."""
        word = self.word
        if word:
            self.set_word(word[:-1])
        else:
            self.committed = self.committed[:-1]

    def reset(self) -> None:
        self.committed = ""
        self._word = Word()


def compose(keys: str, style: str = DEFAULT_STYLE) -> str:
    """"Xin chaof" → "Xin chào"."""
    composer = TelexComposer(style)
    composer.feed(keys)
    return composer.text
