"""Offline case lookup: a report by its tracking code, a one-stop dossier by its code and secret,
answered from the local mirror the changes feed fills (sync/changes.py) and the kiosk's own
reports. Also the commune's published results ("Kết quả xử lý").

Nothing personal ever leaves this module: the SQL below never selects a report's text, address,
name or phone, and a case carries none (sync/protocol.py CaseSnapshot). Failed tries are slowed
down by kiosk/lookup_throttle.py; a typo caught by the check character is NOT counted, because
it reveals nothing (no database was consulted) and residents mistype often.

The API (the lookup screens are built against it; keep it stable):
"""
from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
import sqlite3
import unicodedata
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk import catalog, codes, lookup_throttle
from kiosk.clock import from_iso, utc_now
from kiosk.errors import KioskError
from kiosk.messages_lookup import DOSSIER_STATUS, LOCAL_EVENTS, REPORT_STATUS
from kiosk.workdays import OfficeCalendar, is_working_day


@dataclass(frozen=True)
class TimelineEntry:
    status: str            # the event's stable code (case/dossier status, or 'filed' / 'sent')
    text_vi: str
    text_en: str
    at_utc: str
    note: str | None       # the province's public note
    unit: str | None       # who handles it from this event on (reports)


@dataclass(frozen=True)
class LookupResult:
    code: str              # report: grouped 'K7QM-2XPD-9RW'; dossier: its code
    kind: str              # 'report' | 'dossier'
    status: str            # stable machine code (case/dossier status, or 'not_sent' / 'sent')
    status_vi: str
    status_en: str
    title_vi: str          # report: category name; dossier: procedure
    title_en: str
    filed_utc: str | None
    unit: str | None
    due: date | None       # dossiers: the original due date (new_due holds a moved one)
    overdue_days: int      # working days past due (0 when not overdue); frozen once answered
    days_left: int | None  # working days left when not overdue and not answered
    answer: str | None
    answered: bool
    collect_at: str | None  # dossiers: where to collect the result
    apology: str | None
    new_due: date | None
    events: list[TimelineEntry]
    as_of: str | None      # last successful sync (UTC ISO), None if never
    can_rate: bool         # reports only
    rated: bool

    def as_json(self) -> dict[str, object]:
        out = asdict(self)
        out["due"] = self.due.isoformat() if self.due else None
        out["new_due"] = self.new_due.isoformat() if self.new_due else None
        out["status_text"] = self.status_vi       # the CLI contract's name for the words
        return out


@dataclass(frozen=True)
class PublishedResult:
    code: str              # grouped tracking code
    category_id: str
    category_vi: str
    category_en: str
    filed_utc: str
    answered_utc: str
    answer: str


SECRET_MIN = 6
LAST_SYNC_KEY = "sync.last_success"          # written by sync/engine.py (kiosk/ cannot import it)
ANSWERED = ("resolved", "rejected")
WITHDRAWN = "withdrawn"       # a report withdrawn on the laptop that filed it, never sent
DOSSIER_CLOSED = ("not_accepted", "withdrawn", "stopped", "done", "returned")
DOSSIER_ANSWERED = ("done", "returned")
# <agency>-<yyMMdd>-<seq>, e.g. 000.00.12.H56-260302-0001. A grouped report code (4-4-3 symbols)
# can never match: its middle group has 4 symbols.
_DOSSIER_RE = re.compile(r"^[0-9A-Z][0-9A-Z.]{0,24}-[0-9]{6}-[0-9]{1,6}$")


# --- entry points -------------------------------------------------------------------------

def is_dossier_code(typed: str) -> bool:
    """Whether the typed text is shaped like a dossier code (so a secret must be asked for)."""
    return _DOSSIER_RE.match(_compact(typed)) is not None


def lookup(conn: sqlite3.Connection, typed: str, secret: str | None = None, *,
           now: datetime | None = None, scope: str = "kiosk") -> LookupResult:
    """The public status behind a typed code. Raises KioskError: code_invalid (bad check
    character: not counted as a failed try), lookup_not_found, dossier_secret_needed,
    dossier_secret_wrong, lookup_slow_down(seconds)."""
    now = now or utc_now()
    if is_dossier_code(typed):
        return _lookup_dossier(conn, _compact(typed), secret, now, scope)
    code = codes.normalise(typed)
    if code is None:
        raise KioskError("code_invalid")
    lookup_throttle.check(conn, scope=scope, now=now)
    result = report_status(conn, code, now=now)
    if result is None:
        lookup_throttle.record_failure(conn, scope=scope, now=now)
        raise KioskError("lookup_not_found")
    return result


