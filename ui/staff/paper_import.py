"""Admin window: paper forms from a CSV file (kiosk/report_import.py, docs/paper-forms.md):
check first (every row's errors), import only a clean file, write the template. Paths are typed."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPushButton, QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.messages import describe
from ui.i18n import LANG
from ui.staff.handover import TEMPLATE_NAME, in_worker, say, words
from ui.workers import run_task


class PaperImportBox(QGroupBox):
    """Paper forms from a CSV: check first (every row's problems listed), import only a clean
    file, and write the empty template."""
    imported = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperImport")
        self.store = store
        self.busy = False
        self.checked: str | None = None      # the path whose check came back clean
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setObjectName("paper_path")
        self.path.textChanged.connect(lambda _t: self._forget())
        self.check_button = QPushButton()
        self.check_button.setObjectName("paper_check")
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton()
        self.import_button.setObjectName("paper_import")
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.template_button = QPushButton()
        self.template_button.setObjectName("paper_template")
        self.template_button.clicked.connect(self.template)
        self.result = QLabel()
        self.result.setObjectName("paper_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows = QListWidget()
        self.rows.setObjectName("paper_rows")
        self.rows.setWordWrap(True)
        self.rows.setMinimumHeight(160)
        self.rows.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        buttons.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.explain)
        layout.addWidget(self.path)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.rows)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.setTitle(self.tr("Import paper forms (CSV)"))
        self.explain.setText(self.tr(
            "Type the path of the spreadsheet (CSV) filled in from paper forms. “Check” lists "
            "every row's problems and stores nothing; “Import” is possible once the check is "
            "clean. “Make template” writes an empty sheet and its instructions to the path "
            "typed (a folder or a .csv file)."))
        self.path.setPlaceholderText(self.tr("e.g. E:\\phieu-giay.csv"))
        self.check_button.setText(self.tr("Check"))
        self.import_button.setText(self.tr("Import"))
        self.template_button.setText(self.tr("Make template"))

    def _forget(self) -> None:
        self.checked = None
        self.import_button.setEnabled(False)

    def _path(self) -> Path | None:
        typed = self.path.text().strip().strip('"')
        if not typed:
            say(self.result, self.tr("Please type the path of the CSV file."), "error")
            return None
        return Path(typed).expanduser()

    def _run(self, job: Any, done: Any) -> None:  # noqa: ANN401
        self.busy = True
        for widget in (self.check_button, self.import_button, self.template_button):
            widget.setEnabled(False)
        say(self.result, self.tr("Working…"), "muted")

        def finished(result: Any) -> None:  # noqa: ANN401
            self._idle()
            done(result)

        def failed(error: BaseException) -> None:
            self._idle()
            self.rows.clear()
            self.rows.hide()
            say(self.result, words(error, self.tr("The file could not be read.")), "error")

        run_task(in_worker(self.store, job), finished, failed, owner=self)

    def _idle(self) -> None:
        self.busy = False
        self.check_button.setEnabled(True)
        self.template_button.setEnabled(True)
        self.import_button.setEnabled(self.checked is not None)

    def check(self) -> None:
        path = self._path()
        if path is None or self.busy:
            return
        self._forget()
        store = self.store
        typed = self.path.text()

        def job() -> Any:
            from kiosk.report_import import import_file

            return import_file(store, path, dry_run=True)

        self._run(job, lambda result: self._checked(typed, result))

    def _checked(self, typed: str, result: Any) -> None:  # noqa: ANN401
        from kiosk.messages_import import describe_row

        self.rows.clear()
        if result.errors:
            rows = len({e.row for e in result.errors})
            for error in result.errors:
                self.rows.addItem(describe_row(error, LANG.code))
            self.rows.show()
            say(self.result, self.tr("{bad} of {rows} rows have errors; nothing was stored. "
                                      "Correct the file, then check again.").format(
                bad=rows, rows=result.rows), "error")
            return
        self.rows.hide()
        if self.path.text() == typed:
            self.checked = typed
            self.import_button.setEnabled(True)
        say(self.result, self.tr("The file is correct: {rows} form(s) ready to import. "
                                  "Nothing stored yet.").format(rows=result.rows), "ok")

    def run_import(self) -> None:
        path = self._path()
        if path is None or self.busy or self.checked != self.path.text():
            return
        store = self.store

        def job() -> Any:
            from kiosk.report_import import import_file

            return import_file(store, path)

        self.checked = None
        self._run(job, self._imported)

    def _imported(self, result: Any) -> None:  # noqa: ANN401
        from kiosk.messages_import import describe_row

        self.rows.clear()
        if result.errors:        # changed between the check and the import
            for error in result.errors:
                self.rows.addItem(describe_row(error, LANG.code))
            self.rows.show()
            say(self.result, self.tr("The file changed since the check; nothing was stored."),
                 "error")
            return
        for item in result.imported:
            self.rows.addItem(self.tr("row {row} · form {form} → {code} · due {due}").format(
                row=item.row, form=item.form, code=item.code, due=f"{item.due_date:%d/%m/%Y}"))
        self.rows.setVisible(bool(result.imported))
        text = self.tr("Imported %n paper form(s).", "", len(result.imported))
        if result.results:
            text += " " + self.tr("Tracking codes written to {path}.").format(path=result.results)
        elif result.results_error is not None:
            text += " " + describe(result.results_error, LANG.code)
        say(self.result, text, "ok")
        self.imported.emit()

    def template(self) -> None:
        path = self._path()
        if path is None or self.busy:
            return
        target = path / TEMPLATE_NAME if path.is_dir() else path
        store = self.store

        def job() -> tuple[Path, Path]:
            from kiosk.report_template import write_template

            return write_template(store.conn(), target)

        def done(paths: tuple[Path, Path]) -> None:
            self.rows.hide()
            say(self.result, self.tr("Template written to {sheet}, instructions to "
                                      "{guide}.").format(sheet=paths[0], guide=paths[1]), "ok")

        self._run(job, done)
