"""Step 2: what happened, in the resident's own words, with a live character count."""
from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QPlainTextEdit

from kiosk.reports import MAX_TEXT
from ui.screens.base import Host, Screen
from ui.widgets import button, label, number_text


def text_length(text: str) -> int:
    """Length as the store counts it (NFC, trimmed), so the counter and the limit agree."""
    return len(unicodedata.normalize("NFC", text).strip())


class DescribeScreen(Screen):
    name = "text"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        question = self.tr("What happened? Please describe it.")
        self.add_question(question)
        self.layout_.addWidget(label(self.tr(
            "Say what, where and since when, for example: the street light at the start of "
            "the hamlet has been off for a week."), "hint"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("reportText")
        self.editor.setAccessibleName(question)
        self.editor.setPlainText(self.state.draft.text)
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(self.tr("Type here…"))
        self.layout_.addWidget(self.editor, 1)
        self.counter = label("", "counter", wrap=False)
        self.next_button = button(self.tr("Next"), "primary")
        self.next_button.clicked.connect(host.next_step)
        footer = self.add_footer(self.next_button)
        footer.insertWidget(0, self.counter)
        self.editor.textChanged.connect(self._changed)
        self._refresh()

    def _changed(self) -> None:
        self.state.draft.text = self.editor.toPlainText()
        self._refresh()

    def _refresh(self) -> None:
        length = text_length(self.state.draft.text)
        self.counter.setText(self.tr("{count}/{limit} characters").format(
            count=number_text(length), limit=number_text(MAX_TEXT)))
        too_long = length > MAX_TEXT
        self.counter.setProperty("over", too_long)
        self.counter.style().unpolish(self.counter)
        self.counter.style().polish(self.counter)
        self.next_button.setEnabled(0 < length <= MAX_TEXT)

    def focus_first(self) -> None:
        self.editor.setFocus()   # a physical keyboard types straight away