def published_results(conn: sqlite3.Connection, category_id: str | None = None,
                      month: str | None = None, *, limit: int | None = None
                      ) -> list[PublishedResult]:
    """Published answers of the commune's cases, newest first; `month` ('2026-11') is the
    office-local month the answer was published."""
    sql = ("SELECT c.tracking_code, c.category, coalesce(k.name_vi, c.category),"
           " coalesce(k.name_en, c.category), c.created_utc, c.published_utc, c.answer"
           " FROM cases c LEFT JOIN categories k ON k.id = c.category"
           " WHERE c.answer IS NOT NULL AND c.published_utc IS NOT NULL"
           " AND c.status IN ('resolved', 'rejected')")
    params: list[object] = []
    if category_id is not None:
        sql += " AND c.category = ?"
        params.append(category_id)
    zone = ZoneInfo(catalog.office_zone(conn))
    out = []
    for row in conn.execute(sql + " ORDER BY c.published_utc DESC, c.ref", params):
        if month is not None and _month(row[5], zone) != month:
            continue
        out.append(PublishedResult(codes.grouped(row[0]), row[1], row[2], row[3], row[4],
                                   row[5], row[6]))
        if limit is not None and len(out) >= limit:
            break
    return out


def result_months(conn: sqlite3.Connection) -> list[str]:
    """Months ('2026-11', newest first) that have a published result."""
    zone = ZoneInfo(catalog.office_zone(conn))
    rows = conn.execute("SELECT published_utc FROM cases WHERE answer IS NOT NULL"
                        " AND published_utc IS NOT NULL AND status IN ('resolved', 'rejected')")
    return sorted({_month(r[0], zone) for r in rows}, reverse=True)


def result_categories(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, name_vi, name_en) of the categories that have a published result, catalog order."""
    rows = conn.execute(
        "SELECT DISTINCT c.category, coalesce(k.name_vi, c.category),"
        " coalesce(k.name_en, c.category), coalesce(k.sort, 1000000)"
        " FROM cases c LEFT JOIN categories k ON k.id = c.category"
        " WHERE c.answer IS NOT NULL AND c.published_utc IS NOT NULL"
        " AND c.status IN ('resolved', 'rejected') ORDER BY 4, 1").fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def last_sync(conn: sqlite3.Connection) -> str | None:
    """The last successful sync (UTC ISO text), None if never."""
    value = catalog.get_setting(conn, LAST_SYNC_KEY)
    return str(value) if value else None


def as_of_words(as_of: str | None, zone: str, lang: str = "vi") -> str:
    """'Cập nhật lúc 14:05 22/11/2026', so nobody takes an old status for today's."""
    if not as_of:
        return ("Chưa cập nhật từ tỉnh lần nào" if lang == "vi"
                else "Never updated from the province yet")
    local = _parse_utc(as_of).astimezone(ZoneInfo(zone))
    if lang == "vi":
        return f"Cập nhật lúc {local:%H:%M %d/%m/%Y}"
    return f"Updated at {local:%H:%M %d/%m/%Y}"


def is_closed(result: LookupResult) -> bool:
    """Answered (reports) or finished one way or another (dossiers): no deadline runs."""
    return result.status in ((*ANSWERED, WITHDRAWN) if result.kind == "report"
                             else DOSSIER_CLOSED)


