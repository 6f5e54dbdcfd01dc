"""The admin window: the office, this device (data dir, disk, what waits to sync, clock), staff
PINs and leaving the app. Everything shown is read from the store and the machine."""
from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from kiosk.catalog import office_zone
from kiosk.reports import pending_count
from kiosk import catalog
from kiosk.clock import check_clock, local_display, utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.storage_guard import DEFAULT_MIN_FREE_MB, ensure_free_space
from ui.i18n import LANG
from ui.staff.backup_admin import BackupBox
from ui.staff.figures import FiguresScreen
from ui.staff.header import StaffHeader
from ui.staff.hub_admin import HubAdminBox
from ui.staff.kiosk_settings import KioskSettingsBox
from ui.staff.paper_import import PaperImportBox
from ui.staff.pin_form import PinForm
from ui.staff.printer_admin import PrinterSettingsBox
from ui.staff.privacy_admin import PrivacyAdminBox
from ui.staff.queue_admin import QueueAdmin
from ui.staff.roles import screen_title
from ui.staff.style import field_rows, set_tone, style_screen
from ui.staff.sync_enrol import SyncEnrolBox
from ui.staff.sync_panel import SyncPanel
from ui.staff.usb_import import UsbImportBox

REFRESH_MS = 30_000   # disk, outbox and clock change while the screen is open


def _exit_app() -> None:
    # exit(), not quit(): in kiosk mode the main window ignores close events on purpose.
    QCoreApplication.exit(0)


