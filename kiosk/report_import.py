"""Reports collected on paper forms, imported from the spreadsheet the app's template starts
(kiosk/report_template.py, docs/paper-forms.md).

A file is checked whole before anything is stored: every row's problems are listed, and a file
with any problem stores nothing. A clean file is filed in ONE transaction (kiosk.reports.
file_reports), together with the form numbers it used (setting `paper.imported_forms`), so a form
is never imported twice and a failed import leaves no half of it behind.

The rules of a report are kiosk.reports': each field goes through the same functions and bounds
(clean_text, normalise_phone, MAX_*), and every row then passes kiosk.reports.validate itself.
The import adds only what paper needs: a form number, the date the office received the form, and
names (not just ids) for categories and hamlets.
"""
from __future__ import annotations

import difflib
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from kiosk import catalog, codes
from kiosk.clock import check_clock
from kiosk.consent import paper_consent_text
from kiosk.db import Store
from kiosk.errors import KioskError
from kiosk.report_template import match_key, read_table, write_results
from kiosk.reports import (MAX_ADDRESS, MAX_NAME, MAX_TEXT, FiledReport, ReportDraft,
                           file_reports, normalise_phone, validate)
from kiosk.text import clean_text

MAX_FORM = 40
MAX_AGE_DAYS = 365
IMPORTED_KEY = "paper.imported_forms"      # {form key: tracking code}, JSON in settings
# Paper forms are written down by a person on the resident's behalf, as a volunteer does on a
# laptop; the reports table has no 'paper' channel (that would need a migration).
CHANNEL = "volunteer"
# The paper gives a date, not an hour: the report counts as received at noon that day (or now,
# if that is earlier). The due date depends on the date only (kiosk/workdays.py).
RECEIVED_AT = time(12, 0)
_FORM = re.compile(r"[^\W_][\w\-/.# ]*")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_YES = {"co", "x", "dong y", "yes", "y", "1"}
_NO = {"", "khong", "no", "n", "0"}
_HAMLET_PREFIXES = ("ap ", "thon ", "xom ", "khom ", "buon ", "ban ", "khu pho ", "to dan pho ")


@dataclass(frozen=True)
class RowError:
    row: int                 # the row number Excel shows (the header is row 1)
    form: str | None         # the form number, when the row has a usable one
    column: str | None       # a Column.key, None for the row as a whole
    code: str                # a message code (kiosk/messages.py, kiosk/messages_import.py)
    params: dict[str, Any] = field(default_factory=dict)

    def error(self) -> KioskError:
        return KioskError(self.code, **self.params)


@dataclass(frozen=True)
class PaperRow:
    row: int
    form: str
    received: date
    draft: ReportDraft


@dataclass(frozen=True)
class Plan:
    """A checked file: the rows ready to file, or the errors that stop it."""
    rows: list[PaperRow]
    errors: list[RowError]
    delimiter: str
    encoding: str


@dataclass(frozen=True)
class Imported:
    row: int
    form: str
    code: str                # grouped, as printed: XXXX-XXXX-XXX
    due_date: date


@dataclass(frozen=True)
class ImportResult:
    dry_run: bool
    rows: int
    imported: list[Imported]
    errors: list[RowError]
    results: Path | None = None          # FILE.ket-qua.csv
    results_error: KioskError | None = None   # the reports are saved; only that file is not


def form_key(form: str) -> str:
    return " ".join(form.split()).casefold()


# ---- names of categories and hamlets ---------------------------------------------------------

