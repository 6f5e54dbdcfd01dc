"""The office's figures (issue 5): reports by category and month, the share answered on time,
and satisfaction shares. Pure SQL + Python, no Qt; the figures screen and the monthly PDF both
read these functions.

Where the numbers come from:
- reports: the local `reports` table (what residents filed at this office), counted by the
  report's creation instant taken in the office's zone (kiosk.catalog.office_zone);
- answers: the mirror the changes feed fills (`cases` + `case_events`). A report's case is the
  mirrored case whose `client_id` is one of the report's outbox item uuids (an edited report has
  several) or whose `tracking_code` is the report's code;
- ratings: queue service ratings (`ratings`) and, when the store has it (migration 0008),
  report ratings (`report_ratings`). Stats work without that table.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from kiosk import catalog
from kiosk.clock import from_iso, to_iso

LEVELS = ("satisfied", "acceptable", "unsatisfied")
ANSWERED = ("resolved", "rejected")

ON_TIME_DEFINITION_VI = (
    "Tỷ lệ trả lời đúng hạn = số phản ánh, kiến nghị đã được trả lời (đã giải quyết hoặc từ "
    "chối) vào hoặc trước ngày hẹn trả lời, chia cho số phản ánh, kiến nghị có ngày hẹn trả lời "
    "rơi vào kỳ báo cáo. Phản ánh đến hạn mà chưa được trả lời, hoặc trả lời sau ngày hẹn, là "
    "không đúng hạn.")
ON_TIME_DEFINITION_EN = (
    "Share answered on time = reports answered (resolved or rejected) on or before their due "
    "date, over reports whose due date fell in the period. A report due in the period but not "
    "answered, or answered after its due date, is not on time.")


# --- periods ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """Calendar days [first, last] (both included) in the office's zone."""
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"period ends before it starts: {self.first} > {self.last}")

    @classmethod
    def month(cls, key: str) -> Period:
        """'YYYY-MM' → the whole month."""
        try:
            year, month = (int(part) for part in key.split("-"))
            first = date(year, month, 1)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"not a month 'YYYY-MM': {key!r}") from exc
        return cls(first, _next_month(first) - timedelta(days=1))

    @classmethod
    def of(cls, period: str | Period | tuple[date, date]) -> Period:
        if isinstance(period, Period):
            return period
        if isinstance(period, str):
            return cls.month(period)
        first, last = period
        return cls(first, last)

    @property
    def is_month(self) -> bool:
        return self.first.day == 1 and self.last == _next_month(self.first) - timedelta(days=1)

    @property
    def key(self) -> str:
        """'YYYY-MM' for a whole month, else 'YYYY-MM-DD..YYYY-MM-DD'."""
        if self.is_month:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def shifted(self, months: int) -> Period:
        """The month `months` before (negative) or after this one's first month."""
        index = self.first.year * 12 + self.first.month - 1 + months
        return Period.month(f"{index // 12:04d}-{index % 12 + 1:02d}")

    def utc_bounds(self, zone: str) -> tuple[str, str]:
        """[start, end) as stored UTC text: local midnight of `first` to that after `last`."""
        tz = ZoneInfo(zone)
        start = datetime.combine(self.first, time(0), tz)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tz)
        return to_iso(start), to_iso(end)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def local_day(utc_text: str, zone: str) -> date:
    """A stored UTC instant ('...Z', with or without fraction) → its calendar day at the office."""
    return _parse_utc(utc_text).astimezone(ZoneInfo(zone)).date()


def _parse_utc(text: str) -> datetime:
    try:
        return from_iso(text)
    except ValueError:   # the server's instants may come without a fraction or with an offset
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


# --- reports by category and month ------------------------------------------------------------

@dataclass(frozen=True)
class CategoryRow:
    category_id: str
    name_vi: str
    name_en: str
    counts: tuple[int, ...]      # one per month, in ReportCounts.months order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ReportCounts:
    months: tuple[str, ...]                  # 'YYYY-MM', as asked
    rows: tuple[CategoryRow, ...]            # every category of the catalog, in its order

    def month_total(self, month: str) -> int:
        i = self.months.index(month)
        return sum(row.counts[i] for row in self.rows)

    def for_month(self, month: str) -> list[tuple[CategoryRow, int]]:
        i = self.months.index(month)
        return [(row, row.counts[i]) for row in self.rows]


