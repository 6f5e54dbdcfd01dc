"""One staff window per role: PIN-gated for clerk and admin; the board needs none, because it
shows only what the hall may see (numbers, codes, counts), and a TV has nobody to type a PIN."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.db import Store
from kiosk.queue.api import QueueService
from ui.staff.admin import AdminWindow
from ui.staff.gate import PinGate

STAFF_ROLES = ("clerk", "admin", "board")


def build_staff_window(role: str, store: Store, queue: QueueService | None = None,
                       counter: int | None = None) -> QWidget:
    """`queue` is the process's one queue (ui/app.py); made here when a caller has none."""
    if role not in STAFF_ROLES:
        raise ValueError(f"no staff window for role {role!r}; expected one of {STAFF_ROLES}")
    if role == "admin":
        return PinGate("admin", store, lambda: AdminWindow(store))
    if queue is None:
        from kiosk.queue.local import LocalQueue

        queue = LocalQueue(store)
    if role == "clerk":
        from ui.staff.clerk_window import ClerkWindow

        return PinGate("clerk", store, lambda: ClerkWindow(store, queue, counter))
    from ui.board import QueueBoard

    return QueueBoard(store, queue)