def due_words(result: LookupResult, lang: str = "vi") -> str | None:
    """'18/03/2026 (còn 3 ngày làm việc)' / '(quá hạn 2 ngày làm việc)'; None without a due."""
    due = result.new_due or result.due
    if due is None or (result.kind == "report" and result.status == WITHDRAWN):
        return None     # withdrawn: nothing is due any more
    day = due.strftime("%d/%m/%Y")
    vi = lang == "vi"
    if is_closed(result):
        # The clock stopped when it was answered: say how it ended, not "overdue" for ever.
        n = result.overdue_days
        if n == 0:
            return f"{day} (đúng hạn)" if vi else f"{day} (on time)"
        return (f"{day} (trễ hạn {n} ngày làm việc)" if vi
                else f"{day} ({n} working day{'s' if n != 1 else ''} late)")
    if result.overdue_days > 0:
        n = result.overdue_days
        return (f"{day} (quá hạn {n} ngày làm việc)" if vi
                else f"{day} ({n} working day{'s' if n != 1 else ''} overdue)")
    if result.days_left is None:
        return day
    n = result.days_left
    if n == 0:
        return f"{day} (hạn cuối là hôm nay)" if vi else f"{day} (due today)"
    return (f"{day} (còn {n} ngày làm việc)" if vi
            else f"{day} ({n} working day{'s' if n != 1 else ''} left)")


# --- reports ------------------------------------------------------------------------------

def report_status(conn: sqlite3.Connection, code: str, *, now: datetime | None = None
                  ) -> LookupResult | None:
    """The status of a canonical (11-symbol) tracking code, or None when nobody knows it.
    No throttling here: callers that take typed input go through lookup()."""
    now = now or utc_now()
    # One query for the case, its category's words and whether it was rated (a lookup is the
    # kiosk's most frequent read; bench/lookup.py holds it close to a bare indexed SELECT).
    case = conn.execute(
        "SELECT c.ref, c.status, c.unit, c.created_utc, c.due_date, c.answer, c.published_utc,"
        " coalesce(k.name_vi, c.category), coalesce(k.name_en, c.category),"
        " EXISTS (SELECT 1 FROM report_ratings r WHERE r.tracking_code = c.tracking_code),"
        " (SELECT r.created_utc FROM reports r WHERE r.code = c.tracking_code)"
        " FROM cases c LEFT JOIN categories k ON k.id = c.category"
        " WHERE c.tracking_code = ? ORDER BY c.created_utc DESC LIMIT 1", (code,)).fetchone()
    if case is not None:
        return _from_case(conn, code, case, now)
    # Only what a resident may see: never text, address, contact_name or contact_phone.
    local = conn.execute(
        "SELECT r.created_utc, r.due_date, coalesce(k.name_vi, r.category_id),"
        " coalesce(k.name_en, r.category_id),"
        " (SELECT o.state || '|' || coalesce(o.sent_utc, '') FROM outbox o"
        "  WHERE o.kind = 'report' AND o.ref_id = r.id ORDER BY o.seq DESC LIMIT 1),"
        " r.withdrawn_utc"
        " FROM reports r LEFT JOIN categories k ON k.id = r.category_id"
        " WHERE r.code = ?", (code,)).fetchone()
    if local is None:
        return None
    return _from_local(conn, code, local, now)


def _from_case(conn: sqlite3.Connection, code: str, case: sqlite3.Row, now: datetime
               ) -> LookupResult:
    (ref, status, unit, created, due_text, answer, published, title_vi, title_en, rated,
     filed_here) = case
    rated = bool(rated)
    # Filed on this kiosk: its filing time comes first, the server's events (received at upload,
    # maybe days later for a kiosk that was offline) after it.
    events = [TimelineEntry("filed", *LOCAL_EVENTS["filed"], at_utc=filed_here, note=None,
                            unit=None)] if filed_here else []
    events += [
        TimelineEntry(e[0], *REPORT_STATUS[e[0]], at_utc=e[1], note=e[2], unit=e[3])
        for e in conn.execute("SELECT status, at_utc, note, unit FROM case_events WHERE ref = ?"
                              " ORDER BY position", (ref,))]
    answered = status in ANSWERED
    closed_at = None
    if answered:
        # The day it was answered: the last resolved/rejected event, else the publication.
        ends = [e.at_utc for e in events if e.status in ANSWERED]
        closed_at = ends[-1] if ends else (published or None)
    cal, as_of = _context(conn)
    due = date.fromisoformat(due_text)
    overdue, left = _deadline(cal, due, closed_at if answered else None, answered, now)
    can_rate = answered and bool(answer) and not rated
    return LookupResult(
        code=codes.grouped(code), kind="report", status=status,
        status_vi=REPORT_STATUS[status][0], status_en=REPORT_STATUS[status][1],
        title_vi=title_vi, title_en=title_en, filed_utc=created, unit=unit, due=due,
        overdue_days=overdue, days_left=left, answer=answer or None, answered=answered,
        collect_at=None, apology=None, new_due=None, events=events, as_of=as_of,
        can_rate=can_rate, rated=rated)


