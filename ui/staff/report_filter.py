"""Finding a report in the clerk's list: by its code as a resident reads it out (any case,
dashes or spaces, I/L for 1 and O for 0, even a part of it) or by words, diacritics folded."""
from __future__ import annotations

from kiosk import codes
from kiosk.reports import ReportView
from kiosk.text import fold

_CODE_ALIASES = str.maketrans({"I": "1", "L": "1", "O": "0"})   # as kiosk.codes reads them


def code_fragment(query: str) -> str | None:
    """The query as (part of) a code: 'k7qm 2xp' → 'K7QM2XP'; None if it cannot be one."""
    compact = "".join(query.split()).replace("-", "").upper().translate(_CODE_ALIASES)
    if len(compact) < 3 or any(ch not in codes.ALPHABET for ch in compact):
        return None
    return compact


class ReportFilter:
    """Keeps each report's folded words so typing in the box does not re-fold the list."""

    def __init__(self) -> None:
        self._folded: dict[str, str] = {}

    def _haystack(self, view: ReportView) -> str:
        key = self._folded.get(view.id)
        if key is None:
            parts = (view.text, view.category_vi, view.category_en, view.hamlet or "",
                     view.address or "")
            key = fold(" ".join(parts))
            self._folded[view.id] = key
        return key

    def matches(self, view: ReportView, query: str) -> bool:
        if not query.strip():
            return True
        fragment = code_fragment(query)
        if fragment is not None and fragment in view.code:
            return True
        return fold(query) in self._haystack(view)

    def select(self, views: list[ReportView], query: str) -> list[ReportView]:
        return [view for view in views if self.matches(view, query)]
