"""What a receipt says, independent of how it is drawn (PDF now, ESC/POS raster later)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReceiptLine:
    label: str
    value: str


@dataclass(frozen=True)
class Receipt:
    office_name: str            # e.g. "UBND xã Tân Hòa"
    title: str                  # e.g. "Phiếu tiếp nhận phản ánh"
    big_code: str               # printed large, e.g. "K7QM-2XPD-9RW"
    qr_payload: str             # what the QR encodes (the code without dashes)
    lines: list[ReceiptLine] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)   # privacy note, how to look up
    big_code_size: float | None = None   # points; None: the receipt default (a queue number
                                         # is read across a hall, so its ticket asks for more)
