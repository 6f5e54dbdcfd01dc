"""The clerk's queue console and the hall's board through real widgets, on a real store and
LocalQueue: a number taken at the kiosk is called from the console, shown on the board and
announced once (a recall once more); the buttons follow the ticket; the resident rates."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.db import Store
from kiosk.pins import set_pin
from kiosk.queue.api import Call
from kiosk.queue.local import LocalQueue
from ui.board import QueueBoard
from ui.board.calls import CallTracker
from ui.i18n import LANG
from ui.screens.state import HOME, QUEUE, QUEUE_TICKET
from ui.shell import Shell
from ui.speech import Announcer, RecordingEngine, Utterance, spoken_call
from ui.staff import build_staff_window
from ui.staff.clerk_window import ClerkWindow
from ui.staff.queue_console import QueueConsole

A, B = "tu-phap-ho-tich", "chung-thuc"
PIN = "470913"


@pytest.fixture
def queue(store: Store) -> LocalQueue:
    return LocalQueue(store)


@pytest.fixture
def voice(ui: None) -> Iterator[tuple[Announcer, RecordingEngine, list[str]]]:
    engine = RecordingEngine()
    announcer = Announcer([engine], chime=None)
    spoken: list[str] = []
    announcer.spoken.connect(spoken.append)
    yield announcer, engine, spoken
    announcer.deleteLater()


def show(qtbot: QtBot, widget: QWidget, size: tuple[int, int] = (1280, 800)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


_windows: list[QWidget] = []   # the console's window must outlive the helper's frame


@pytest.fixture(autouse=True)
def _release_windows() -> Iterator[None]:
    yield
    _windows.clear()


def console_for(qtbot: QtBot, store: Store, queue: LocalQueue, counter: int) -> QueueConsole:
    window = show(qtbot, ClerkWindow(store, queue, counter))
    _windows.append(window)
    console = window.console
    assert console is not None and window.currentIndex() == 0
    qtbot.waitUntil(lambda: console.snapshot is not None)
    return console


def board_for(qtbot: QtBot, store: Store, queue: LocalQueue, announcer: Announcer,
              size: tuple[int, int] = (1920, 1080)) -> QueueBoard:
    board = show(qtbot, QueueBoard(store, queue, announcer=announcer), size)
    qtbot.waitUntil(lambda: board.state is not None)
    return board


def settle(qtbot: QtBot, *stations: QueueBoard | QueueConsole) -> None:
    """One more complete read by each station: whatever it would still do, it has done."""
    for station in stations:
        with qtbot.waitSignal(station.poller.changed, timeout=5_000):
            station.poller.refresh()


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def enabled(console: QueueConsole) -> set[str]:
    return {name for name, b in console.actions.buttons.items() if b.isEnabled()}


def test_kiosk_to_console_to_board_with_one_announcement(qtbot: QtBot, store: Store,
                                                         queue: LocalQueue, voice, resident
                                                         ) -> None:  # noqa: ANN001
    announcer, engine, spoken = voice
    kiosk = show(qtbot, Shell(store, mode="kiosk", queue=queue))
    board = board_for(qtbot, store, queue, announcer)
    console = console_for(qtbot, store, queue, 1)
    assert board.latest.number.text() == "—" and spoken == []

    resident.click(kiosk.screen(HOME).queue_tile)
    qtbot.waitUntil(lambda: A in kiosk.screen(QUEUE).tiles)
    qtbot.waitUntil(kiosk.screen(QUEUE).tiles[A].isVisible)
    resident.click(kiosk.screen(QUEUE).tiles[A])
    qtbot.waitUntil(lambda: kiosk.state.screen == QUEUE_TICKET)
    assert kiosk.screen(QUEUE_TICKET).number.text() == "A001"
    qtbot.waitUntil(lambda: board.upcoming.cells[0].text() == "A001")
    qtbot.waitUntil(lambda: console.waiting.rowCount() == 1)
    assert console.waiting.item(0, 0).text() == "A001"

    click(qtbot, console.actions.buttons["call"])
    assert console.actions.buttons["call"].text() == "Gọi số tiếp theo"
    qtbot.waitUntil(lambda: board.latest.number.text() == "A001")
    assert board.latest.counter.text() == "Quầy 1"
    assert board.serving.cells[1][1].text() == "A001"
    qtbot.waitUntil(lambda: spoken == ["Mời số A001 đến quầy số 1"])
    assert engine.said == [Utterance(spoken_call("A001", 1), "vi")]
    assert console.current.text() == "A001"
    settle(qtbot, board, console)
    assert spoken == ["Mời số A001 đến quầy số 1"]          # once, however often it polls

    click(qtbot, console.actions.buttons["recall"])
    qtbot.waitUntil(lambda: len(spoken) == 2)
    settle(qtbot, board)
    assert spoken == ["Mời số A001 đến quầy số 1"] * 2 and len(engine.said) == 2


def test_board_announces_new_calls_only_in_order(qtbot: QtBot, store: Store, queue: LocalQueue,
                                                  voice) -> None:  # noqa: ANN001
    announcer, _engine, spoken = voice
    for service in (A, A, B):
        queue.take(service)
    queue.call_next(1)                          # before the board started: shown, not said
    board = board_for(qtbot, store, queue, announcer)
    assert board.latest.number.text() == "A001"
    settle(qtbot, board)
    board.poller.stop()                         # two calls land between two polls
    queue.call_next(2)
    queue.call_next(3)
    board.poller.start()
    qtbot.waitUntil(lambda: len(spoken) == 2)
    assert spoken == ["Mời số A002 đến quầy số 2", "Mời số B001 đến quầy số 3"]
    assert board.latest.number.text() == "B001" and board.latest.counter.text() == "Quầy 3"
    assert [n.text() for n, _ in board.recent.rows[:2]] == ["A002", "A001"]


def test_call_tracker_skips_what_was_there() -> None:
    def call(event_id: int, label: str) -> Call:
        return Call(event_id, label, label, 1, "", False)

    tracker = CallTracker()
    assert tracker.new_calls([call(5, "A002"), call(3, "A001")]) == []
    assert tracker.new_calls([call(9, "A004"), call(7, "A003"), call(5, "A002")]) == [
        call(7, "A003"), call(9, "A004")]
    assert tracker.new_calls([call(9, "A004")]) == []


def test_buttons_follow_the_ticket_and_transfer_keeps_it(qtbot: QtBot, store: Store,
                                                         queue: LocalQueue, ui: None) -> None:
    console = console_for(qtbot, store, queue, 2)
    assert enabled(console) == set()                       # nobody waits
    assert console.current_state.text() == "Quầy trống — không có ai đang chờ"
    queue.take(A)
    qtbot.waitUntil(lambda: enabled(console) == {"call"})
    click(qtbot, console.actions.buttons["call"])
    qtbot.waitUntil(lambda: enabled(console) == {"recall", "serve", "no_show", "transfer",
                                                 "finish"})
    assert console.current.text() == "A001"
    click(qtbot, console.actions.buttons["serve"])
    qtbot.waitUntil(lambda: enabled(console) == {"transfer", "finish"})
    assert console.current_state.text() == "Đang phục vụ"

    click(qtbot, console.actions.buttons["transfer"])
    assert console.pages.currentWidget() is console.transfer
    assert A not in console.transfer.buttons               # not to where it already is
    click(qtbot, console.transfer.buttons[B])
    qtbot.waitUntil(lambda: console.snapshot.view.current is None)
    assert console.pages.currentWidget() is console.actions
    row = store.conn().execute("SELECT label, service_id, state FROM tickets").fetchone()
    assert tuple(row) == ("A001", B, "waiting")
    qtbot.waitUntil(lambda: console.waiting.rowCount() == 1)


def test_a_double_tap_calls_one_resident(qtbot: QtBot, store: Store, queue: LocalQueue,
                                          ui: None) -> None:
    for _ in range(2):
        queue.take(A)
    console = console_for(qtbot, store, queue, 1)
    button = console.actions.buttons["call"]
    qtbot.waitUntil(button.isEnabled)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)   # the second tap finds it disabled
    qtbot.waitUntil(lambda: console.current.text() == "A001")
    settle(qtbot, console)
    assert store.conn().execute("SELECT count(*) FROM ticket_events WHERE kind = 'called'"
                                ).fetchone()[0] == 1
    assert not button.isEnabled()                          # A001 is at the counter now


def test_no_show_frees_the_counter(qtbot: QtBot, store: Store, queue: LocalQueue,
                                   ui: None) -> None:
    queue.take(A)
    console = console_for(qtbot, store, queue, 1)
    click(qtbot, console.actions.buttons["call"])
    click(qtbot, console.actions.buttons["no_show"])
    qtbot.waitUntil(lambda: console.current.text() == "—")
    assert store.conn().execute("SELECT state FROM tickets").fetchone()[0] == "no_show"
    figures = {console.figures.horizontalHeaderItem(c).text(): console.figures.item(0, c).text()
               for c in range(console.figures.columnCount())}
    assert figures["Dịch vụ"] == "Tư pháp – hộ tịch" and figures["Vắng"] == "1"


def test_finish_then_the_resident_rates(qtbot: QtBot, store: Store, queue: LocalQueue,
                                        ui: None) -> None:
    for _ in range(2):
        queue.take(A)
    console = console_for(qtbot, store, queue, 1)
    click(qtbot, console.actions.buttons["call"])
    click(qtbot, console.actions.buttons["finish"])
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.rating)
    assert console.rating.buttons["satisfied"].text() == "Hài lòng"
    assert console.rating.buttons["acceptable"].text() == "Chấp nhận được"
    assert console.rating.buttons["unsatisfied"].text() == "Không hài lòng"
    assert "A001" in console.rating.question.text()
    click(qtbot, console.rating.buttons["satisfied"])
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.actions)
    rating = store.conn().execute(
        "SELECT t.label, r.level FROM ratings r JOIN tickets t ON t.id = r.ticket_id").fetchall()
    assert [tuple(r) for r in rating] == [("A001", "satisfied")]
    qtbot.waitUntil(lambda: "Hài lòng 1" in console.summary.text())

    click(qtbot, console.actions.buttons["call"])          # the next resident may skip it
    click(qtbot, console.actions.buttons["finish"])
    qtbot.waitUntil(lambda: console.pages.currentWidget() is console.rating)
    click(qtbot, console.rating.skip_button)
    assert console.pages.currentWidget() is console.actions
    assert store.conn().execute("SELECT count(*) FROM ratings").fetchone()[0] == 1


def test_two_consoles_stay_in_step(qtbot: QtBot, store: Store, queue: LocalQueue,
                                   ui: None) -> None:
    for _ in range(2):
        queue.take(A)
    first = console_for(qtbot, store, queue, 1)
    second = console_for(qtbot, store, LocalQueue(store), 2)   # another station's queue
    qtbot.waitUntil(lambda: second.waiting.rowCount() == 2)
    click(qtbot, first.actions.buttons["call"])
    qtbot.waitUntil(lambda: second.waiting.rowCount() == 1)
    click(qtbot, second.actions.buttons["call"])
    qtbot.waitUntil(lambda: first.waiting_title.text() == "Đang chờ quầy này: 0")
    assert (first.current.text(), second.current.text()) == ("A001", "A002")


def test_clerk_without_counter_picks_one_after_the_pin(qtbot: QtBot, store: Store,
                                                       queue: LocalQueue, ui: None) -> None:
    set_pin(store.conn(), "clerk", PIN)
    gate = show(qtbot, build_staff_window("clerk", store, queue, None))
    for digit in PIN:
        qtbot.mouseClick(gate.pad.keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(gate.pad.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(gate.content(), ClerkWindow))
    window: ClerkWindow = gate.content()
    assert window.tabText(0) == "Hàng đợi" and window.tabText(1) == "Phản ánh"
    qtbot.waitUntil(lambda: window.picker is not None and 3 in window.picker.buttons)
    click(qtbot, window.picker.buttons[3])
    assert window.console is not None and window.console.counter == 3
    qtbot.waitUntil(lambda: window.console.header.title.text() == "Quầy 3 — hàng đợi")
    click(qtbot, window.console.change_button)
    qtbot.waitUntil(lambda: window.picker is not None and 1 in window.picker.buttons)


def test_language_toggle_switches_console_and_board(qtbot: QtBot, store: Store,
                                                    queue: LocalQueue, voice) -> None:  # noqa: ANN001
    queue.take(A)
    queue.call_next(1)
    console = console_for(qtbot, store, queue, 1)
    board = board_for(qtbot, store, queue, voice[0])
    qtbot.mouseClick(console.header.lang.buttons["en"], Qt.MouseButton.LeftButton)
    assert LANG.code == "en"
    assert console.actions.buttons["call"].text() == "Call next"
    assert console.header.title.text() == "Counter 1 — queue"
    assert console.current_detail.text().startswith("Justice and civil registration")
    assert board.latest.counter.text() == "Counter 1"
    assert board.office.text() == "Tan Hoa Commune People's Committee"
    qtbot.mouseClick(board.lang.buttons["vi"], Qt.MouseButton.LeftButton)
    assert console.actions.buttons["call"].text() == "Gọi số tiếp theo"
    assert board.latest.caption.text() == "Mời số"


def test_board_number_reads_from_afar_and_staff_text_is_large(qtbot: QtBot, store: Store,
                                                              queue: LocalQueue, voice
                                                              ) -> None:  # noqa: ANN001
    queue.take(A)
    queue.call_next(2)
    board = board_for(qtbot, store, queue, voice[0])
    qtbot.waitUntil(lambda: board.latest.number.text() == "A001")
    metrics = QFontMetrics(board.latest.number.font())
    assert metrics.tightBoundingRect("A001").height() >= 0.12 * board.height()
    small_board = board_for(qtbot, store, queue, voice[0], (1280, 800))
    console = console_for(qtbot, store, queue, 2)
    for screen in (small_board, console):
        for widget in screen.findChildren(QWidget):
            if isinstance(widget, (QLabel, QPushButton)) and widget.isVisible():
                assert widget.font().pointSizeF() >= 16, (widget.objectName(), widget.text())
    for button in console.actions.buttons.values():
        assert button.height() >= 64, button.text()
