"""The sync UI through real widgets against the real reference provincial server (a subprocess on
loopback, `province`) and an in-memory keyring (`memory_secrets`): the admin enrols through the
form, "Sync now" sends what waits (exactly once), a report the province refuses shows in the
quarantine list with its Vietnamese reason and is corrected and resent through the dialog, an
http:// address to another PC is refused with its sentence, the secrets file store needs a
confirmation, and the background runner leaves the GUI thread free while a slow link syncs."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.codes import grouped
from kiosk.db import Store, transaction
from kiosk.reports import ReportDraft, file_report
from sync import enrol as enrolment
from sync.engine import BACKOFF_KEY, sync_status
from sync.secrets import BACKEND_KEY, SecretStore
from tests.faultproxy import FaultProxy
from tests.server_support import Province
from ui import sync_runner
from ui.staff.admin import AdminWindow
from ui.staff.quarantine_edit import QuarantineEditDialog
from ui.staff.sync_enrol import SyncEnrolBox
from ui.staff.sync_panel import SyncPanel
from ui.staff.windows import VolunteerWindow
from ui.sync_runner import SyncRunner, shared_runner, start_background_sync

COMMUNE = "29284"          # the bundled demo office's commune
LONG = 90_000              # a sync against a subprocess server on 2 shared cores


@pytest.fixture(autouse=True)
def no_runner_left() -> Iterator[None]:
    """Every shared runner stops (its timer, its thread) before the test's store goes away."""
    yield
    sync_runner.shutdown_all()


def _click(qtbot: QtBot, widget) -> None:  # noqa: ANN001
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _enrol_directly(store: Store, province: Province) -> None:
    conn = store.conn()
    enrolment.enrol(conn, province.url, province.enrol_code(COMMUNE),
                    SecretStore.for_store(conn, store.data_dir))


def _cases_by_code(province: Province) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for case in province.cases():
        out.setdefault(case["tracking_code"], []).append(case)
    return out


def _admin(qtbot: QtBot, store: Store) -> AdminWindow:
    admin = AdminWindow(store)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    admin.tabs.setCurrentIndex(2)
    return admin


