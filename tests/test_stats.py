"""Office figures (issue 5) on a real store: reports filed through kiosk.reports, cases applied
through the changes feed with real CaseSnapshot objects, ratings through the queue; the
monthly PDF read back with pypdf."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from kiosk import catalog, reports
from kiosk.db import Store
from kiosk.reports import FiledReport, ReportDraft, file_report
from kiosk.stats import (OnTimeShare, Period, due_reports, month_figures, on_time_share, percent,
                         report_ratings_available, reports_by_category_month, satisfaction)
from kiosk.stats_pdf import render_month_pdf, report_path, save_month_report
from sync import changes
from sync.protocol import CaseEvent, CaseSnapshot, Change, ChangesPage
from tests.queue_support import Clock, vn

MONTH = "2026-11"


@pytest.fixture()
def store(tmp_path: Path):
    from tests.support import seeded_store

    s = seeded_store(tmp_path / "data")
    yield s
    s.close()


def _file(store: Store, monkeypatch: pytest.MonkeyPatch, at: datetime,
          category: str = "ha-tang") -> FiledReport:
    monkeypatch.setattr(reports, "utc_now", lambda: at)
    return file_report(store, ReportDraft(category_id=category, text="Đèn đường hỏng"))


def _utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> str:
    return datetime(y, mo, d, h, mi, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _snapshot(report: FiledReport, due: str, events: list[tuple[str, str]], *,
              ref: str | None = None, by_code_only: bool = False) -> CaseSnapshot:
    status = events[-1][0] if events else "received"
    return CaseSnapshot(
        ref=ref or f"PA-{report.code}", client_id=uuid.uuid4() if by_code_only else report.id,
        tracking_code=report.code, category="ha-tang", status=status, unit="Phòng Kinh tế",
        created_at=report.created_utc, due_date=date.fromisoformat(due),
        events=[CaseEvent(status="received", at=report.created_utc)]
        + [CaseEvent(status=s, at=at) for s, at in events])


def _apply(store: Store, *snapshots: CaseSnapshot) -> None:
    page = ChangesPage(cursor="e1.1", more=False, changes=[
        Change(seq=i, type="case", case=s) for i, s in enumerate(snapshots, 1)])
    assert changes.apply_page(store.conn(), page) == len(snapshots)


@pytest.fixture()
def office(store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, FiledReport]:
    """Reports with every on-time case of the definition, filed in October and November."""
    filed = {name: _file(store, monkeypatch, vn(2026, 10, 20 + i, 9))
             for i, name in enumerate(["on_due_day", "late_by_zone", "open", "due_outside",
                                       "rejected_then_reopened", "early", "not_mirrored"])}
    _apply(store,
           # answered 23:30 office time on the due day itself: on time
           _snapshot(filed["on_due_day"], "2026-11-10", [("resolved", _utc(2026, 11, 10, 16, 30))]),
           # 00:30 office time the day after (still the due day in UTC): late
           _snapshot(filed["late_by_zone"], "2026-11-12",
                     [("in_progress", _utc(2026, 11, 5)), ("resolved", _utc(2026, 11, 12, 17, 30))]),
           # due in the month, never answered: not on time
           _snapshot(filed["open"], "2026-11-15", [("assigned", _utc(2026, 11, 1))],
                     by_code_only=True),
           # the province moved the due date out of the month: not counted
           _snapshot(filed["due_outside"], "2026-12-01", [("resolved", _utc(2026, 11, 3))]),
           # first answer (rejected) counts, even though it was reopened and resolved late
           _snapshot(filed["rejected_then_reopened"], "2026-11-20",
                     [("rejected", _utc(2026, 11, 18)), ("in_progress", _utc(2026, 11, 19)),
                      ("resolved", _utc(2026, 11, 25))], by_code_only=True),
           # answered early, due in the month: on time
           _snapshot(filed["early"], "2026-11-30", [("rejected", _utc(2026, 11, 2))]))
    return filed


def test_on_time_share_follows_the_definition(store: Store, office: dict[str, FiledReport]) -> None:
    conn = store.conn()
    due = {d.code: d for d in due_reports(conn, MONTH)}
    code = {name: f.code for name, f in office.items()}
    assert code["due_outside"] not in due
    assert due[code["on_due_day"]].on_time and due[code["on_due_day"]].answered_on == date(2026, 11, 10)
    assert not due[code["late_by_zone"]].on_time
    assert due[code["late_by_zone"]].answered_on == date(2026, 11, 13)
    assert not due[code["open"]].on_time and due[code["open"]].answered_on is None
    assert due[code["rejected_then_reopened"]].on_time
    assert due[code["early"]].on_time
    # not mirrored yet: its own due date (filed 26/10, 10 working days) is in November, and
    # nothing says it was answered
    assert office["not_mirrored"].due_date.month == 11
    assert not due[code["not_mirrored"]].on_time
    answered, in_period, share = on_time_share(conn, MONTH)
    assert (answered, in_period) == (3, 6)
    assert share == pytest.approx(0.5)
    assert on_time_share(conn, "2026-12") == OnTimeShare(1, 1)     # due_outside, answered early
    # a range works as well as a month
    assert on_time_share(conn, (date(2026, 11, 10), date(2026, 11, 12))) == OnTimeShare(1, 2)


def test_nothing_due_gives_no_share(store: Store, office: dict[str, FiledReport]) -> None:
    result = on_time_share(store.conn(), "2027-03")
    assert tuple(result) == (0, 0, None)
    assert percent(result.share) == "—"


def test_reports_by_category_and_month_in_the_office_zone(store: Store,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _file(store, monkeypatch, vn(2026, 10, 31, 23, 30), "moi-truong")     # October, 16:30 UTC
    _file(store, monkeypatch, vn(2026, 11, 1, 0, 30), "moi-truong")       # November, 17:30 UTC Oct 31
    _file(store, monkeypatch, vn(2026, 11, 30, 23, 59), "y-te")
    _file(store, monkeypatch, vn(2026, 12, 1, 0, 0), "y-te")
    counts = reports_by_category_month(store.conn(), ["2026-10", "2026-11", "2026-12"])
    by_id = {row.category_id: row.counts for row in counts.rows}
    assert by_id["moi-truong"] == (1, 1, 0)
    assert by_id["y-te"] == (0, 1, 1)
    assert by_id["khac"] == (0, 0, 0)            # every catalog category has a row
    assert [r.category_id for r in counts.rows] == [c.id for c in catalog.categories(store.conn())]
    assert counts.month_total("2026-11") == 2


def test_satisfaction_shares_from_queue_ratings(store: Store) -> None:
    from kiosk.queue.local import LocalQueue

    clock = Clock(vn(2026, 11, 3, 9))
    queue = LocalQueue(store, now=clock)
    for level in ["satisfied", "satisfied", "satisfied", "acceptable", "unsatisfied"]:
        queue.take("tu-phap-ho-tich")
        queue.call_next(1)
        served = queue.finish(1)
        queue.rate(served.id, level)          # type: ignore[arg-type]
    clock.set(vn(2026, 12, 1, 9))
    queue.take("tu-phap-ho-tich")
    queue.call_next(1)
    queue.rate(queue.finish(1).id, "unsatisfied")   # December: not in November's shares
    sat = satisfaction(store.conn(), MONTH)
    assert (sat.queue.satisfied, sat.queue.acceptable, sat.queue.unsatisfied) == (3, 1, 1)
    assert sat.shares() == {"satisfied": 0.6, "acceptable": 0.2, "unsatisfied": 0.2}
    assert satisfaction(store.conn(), "2026-10").shares() == {
        "satisfied": None, "acceptable": None, "unsatisfied": None}
    assert (sat.reports is None) == (not report_ratings_available(store.conn()))


def test_report_ratings_are_included(store: Store) -> None:
    """Migration 0008's report_ratings are counted; stats do not need the table (a store of an
    older version gets reports=None, created here by hand if the migration is absent)."""
    conn = store.conn()
    if not report_ratings_available(conn):
        assert satisfaction(conn, MONTH).reports is None
        conn.execute("CREATE TABLE report_ratings (id TEXT PRIMARY KEY, tracking_code TEXT,"
                     " level TEXT, comment TEXT, at_utc TEXT)")
    conn.executemany(
        "INSERT INTO report_ratings (id, tracking_code, level, at_utc) VALUES (?, ?, ?, ?)",
        [(str(uuid.uuid4()), f"{i:011d}", level, at) for i, (level, at) in enumerate([
            ("satisfied", "2026-11-04T02:00:00.000000Z"),
            ("unsatisfied", "2026-11-30T16:59:00.000000Z"),     # 23:59 on 30/11
            ("satisfied", "2026-11-30T17:00:00.000000Z")])])    # 00:00 on 01/12
    sat = satisfaction(conn, MONTH)
    assert sat.reports is not None and sat.queue.total == 0
    assert (sat.reports.satisfied, sat.reports.unsatisfied) == (1, 1)
    assert sat.combined.total == 2 and sat.shares()["satisfied"] == 0.5


def test_periods() -> None:
    nov = Period.month(MONTH)
    assert (nov.first, nov.last, nov.key) == (date(2026, 11, 1), date(2026, 11, 30), MONTH)
    assert nov.shifted(2).key == "2027-01" and nov.shifted(-11).key == "2025-12"
    assert nov.utc_bounds("Asia/Ho_Chi_Minh") == ("2026-10-31T17:00:00.000000Z",
                                                  "2026-11-30T17:00:00.000000Z")
    with pytest.raises(ValueError):
        Period.month("2026-13")


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    found = [f.get_object() for f in resources.get("/Font", DictionaryObject()).get_object().values()]
    for xobj in resources.get("/XObject", DictionaryObject()).get_object().values():
        xobj = xobj.get_object()
        if "/Resources" in xobj:
            found += _fonts(xobj["/Resources"].get_object())
    return found


def test_monthly_pdf_has_the_figures_and_embedded_fonts(store: Store,
                                                        office: dict[str, FiledReport]) -> None:
    path = save_month_report(store, MONTH, vn(2026, 12, 2, 9))
    assert path == report_path(store.data_dir, MONTH) and path.parent.name == "reports"
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.28, 841.89), abs=0.5)
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in ["UBND xã Tân Hòa", "Báo cáo phản ánh, kiến nghị tháng 11/2026",
                     "từ 01/11/2026 đến 30/11/2026", "Ngày lập: 02/12/2026", "50%",
                     "3/6 phản ánh", "Hạ tầng", "Hài lòng", "vào hoặc trước ngày hẹn"]:
        assert expected in text, expected
    for font in _fonts(reader.pages[0]["/Resources"].get_object()):
        name = str(font["/BaseFont"])
        assert "DejaVu" in name, name
        holder = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        assert "/FontFile2" in holder["/FontDescriptor"].get_object(), f"{name} not embedded"


def test_pdf_with_nothing_due_shows_a_dash(store: Store, tmp_path: Path) -> None:
    path = render_month_pdf(month_figures(store.conn(), "2027-03"), tmp_path / "m.pdf",
                            date(2027, 4, 1))
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "tháng 03/2027" in text and "—" in text and "0/0" not in text
