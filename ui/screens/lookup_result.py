"""A looked-up case: its status in plain words, the dates, the unit, the due date in working days
(overdue said as such), the published answer, the timeline, when the kiosk last heard from the
province (a clear warning when that is old), the rating of an answered report, and a status
slip printed on request. Nothing personal: a LookupResult carries none."""
from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from kiosk.errors import KioskError
from kiosk.printing import PrintOutcome
from kiosk.printing.documents import Document
from ui.i18n import LANG
from ui.printing.job import start_print, station_request
from ui.printing.status import PrintStatus
from ui.screens.base import Host, Screen
from ui.screens.state import HOME, LOOKUP, LOOKUP_RESULT, LookupFlow
from ui.widgets import button, label

STALE_AFTER = timedelta(hours=24)
MAX_COMMENT = 500
SHOWN = {"saved": "saved", "printed": "printed", "failed": "failed"}


def parse_utc(text: str) -> datetime:
    """The store's instants (…T01:00:00.000000Z) and the feed's (…T01:00:00Z)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def local(text: str, zone: str, fmt: str = "%d/%m/%Y %H:%M") -> str:
    return parse_utc(text).astimezone(ZoneInfo(zone)).strftime(fmt)


def is_stale(as_of: str | None, now: datetime | None = None) -> bool:
    if not as_of:
        return True
    now = now or datetime.now(timezone.utc)
    return now - parse_utc(as_of) > STALE_AFTER


def print_status_slip(host: Host) -> None:
    """Print the shown result's status slip on the station's printer, as receipts are."""
    from kiosk.status_slip import save_status_slip

    flow = host.state.lookup
    result = flow.result
    if result is None or flow.print_state == "printing":
        return
    request = station_request(host.store)
    flow.print_state, flow.print_error = ("saved" if request.silent else "printing"), None
    _refresh(host)

    def source(store) -> Document:  # noqa: ANN001 - the worker's Store
        # print_jobs knows report, ticket and test: a slip is logged under "report".
        return Document("report", result.code, "", save_status_slip(store, result))

    def done(outcome: PrintOutcome) -> None:
        if host.state.lookup is not flow:
            return
        flow.print_state, flow.print_error = SHOWN[outcome.state], outcome.error
        _refresh(host)

    start_print(host.store, source, done, request,
                owner=host if isinstance(host, QObject) else None)


def _refresh(host: Host) -> None:
    show = getattr(host.screen(LOOKUP_RESULT), "show_print", None)
    if show is not None:
        show()


class LookupResultScreen(Screen):
    name = LOOKUP_RESULT

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        flow = self.state.lookup
        result = flow.result
        assert result is not None
        self.zone = host.office.zone
        vi = LANG.code == "vi"
        self.flow: LookupFlow = flow

        self.stale = label("", "idleBanner")   # the idle banner's amber: a warning, not an error
        self.stale.setVisible(False)
        self.layout_.addWidget(self.stale)
        if is_stale(result.as_of):
            self.stale.setText(
                self.tr("This information may be out of date: last updated {time}.").format(
                    time=local(result.as_of, self.zone, "%H:%M %d/%m/%Y"))
                if result.as_of else self.tr(
                    "This information may be out of date: this kiosk has not yet received "
                    "any update from the province."))
            self.stale.setVisible(True)
        kind = (self.tr("Report {code}") if result.kind == "report"
                else self.tr("Dossier {code}")).format(code=result.code)
        self.add_question(kind)
        # The status in large words, and beside it when the kiosk last heard from the province.
        top = QHBoxLayout()
        top.setSpacing(24)
        self.status = label(result.status_vi if vi else result.status_en, "savedTitle")
        top.addWidget(self.status, 1)
        self.as_of = label(self.tr("Updated at {time}").format(
            time=local(result.as_of, self.zone, "%H:%M %d/%m/%Y")) if result.as_of
            else self.tr("Not yet updated from the province"), "hint", wrap=False)
        self.as_of.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.as_of, 0, Qt.AlignmentFlag.AlignVCenter)
        # Said once: when the amber banner warns (with the time), the line beside it would repeat.
        self.as_of.setVisible(not self.stale.isVisibleTo(self))
        self.layout_.addLayout(top)

        columns = QHBoxLayout()
        columns.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(16)
        right = QVBoxLayout()
        right.setSpacing(12)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.layout_.addLayout(columns)

        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        title = result.title_vi if vi else result.title_en
        self._fact(grid, "title", self.tr("Category") if result.kind == "report"
                   else self.tr("Procedure"), title)
        if result.filed_utc:
            self._fact(grid, "filed", self.tr("Filed on") if result.kind == "report"
                       else self.tr("Received on"), local(result.filed_utc, self.zone,
                                                          "%d/%m/%Y"))
        if result.unit:
            self._fact(grid, "unit", self.tr("Handled by"), result.unit)
        self._due(grid)
        if result.collect_at:
            self._fact(grid, "collect", self.tr("Collect the result at"), result.collect_at)
        left.addLayout(grid)

        # Late: the office's apology; the new date is in the facts above.
        self.apology: QLabel | None = None
        if result.apology or (result.kind == "dossier" and result.new_due):
            self.apology = label(result.apology or self.tr("We apologise for the delay."),
                                 "notice")
            left.addWidget(self.apology)

        self.answer: QLabel | None = None
        if result.answer:
            left.addWidget(label(self.tr("The answer"), "fieldLabel"))
            self.answer = label(result.answer, "notice")
            self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            left.addWidget(self.answer)
        self._rating(left)
        left.addStretch(1)

        right.addWidget(label(self.tr("What has happened so far"), "fieldLabel"))
        self.timeline: list[QLabel] = []
        for event in result.events:
            words = event.text_vi if vi else event.text_en
            parts = [f"<b>{html.escape(local(event.at_utc, self.zone))}</b>",
                     html.escape(words)]
            if event.note:
                parts.append(f"<i>{html.escape(event.note)}</i>")
            if event.unit:
                parts.append(html.escape(self.tr("Unit: {unit}").format(unit=event.unit)))
            entry = label("<br>".join(parts), "hint")
            entry.setTextFormat(Qt.TextFormat.RichText)
            right.addWidget(entry)
            self.timeline.append(entry)
        if not result.events:
            right.addWidget(label(self.tr("No events yet."), "hint"))
        right.addStretch(1)

        self.print_status = PrintStatus(lambda: print_status_slip(host))
        self._outer.addWidget(self.print_status)
        self.print_button = button(self.tr("Print a status slip"), "secondary")
        self.print_button.clicked.connect(lambda: print_status_slip(host))
        self.again_button = button(self.tr("Look up another code"), "secondary")
        self.again_button.clicked.connect(self._again)
        self.done_button = button(self.tr("Done"), "primary")
        self.done_button.clicked.connect(lambda: host.go(HOME))
        self.add_footer(self.print_button, self.again_button, self.done_button)
        self.show_print()

    def _fact(self, grid: QGridLayout, key: str, name: str, value: str) -> QLabel:
        row = grid.rowCount()
        grid.addWidget(label(name, "reviewLabel", wrap=False), row, 0, Qt.AlignmentFlag.AlignTop)
        shown = label(value, "reviewValue")
        grid.addWidget(shown, row, 1)
        self.facts[key] = shown
        return shown

    def _due(self, grid: QGridLayout) -> None:
        from kiosk.lookup import due_words

        result = self.flow.result
        assert result is not None
        if result.due is None:
            return
        lang = "vi" if LANG.code == "vi" else "en"
        name = self.tr("Reply due") if result.kind == "report" else self.tr("Result due")
        if result.new_due is not None:
            self._fact(grid, "due", name, result.due.strftime("%d/%m/%Y"))
            name = self.tr("New date")
        shown = self._fact(grid, "new_due" if result.new_due else "due", name,
                           due_words(result, lang) or "")
        if result.overdue_days > 0:
            shown.setObjectName("counter")     # the counter's red, bold "over" look
            shown.setProperty("over", True)

    # --- rating ------------------------------------------------------------------------------
    def _rating(self, column: QVBoxLayout) -> None:
        from kiosk.messages_lookup import RATING_LEVELS

        flow, result = self.flow, self.flow.result
        assert result is not None
        self.rate_buttons: dict[str, object] = {}
        self.comment: QLineEdit | None = None
        self.send_button = None
        self.thanks: QLabel | None = None
        if result.kind != "report":
            return
        if flow.rated_now:
            self.thanks = label(self.tr("Thank you for rating the answer."), "savedTitle")
        elif result.rated:
            self.thanks = label(self.tr("This answer has already been rated. Thank you!"), "hint")
        if self.thanks is not None:
            column.addWidget(self.thanks)
            return
        if not result.can_rate:
            return
        column.addWidget(label(self.tr("How satisfied are you with the answer?"), "fieldLabel"))
        row = QHBoxLayout()
        row.setSpacing(12)
        group = QButtonGroup(self)
        group.setExclusive(True)
        vi = LANG.code == "vi"
        for level, (word_vi, word_en) in RATING_LEVELS.items():
            choice = button(word_vi if vi else word_en, "choice")
            choice.setCheckable(True)
            choice.setChecked(flow.level == level)
            choice.clicked.connect(lambda _=False, lv=level: self._choose(lv))
            group.addButton(choice)
            row.addWidget(choice)
            self.rate_buttons[level] = choice
        column.addLayout(row)
        self.comment = QLineEdit(flow.comment)
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.setPlaceholderText(self.tr("A comment (optional)"))
        self.comment.setAccessibleName(self.tr("A comment (optional)"))
        self.comment.textEdited.connect(self._comment)
        column.addWidget(self.comment)
        self.send_button = button(self.tr("Send the rating"), "primary")
        self.send_button.clicked.connect(self.rate)
        self.send_button.setEnabled(bool(flow.level))
        column.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _choose(self, level: str) -> None:
        self.flow.level = level
        if self.send_button is not None:
            self.send_button.setEnabled(True)

    def _comment(self, text: str) -> None:
        self.flow.comment = text

    def rate(self) -> None:
        from dataclasses import replace

        from kiosk.report_rating import rate_report

        flow, result = self.flow, self.flow.result
        if result is None or not flow.level:
            return
        try:
            rate_report(self.host.store, result.code, flow.level, flow.comment.strip() or None,
                        scope=self.host.mode)
        except KioskError as error:
            if error.code == "already_rated":
                flow.result = replace(result, rated=True, can_rate=False)
            self.host.go(LOOKUP_RESULT)    # rebuilt from the state, the sentence shown
            self.host.show_error(error)
            return
        flow.rated_now = True
        flow.result = replace(result, rated=True, can_rate=False)
        self.host.go(LOOKUP_RESULT)

    # --- footer ------------------------------------------------------------------------------
    def _again(self) -> None:
        flow = self.state.lookup
        self.state.lookup = LookupFlow(category=flow.category, month=flow.month)
        self.host.go(LOOKUP)

    def show_print(self) -> None:
        self.print_status.show_state(self.flow.print_state, self.flow.print_error)
        self.print_button.setEnabled(self.flow.print_state != "printing")
