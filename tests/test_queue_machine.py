"""Any sequence of resident and clerk actions keeps the queue's invariants (hypothesis state
machine on a real store): one ticket at a counter at a time, no ticket both waiting and
finished (states replayed from events), labels unique per day, an outbox row per event; and a
model of every ticket's state agrees with the store."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kiosk.errors import KioskError
from kiosk.queue.local import LocalQueue
from kiosk.queue.numbering import office_day
from tests.queue_support import A, B, C, Clock, invariant_problems, vn
from tests.support import seeded_store

SERVICES = (A, B, C)
COUNTERS = (1, 2, 3)
counters = st.sampled_from(COUNTERS)
OPEN = ("waiting", "called", "serving")


class QueueMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="queue-machine-"))
        self.store = seeded_store(self.dir)
        self.clock = Clock(vn(2025, 3, 4, 23, 40))     # close to midnight on purpose
        self.q = LocalQueue(self.store, now=self.clock)
        self.model: dict[str, str] = {}                # ticket id -> state
        self.day: dict[str, str] = {}                  # ticket id -> office day
        self.at: dict[int, str | None] = {c: None for c in COUNTERS}

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def _tick(self, seconds: int) -> None:
        self.clock.advance(seconds=seconds)

    def _write_happened(self) -> None:
        # The first write of a new office day closes earlier days' open tickets.
        current = office_day(self.clock(), "Asia/Ho_Chi_Minh")
        for tid, state in self.model.items():
            if state in OPEN and self.day[tid] < current:
                self.model[tid] = "not_served"
        for c, tid in self.at.items():
            if tid is not None and self.model[tid] not in ("called", "serving"):
                self.at[c] = None

    @rule(service=st.sampled_from(SERVICES), priority=st.booleans(), wait=st.integers(0, 120))
    def take(self, service: str, priority: bool, wait: int) -> None:
        self._tick(wait)
        self._write_happened()
        t = self.q.take(service, priority=priority)
        assert t.state == "waiting" and t.label[0] == "ABC"[SERVICES.index(service)]
        self.model[t.id], self.day[t.id] = "waiting", t.office_day

    @rule(counter=counters, wait=st.integers(0, 600))
    def call_next(self, counter: int, wait: int) -> None:
        self._tick(wait)
        self._write_happened()
        current = self.at[counter]
        t = self.q.call_next(counter)
        if current is not None:
            self.model[current] = "finished"
            self.at[counter] = None
        waiting_today = [tid for tid, s in self.model.items() if s == "waiting"]
        if t is None:
            assert not waiting_today
            return
        assert t.id in waiting_today and t.state == "called" and t.counter == counter
        self.model[t.id] = "called"
        self.at[counter] = t.id

    def _at_counter(self, counter: int, action: str, *args: object) -> object:
        self._write_happened()
        try:
            result = getattr(self.q, action)(counter, *args)
        except KioskError as exc:
            assert exc.code == "queue_counter_idle" and self.at[counter] is None
            return None
        assert self.at[counter] == result.id
        return result

    @rule(counter=counters)
    def recall(self, counter: int) -> None:
        t = self._at_counter(counter, "recall")
        assert t is None or t.state == self.model[t.id]  # type: ignore[attr-defined]

    @rule(counter=counters, wait=st.integers(0, 60))
    def serve(self, counter: int, wait: int) -> None:
        self._tick(wait)
        t = self._at_counter(counter, "start_serving")
        if t is not None:
            self.model[t.id] = "serving"                 # type: ignore[attr-defined]

    @rule(counter=counters)
    def no_show(self, counter: int) -> None:
        t = self._at_counter(counter, "no_show")
        if t is not None:
            self.model[t.id] = "no_show"                 # type: ignore[attr-defined]
            self.at[counter] = None

    @rule(counter=counters, wait=st.integers(0, 900))
    def finish(self, counter: int, wait: int) -> None:
        self._tick(wait)
        t = self._at_counter(counter, "finish")
        if t is not None:
            self.model[t.id] = "finished"                # type: ignore[attr-defined]
            self.at[counter] = None

    @rule(counter=counters, to=st.sampled_from(SERVICES))
    def transfer(self, counter: int, to: str) -> None:
        self._write_happened()
        current = self.at[counter]
        try:
            t = self.q.transfer(counter, to)
        except KioskError as exc:
            assert exc.code in ("queue_counter_idle", "queue_transfer_same")
            assert current is None or exc.code == "queue_transfer_same"
            return
        assert t.id == current and t.state == "waiting" and t.service_id == to
        self.model[t.id] = "waiting"
        self.at[counter] = None

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def cancel(self, data: st.DataObject) -> None:
        self._write_happened()
        tid = data.draw(st.sampled_from(sorted(self.model)))
        try:
            t = self.q.cancel(tid)
        except KioskError as exc:
            assert exc.code == "queue_ticket_done" and self.model[tid] not in OPEN
            return
        assert t.state == "cancelled"
        self.model[tid] = "cancelled"
        for c, at in self.at.items():
            if at == tid:
                self.at[c] = None

    @rule(minutes=st.integers(1, 40))
    def time_passes(self, minutes: int) -> None:
        self.clock.advance(minutes=minutes)             # may cross midnight

    @rule()
    def close_day(self) -> None:
        self.q.close_day()
        self._write_happened()

    @invariant()
    def store_agrees_with_the_model(self) -> None:
        conn = self.store.conn()
        assert invariant_problems(conn) == []
        stored = dict(conn.execute("SELECT id, state FROM tickets").fetchall())
        assert stored == self.model
        for c in COUNTERS:
            view = self.q.counter_view(c)
            assert (view.current.id if view.current else None) == self.at[c]

    @invariant()
    def outbox_rows_match_events(self) -> None:
        conn = self.store.conn()
        events = conn.execute("SELECT count(*) FROM ticket_events").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM outbox WHERE kind = 'ticket_event'"
                            ).fetchone()[0]
        assert events == rows


QueueMachine.TestCase.settings = settings(
    max_examples=150, stateful_step_count=50, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
test_queue_machine = QueueMachine.TestCase