def format_size(free_bytes: int) -> str:
    locale = QLocale()
    if free_bytes >= 1024 ** 3:
        return locale.toString(free_bytes / 1024 ** 3, "f", 1) + " GB"
    return locale.toString(free_bytes // 1024 ** 2) + " MB"


class AdminWindow(QWidget):
    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now,
                 quit_app: Callable[[], None] = _exit_app,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._clock = clock
        self.header = StaffHeader()
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("quit")
        self.quit_button.setProperty("danger", True)
        self.quit_button.setMinimumHeight(64)
        self.quit_button.clicked.connect(quit_app)
        self.header.add_action(self.quit_button)

        self.clock_banner = QLabel()
        self.clock_banner.setObjectName("clockBanner")
        self.clock_banner.setWordWrap(True)
        self.clock_banner.hide()

        self.office_box = QGroupBox()
        self.office_form = QFormLayout(self.office_box)
        self.office_names, self.office_values = field_rows(
            self.office_form, ("name", "commune", "province", "address", "hotline", "demo"),
            "office")
        self.device_box = QGroupBox()
        self.device_form = QFormLayout(self.device_box)
        self.device_names, self.device_values = field_rows(
            self.device_form, ("data_dir", "disk", "pending", "clock"), "device")
        self.disk_warning = QLabel()
        self.disk_warning.setObjectName("disk_warning")
        self.disk_warning.setWordWrap(True)
        self.device_form.addRow(self.disk_warning)

        self.pin_form = PinForm(store)
        for form in (self.office_form, self.device_form):
            form.setVerticalSpacing(8)
            form.setHorizontalSpacing(18)

        left = QVBoxLayout()
        left.addWidget(self.office_box)
        left.addWidget(self.device_box)
        left.addWidget(PrinterSettingsBox(store))
        left.addWidget(HubAdminBox(store))
        self.kiosk_box = KioskSettingsBox(store)
        left.addWidget(self.kiosk_box)
        self.privacy_box = PrivacyAdminBox(store)
        left.addWidget(self.privacy_box)
        left.addStretch(1)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(20)
        columns.addLayout(left, 3)
        columns.addWidget(self.pin_form, 2)
        scroll = QScrollArea()   # a 1024x768 kiosk, or the clock banner, must not clip the form
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 12, 24, 12)
        outer.setSpacing(10)
        outer.addWidget(self.header)
        outer.addWidget(self.clock_banner)
        self.queue_admin = QueueAdmin(store)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("admin_tabs")
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.queue_admin, "")
        self.sync_panel = SyncPanel(store)
        self.sync_enrol = SyncEnrolBox(store)
        self.sync_enrol.enrolled.connect(lambda _done: self.sync_panel.refresh())
        sync_body = QWidget()
        sync_layout = QVBoxLayout(sync_body)
        sync_layout.setContentsMargins(0, 12, 0, 0)
        sync_layout.setSpacing(16)
        sync_layout.addWidget(self.sync_panel)
        sync_layout.addWidget(self.sync_enrol)
        # Backups beside enrolment: a restored device enrols again right here.
        self.backup_box = BackupBox(store)
        self.backup_box.restored.connect(lambda _done: (self.sync_enrol.show_state(),
                                                        self.sync_panel.refresh()))
        sync_layout.addWidget(self.backup_box)
        sync_layout.addStretch(1)
        sync_scroll = QScrollArea()
        sync_scroll.setWidgetResizable(True)
        sync_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        sync_scroll.setWidget(sync_body)
        self.tabs.addTab(sync_scroll, "")
        self.figures = FiguresScreen(store)
        self.tabs.addTab(self.figures, "")
        # Reports that reach the office other than through its own kiosk: a volunteer's USB
        # stick and paper forms. Paths are typed: no file dialog (this window may open on the
        # locked-down kiosk PC).
        self.usb_import = UsbImportBox(store)
        self.paper_import = PaperImportBox(store)
        for box in (self.usb_import, self.paper_import):
            box.imported.connect(self.refresh)
            box.imported.connect(self.sync_panel.refresh)
        handover_body = QWidget()
        handover_layout = QVBoxLayout(handover_body)
        handover_layout.setContentsMargins(0, 12, 0, 0)
        handover_layout.setSpacing(16)
        handover_layout.addWidget(self.usb_import)
        handover_layout.addWidget(self.paper_import)
        handover_layout.addStretch(1)
        handover_scroll = QScrollArea()
        handover_scroll.setWidgetResizable(True)
        handover_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        handover_scroll.setWidget(handover_body)
        self.tabs.addTab(handover_scroll, "")
        outer.addWidget(self.tabs, 1)
        style_screen(self)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        LANG.changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self, _code: str = "") -> None:
        self.header.title.setText(screen_title("admin"))
        self.quit_button.setText(self.tr("Quit the application"))
        self.tabs.setTabText(0, self.tr("Office and device"))
        self.tabs.setTabText(1, self.tr("One-stop services"))
        self.tabs.setTabText(2, self.tr("Sync"))
        self.tabs.setTabText(3, self.tr("Figures"))
        self.tabs.setTabText(4, self.tr("USB and paper forms"))
        self.office_box.setTitle(self.tr("Office"))
        self.device_box.setTitle(self.tr("This device"))
        names = {"name": self.tr("Name"), "commune": self.tr("Commune code"),
                 "province": self.tr("Province"), "address": self.tr("Address"),
                 "hotline": self.tr("Hotline"), "demo": self.tr("Demo data"),
                 "data_dir": self.tr("Data folder"), "disk": self.tr("Free disk space"),
                 "pending": self.tr("Reports waiting to sync"), "clock": self.tr("Device clock")}
        for key, label in (self.office_names | self.device_names).items():
            label.setText(names[key])
        self.refresh()

    def refresh(self) -> None:
        conn = self.store.conn()
        self._show_office(conn)
        zone = office_zone(conn)
        self.device_values["data_dir"].setText(str(self.store.data_dir))
        self.device_values["disk"].setText(format_size(shutil.disk_usage(self.store.data_dir).free))
        min_free = catalog.get_setting(conn, "storage.min_free_mb", DEFAULT_MIN_FREE_MB)
        try:
            ensure_free_space(self.store.data_dir, int(min_free))
            self.disk_warning.hide()
        except KioskError as error:
            self.disk_warning.setText(describe(error, LANG.code))
            set_tone(self.disk_warning, "error")
            self.disk_warning.show()
        pending = pending_count(conn)
        self.device_values["pending"].setText(
            self.tr("%n, not yet sent to the province", "", pending) if pending
            else self.tr("0, everything has been sent"))
        check = check_clock(conn, self._clock())
        self.device_values["clock"].setText(local_display(check.now, zone))
        if check.behind and check.newest is not None:
            self.clock_banner.setText(self.tr(
                "The device clock is running behind: it reads {now}, but data already exists "
                "from {newest}. Please correct the date and time; new reports will not be "
                "timestamped earlier than the data already recorded.").format(
                now=local_display(check.now, zone), newest=local_display(check.newest, zone)))
            self.clock_banner.show()
        else:
            self.clock_banner.hide()

    def _show_office(self, conn: sqlite3.Connection) -> None:
        values = self.office_values
        try:
            office = catalog.office(conn)
        except LookupError:
            for label in values.values():
                label.setText("—")
            values["name"].setText(self.tr("Not set up: the office catalog has not been loaded"))
            set_tone(values["name"], "error")
            return
        values["name"].setText(office.name if LANG.code == "vi" else office.name_en)
        values["commune"].setText(office.commune_code)
        values["province"].setText(office.province or "—")
        values["address"].setText(office.address or "—")
        values["hotline"].setText(office.hotline or "—")
        values["demo"].setText(self.tr("Yes: demonstration data, not a real office") if office.demo
                               else self.tr("No"))
        set_tone(values["demo"], "error" if office.demo else "normal")

