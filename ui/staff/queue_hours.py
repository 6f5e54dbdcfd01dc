"""Office hours for the queue, per weekday with a lunch break, as the admin edits them: the same
JSON shape as the `queue.hours` setting (kiosk.queue.admin validates it on save)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QSpinBox,
                               QTimeEdit, QVBoxLayout, QWidget)

from kiosk.queue.admin import DAY_NAMES, STOP_MAX

DEFAULT_DAY = {"open": "07:30", "close": "17:00", "lunch": ["11:30", "13:00"]}


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumHeight(44)
    edit.setMinimumWidth(96)
    return edit


def _hm(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


class DayRow:
    """One weekday: open that day?, opening and closing, lunch break?, its start and end."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.name = QLabel()
        self.open_box = QCheckBox()
        self.open_box.setObjectName(f"hours_{key}_open")
        self.opens, self.closes = _time_edit(f"hours_{key}_from"), _time_edit(f"hours_{key}_to")
        self.lunch_box = QCheckBox()
        self.lunch_box.setObjectName(f"hours_{key}_lunch")
        self.lunch_from = _time_edit(f"hours_{key}_lunch_from")
        self.lunch_to = _time_edit(f"hours_{key}_lunch_to")
        for box in (self.open_box, self.lunch_box):
            box.toggled.connect(self.enable)

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.name, self.open_box, self.opens, self.closes, self.lunch_box,
                self.lunch_from, self.lunch_to)

    def enable(self) -> None:
        on = self.open_box.isChecked()
        for widget in (self.opens, self.closes, self.lunch_box):
            widget.setEnabled(on)
        for widget in (self.lunch_from, self.lunch_to):
            widget.setEnabled(on and self.lunch_box.isChecked())

    def set_value(self, day: dict[str, Any] | None) -> None:
        shown = day or DEFAULT_DAY   # a closed day keeps sensible times to start from
        self.open_box.setChecked(day is not None)
        self.opens.setTime(QTime.fromString(shown["open"], "HH:mm"))
        self.closes.setTime(QTime.fromString(shown["close"], "HH:mm"))
        lunch = shown.get("lunch") if day is not None else DEFAULT_DAY["lunch"]
        self.lunch_box.setChecked(bool(day and day.get("lunch")))
        self.lunch_from.setTime(QTime.fromString((lunch or DEFAULT_DAY["lunch"])[0], "HH:mm"))
        self.lunch_to.setTime(QTime.fromString((lunch or DEFAULT_DAY["lunch"])[1], "HH:mm"))
        self.enable()

    def value(self) -> dict[str, Any] | None:
        if not self.open_box.isChecked():
            return None
        day: dict[str, Any] = {"open": _hm(self.opens), "close": _hm(self.closes)}
        if self.lunch_box.isChecked():
            day["lunch"] = [_hm(self.lunch_from), _hm(self.lunch_to)]
        return day


class HoursEditor(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        self.always_open = QCheckBox()
        self.always_open.setObjectName("hours_always_open")
        self.always_open.toggled.connect(self._enable)
        column.addWidget(self.always_open)
        stop_row = QHBoxLayout()
        self.stop_label = QLabel()
        self.stop = QSpinBox()
        self.stop.setObjectName("hours_stop")
        self.stop.setRange(0, STOP_MAX)
        self.stop.setMinimumHeight(44)
        stop_row.addWidget(self.stop_label, 1)
        stop_row.addWidget(self.stop)
        column.addLayout(stop_row)
        self.grid_host = QWidget()
        grid = QGridLayout(self.grid_host)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(8)
        self.headers = [QLabel() for _ in range(4)]
        for column_no, label in zip((1, 2, 4, 5), self.headers):
            label.setObjectName("fieldName")
            grid.addWidget(label, 0, column_no)
        self.days = {key: DayRow(key) for key in DAY_NAMES}
        for row, day in enumerate(self.days.values(), start=1):
            for col, widget in enumerate(day.widgets()):
                grid.addWidget(widget, row, col)
        column.addWidget(self.grid_host)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Office hours for issuing numbers"))
        self.always_open.setText(self.tr("Open around the clock (no hours)"))
        self.stop_label.setText(self.tr("Stop issuing before closing (minutes)"))
        for label, text in zip(self.headers, (self.tr("Open"), self.tr("Closes"),
                                              self.tr("Lunch"), self.tr("Until"))):
            label.setText(text)
        names = {"mon": self.tr("Monday"), "tue": self.tr("Tuesday"),
                 "wed": self.tr("Wednesday"), "thu": self.tr("Thursday"),
                 "fri": self.tr("Friday"), "sat": self.tr("Saturday"), "sun": self.tr("Sunday")}
        for key, day in self.days.items():
            day.name.setText(names[key])
            day.open_box.setToolTip(self.tr("Open on this day"))
            day.lunch_box.setToolTip(self.tr("Lunch break"))

    def _enable(self) -> None:
        self.grid_host.setEnabled(not self.always_open.isChecked())
        self.stop.setEnabled(not self.always_open.isChecked())

    def set_value(self, raw: dict[str, Any]) -> None:
        self.always_open.setChecked(bool(raw.get("always_open")))
        self.stop.setValue(int(raw.get("stop_before_close_min", 15)))
        for key, day in self.days.items():
            day.set_value(raw.get("week", {}).get(key))
        self._enable()

    def value(self) -> dict[str, Any]:
        return {"always_open": self.always_open.isChecked(),
                "stop_before_close_min": self.stop.value(),
                "week": {key: day.value() for key, day in self.days.items()}}