def _from_local(conn: sqlite3.Connection, code: str, row: sqlite3.Row, now: datetime
                ) -> LookupResult:
    created, due_text, title_vi, title_en, outbox, withdrawn_utc = row
    state, _, sent_utc = (outbox or "pending|").partition("|")
    # Quarantined (refused by the province, waiting for staff) is still "at the commune".
    # Withdrawn at the resident's request (a volunteer's laptop): never sent, no deadline runs.
    status = ("sent" if state == "sent" else WITHDRAWN if state == WITHDRAWN
              else "not_sent")
    events = [TimelineEntry("filed", *LOCAL_EVENTS["filed"], at_utc=created, note=None,
                            unit=None)]
    if status == "sent" and sent_utc:
        events.append(TimelineEntry("sent", *LOCAL_EVENTS["sent"], at_utc=sent_utc, note=None,
                                    unit=None))
    if status == WITHDRAWN:
        events.append(TimelineEntry(WITHDRAWN, *LOCAL_EVENTS[WITHDRAWN],
                                    at_utc=withdrawn_utc or created, note=None, unit=None))
    cal, as_of = _context(conn)
    due = date.fromisoformat(due_text)
    overdue, left = _deadline(cal, due, None, status == WITHDRAWN, now)
    # A report is rated only once its case came back answered, so an unsent one never is.
    return LookupResult(
        code=codes.grouped(code), kind="report", status=status,
        status_vi=REPORT_STATUS[status][0], status_en=REPORT_STATUS[status][1],
        title_vi=title_vi, title_en=title_en, filed_utc=created, unit=None, due=due,
        overdue_days=overdue, days_left=left, answer=None, answered=False, collect_at=None,
        apology=None, new_due=None, events=events, as_of=as_of, can_rate=False, rated=False)


_CONTEXT_KEYS = ("office", "office.hours", "office.calendar", LAST_SYNC_KEY)


def _context(conn: sqlite3.Connection) -> tuple[OfficeCalendar, str | None]:
    """The office calendar and the last sync time, in one read of the settings. The calendar is
    rebuilt only when its settings' text changed (the feed can add holidays at any time)."""
    raw = dict(conn.execute(
        f"SELECT key, value FROM settings WHERE key IN ({','.join('?' * len(_CONTEXT_KEYS))})",
        _CONTEXT_KEYS).fetchall())
    cal = _calendar(conn, raw.get("office"), raw.get("office.hours"), raw.get("office.calendar"))
    as_of = json.loads(raw[LAST_SYNC_KEY]) if raw.get(LAST_SYNC_KEY) else None
    return cal, (str(as_of) if as_of else None)


_calendars: dict[tuple[str | None, str | None, str | None], OfficeCalendar] = {}


def _calendar(conn: sqlite3.Connection, office: str | None, hours: str | None,
              calendar_text: str | None) -> OfficeCalendar:
    key = (office, hours, calendar_text)
    found = _calendars.get(key)
    if found is None:
        found = catalog.calendar(conn)
        if len(_calendars) > 8:         # settings rarely change; never grow without bound
            _calendars.clear()
        _calendars[key] = found
    return found


# --- dossiers -----------------------------------------------------------------------------

def dossier_secret_hash(code: str, secret: str) -> str:
    """The same hash as sync.protocol.dossier_secret_hash (kiosk/ must not import sync/; a test
    holds the two equal)."""
    return hashlib.sha256(f"{code}:{secret.strip().upper()}".encode("utf-8")).hexdigest()


