"""Vietnamese sorting of names shown sorted (Issue 8): Qt's ICU collation for the Vietnamese
locale, so the alphabet's order holds (a ă â b c d đ e ê … o ô ơ … u ư …), tones rank after
the letter and case only breaks ties. Python's plain sort puts "Đ" and "Ă" after "Z".

No view is sortable by clicking a header today (the clerk's reports come newest first, the
queue tables in call or catalog order); a sortable one would compare its text cells with
vi_less() in QSortFilterProxyModel.lessThan or QTableWidgetItem.__lt__."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCollator, QCollatorSortKey, QLocale

_COLLATOR: list[QCollator] = []


def collator() -> QCollator:
    """One collator for the process (made on first use; ICU ships with Qt)."""
    if not _COLLATOR:
        made = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        made.setNumericMode(True)   # "Ấp 2" before "Ấp 10"
        _COLLATOR.append(made)
    return _COLLATOR[0]


def vi_sort_key(text: str) -> QCollatorSortKey:
    """A key for sorted()/list.sort() in Vietnamese alphabetical order."""
    return collator().sortKey(text)


def vi_less(left: str, right: str) -> bool:
    """For lessThan()/__lt__ overrides of sortable Qt views."""
    return collator().compare(left, right) < 0


def sorted_vi(names: Iterable[str]) -> list[str]:
    return sorted(names, key=vi_sort_key)
