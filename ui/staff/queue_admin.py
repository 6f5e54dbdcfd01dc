"""The admin's "Dịch vụ một cửa" tab: services (names, prefix, active), which services each
counter serves, the priority rule, the kiosk's per-minute cap and the office hours. One Save
writes everything that changed in one transaction (kiosk.queue.admin.apply), off the GUI thread;
the values shown afterwards are the ones re-read from the store."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QCheckBox, QGridLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QRadioButton, QScrollArea, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue import admin as settings
from ui.i18n import LANG
from ui.staff.queue_hours import HoursEditor
from ui.widgets import ICON_DIR
from ui.staff.style import set_tone
from ui.workers import run_store_task

ID_ROLE = Qt.ItemDataRole.UserRole
PREFIX, NAME_VI, NAME_EN, ACTIVE = range(4)
# An absolute path: a QSS url() relative to the working directory would break under systemd.
INDICATOR_QSS = f"""
QTableView::indicator {{ width: 32px; height: 32px; border: 3px solid #0b3d91; border-radius: 6px;
                        background: #ffffff; }}
QTableView::indicator:checked {{ background: #0b3d91;
                                image: url({(ICON_DIR / "tick-white.svg").as_posix()}); }}
"""


class ServicesTable(QTableWidget):
    """One row per service, edited in place: prefix, Vietnamese and English names, active."""

    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setObjectName("services_table")
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        # "In use" is ticked on the kiosk's touch screen too (corner gesture): a 36 px box.
        self.setStyleSheet(INDICATOR_QSS)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                             | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        header = self.horizontalHeader()
        for column, mode in ((PREFIX, QHeaderView.ResizeMode.ResizeToContents),
                             (NAME_VI, QHeaderView.ResizeMode.Stretch),
                             (NAME_EN, QHeaderView.ResizeMode.Stretch),
                             (ACTIVE, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Prefix"), self.tr("Name (Vietnamese)"),
                                        self.tr("Name (English)"), self.tr("In use")])

    def show_services(self, services: list[dict[str, Any]]) -> None:
        self.setRowCount(len(services))
        for row, service in enumerate(services):
            prefix = QTableWidgetItem(service["prefix"])
            prefix.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            prefix.setData(ID_ROLE, service["id"])
            active = QTableWidgetItem()
            active.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            active.setCheckState(Qt.CheckState.Checked if service["active"]
                                 else Qt.CheckState.Unchecked)
            for column, item in ((PREFIX, prefix), (NAME_VI, QTableWidgetItem(service["vi"])),
                                 (NAME_EN, QTableWidgetItem(service["en"])), (ACTIVE, active)):
                self.setItem(row, column, item)
        self.resizeRowsToContents()
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + sum(
            self.rowHeight(r) for r in range(self.rowCount())) + 2 * self.frameWidth())

    def value(self) -> dict[str, dict[str, Any]]:
        return {self.item(row, PREFIX).data(ID_ROLE): {
            "prefix": self.item(row, PREFIX).text(), "vi": self.item(row, NAME_VI).text(),
            "en": self.item(row, NAME_EN).text(),
            "active": self.item(row, ACTIVE).checkState() == Qt.CheckState.Checked}
            for row in range(self.rowCount())}


class QueueAdmin(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved: dict[str, Any] = {}
        self.services_box = QGroupBox()
        self.services_table = ServicesTable()
        QVBoxLayout(self.services_box).addWidget(self.services_table)
        self.counters_box = QGroupBox()
        self.counters_grid = QGridLayout(self.counters_box)
        self.counter_boxes: dict[tuple[int, str], QCheckBox] = {}
        self.counter_names: dict[int, QLabel] = {}
        self.rules_box = QGroupBox()
        rules = QVBoxLayout(self.rules_box)
        self.strict = QRadioButton()
        self.strict.setObjectName("priority_strict")
        self.interleave = QRadioButton()
        self.interleave.setObjectName("priority_interleave")
        group = QButtonGroup(self)
        group.addButton(self.strict)
        group.addButton(self.interleave)
        self.every = QSpinBox()
        self.every.setObjectName("priority_every")
        self.every.setRange(1, settings.EVERY_MAX)
        self.interleave.toggled.connect(self.every.setEnabled)
        self.every_label = QLabel()
        every_row = QHBoxLayout()
        every_row.setContentsMargins(32, 0, 0, 0)
        every_row.addWidget(self.every)
        every_row.addWidget(self.every_label, 1)
        self.per_minute = QSpinBox()
        self.per_minute.setObjectName("kiosk_per_minute")
        self.per_minute.setRange(1, settings.PER_MINUTE_MAX)
        self.per_minute_label = QLabel()
        self.per_minute_label.setWordWrap(True)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.per_minute_label, 1)
        rate_row.addWidget(self.per_minute)
        for spin in (self.every, self.per_minute):
            spin.setMinimumHeight(44)
            spin.setMinimumWidth(90)
        self.priority_label = QLabel()
        self.priority_label.setObjectName("section")
        rules.addWidget(self.priority_label)
        self.priority_label.setWordWrap(True)
        rules.addWidget(self.strict)
        rules.addWidget(self.interleave)
        rules.addLayout(every_row)
        rules.addLayout(rate_row)
        self.hours = HoursEditor()

        body = QWidget()
        grid = QGridLayout(body)     # services; counters | rules; hours
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        grid.addWidget(self.services_box, 0, 0, 1, 2)
        grid.addWidget(self.counters_box, 1, 0)
        grid.addWidget(self.rules_box, 1, 1)
        grid.addWidget(self.hours, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(3, 1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.status = QLabel()
        self.status.setObjectName("queue_admin_status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("queue_admin_save")
        self.save_button.setProperty("primary", True)
        self.save_button.setMinimumHeight(64)
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(bar)
        self.setStyleSheet("QRadioButton::indicator { width: 28px; height: 28px; }"
                           " QRadioButton { min-height: 48px; }")
        LANG.changed.connect(self.retranslate)
        self.show_settings(settings.snapshot(store.conn()))
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.services_box.setTitle(self.tr("Services"))
        self.services_table.retranslate()
        self.counters_box.setTitle(self.tr("Services each counter serves"))
        self.rules_box.setTitle(self.tr("Calling order and kiosk limit"))
        self.priority_label.setText(self.tr("Priority tickets (elderly, disabled, pregnant, "
                                            "small children)"))
        self.strict.setText(self.tr("Always first"))
        self.interleave.setText(self.tr("Interleaved: one after every"))
        self.every_label.setText(self.tr("normal tickets"))
        self.per_minute_label.setText(self.tr("Tickets the kiosk may issue per minute"))
        self.save_button.setText(self.tr("Save"))
        self.hours.retranslate()
        for number, label in self.counter_names.items():
            label.setText(self.tr("Counter {number}").format(number=number))

    # --- showing ---------------------------------------------------------------------------
    def show_settings(self, snapshot: dict[str, Any]) -> None:
        self.saved = snapshot
        self.services_table.show_services(snapshot["services"])
        self._show_counters(snapshot)
        rule = snapshot["priority"]
        (self.strict if rule["mode"] == "strict" else self.interleave).setChecked(True)
        self.every.setValue(rule["every"])
        self.every.setEnabled(rule["mode"] != "strict")
        self.per_minute.setValue(snapshot["kiosk_per_minute"])
        self.hours.set_value(snapshot["hours"])

    def _show_counters(self, snapshot: dict[str, Any]) -> None:
        grid = self.counters_grid
        while grid.count():
            item = grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.counter_boxes, self.counter_names = {}, {}
        services = snapshot.get("services", [])
        for col, service in enumerate(services, start=1):
            head = QLabel(service["prefix"])
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setToolTip(service["vi"] if LANG.code == "vi" else service["en"])
            grid.addWidget(head, 0, col)
        for row, counter in enumerate(snapshot.get("counters", []), start=1):
            name = QLabel(self.tr("Counter {number}").format(number=counter["number"]))
            grid.addWidget(name, row, 0)
            self.counter_names[counter["number"]] = name
            for col, service in enumerate(services, start=1):
                box = QCheckBox()
                box.setObjectName(f"counter_{counter['number']}_{service['id']}")
                box.setChecked(service["id"] in counter["services"])
                box.setToolTip(service["vi"] if LANG.code == "vi" else service["en"])
                grid.addWidget(box, row, col, Qt.AlignmentFlag.AlignCenter)
                self.counter_boxes[(counter["number"], service["id"])] = box
        grid.setColumnStretch(len(services) + 1, 1)

    # --- saving ----------------------------------------------------------------------------
    def wanted(self) -> dict[str, Any]:
        counters: dict[int, list[str]] = {}
        for (number, service_id), box in self.counter_boxes.items():
            counters.setdefault(number, [])
            if box.isChecked():
                counters[number].append(service_id)
        return {"services": self.services_table.value(), "counters": counters,
                "priority": {"mode": "strict" if self.strict.isChecked() else "interleave",
                             "every": self.every.value()},
                "kiosk_per_minute": self.per_minute.value(), "hours": self.hours.value()}

    def save(self) -> None:
        wanted = self.wanted()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        set_tone(self.status, "muted")

        def work(conn: Any) -> tuple[list[str], dict[str, Any]]:
            return settings.apply(conn, **wanted), settings.snapshot(conn)

        run_store_task(self, self.store, work, self._saved, self._failed)

    def _saved(self, result: tuple[list[str], dict[str, Any]]) -> None:
        changed, snapshot = result
        self.save_button.setEnabled(True)
        self.show_settings(snapshot)
        self.status.setText(self.tr("Saved.") if changed else self.tr("Nothing had changed."))
        set_tone(self.status, "ok")

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(describe(error, LANG.code) if isinstance(error, KioskError) else
                            self.tr("Could not save; the details are in the log."))
        set_tone(self.status, "error")
