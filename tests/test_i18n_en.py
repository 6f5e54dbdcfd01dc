"""English plural forms come from caunoi_en.ts (the sources are English, but "%n people"
needs a singular); Vietnamese uses one form for every count."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.i18n import LANG


def _ahead(count: int) -> str:
    return QCoreApplication.translate("QueueTicketScreen", "%n people ahead of you", "", count)


def test_english_singular_and_plural(themed_app) -> None:  # noqa: ANN001
    try:
        LANG.set("en")
        assert _ahead(1) == "1 person ahead of you"
        assert _ahead(3) == "3 people ahead of you"
        assert QCoreApplication.translate("QueueTicketScreen", "Estimated wait: about %n minutes",
                                          "", 1) == "Estimated wait: about 1 minute"
        assert QCoreApplication.translate("AdminWindow", "Office") == "Office"   # the source
        LANG.set("vi")
        assert _ahead(1) == "Trước bạn còn 1 người"
    finally:
        LANG.set("vi")