def _lookup_dossier(conn: sqlite3.Connection, code: str, secret: str | None, now: datetime,
                    scope: str) -> LookupResult:
    # A missing or short secret is refused before anything is read: it reveals nothing about
    # the dossier, so it is not counted either.
    if secret is None or len(secret.strip()) < SECRET_MIN:
        raise KioskError("dossier_secret_needed", min=SECRET_MIN)
    lookup_throttle.check(conn, scope=scope, dossier=code, now=now)
    row = conn.execute(
        "SELECT code, secret_sha256, procedure, status, received_utc, due_date, collect_at,"
        " apology, new_due_date FROM dossiers WHERE upper(code) = ?", (code,)).fetchone()
    if row is None:
        lookup_throttle.record_failure(conn, scope=scope, dossier=code, now=now)
        raise KioskError("lookup_not_found")
    stored_code, secret_hash = row[0], row[1]
    if not hmac.compare_digest(dossier_secret_hash(stored_code, secret), secret_hash):
        lookup_throttle.record_failure(conn, scope=scope, dossier=code, now=now)
        raise KioskError("dossier_secret_wrong")
    return _from_dossier(conn, row, now)


def _from_dossier(conn: sqlite3.Connection, row: sqlite3.Row, now: datetime) -> LookupResult:
    code, _, procedure, status, received, due_text, collect_at, apology, new_due_text = row
    events = [
        TimelineEntry(e[0], *DOSSIER_STATUS[e[0]], at_utc=e[1], note=e[2], unit=None)
        for e in conn.execute("SELECT status, at_utc, note FROM dossier_events WHERE code = ?"
                              " ORDER BY position", (code,))]
    closed = status in DOSSIER_CLOSED
    closed_at = None
    if closed:
        ends = [e.at_utc for e in events if e.status == status]
        closed_at = ends[-1] if ends else None
    cal, as_of = _context(conn)
    due = date.fromisoformat(due_text)
    new_due = date.fromisoformat(new_due_text) if new_due_text else None
    overdue, left = _deadline(cal, new_due or due, closed_at, closed, now)
    return LookupResult(
        code=code, kind="dossier", status=status, status_vi=DOSSIER_STATUS[status][0],
        status_en=DOSSIER_STATUS[status][1], title_vi=procedure, title_en=procedure,
        filed_utc=received, unit=None, due=due, overdue_days=overdue, days_left=left,
        answer=None, answered=status in DOSSIER_ANSWERED, collect_at=collect_at,
        apology=apology, new_due=new_due, events=events, as_of=as_of, can_rate=False,
        rated=False)


# --- time ---------------------------------------------------------------------------------

def _deadline(cal: OfficeCalendar, due: date, closed_at: str | None, closed: bool,
              now: datetime) -> tuple[int, int | None]:
    """(overdue working days, working days left). A closed case stops the clock on the day it
    was answered: answered on time is never "overdue" afterwards; answered late stays as late
    as it was then. Without a closing date (no event), a closed case is not called late."""
    if closed:
        if closed_at is None:
            return 0, None
        end = _parse_utc(closed_at).astimezone(ZoneInfo(cal.zone)).date()
        return _working_days_between(cal, due, end), None
    today = now.astimezone(ZoneInfo(cal.zone)).date()
    if today > due:
        return _working_days_between(cal, due, today), None
    return 0, _working_days_between(cal, today, due)


def _working_days_between(cal: OfficeCalendar, start: date, end: date) -> int:
    """Working days d with start < d <= end (0 when end <= start); same counting as due_date.
    From per-year cumulative tables: an old overdue case would otherwise walk hundreds of days
    on every lookup."""
    if end <= start:
        return 0
    whole_years = sum(_year_table(cal, year)[-1] for year in range(start.year, end.year))
    return (whole_years + _year_table(cal, end.year)[end.timetuple().tm_yday - 1]
            - _year_table(cal, start.year)[start.timetuple().tm_yday - 1])


@functools.lru_cache(maxsize=256)
def _year_table(cal: OfficeCalendar, year: int) -> tuple[int, ...]:
    """Cumulative working days of `year`, one entry per day (OfficeCalendar is hashable)."""
    out, count, day = [], 0, date(year, 1, 1)
    while day.year == year:
        count += is_working_day(cal, day)
        out.append(count)
        day += timedelta(days=1)
    return tuple(out)


def _parse_utc(text: str) -> datetime:
    # The feed's instants may lack microseconds ("…T01:00:00Z"); the store's have them.
    try:
        return from_iso(text)
    except ValueError:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _month(utc_text: str, zone: ZoneInfo) -> str:
    return _parse_utc(utc_text).astimezone(zone).strftime("%Y-%m")


def _compact(typed: str) -> str:
    return "".join(unicodedata.normalize("NFKC", typed).split()).upper()