def test_admin_enrols_then_sync_now_sends_everything_once(
        qtbot: QtBot, ui: None, store: Store, province: Province, memory_secrets) -> None:  # noqa: ANN001
    admin = _admin(qtbot, store)
    box, panel = admin.sync_enrol, admin.sync_panel
    assert admin.tabs.tabText(2) == "Đồng bộ"
    assert panel.values["next_try"].text() == "Không có: máy chưa đăng ký"
    assert panel.values["last_success"].text() == "Chưa đồng bộ lần nào"

    box.server.setText(province.url)
    box.code.setText(province.enrol_code(COMMUNE))
    _click(qtbot, box.enrol_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    status = sync_status(store.conn())
    assert status["enrolled"], box.result.text()
    assert COMMUNE in box.state.text() and status["device_id"] in box.state.text()
    assert COMMUNE in panel.values["device"].text()
    assert status["device_id"] in panel.values["device"].text()
    assert panel.values["server"].text() == province.url
    token = memory_secrets.values and list(memory_secrets.values.values())
    assert token, "the token went to the keyring"
    dump = " ".join(str(tuple(r)) for r in store.conn().execute("SELECT * FROM settings"))
    assert all(secret not in dump for secret in token)      # never in settings
    runner = shared_runner(store)
    assert runner.active                      # enrolled now: the automatic sync runs
    qtbot.waitUntil(lambda: not runner.running, timeout=LONG)   # its first check

    filed = [file_report(store, ReportDraft(category_id="moi-truong", text="Rác đổ trộm ở ngõ 5")),
             file_report(store, ReportDraft(category_id="ha-tang", text="Đèn đường hỏng"))]
    panel.refresh()
    assert panel.pending_values["report"].text() == "2"
    assert "2" in panel.pending_total.text()

    with qtbot.waitSignal(runner.finished, timeout=LONG) as done:
        _click(qtbot, panel.sync_button)
        assert not panel.sync_button.isEnabled()            # one at a time, visibly
        assert panel.progress.text()
    report = done.args[0]
    assert report.error is None and report.sent >= 2
    assert panel.sync_button.isEnabled()
    assert panel.pending_values["report"].text() == "0"
    assert panel.pending_total.text() == "Đã gửi hết."
    assert panel.values["last_success"].text() != "Chưa đồng bộ lần nào"
    assert "Đồng hồ máy này" in panel.values["clock"].text()
    assert panel.values["last_error"].text() == "Không có"
    cases = _cases_by_code(province)
    assert sorted(cases) == sorted(f.code for f in filed)
    assert all(len(found) == 1 for found in cases.values())       # each report exactly once

    # "Sync now" again: nothing new, still exactly once on the server
    with qtbot.waitSignal(runner.finished, timeout=LONG):
        _click(qtbot, panel.sync_button)
    assert all(len(found) == 1 for found in _cases_by_code(province).values())


def test_refused_report_is_listed_corrected_and_resent(
        qtbot: QtBot, ui: None, store: Store, province: Province, memory_secrets) -> None:  # noqa: ANN001
    _enrol_directly(store, province)
    conn = store.conn()
    with transaction(conn):   # a category only this office has: the province refuses it
        conn.execute("INSERT INTO categories (id, name_vi, name_en, icon, reply_days)"
                     " VALUES ('chi-o-xa', 'Chỉ ở xã', 'Local only', 'dot', 5)")
    bad = file_report(store, ReportDraft(category_id="chi-o-xa", text="Phản ánh thử"))
    runner = SyncRunner(store)
    panel = SyncPanel(store, runner)
    qtbot.addWidget(panel)
    panel.resize(1100, 900)
    panel.show()
    with qtbot.waitSignal(runner.finished, timeout=LONG):
        _click(qtbot, panel.sync_button)
    assert _cases_by_code(province) == {}
    [item] = panel.items
    assert grouped(bad.code) in item.title.text()
    assert "danh mục" in item.reason.text()            # the reason, in Vietnamese
    assert "1" in panel.quarantine_note.text()
    assert "1 mục bị từ chối" in panel.progress.text()

    _click(qtbot, item.edit_button)
    dialog = panel.findChild(QuarantineEditDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.category.currentData() == "chi-o-xa"
    _click(qtbot, dialog.save_button)                    # nothing changed: refused, said why
    qtbot.waitUntil(lambda: not dialog.busy, timeout=LONG)
    assert "chưa thay đổi" in dialog.result.text() and dialog.isVisible()
    assert sync_status(conn)["quarantined"] == 1

    dialog.category.setCurrentIndex(dialog.category.findData("moi-truong"))
    dialog.text.setPlainText("Phản ánh thử, đã sửa lĩnh vực")
    with qtbot.waitSignal(dialog.resent, timeout=LONG) as resent:
        _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert panel.items == [] and panel.pending_values["report"].text() == "1"

    with qtbot.waitSignal(runner.finished, timeout=LONG):
        _click(qtbot, panel.sync_button)
    cases = _cases_by_code(province)
    assert len(cases[bad.code]) == 1 and cases[bad.code][0]["client_id"] == resent.args[0]
    assert panel.pending_values["report"].text() == "0" and panel.items == []
    assert catalog.get_setting(conn, "sync.last_error") is None
    runner.stop()


def test_http_to_another_pc_is_refused_with_its_sentence(
        qtbot: QtBot, ui: None, store: Store, memory_secrets) -> None:  # noqa: ANN001
    box = SyncEnrolBox(store)
    qtbot.addWidget(box)
    box.show()
    box.server.setText("http://192.168.1.20:8000")
    box.code.setText("ABCD2345")
    _click(qtbot, box.enrol_button)
    qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
    assert "không an toàn" in box.result.text() and "https://" in box.result.text()
    assert box.result.property("tone") == "error"
    assert not sync_status(store.conn())["enrolled"]
    assert catalog.get_setting(store.conn(), enrolment.DEVICE_ID_KEY) is None
    assert memory_secrets.values == {}                   # no key, no token made


def test_no_keyring_gives_the_gnome_keyring_sentence(
        qtbot: QtBot, ui: None, store: Store, province: Province) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        box = SyncEnrolBox(store)
        qtbot.addWidget(box)
        box.show()
        assert "gnome-keyring" in box.keyring_state.text()      # said before anyone tries
        box.server.setText(province.url)
        box.code.setText(province.enrol_code(COMMUNE))
        _click(qtbot, box.enrol_button)
        qtbot.waitUntil(lambda: not box.busy, timeout=LONG)
        # Said once, in full, under the keyring choice; the enrol line points to it.
        assert "gnome-keyring" in box.keyring_state.text()
        assert "gnome-keyring" not in box.result.text()
        assert box.section.text() in box.result.text()
        assert not sync_status(store.conn())["enrolled"]
    finally:
        keyring.set_keyring(previous)


def test_file_store_only_after_confirmation_and_warns(
        qtbot: QtBot, ui: None, store: Store, memory_secrets) -> None:  # noqa: ANN001
    box = SyncEnrolBox(store)
    qtbot.addWidget(box)
    box.show()
    assert box.keyring_choice.isChecked() and not box.secrets_warning.isVisible()
    _click(qtbot, box.file_choice)
    assert box.confirm.isVisible() and box.keyring_choice.isChecked()
    assert catalog.get_setting(store.conn(), BACKEND_KEY) is None    # not yet
    _click(qtbot, box.confirm_cancel)
    assert not box.confirm.isVisible() and catalog.get_setting(store.conn(), BACKEND_KEY) is None

    _click(qtbot, box.file_choice)
    _click(qtbot, box.confirm_button)
    qtbot.waitUntil(lambda: catalog.get_setting(store.conn(), BACKEND_KEY) == "file")
    qtbot.waitUntil(lambda: box.file_choice.isEnabled())
    assert box.file_choice.isChecked() and box.secrets_warning.isVisible()
    assert "mã hóa" in box.secrets_warning.text()

    box.ca_bundle.setText(str(store.data_dir / "no-such.pem"))      # a typed path, no dialog
    _click(qtbot, box.ca_save)
    assert "no-such.pem" in box.settings_result.text()
    assert box.settings_result.property("tone") == "error"
    assert catalog.get_setting(store.conn(), "sync.ca_bundle") is None


def test_slow_sync_leaves_the_gui_thread_free(
        qtbot: QtBot, ui: None, store: Store, province: Province, memory_secrets) -> None:  # noqa: ANN001
    with FaultProxy(province.port) as proxy:
        proxy.set_link(latency_s=0.25)
        conn = store.conn()
        enrolment.enrol(conn, proxy.url, province.enrol_code(COMMUNE),
                        SecretStore.for_store(conn, store.data_dir))
        filed = file_report(store, ReportDraft(category_id="moi-truong", text="Cống nghẹt"))
        runner = SyncRunner(store)
        ticks: list[bool] = []      # True while the sync was running
        ticker = QTimer()
        ticker.setInterval(20)
        ticker.timeout.connect(lambda: ticks.append(runner.running))
        ticker.start()
        started: list[bool] = []
        runner.started.connect(lambda: started.append(True))
        with qtbot.waitSignal(runner.finished, timeout=LONG) as done:
            assert runner.request(force=True)
            assert not runner.request(force=True)      # one at a time: the second just waits
        ticker.stop()
        runner.stop()
    assert started == [True]
    assert done.args[0].error is None and done.args[0].sent == 1
    assert ticks.count(True) >= 3       # the GUI thread kept ticking while the sync ran
    assert [c["tracking_code"] for c in province.cases()] == [filed.code]


def test_timer_check_respects_the_backoff_and_needs_enrolment(
        qtbot: QtBot, ui: None, store: Store, province: Province, memory_secrets) -> None:  # noqa: ANN001
    assert start_background_sync("kiosk", store) is None        # not enrolled: no runner
    _enrol_directly(store, province)
    assert start_background_sync("board", store) is None        # a TV records nothing
    conn = store.conn()
    with transaction(conn):
        catalog.set_setting(conn, BACKOFF_KEY, {
            "attempt": 3, "next_attempt": to_iso(utc_now() + timedelta(minutes=10))})
    runner = SyncRunner(store)
    seen: list[object] = []
    runner.started.connect(lambda: seen.append("started"))
    runner.finished.connect(seen.append)
    assert runner.check()
    qtbot.waitUntil(lambda: not runner.running, timeout=LONG)
    assert seen == []                      # the backoff said "not yet": nothing ran
    panel = SyncPanel(store, runner)
    qtbot.addWidget(panel)
    runner.timer.start()
    panel.refresh()
    assert "Không trước" in panel.values["next_try"].text()
    with qtbot.waitSignal(runner.finished, timeout=LONG):
        panel.sync_now()
    assert seen and seen[0] == "started"   # "Sync now" ignores the backoff
    assert sync_status(conn)["next_attempt"] is None
    runner.stop()


def test_clock_offset_in_words(qtbot: QtBot, ui: None, store: Store) -> None:
    panel = SyncPanel(store, SyncRunner(store))
    qtbot.addWidget(panel)
    assert panel.clock_words(180) == "Đồng hồ máy này chậm hơn máy chủ 3 phút"
    assert panel.clock_words(-180.4) == "Đồng hồ máy này nhanh hơn máy chủ 3 phút"
    assert panel.clock_words(12) == "Đồng hồ máy này khớp với máy chủ"
    assert panel.clock_words(-3900) == "Đồng hồ máy này nhanh hơn máy chủ 1 giờ 5 phút"


def test_volunteer_gets_the_panel_without_enrolment(qtbot: QtBot, ui: None, store: Store) -> None:
    window = VolunteerWindow(store)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.tabText(window.SYNC) == "Đồng bộ"
    window.setCurrentIndex(window.SYNC)
    assert window.findChild(SyncPanel) is window.sync_panel
    assert window.sync_panel.isVisible() and window.sync_panel.sync_button.isVisible()
    assert window.findChild(SyncEnrolBox) is None          # enrolment is the admin's