def reports_by_category_month(conn: sqlite3.Connection, months: Sequence[str]) -> ReportCounts:
    """Reports filed at this office per category for each month ('YYYY-MM', office zone).
    Every catalog category gets a row (zeros included), in the catalog's order."""
    zone = catalog.office_zone(conn)
    keys = tuple(Period.month(m).key for m in months)
    found: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        start, end = Period.month(key).utc_bounds(zone)
        for category_id, n in conn.execute(
                "SELECT category_id, count(*) FROM reports WHERE created_utc >= ?"
                " AND created_utc < ? GROUP BY category_id", (start, end)):
            found.setdefault(category_id, [0] * len(keys))[i] = int(n)
    rows = []
    for cat in catalog.categories(conn):
        rows.append(CategoryRow(cat.id, cat.name_vi, cat.name_en,
                                tuple(found.pop(cat.id, [0] * len(keys)))))
    for category_id, counts in sorted(found.items()):   # a category the catalog no longer has
        rows.append(CategoryRow(category_id, category_id, category_id, tuple(counts)))
    return ReportCounts(keys, tuple(rows))


# --- answered on time ---------------------------------------------------------------------------

@dataclass(frozen=True)
class OnTimeShare:
    answered_on_time: int
    due_in_period: int

    @property
    def share(self) -> float | None:
        """answered_on_time / due_in_period, or None when nothing fell due (shown as "—")."""
        return self.answered_on_time / self.due_in_period if self.due_in_period else None

    def __iter__(self):  # noqa: ANN204 - (answered_on_time, due_in_period, share)
        return iter((self.answered_on_time, self.due_in_period, self.share))


@dataclass(frozen=True)
class DueReport:
    """One report whose due date fell in the period, and what became of it."""
    report_id: str
    code: str
    due_date: date
    answered_on: date | None      # first resolved/rejected event, office-zone day
    on_time: bool


_DUE_SQL = """
WITH linked AS (
    SELECT r.id, r.code, r.due_date AS report_due,
           (SELECT c.ref FROM cases c
             WHERE c.tracking_code = r.code
                OR c.client_id IN (SELECT o.item_uuid FROM outbox o
                                    WHERE o.kind = 'report' AND o.ref_id = r.id)
             ORDER BY c.updated_utc DESC, c.ref LIMIT 1) AS ref
      FROM reports r
)
SELECT l.id, l.code, coalesce(c.due_date, l.report_due) AS due,
       (SELECT e.at_utc FROM case_events e
         WHERE e.ref = c.ref AND e.status IN ('resolved', 'rejected')
         ORDER BY e.position LIMIT 1) AS answered_utc
  FROM linked l LEFT JOIN cases c ON c.ref = l.ref
 WHERE coalesce(c.due_date, l.report_due) BETWEEN ? AND ?
 ORDER BY due, l.code
"""


def due_reports(conn: sqlite3.Connection, period: str | Period | tuple[date, date]
                ) -> list[DueReport]:
    """The reports whose due date fell in the period, each marked on time or not (see
    on_time_share). The due date is the mirrored case's (the province may move it), else the one
    the kiosk computed when the report was filed (not mirrored yet)."""
    p = Period.of(period)
    zone = catalog.office_zone(conn)
    out = []
    for report_id, code, due, answered_utc in conn.execute(
            _DUE_SQL, (p.first.isoformat(), p.last.isoformat())):
        due_day = date.fromisoformat(due)
        answered = local_day(answered_utc, zone) if answered_utc else None
        out.append(DueReport(report_id, code, due_day, answered,
                             answered is not None and answered <= due_day))
    return out


def on_time_share(conn: sqlite3.Connection, period: str | Period | tuple[date, date]
                  ) -> OnTimeShare:
    """Share answered on time, exactly as issue 5 (and Long An's 1022 centre) defines it:

    cases answered — resolved or rejected — on or before their due date, over cases whose due
    date fell in the period.

    - the population is the reports filed at this office whose due date (the mirrored case's,
      else the report's own) lies in the period, whatever month they were filed in;
    - the answer date is the office-zone day of the case's FIRST resolved or rejected event
      (a case reopened later stays answered on that first date);
    - due in the period but not answered (or not mirrored yet) → not on time; answered after
      the due date → not on time; answered on the due date itself → on time;
    - nothing due in the period → share None (the screen and the PDF show "—").
    Returns OnTimeShare(answered_on_time, due_in_period), which also unpacks as
    (answered_on_time, due_in_period, share)."""
    due = due_reports(conn, period)
    return OnTimeShare(sum(1 for d in due if d.on_time), len(due))


# --- satisfaction -------------------------------------------------------------------------------

