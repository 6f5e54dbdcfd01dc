"""Step 5: anonymous (the default) or a name and phone number, which are asked only with an
unticked consent box whose exact text is recorded (Law 91/2025/QH15)."""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, QTimer
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout,
                               QWidget)

from kiosk.consent import CONTACT_CONSENT
from kiosk.errors import KioskError
from kiosk.reports import MAX_NAME, normalise_phone
from ui.i18n import LANG
from ui.keyboard.dock import reveal
from ui.screens.base import Host, Screen
from ui.widgets import WrapCheckBox, button, label


class WhoScreen(Screen):
    name = "who"
    # With the keyboard docked the fields have ~240 px: the error goes beside "Next" rather than
    # in a banner that would push the fields and the consent box out of view.
    owns_errors = True

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        draft = self.state.draft
        self.add_question(self.tr("Do you want the commune to be able to contact you?"))
        choices = QHBoxLayout()
        choices.setSpacing(16)
        self.anonymous_button = button(self.tr("Send anonymously"), "choice")
        self.contact_button = button(self.tr("Leave my name and phone number"), "choice")
        group = QButtonGroup(self)
        for choice in (self.anonymous_button, self.contact_button):
            choice.setCheckable(True)
            group.addButton(choice)
            choices.addWidget(choice)
        self.anonymous_button.setChecked(not self.state.leave_contact)
        self.contact_button.setChecked(self.state.leave_contact)
        self.anonymous_button.clicked.connect(lambda: self._leave_contact(False))
        self.contact_button.clicked.connect(lambda: self._leave_contact(True))
        self.layout_.addLayout(choices)

        self.contact_panel = QWidget()
        panel = QVBoxLayout(self.contact_panel)
        panel.setContentsMargins(0, 8, 0, 0)
        panel.setSpacing(10)
        fields = QGridLayout()
        fields.setHorizontalSpacing(24)
        fields.setVerticalSpacing(8)
        name_label = label(self.tr("Full name"), "fieldLabel")
        phone_label = label(self.tr("Phone number"), "fieldLabel")
        fields.addWidget(name_label, 0, 0)
        fields.addWidget(phone_label, 0, 1)
        fields.setColumnStretch(0, 3)
        fields.setColumnStretch(1, 2)
        self.name_edit = QLineEdit(draft.contact_name)
        self.name_edit.setObjectName("contactName")
        self.name_edit.setAccessibleName(name_label.text())
        name_label.setBuddy(self.name_edit)
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.textChanged.connect(lambda text: setattr(draft, "contact_name", text))
        fields.addWidget(self.name_edit, 1, 0)
        self.phone_edit = QLineEdit(draft.contact_phone)
        self.phone_edit.setObjectName("contactPhone")
        self.phone_edit.setAccessibleName(phone_label.text())
        phone_label.setBuddy(self.phone_edit)
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        # Digits, spaces and a leading +84; normalise_phone checks the number itself.
        self.phone_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"\+?[0-9 .]{0,16}"), self.phone_edit))
        self.phone_edit.textChanged.connect(lambda text: setattr(draft, "contact_phone", text))
        fields.addWidget(self.phone_edit, 1, 1)
        consent = CONTACT_CONSENT[LANG.code]
        self.consent_box = WrapCheckBox(consent)
        self.consent_box.setObjectName("consent")
        # Ticked only if the resident ticked this very wording: after a language switch the box
        # shows another text, which they have not agreed to yet.
        if draft.consent_text is not None and draft.consent_text != consent:
            draft.consent_text = None
        self.consent_box.setChecked(draft.consent_text == consent)
        self.consent_box.toggled.connect(self._consent)
        # Above the fields: seen while typing, just above the docked keyboard (reveal() keeps
        # what sits above a focused field in view).
        panel.addWidget(self.consent_box)
        panel.addSpacing(8)
        panel.addLayout(fields)
        self.layout_.addWidget(self.contact_panel)
        # Tab follows the page as read: the consent box, then the fields under it.
        QWidget.setTabOrder(self.consent_box, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.phone_edit)
        self.contact_panel.setVisible(self.state.leave_contact)
        self.layout_.addStretch(1)
        self.next_button = button(self.tr("Next"), "primary")
        self.next_button.clicked.connect(self._next)
        self.add_footer(self.next_button)

    def _leave_contact(self, leave: bool) -> None:
        self.state.leave_contact = leave
        self.contact_panel.setVisible(leave)
        self.host.clear_error()
        if leave:
            self.name_edit.setFocus()

    def _consent(self, ticked: bool) -> None:
        self.state.draft.consent_text = self.consent_box.text() if ticked else None
        if ticked:
            self.host.clear_error()

    def _next(self) -> None:
        """Check here, where the fields are, rather than surprise the resident at submit."""
        draft = self.state.draft
        if self.state.leave_contact:
            if not draft.contact_name.strip() and not draft.contact_phone.strip():
                self.host.show_error(self.tr(
                    "Please enter your name or phone number, or choose “Send anonymously”."))
                self._reveal(self.name_edit)
                return
            try:
                if draft.contact_phone.strip():
                    normalise_phone(draft.contact_phone)
                if not draft.consent_text:
                    raise KioskError("contact_needs_consent")
            except KioskError as exc:
                self.host.show_error(exc)
                self._reveal(self.consent_box if exc.code == "contact_needs_consent"
                             else self.phone_edit)
                return
        self.host.next_step()

    def _reveal(self, widget: QWidget) -> None:
        """Scroll what the message is about into view once the footer has its new height."""
        QTimer.singleShot(0, self, lambda: reveal(widget))
