"""Text at the edge: NFC, bounds, invalid characters, folding."""
from __future__ import annotations

import unicodedata

import pytest

from kiosk.errors import KioskError
from kiosk.text import clean_text, fold


def test_nfd_becomes_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
    assert nfd != "Nguyễn Thị Hằng"
    assert clean_text(nfd, field="name", max_len=100) == "Nguyễn Thị Hằng"


def test_bounds_count_nfc_characters() -> None:
    text = unicodedata.normalize("NFD", "ệ" * 100)   # 300 code points in NFD, 100 in NFC
    assert clean_text(text, field="name", max_len=100) == "ệ" * 100
    with pytest.raises(KioskError) as err:
        clean_text("a" * 101, field="name", max_len=100)
    assert err.value.code == "text_too_long" and err.value.params["limit"] == 100


@pytest.mark.parametrize("bad", ["abc\ud800def", "a\u200bb", "a\x00b", "a\x1bb"])
def test_invalid_characters(bad: str) -> None:
    with pytest.raises(KioskError) as err:
        clean_text(bad, field="text", max_len=100, multiline=True)
    assert err.value.code == "text_invalid"


def test_newlines_only_where_allowed() -> None:
    assert clean_text("dòng 1\r\ndòng 2", field="text", max_len=50, multiline=True) == "dòng 1\ndòng 2"
    with pytest.raises(KioskError):
        clean_text("dòng 1\ndòng 2", field="name", max_len=50)


def test_required_and_optional() -> None:
    with pytest.raises(KioskError) as err:
        clean_text("   ", field="text", max_len=10)
    assert err.value.code == "text_required"
    assert clean_text("  ", field="address", max_len=10, required=False) is None


def test_fold_handles_d_bar_and_tones() -> None:
    assert fold("Đường Nguyễn  Huệ") == "duong nguyen hue"
    assert fold(unicodedata.normalize("NFD", "ĐẮK LẮK")) == "dak lak"