class Names:
    """Ids or names, matched without case or diacritics; ambiguous names match nothing."""

    def __init__(self, entries: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        self._ids: dict[str, set[str]] = {}
        self._shown: dict[str, str] = {}
        for entry_id, shown, spellings in entries:
            self._shown[entry_id] = shown
            for spelling in (entry_id, *spellings):
                key = match_key(spelling)
                if key:
                    self._ids.setdefault(key, set()).add(entry_id)

    def resolve(self, value: str) -> str | None:
        ids = self._ids.get(match_key(value), set())
        return next(iter(ids)) if len(ids) == 1 else None

    def close(self, value: str) -> list[str]:
        keys = difflib.get_close_matches(match_key(value), list(self._ids), n=6, cutoff=0.6)
        shown: list[str] = []
        for key in keys:
            for entry_id in sorted(self._ids[key]):
                if self._shown[entry_id] not in shown:
                    shown.append(self._shown[entry_id])
        return shown[:3]


def category_names(conn: sqlite3.Connection) -> Names:
    return Names((c.id, c.name_vi, (c.name_vi, c.name_en)) for c in catalog.categories(conn))


def hamlet_names(conn: sqlite3.Connection) -> Names:
    def spellings(name: str) -> list[str]:
        key = match_key(name)
        short = [key[len(p):] for p in _HAMLET_PREFIXES
                 if key.startswith(p) and not key[len(p):].isdigit()]
        return [name, *short]
    return Names((h.id, h.name, spellings(h.name)) for h in catalog.hamlets(conn))


# ---- checking rows ---------------------------------------------------------------------------

def parse_date(value: str) -> date | None:
    """dd/MM/yyyy (also d/M/yy, '-' or '.', an ignored time part) or yyyy-MM-dd."""
    text = value.strip()
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
        year += 2000 if len(m.group(3)) == 2 else 0
    elif m := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def excel_phone(value: str) -> str:
    """Excel stores a typed 0912345678 as the number 912345678: give the 0 back."""
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) in (9, 10) and text[0] != "0":
        return "0" + text
    return text


@dataclass
class _Context:
    conn: sqlite3.Connection
    categories: Names
    hamlets: Names
    imported: dict[str, str]
    today: date
    seen: dict[str, int] = field(default_factory=dict)

    @property
    def oldest(self) -> date:
        return self.today - timedelta(days=MAX_AGE_DAYS)


def imported_forms(conn: sqlite3.Connection) -> dict[str, str]:
    raw = catalog.get_setting(conn, IMPORTED_KEY, {})
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


T = TypeVar("T")
_FIELD_COLUMNS = {"text": "text", "address": "address", "name": "name"}
_CODE_COLUMNS = {"phone_invalid": "phone", "category_unknown": "category",
                 "hamlet_unknown": "hamlet", "contact_needs_consent": "consent"}


def check_row(ctx: _Context, number: int, cells: dict[str, str],
              extra: bool) -> tuple[PaperRow | None, list[RowError]]:
    errors: list[RowError] = []
    form = _check_form(ctx, number, cells.get("form", ""), errors)

    def add(column: str | None, code: str, **params: Any) -> None:
        errors.append(RowError(number, form, column, code, params))

    def shared(column: str, rule: Callable[[], T]) -> T | None:
        try:
            return rule()
        except KioskError as exc:
            add(column, exc.code, **exc.params)
            return None

    if extra:
        add(None, "import_row_extra_cells")
    received = _check_date(ctx, cells.get("received", ""), add)
    category = _check_name(ctx.categories, "category", cells.get("category", ""), add, True)
    text = shared("text", lambda: clean_text(cells.get("text", ""), field="text",
                                             max_len=MAX_TEXT, multiline=True))
    hamlet = _check_name(ctx.hamlets, "hamlet", cells.get("hamlet", ""), add, False)
    address = shared("address", lambda: clean_text(cells.get("address", ""), field="address",
                                                   max_len=MAX_ADDRESS, required=False))
    name = shared("name", lambda: clean_text(cells.get("name", ""), field="name",
                                             max_len=MAX_NAME, required=False))
    phone = excel_phone(cells.get("phone", ""))
    if phone:
        shared("phone", lambda: normalise_phone(phone))
    consent_word = match_key(cells.get("consent", ""))
    consent = consent_word in _YES
    if not consent and consent_word not in _NO:
        add("consent", "import_consent_invalid", value=cells.get("consent", "").strip())
    elif (cells.get("name", "").strip() or phone) and not consent:
        add("consent", "import_contact_needs_consent")
    if errors or form is None or received is None:
        return None, errors
    draft = ReportDraft(category_id=category or "", text=text or "", hamlet_id=hamlet,
                        address=address or "", contact_name=name or "", contact_phone=phone,
                        consent_text=paper_consent_text(form) if consent else None)
    try:
        validate(ctx.conn, draft)       # the filing rules, whole, as the kiosk applies them
    except KioskError as exc:
        column = _FIELD_COLUMNS.get(str(exc.params.get("field")), _CODE_COLUMNS.get(exc.code))
        return None, [RowError(number, form, column, exc.code, exc.params)]
    return PaperRow(number, form, received, draft), []


