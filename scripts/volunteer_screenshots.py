#!/usr/bin/env python3
"""Screenshots of the volunteer's laptop at 1280×800, offscreen: the list of reports taken on
this laptop (every state) and the USB hand-over page, into docs/screenshots by default.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/volunteer_screenshots.py [OUT_DIR]

Works on a temporary store. Reports are filed through kiosk.reports; the states that need a
server, a stick or an office (sent, on a stick, confirmed, refused) are written into the outbox
directly, as those steps would leave them: this is a picture, not a test (tests/
test_ui_volunteer.py runs the real thing).
"""
from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk import catalog  # noqa: E402
from kiosk.clock import to_iso, utc_now  # noqa: E402
from kiosk.db import Store, transaction  # noqa: E402
from kiosk.reports import ReportDraft, file_report  # noqa: E402
from kiosk.volunteer import set_identity  # noqa: E402
from sync.outbox import withdraw_report  # noqa: E402
from sync.transfer import ExportResult  # noqa: E402
from ui.i18n import LANG  # noqa: E402
from ui.staff.windows import VolunteerWindow  # noqa: E402
from ui.theme import apply_theme  # noqa: E402

REPORTS = [   # category, hamlet, text, state
    ("ha-tang", "ap-hoa-binh", "Đèn đường trước chợ Hòa Bình hỏng một tuần nay", "sent"),
    ("moi-truong", "ap-tan-thanh", "Rác đổ trộm ở bờ kênh cạnh trường tiểu học", "handed_over"),
    ("ha-tang", "ap-hoa-binh", "Cống thoát nước đầu ấp bị nghẹt, nước tràn vào nhà", "exported"),
    ("khac", None, "Cây dầu đổ chắn nửa đường liên ấp sau cơn mưa", "quarantined"),
    ("moi-truong", "ap-tan-thanh", "Khói đốt rơm rạ ảnh hưởng nhà dân ven đồng", "withdrawn"),
    ("ha-tang", "ap-hoa-binh", "Ổ gà lớn trên đường vào ấp, xe máy dễ té ngã", "pending"),
    ("moi-truong", None, "Nước sinh hoạt có mùi lạ từ hai hôm nay", "pending"),
]


def _hamlets(store: Store) -> list[str]:
    return [h.id for h in catalog.hamlets(store.conn())]


def fill(store: Store) -> None:
    conn = store.conn()
    set_identity(conn, "TNV-0123", "Nguyễn Thị Lan")
    known = _hamlets(store)
    now = utc_now()
    for index, (category, hamlet, text, state) in enumerate(REPORTS):
        hamlet = hamlet if hamlet in known else (known[index % len(known)] if hamlet else None)
        filed = file_report(store, ReportDraft(category_id=category, text=text, hamlet_id=hamlet,
                                               assisted_by="TNV-0123"), channel="volunteer")
        at = to_iso(now - timedelta(days=len(REPORTS) - index, hours=index))
        with transaction(conn):
            conn.execute("UPDATE reports SET created_utc = ? WHERE id = ?", (at, filed.id))
            if state == "sent":
                conn.execute("UPDATE outbox SET state = 'sent', server_ref = 'PA-2026-000418',"
                             " sent_utc = ? WHERE ref_id = ?", (at, filed.id))
            elif state == "handed_over":
                conn.execute("UPDATE outbox SET state = 'sent', reason = 'handed_over',"
                             " sent_utc = ?, exported_utc = ? WHERE ref_id = ?",
                             (at, at, filed.id))
            elif state == "exported":
                conn.execute("UPDATE outbox SET exported_utc = ? WHERE ref_id = ?",
                             (at, filed.id))
            elif state == "quarantined":
                conn.execute("UPDATE outbox SET state = 'quarantined', reason = 'invalid_payload'"
                             " WHERE ref_id = ?", (filed.id,))
        if state == "withdrawn":
            withdraw_report(conn, filed.id, "Người dân đã tự giải quyết với hàng xóm")


def main(out: Path) -> None:
    app = QApplication([sys.argv[0]])
    apply_theme(app)
    LANG.set("vi")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        catalog.seed(store.conn())
        fill(store)
        window = VolunteerWindow(store)
        window.resize(1280, 800)
        window.show()
        window.setCurrentIndex(window.FILED)
        page = window.filed
        page.table.selectRow(page.row_of(page.items[0].code))
        app.processEvents()
        window.grab().save(str(out / "volunteer_list.png"))
        print(out / "volunteer_list.png")

        window.setCurrentIndex(window.USB)
        usb = window.usb
        usb.path.field.setText("/media/lan/USB-LAN")
        usb._exported(ExportResult("/media/lan/USB-LAN/chuyen-giao-TNV-0123.cnt", 2, 3,
                                   2_184_331, 1, [], 1))
        app.processEvents()
        window.grab().save(str(out / "volunteer_usb.png"))
        print(out / "volunteer_usb.png")
        window.close()
        store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
