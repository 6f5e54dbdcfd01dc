"""The admin's "Printer" box: this station's printer URL (with examples), paper, buzzer, Save,
and "Test print", whose result is said in words. Saving validates first: a bad URL is refused
with its sentence and nothing is written."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.printing import PrintOutcome, print_and_log
from kiosk.printing.documents import print_test_document
from kiosk.printing.settings import PrinterSettings, load_settings, save_settings
from kiosk.printing.urls import EXAMPLES, parse_printer_url
from ui.i18n import LANG
from ui.printing import system as _system  # noqa: F401 - registers the system: back-end
from ui.staff.style import set_tone
from ui.workers import run_task

PAPERS = ("80mm", "58mm", "A5", "A4")


class PrinterSettingsBox(QGroupBox):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printer_box")
        self.store = store
        self.url = QLineEdit()
        self.url.setObjectName("printer_url")
        self.examples = QLabel("\n".join(EXAMPLES))
        self.examples.setObjectName("printer_examples")
        set_tone(self.examples, "muted")
        self.paper = QComboBox()
        self.paper.setObjectName("printer_paper")
        self.paper.addItems(PAPERS)
        self.buzzer = QCheckBox()
        self.buzzer.setObjectName("printer_buzzer")
        self.save_button = QPushButton()
        self.save_button.setObjectName("printer_save")
        self.save_button.setMinimumHeight(56)
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton()
        self.test_button.setObjectName("printer_test")
        self.test_button.setMinimumHeight(56)
        self.test_button.clicked.connect(self.test_print)
        self.result = QLabel()
        self.result.setObjectName("printer_result")
        self.result.setWordWrap(True)

        self.form = QFormLayout(self)
        self.url_label, self.paper_label = QLabel(), QLabel()
        self.form.addRow(self.url_label, self.url)
        self.form.addRow("", self.examples)
        self.form.addRow(self.paper_label, self.paper)
        self.form.addRow("", self.buzzer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        self.form.addRow(buttons)
        self.form.addRow(self.result)
        self.load()
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Printer"))
        self.url_label.setText(self.tr("Printer address"))
        self.url.setPlaceholderText(self.tr("e.g. escpos+tcp://192.168.1.50:9100"))
        self.paper_label.setText(self.tr("Paper"))
        self.buzzer.setText(self.tr("Beep after printing (thermal printers)"))
        self.save_button.setText(self.tr("Save"))
        self.test_button.setText(self.tr("Test print"))

    def load(self) -> None:
        settings = load_settings(self.store.conn())
        self.url.setText(settings.url)
        self.paper.setCurrentText(settings.paper)
        self.buzzer.setChecked(settings.buzzer)

    def entered(self) -> PrinterSettings:
        return PrinterSettings(self.url.text().strip(), self.paper.currentText(),
                               self.buzzer.isChecked())

    def _say(self, text: str, tone: str) -> None:
        self.result.setText(text)
        set_tone(self.result, tone)

    def save(self) -> bool:
        try:
            saved = save_settings(self.store.conn(), self.entered())
        except KioskError as error:
            self._say(describe(error, LANG.code), "error")
            return False
        self.url.setText(saved.url)
        self._say(self.tr("Saved. This station prints on: {url}").format(url=saved.url), "ok")
        return True

    def test_print(self) -> None:
        """Print the test page with the settings as entered (saved or not), off the GUI
        thread; the result is said in words under the buttons."""
        settings = self.entered()
        try:
            parse_printer_url(settings.url)
        except KioskError as error:
            self._say(describe(error, LANG.code), "error")
            return
        self.test_button.setEnabled(False)
        self._say(self.tr("Printing the test page…"), "muted")
        store = self.store

        def work() -> tuple[PrintOutcome, str]:
            try:
                document = print_test_document(store, settings)
                return print_and_log(store, document, settings.url, paper=settings.paper,
                                     buzzer=settings.buzzer), str(document.pdf)
            finally:
                store.close()

        run_task(work, self._tested, self._test_failed, owner=self)

    def _tested(self, result: tuple[PrintOutcome, str]) -> None:
        outcome, pdf = result
        self.test_button.setEnabled(True)
        if outcome.error is not None:
            self._say(describe(outcome.error, LANG.code), "error")
        elif outcome.state == "saved":
            self._say(self.tr("No printer is set (pdf:): the test page was saved as {path}")
                      .format(path=pdf), "ok")
        else:
            self._say(self.tr("The test page was sent to the printer. Check that the "
                              "Vietnamese letters and the QR code print clearly."), "ok")

    def _test_failed(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        self._say(describe(error, LANG.code) if isinstance(error, KioskError)
                  else self.tr("The test page could not be made."), "error")
