"""Staff screens: the PIN gate, the admin window, the clerk console and the hall's board."""
from __future__ import annotations

from ui.staff.gate import PinGate
from ui.staff.windows import build_staff_window

__all__ = ["PinGate", "build_staff_window"]
