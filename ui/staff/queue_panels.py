"""The clerk's queue buttons, the transfer choice and the resident's rating panel.

Which buttons are live follows from the counter's current ticket alone (`allowed`), so two
consoles showing one counter agree, and a button never offers what the core would refuse.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout,
                               QWidget)

from kiosk.queue.api import RATING_LEVELS, CounterView, RatingLevel, ServiceInfo
from ui.i18n import LANG

ACTIONS = ("call", "recall", "serve", "no_show", "transfer", "finish")


def allowed(view: CounterView | None, can_transfer: bool = True) -> set[str]:
    """The actions that make sense now. Call-next only at a free counter: calling while a
    resident is at the counter would finish them without a rating, or skip a no-show."""
    if view is None:
        return set()
    current = view.current
    if current is None:
        return {"call"} if view.waiting_count else set()
    moves = {"transfer"} if can_transfer else set()
    if current.state == "called":
        return {"recall", "serve", "no_show", "finish"} | moves
    if current.state == "serving":
        return {"finish"} | moves
    return set()


def _big(name: str = "") -> QPushButton:
    button = QPushButton()
    button.setMinimumHeight(72)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if name:
        button.setObjectName(name)
    return button


class ActionPanel(QWidget):
    """Six buttons in two columns; `triggered(action)` when one is pressed."""

    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.buttons: dict[str, QPushButton] = {}
        for index, action in enumerate(ACTIONS):
            button = _big(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            grid.addWidget(button, index // 2, index % 2)
            self.buttons[action] = button
        grid.setRowStretch(len(ACTIONS) // 2, 1)   # buttons keep their height, space goes below
        self.buttons["call"].setProperty("primary", True)
        self.buttons["no_show"].setProperty("danger", True)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            "call": self.tr("Call next"), "recall": self.tr("Call again"),
            "serve": self.tr("Start serving"), "no_show": self.tr("Did not come"),
            "transfer": self.tr("Transfer to another service"), "finish": self.tr("Finished"),
        }
        for action, button in self.buttons.items():
            button.setText(names[action])

    def enable(self, actions: set[str]) -> None:
        for action, button in self.buttons.items():
            button.setEnabled(action in actions)


class TransferPanel(QWidget):
    """The services the current ticket may move to, and Cancel."""

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("section")
        self.title.setWordWrap(True)
        self._layout.addWidget(self.title)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self._layout.addLayout(self.grid)
        self.cancel_button = _big("transfer_cancel")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self._layout.addWidget(self.cancel_button)
        self._layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}

    def offer(self, label: str, services: tuple[ServiceInfo, ...], current_service: str) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.title.setText(self.tr("Send {number} to which service? It keeps its place in "
                                   "the queue.").format(number=label))
        targets = [s for s in services if s.active and s.id != current_service]
        for index, service in enumerate(targets):
            button = _big(f"transfer_{service.id}")
            button.setText(service.name_vi if LANG.code == "vi" else service.name_en)
            button.clicked.connect(lambda _=False, sid=service.id: self.chosen.emit(sid))
            self.grid.addWidget(button, index // 2, index % 2)
            self.buttons[service.id] = button
        self.cancel_button.setText(self.tr("Cancel"))


class RatingPanel(QWidget):
    """Turned towards the resident after 'Finished': three big choices, and Skip for the clerk."""

    rated = Signal(str, str)      # ticket id, level
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.ticket_id = ""
        self.ticket_label = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        self.question = QLabel()
        self.question.setObjectName("ratingQuestion")
        self.question.setWordWrap(True)
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.question)
        self.buttons: dict[str, QPushButton] = {}
        for level in RATING_LEVELS:
            button = _big(f"rate_{level}")
            button.setMinimumHeight(84)
            button.clicked.connect(lambda _=False, lv=level: self.rated.emit(self.ticket_id, lv))
            layout.addWidget(button)
            self.buttons[level] = button
        self.skip_button = _big("rate_skip")
        self.skip_button.clicked.connect(self.dismissed.emit)
        layout.addWidget(self.skip_button)
        self.retranslate()

    def ask(self, ticket_id: str, label: str) -> None:
        self.ticket_id, self.ticket_label = ticket_id, label
        self.retranslate()

    def set_busy(self, busy: bool) -> None:
        for button in [*self.buttons.values(), self.skip_button]:
            button.setEnabled(not busy)

    def retranslate(self) -> None:
        self.question.setText(self.tr("How was your visit today (number {number})? "
                                      "Touch one.").format(number=self.ticket_label))
        self.buttons["satisfied"].setText(level_name("satisfied"))
        self.buttons["acceptable"].setText(level_name("acceptable"))
        self.buttons["unsatisfied"].setText(level_name("unsatisfied"))
        self.skip_button.setText(self.tr("Skip"))


def level_name(level: RatingLevel | str) -> str:
    names = {
        "satisfied": QCoreApplication.translate("RatingPanel", "Satisfied"),
        "acceptable": QCoreApplication.translate("RatingPanel", "Acceptable"),
        "unsatisfied": QCoreApplication.translate("RatingPanel", "Not satisfied"),
    }
    return names.get(level, str(level))
