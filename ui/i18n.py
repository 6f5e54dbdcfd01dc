"""Language at run time: Vietnamese first, English second, switchable on every screen.

Source strings in code are English (Qt convention); `resources/i18n/caunoi_vi.ts` holds the
Vietnamese, compiled to .qm by `make` (pyside6-lrelease); `caunoi_en.ts` holds only the English
plural forms ("1 person ahead of you") and is optional: without it English shows the source
texts. Widgets rebuild or retranslate when `LANG.changed` fires.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.paths import RESOURCES

I18N_DIR = RESOURCES / "i18n"


class Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "vi"
        self._translators: list[QTranslator] = []

    def set(self, code: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        for name in ("qtbase_vi", "caunoi_vi") if code == "vi" else ("caunoi_en",):
            translator = QTranslator(app)
            qm = I18N_DIR / f"{name}.qm"
            if qm.exists() and translator.load(str(qm)):
                app.installTranslator(translator)
                self._translators.append(translator)
        if code == "vi":
            QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.code = code
        self.changed.emit(code)

    def missing_catalog(self) -> Path | None:
        """The .qm that `make` should have built, when it is missing (shown by smoke-test)."""
        qm = I18N_DIR / "caunoi_vi.qm"
        return None if qm.exists() else qm


LANG = Language()
