"""The smoke test's queue round: a number taken at the kiosk by touching its tile (ticket PDF
rendered and previewed), called and finished at a console, rated, and shown on the board.
Failures are appended as sentences; ui/smoke.py decides the exit code."""
from __future__ import annotations

from kiosk.db import Store
from ui.smoke import _flush, _pump, _show

SERVICE = "tu-phap-ho-tich"


def queue_round(app, store: Store, summary: list[str], failures: list[str]) -> None:  # noqa: ANN001
    from kiosk.queue.local import LocalQueue
    from ui.screens.state import HOME, QUEUE, QUEUE_TICKET
    from ui.shell import Shell
    from ui.staff import build_staff_window
    from ui.staff.clerk_window import ClerkWindow

    queue = LocalQueue(store)
    shell = Shell(store, mode="kiosk", queue=queue)
    _show(app, shell)
    shell.screen(HOME).queue_tile.click()
    if not _pump(app, lambda: SERVICE in shell.screen(QUEUE).tiles):
        failures.append("the queue services did not load")
        return
    shell.screen(QUEUE).tiles[SERVICE].click()
    if not _pump(app, lambda: shell.state.screen == QUEUE_TICKET
                 and shell.state.queue.pdf_state in ("done", "failed")):
        failures.append("no queue ticket was issued in time")
        return
    ticket = shell.state.queue.ticket
    assert ticket is not None
    screen = shell.screen(QUEUE_TICKET)
    if not screen.has_preview:
        failures.append("the queue ticket PDF was not rendered")
    else:
        summary.append(f"queue ticket {ticket.label} taken at the kiosk, PDF previewed")
    shell.grab()
    _close(app, shell)

    window = ClerkWindow(store, queue, 1)
    _show(app, window)
    console = window.console
    assert console is not None
    steps = (("call", lambda: console.current.text() == ticket.label),
             ("finish", lambda: console.pages.currentWidget() is console.rating))
    for action, reached in steps:
        button = console.actions.buttons[action]
        if _pump(app, button.isEnabled):
            button.click()
        if not _pump(app, reached):
            failures.append(f"the console could not {action} {ticket.label}")
            return
    console.rating.buttons["satisfied"].click()
    if not _pump(app, lambda: store.conn().execute(
            "SELECT count(*) FROM ratings").fetchone()[0] == 1):
        failures.append("the rating was not saved")
        return
    summary.append(f"{ticket.label} called, finished and rated at counter 1")
    window.grab()
    _close(app, window)

    picker = ClerkWindow(store, queue, None)
    _show(app, picker)
    if not _pump(app, lambda: picker.picker is not None and len(picker.picker.buttons) > 0):
        failures.append("the counter picker shows no counter")
    _close(app, picker)

    # Built after the call, so it shows the call without announcing it (no sound in a smoke test).
    board = build_staff_window("board", store, queue)
    _show(app, board)
    if not _pump(app, lambda: board.latest.number.text() == ticket.label):
        failures.append("the board does not show the called number")
    else:
        summary.append(f"board shows {ticket.label} at counter 1")
    _close(app, board)


def _close(app, widget) -> None:  # noqa: ANN001
    widget.close()
    widget.deleteLater()
    _flush(app)
