"""Who files on this laptop: the volunteer's id and name (kiosk/volunteer.py), set once. Shown on
the volunteer window's list page, and at the wizard's first step while it is missing (no report
can be filed without it, and nobody should have to hunt for the place to set it)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.reports import MAX_NAME, MAX_VOLUNTEER_ID
from kiosk.volunteer import Identity, identity, set_identity
from ui.i18n import LANG
from ui.staff.style import set_tone


class VolunteerIdentityForm(QWidget):
    """Id and name fields with a Save button; `saved` once they are stored."""
    saved = Signal(object)          # Identity

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("volunteerIdentity")
        self.store = store
        current = identity(store.conn())
        self.id_label, self.name_label = QLabel(), QLabel()
        self.id_label.setObjectName("fieldLabel")
        self.name_label.setObjectName("fieldLabel")
        self.id_edit = QLineEdit(current.id if current else "")
        self.id_edit.setObjectName("volunteer_id")
        self.id_edit.setMaxLength(MAX_VOLUNTEER_ID)
        self.name_edit = QLineEdit(current.name if current else "")
        self.name_edit.setObjectName("volunteer_name")
        self.name_edit.setMaxLength(MAX_NAME)
        self.id_label.setBuddy(self.id_edit)
        self.name_label.setBuddy(self.name_edit)
        self.save_button = QPushButton()
        self.save_button.setObjectName("volunteer_save")
        self.save_button.setProperty("primary", True)
        self.save_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.save_button.clicked.connect(self.save)
        self.name_edit.returnPressed.connect(self.save)
        self.result = QLabel()
        self.result.setObjectName("volunteer_result")
        self.result.setWordWrap(True)
        self.result.hide()           # no empty row under the fields until there is news
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.id_label, 0, 0)
        grid.addWidget(self.name_label, 0, 1)
        grid.addWidget(self.id_edit, 1, 0)
        grid.addWidget(self.name_edit, 1, 1)
        grid.addWidget(self.save_button, 1, 2)
        grid.addWidget(self.result, 2, 0, 1, 3)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 4)
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.id_label.setText(self.tr("Volunteer id"))
        self.name_label.setText(self.tr("Full name"))
        self.id_edit.setPlaceholderText(self.tr("e.g. TNV-0123"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Thị Lan"))
        self.id_edit.setAccessibleName(self.tr("Volunteer id"))
        self.name_edit.setAccessibleName(self.tr("Volunteer's full name"))
        self.save_button.setText(self.tr("Save"))

    def save(self) -> None:
        try:
            found: Identity = set_identity(self.store.conn(), self.id_edit.text(),
                                           self.name_edit.text())
        except KioskError as error:
            self.result.setText(describe(error, LANG.code))
            set_tone(self.result, "error")
            self.result.show()
            return
        self.id_edit.setText(found.id)
        self.name_edit.setText(found.name)
        self.result.setText(self.tr("Saved: reports filed on this laptop are marked as "
                                    "taken by {who}.").format(who=found.label))
        set_tone(self.result, "ok")
        self.result.show()
        self.saved.emit(found)
