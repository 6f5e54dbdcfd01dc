"""Taking a queue number at the kiosk, through real widgets on a real store and LocalQueue:
two touches to a ticket, the priority toggle, a booking code typed on the key pad, office hours
and the per-minute limit said in words, the idle wipe and the language switch."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import catalog
from kiosk.clock import utc_now
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.messages import describe
from kiosk.queue import hours
from kiosk.queue.bookings import import_bookings
from kiosk.queue.local import LocalQueue
from tests.queue_support import REAL_HOURS, Clock, vn
from ui.i18n import LANG
from ui.screens.state import HOME, QUEUE, QUEUE_CODE, QUEUE_TICKET
from ui.shell import Shell

A, B = "tu-phap-ho-tich", "chung-thuc"


@pytest.fixture
def queue(store: Store) -> LocalQueue:
    return LocalQueue(store)


def make_shell(qtbot: QtBot, store: Store, queue: LocalQueue, **kwargs: float) -> Shell:
    shell = Shell(store, mode="kiosk", queue=queue, **kwargs)
    qtbot.addWidget(shell)
    shell.resize(1280, 800)
    shell.show()
    qtbot.waitExposed(shell)
    return shell


@pytest.fixture
def shell(qtbot: QtBot, store: Store, queue: LocalQueue, ui: None) -> Shell:
    return make_shell(qtbot, store, queue)


def open_services(shell: Shell, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    resident.click(shell.screen(HOME).queue_tile)
    assert shell.state.screen == QUEUE
    qtbot.waitUntil(lambda: len(shell.screen(QUEUE).tiles) == 5)
    qtbot.waitUntil(lambda: shell.screen(QUEUE).tiles[A].isVisible())


def take(shell: Shell, resident, qtbot: QtBot, service: str = A) -> None:  # noqa: ANN001
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).tiles[service])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)


def tickets(store: Store) -> list[tuple[str, str, int, str]]:
    return [tuple(row) for row in store.conn().execute(
        "SELECT label, service_id, priority, channel FROM tickets ORDER BY issued_utc")]


def test_two_touches_take_a_number(shell: Shell, store: Store, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    open_services(shell, resident, qtbot)
    screen = shell.screen(QUEUE)
    assert screen.tiles[A].text() == "Tư pháp – hộ tịch"
    assert screen.tiles[A].waiting.text() == "0 người đang chờ"
    resident.click(screen.tiles[A])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)

    ticket_screen = shell.screen(QUEUE_TICKET)
    assert ticket_screen.number.text() == "A001"
    assert ticket_screen.service.text() == "Tư pháp – hộ tịch"
    assert "Quầy: 1, 2, 3" in ticket_screen.details.text()
    assert "Thời gian chờ dự kiến" not in ticket_screen.details.text()   # no history today
    assert tickets(store) == [("A001", A, 0, "kiosk")]
    # The ticket PDF is written under the data dir and its page shown, off the GUI thread.
    qtbot.waitUntil(lambda: ticket_screen.has_preview, timeout=20_000)
    pdf = shell.state.queue.ticket_pdf
    assert pdf is not None and pdf.parent == store.data_dir / "tickets" and pdf.exists()
    assert not shell.back_button.isVisible()          # no way back to a second ticket
    resident.click(ticket_screen.done_button)
    assert shell.state.screen == HOME and shell.state.queue.ticket is None


def test_waiting_counts_and_people_ahead(shell: Shell, queue: LocalQueue, resident,  # noqa: ANN001
                                         qtbot: QtBot) -> None:
    for _ in range(2):
        queue.take(A)                                  # staff-issued, not rate-limited
    queue.call_next(1)
    queue.finish(1)                                    # one service time today: an estimate
    open_services(shell, resident, qtbot)
    assert shell.screen(QUEUE).tiles[A].waiting.text() == "1 người đang chờ"
    resident.click(shell.screen(QUEUE).tiles[A])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)
    details = shell.screen(QUEUE_TICKET).details.text()
    assert shell.screen(QUEUE_TICKET).number.text() == "A003"
    assert "Trước bạn còn 1 người" in details
    assert "Thời gian chờ dự kiến: khoảng 5 phút" in details


def test_waiting_count_follows_other_stations(shell: Shell, queue: LocalQueue, resident,  # noqa: ANN001
                                              qtbot: QtBot) -> None:
    open_services(shell, resident, qtbot)
    queue.take(B)                                      # another kiosk or a clerk
    qtbot.waitUntil(lambda: shell.screen(QUEUE).tiles[B].waiting.text() == "1 người đang chờ")


def test_priority_toggle(shell: Shell, store: Store, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    open_services(shell, resident, qtbot)
    toggle = shell.screen(QUEUE).priority
    assert toggle.text().startswith("Tôi thuộc diện ưu tiên")
    resident.click(toggle)
    assert toggle.isChecked() and shell.state.queue.priority
    resident.click(shell.screen(QUEUE).tiles[B])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)
    assert tickets(store) == [("B001", B, 1, "kiosk")]
    assert "Số ưu tiên" in shell.screen(QUEUE_TICKET).details.text()


def test_booking_code_on_the_key_pad(shell: Shell, store: Store, resident, qtbot: QtBot,  # noqa: ANN001
                                     tmp_path: Path) -> None:
    now = utc_now()
    booking = tmp_path / "bookings.json"
    booking.write_text(json.dumps([{"code": "HEN-7Q2", "service": B,
                                    "slot_start": (now - timedelta(minutes=5)).isoformat(),
                                    "slot_end": (now + timedelta(minutes=55)).isoformat()}]))
    import_bookings(store.conn(), booking, catalog.office_zone(store.conn()), now)
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).booking_button)
    screen = shell.screen(QUEUE_CODE)
    assert not screen.submit_button.isEnabled()
    for char in "HEN-7QX":
        resident.click(screen.keys.keys[char])
    resident.click(screen.keys.keys["⌫"])
    resident.click(screen.keys.keys["2"])
    assert screen.field.text() == "HEN-7Q2"
    resident.click(screen.submit_button)
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)
    assert tickets(store) == [("B001", B, 0, "kiosk")]
    assert "HEN-7Q2" in shell.screen(QUEUE_TICKET).details.text()


def test_unknown_booking_code_is_said_and_issues_nothing(shell: Shell, store: Store, resident,  # noqa: ANN001
                                                          qtbot: QtBot) -> None:
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).booking_button)
    screen = shell.screen(QUEUE_CODE)
    resident.type(screen.field, "zz-0000")             # a scanner types like a keyboard
    assert screen.field.text() == "ZZ-0000"
    resident.click(screen.submit_button)
    qtbot.waitUntil(shell.error_banner.isVisible)
    unknown = KioskError("queue_booking_unknown", booking="ZZ-0000")
    assert shell.error_banner.text() == describe(unknown, "vi")
    assert shell.state.screen == QUEUE_CODE and tickets(store) == []
    assert screen.submit_button.isEnabled()            # free to correct the code
    resident.click(shell.back_button)
    assert shell.state.screen == QUEUE


def test_closed_office_says_when_it_reopens(qtbot: QtBot, store: Store, ui: None,
                                            resident) -> None:  # noqa: ANN001
    hours.save_hours(store.conn(), REAL_HOURS)
    sunday = Clock(vn(2026, 3, 8, 10, 0))              # Sunday: closed; Monday opens 07:30
    shell = make_shell(qtbot, store, LocalQueue(store, now=sunday))
    take_attempt = shell.screen
    open_services(shell, resident, qtbot)
    resident.click(take_attempt(QUEUE).tiles[A])
    qtbot.waitUntil(shell.error_banner.isVisible)
    closed = KioskError("queue_closed", reopens="09/03/2026 07:30")
    assert shell.error_banner.text() == describe(closed, "vi")
    assert "09/03/2026 07:30" in shell.error_banner.text()
    assert shell.state.screen == QUEUE and tickets(store) == []
    assert take_attempt(QUEUE).tiles[A].isEnabled()    # may try again after reading
    resident.click(shell.lang_button)
    assert shell.error_banner.text() == describe(closed, "en")


def test_too_many_numbers_a_minute(shell: Shell, store: Store, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    catalog.set_setting(store.conn(), "queue.kiosk_per_minute", 1)
    take(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE_TICKET).done_button)
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).tiles[A])
    qtbot.waitUntil(shell.error_banner.isVisible)
    assert shell.error_banner.text() == describe(KioskError("queue_rate_limited", limit=1), "vi")
    assert len(tickets(store)) == 1


def test_idle_wipes_the_ticket_flow(shell: Shell, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).priority)
    resident.click(shell.screen(QUEUE).tiles[A])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)
    assert shell.idle.active and shell.idle.timeout_ms == 20_000   # the ticket goes sooner

    shell.idle.timer.timeout.emit()                    # the deadline, without waiting for it

    assert shell.state.screen == HOME
    assert shell.state.queue.ticket is None and not shell.state.queue.priority
    assert shell.screen(QUEUE_TICKET) is None          # nothing of the ticket left to show
    open_services(shell, resident, qtbot)
    assert not shell.screen(QUEUE).priority.isChecked()
    assert shell.idle.timeout_ms == 90_000                 # other screens keep the usual wait


def test_ticket_screen_goes_home_by_itself(qtbot: QtBot, store: Store, queue: LocalQueue,
                                           ui: None, resident) -> None:  # noqa: ANN001
    shell = make_shell(qtbot, store, queue, idle_timeout_s=1)
    take(shell, resident, qtbot)
    qtbot.waitUntil(lambda: shell.state.screen == HOME, timeout=10_000)
    assert shell.state.queue.ticket is None


def test_language_switch_on_the_queue_screens(shell: Shell, resident, qtbot: QtBot) -> None:  # noqa: ANN001
    open_services(shell, resident, qtbot)
    resident.click(shell.screen(QUEUE).priority)
    resident.click(shell.lang_button)
    screen = shell.screen(QUEUE)
    assert screen.tiles[A].text() == "Justice and civil registration"
    assert screen.tiles[A].waiting.text() == "0 waiting"
    assert screen.priority.isChecked() and screen.priority.text().startswith("I have priority")
    assert shell.back_button.text() == "‹ Back"
    resident.click(screen.tiles[A])
    qtbot.waitUntil(lambda: shell.state.screen == QUEUE_TICKET)
    qtbot.waitUntil(lambda: shell.screen(QUEUE_TICKET).has_preview, timeout=20_000)
    rendered = shell.state.queue.ticket_image
    resident.click(shell.lang_button)
    ticket_screen = shell.screen(QUEUE_TICKET)
    assert LANG.code == "vi" and ticket_screen.number.text() == "A001"
    assert ticket_screen.service.text() == "Tư pháp – hộ tịch"
    assert ticket_screen.done_button.text() == "Xong"
    assert ticket_screen.has_preview and shell.state.queue.ticket_image is rendered  # not redone


def test_queue_tile_only_at_the_hall_kiosk(qtbot: QtBot, store: Store, ui: None) -> None:
    volunteer = Shell(store, mode="volunteer")
    qtbot.addWidget(volunteer)
    assert volunteer.screen(HOME).queue_tile is None
