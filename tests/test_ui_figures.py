"""The figures screen through real widgets: the month's numbers, moving between months, and
"Save PDF" writing the monthly report into the data dir's reports folder (no file dialog)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader

from kiosk import reports
from kiosk.db import Store
from kiosk.reports import ReportDraft, file_report
from sync import changes
from sync.protocol import CaseEvent, CaseSnapshot, Change, ChangesPage
from tests.queue_support import vn
from ui.staff.figures import FiguresScreen

NOW = vn(2026, 11, 20, 10)


@pytest.fixture()
def figures_store(store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """Reports filed in November (one answered on time, one open) and one in October that is
    not mirrored yet but falls due in November."""
    filed = []
    for day, category in ((28, "moi-truong"), (3, "ha-tang"), (4, "ha-tang")):
        at = vn(2026, 10 if day == 28 else 11, day, 9)
        monkeypatch.setattr(reports, "utc_now", lambda at=at: at)
        filed.append(file_report(store, ReportDraft(category_id=category, text="Cống nghẹt")))
    snaps = []
    for n, (report, answered) in enumerate(zip(filed[1:], (True, False))):
        events = [CaseEvent(status="received", at=report.created_utc)]
        if answered:
            events.append(CaseEvent(status="resolved", at="2026-11-10T09:00:00Z"))
        snaps.append(CaseSnapshot(
            ref=f"PA-{n}", client_id=uuid.UUID(report.id), tracking_code=report.code,
            category="ha-tang", status=events[-1].status, created_at=report.created_utc,
            due_date=date(2026, 11, 10 + n), events=events))
    changes.apply_page(store.conn(), ChangesPage(cursor="e1", more=False, changes=[
        Change(seq=i, type="case", case=s) for i, s in enumerate(snaps)]))
    return store


def _screen(qtbot, store: Store) -> FiguresScreen:  # noqa: ANN001
    screen = FiguresScreen(store, clock=lambda: NOW)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitUntil(lambda: screen.figures is not None and screen.figures.month == screen.month)
    return screen


def test_shows_the_month_and_moves_between_months(ui, qtbot, figures_store: Store) -> None:  # noqa: ANN001
    screen = _screen(qtbot, figures_store)
    assert screen.month_label.text() == "Tháng 11/2026"
    assert screen.on_time_share.text() == "33%"       # the October report fell due too
    assert screen.on_time_count.text() == "1/3"
    values = [screen.bars.at(i) for i in range(screen.bars.count())]
    names = screen.category_axis.categories()
    assert values[names.index("Hạ tầng (điện, đường, nước, chiếu sáng)")] == 2
    assert sum(values) == 2
    assert not screen.next_button.isEnabled()        # no figures from the future

    qtbot.mouseClick(screen.prev_button, Qt.MouseButton.LeftButton)
    assert screen.month_label.text() == "Tháng 10/2026"
    qtbot.waitUntil(lambda: screen.figures is not None and screen.figures.month == "2026-10")
    assert screen.on_time_share.text() == "—"        # nothing fell due in October
    assert screen.on_time_count.text() == "0/0"
    values = [screen.bars.at(i) for i in range(screen.bars.count())]
    assert values[screen.category_axis.categories().index("Môi trường")] == 1
    assert screen.next_button.isEnabled()
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.figures is not None and screen.figures.month == "2026-11")
    assert screen.on_time_count.text() == "1/3"


def test_save_pdf_writes_the_month_into_the_reports_folder(ui, qtbot, figures_store: Store) -> None:  # noqa: ANN001
    screen = _screen(qtbot, figures_store)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.saved_path is not None)
    path = screen.saved_path
    assert path.exists() and path.parent == figures_store.data_dir / "reports"
    assert str(path) in screen.status.text()
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "tháng 11/2026" in text and "UBND xã Tân Hòa" in text and "1/3" in text
    assert screen.save_button.isEnabled()


def test_english(ui, qtbot, figures_store: Store) -> None:  # noqa: ANN001
    from ui.i18n import LANG

    screen = _screen(qtbot, figures_store)
    LANG.set("en")
    assert screen.month_label.text() == "Month 11/2026"
    assert "Infrastructure (power, roads, water, lighting)" in screen.category_axis.categories()
