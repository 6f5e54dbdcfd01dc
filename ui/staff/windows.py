"""One staff window per role: PIN-gated for clerk and admin; the board needs none, because it
shows only what the hall may see (codes, counts), and a TV has nobody to type a PIN."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.db import Store
from ui.staff.admin import AdminWindow
from ui.staff.board import BoardWindow
from ui.staff.clerk import ClerkConsole
from ui.staff.gate import PinGate

STAFF_ROLES = ("clerk", "admin", "board")


def build_staff_window(role: str, store: Store) -> QWidget:
    if role == "clerk":
        return PinGate("clerk", store, lambda: ClerkConsole(store))
    if role == "admin":
        return PinGate("admin", store, lambda: AdminWindow(store))
    if role == "board":
        return BoardWindow(store)
    raise ValueError(f"no staff window for role {role!r}; expected one of {STAFF_ROLES}")