@dataclass(frozen=True)
class LevelCounts:
    satisfied: int = 0
    acceptable: int = 0
    unsatisfied: int = 0

    @property
    def total(self) -> int:
        return self.satisfied + self.acceptable + self.unsatisfied

    def count(self, level: str) -> int:
        return int(getattr(self, level))

    def share(self, level: str) -> float | None:
        """The level's share of all ratings, or None when there are none."""
        return self.count(level) / self.total if self.total else None

    def shares(self) -> dict[str, float | None]:
        return {level: self.share(level) for level in LEVELS}

    def __add__(self, other: LevelCounts) -> LevelCounts:
        return LevelCounts(*(self.count(lv) + other.count(lv) for lv in LEVELS))


@dataclass(frozen=True)
class Satisfaction:
    queue: LevelCounts                 # ratings of queue service (kiosk after a ticket)
    reports: LevelCounts | None        # ratings of report answers; None: no such table here

    @property
    def combined(self) -> LevelCounts:
        return self.queue + self.reports if self.reports is not None else self.queue

    def shares(self) -> dict[str, float | None]:
        return self.combined.shares()


_TIME_COLUMNS = ("at_utc", "created_utc", "rated_utc")
_LEVEL_COLUMNS = ("level", "rating")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _levels(conn: sqlite3.Connection, table: str, level_col: str, time_col: str,
            bounds: tuple[str, str]) -> LevelCounts:
    found = dict(conn.execute(
        f"SELECT {level_col}, count(*) FROM {table} WHERE {time_col} >= ? AND {time_col} < ?"
        f" GROUP BY {level_col}", bounds).fetchall())
    return LevelCounts(*(int(found.get(level, 0)) for level in LEVELS))


def report_ratings_available(conn: sqlite3.Connection) -> bool:
    """True when the store has a `report_ratings` table this module can read (migration 0008)."""
    return _report_ratings_columns(conn) is not None


def _report_ratings_columns(conn: sqlite3.Connection) -> tuple[str, str] | None:
    columns = _columns(conn, "report_ratings")   # [] when the table does not exist
    level = next((c for c in _LEVEL_COLUMNS if c in columns), None)
    at = next((c for c in _TIME_COLUMNS if c in columns), None)
    return (level, at) if level and at else None


def satisfaction(conn: sqlite3.Connection, period: str | Period | tuple[date, date]
                 ) -> Satisfaction:
    """Ratings given in the period (office-zone days) per level: queue service ratings and,
    when the store has the `report_ratings` table, report ratings; shares via .shares()."""
    bounds = Period.of(period).utc_bounds(catalog.office_zone(conn))
    queue = _levels(conn, "ratings", "level", "at_utc", bounds)
    cols = _report_ratings_columns(conn)
    reports = _levels(conn, "report_ratings", cols[0], cols[1], bounds) if cols else None
    return Satisfaction(queue, reports)


# --- everything for one month -------------------------------------------------------------------

@dataclass(frozen=True)
class MonthFigures:
    """What the figures screen and the monthly PDF show."""
    period: Period
    office_name: str
    counts: ReportCounts          # the month and the two before it
    on_time: OnTimeShare
    satisfaction: Satisfaction
    overdue_open: tuple[DueReport, ...]   # due in the month, not answered (yet)

    @property
    def month(self) -> str:
        return self.period.key

    @property
    def reports_in_month(self) -> int:
        return self.counts.month_total(self.month)


def month_figures(conn: sqlite3.Connection, month: str, history: int = 2) -> MonthFigures:
    """All figures for one month 'YYYY-MM'; the category table also holds `history` months
    before it."""
    period = Period.month(month)
    months = [period.shifted(-n).key for n in range(history, 0, -1)] + [period.key]
    due = due_reports(conn, period)
    try:
        name = catalog.office(conn).name
    except LookupError:
        name = ""
    return MonthFigures(
        period=period, office_name=name, counts=reports_by_category_month(conn, months),
        on_time=OnTimeShare(sum(1 for d in due if d.on_time), len(due)),
        satisfaction=satisfaction(conn, period),
        overdue_open=tuple(d for d in due if d.answered_on is None))


def months_back(today: date, n: int) -> list[str]:
    """The `n` months up to and including today's, oldest first."""
    last = Period.month(month_key(today))
    return [last.shifted(-k).key for k in range(n - 1, -1, -1)]


def current_month(now: datetime, zone: str) -> str:
    return month_key(now.astimezone(ZoneInfo(zone)).date())


def percent(share: float | None) -> str:
    """93 % style text, "—" for no share (nothing due, no ratings)."""
    return "—" if share is None else f"{round(share * 100)}%"