def _check_form(ctx: _Context, number: int, raw: str, errors: list[RowError]) -> str | None:
    form = " ".join(unicodedata.normalize("NFC", raw).split())
    code = None
    params: dict[str, Any] = {}
    if not form:
        code = "import_form_required"
    elif len(form) > MAX_FORM:
        code, params = "import_form_too_long", {"limit": MAX_FORM}
    elif not _FORM.fullmatch(form):
        code, params = "import_form_invalid", {"value": form}
    if code:
        errors.append(RowError(number, None, "form", code, params))
        return None
    key = form_key(form)
    if key in ctx.seen:
        errors.append(RowError(number, form, "form", "import_form_duplicate",
                               {"form": form, "other": ctx.seen[key]}))
    else:
        ctx.seen[key] = number
    if key in ctx.imported:
        errors.append(RowError(number, form, "form", "import_form_imported",
                               {"form": form, "tracking": codes.grouped(ctx.imported[key])}))
    return form


def _check_date(ctx: _Context, raw: str, add: Callable[..., None]) -> date | None:
    if not raw.strip():
        add("received", "import_date_required")
        return None
    received = parse_date(raw)
    if received is None:
        add("received", "import_date_invalid", value=raw.strip())
    elif received > ctx.today:
        add("received", "import_date_future", date=f"{received:%d/%m/%Y}")
    elif received < ctx.oldest:
        add("received", "import_date_too_old", date=f"{received:%d/%m/%Y}",
            limit=f"{ctx.oldest:%d/%m/%Y}")
    else:
        return received
    return None


def _check_name(names: Names, column: str, raw: str, add: Callable[..., None],
                required: bool) -> str | None:
    value = " ".join(raw.split())
    if not value:
        if required:
            add(column, f"import_{column}_required")
        return None
    found = names.resolve(value)
    if found is None:
        close = names.close(value)
        if close:
            add(column, f"import_{column}_unknown_close", value=value,
                matches=", ".join(f"“{c}”" for c in close))
        else:
            add(column, f"import_{column}_unknown", value=value)
    return found


def check(conn: sqlite3.Connection, path: Path) -> Plan:
    """Read and check the whole file; nothing is written."""
    table, delimiter, encoding = read_table(path)
    zone = catalog.office(conn).zone
    today = check_clock(conn).record_time.astimezone(ZoneInfo(zone)).date()
    ctx = _Context(conn, category_names(conn), hamlet_names(conn), imported_forms(conn), today)
    rows: list[PaperRow] = []
    errors: list[RowError] = []
    for number, cells, extra in table:
        row, row_errors = check_row(ctx, number, cells, extra)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    return Plan(rows, errors, delimiter, encoding)


# ---- storing ---------------------------------------------------------------------------------

def commit(store: Store, plan: Plan) -> list[Imported]:
    """File every row in one transaction with the form numbers; all or nothing."""
    if plan.errors:
        raise ValueError("a plan with errors is never committed")
    conn = store.conn()
    zone = ZoneInfo(catalog.office(conn).zone)

    def record_forms(tx: sqlite3.Connection, filed: list[FiledReport]) -> None:
        done = imported_forms(tx)     # read again inside the transaction: a parallel import
        for row, report in zip(plan.rows, filed):
            key = form_key(row.form)
            if key in done:
                raise KioskError("import_form_imported_meanwhile", form=row.form, row=row.row)
            done[key] = report.code
        catalog.set_setting(tx, IMPORTED_KEY, done)

    filed = file_reports(store, [r.draft for r in plan.rows], CHANNEL,
                         received=[datetime.combine(r.received, RECEIVED_AT, zone)
                                   for r in plan.rows],
                         before_commit=record_forms)
    return [Imported(r.row, r.form, codes.grouped(f.code), f.due_date)
            for r, f in zip(plan.rows, filed)]


def import_file(store: Store, path: Path, *, dry_run: bool = False) -> ImportResult:
    """Check `path`; unless dry_run or any row has an error, file every row and write
    FILE.ket-qua.csv (form number → tracking code) beside it."""
    plan = check(store.conn(), path)
    total = len(plan.rows) + len({e.row for e in plan.errors})
    if plan.errors or dry_run:
        return ImportResult(dry_run, total, [], plan.errors)
    imported = commit(store, plan)
    try:
        results: Path | None = write_results(
            path, [(i.row, i.form, i.code, f"{i.due_date:%d/%m/%Y}") for i in imported])
        results_error = None
    except KioskError as exc:
        results, results_error = None, exc
    return ImportResult(False, total, imported, [], results, results_error)
