"""Any sequence of filing, syncing through a bad link, replaying, reordering and crashing keeps
the sync promise (hypothesis state machine, real store, real reference server, real client):

    every committed item is pending (or sent) locally, and on the server at most once;
    an item the kiosk marked sent is on the server exactly once, under the ref it recorded;
    after a clean sync nothing is pending and every item is on the server exactly once.

One server subprocess and one FaultProxy serve the whole module; each example gets a fresh
kiosk store and a fresh enrolment (the server keeps earlier examples' cases: the machine only
looks at its own uuids). Rules:
- file a report (0–2 tiny photos);
- sync normally; sync with the request cut (reset_request after N bytes); with an answer cut
  (reset_response after N bytes, N=0 included: the server acted, the client heard nothing);
  with the /batches answer lost exactly after the server committed it;
- replay the last /batches body to the server directly (a duplicate on the wire);
- send two pending items directly in reverse order (photos first), then leave it to sync;
- crash in the middle of a sync (after its k-th request, an exception run_sync cannot catch)
  and reopen the store from the file.
"""
from __future__ import annotations

import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from kiosk import catalog
from kiosk.db import Store
from kiosk.reports import ReportDraft, file_report
from sync import enrol, media, outbox
from sync.engine import run_sync
from sync.errors import SyncError
from sync.http import Transport
from sync.protocol import BatchResult
from sync.secrets import SecretStore
from tests.faultproxy import FaultProxy
from tests.secrets_support import MemoryKeyring
from tests.server_support import Province
from tests.support import seeded_store
from tests.sync_faults_support import COMMUNE, noise_photo

DEADLINE_S = 2.0


class Crash(BaseException):
    """The process dies here: not an Exception, so run_sync's safety net does not catch it."""


class MachineTransport(Transport):
    """The real transport, plus what the rules need: remember the last /batches body, lose the
    /batches answer after the server committed it, die after the k-th request."""

    def __init__(self, *args: Any, machine: SyncMachine, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.machine = machine

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        m = self.machine
        if m.crash_after is not None:
            if m.crash_after <= 0:
                raise Crash(f"{method} {path}")
            m.crash_after -= 1
        if method == "POST" and path == "/batches":
            m.last_batch = (kwargs.get("data"), dict(kwargs.get("headers") or {}))
        reply = super().call(method, path, **kwargs)
        if method == "POST" and path == "/batches" and m.lose_batch_answer:
            raise SyncError("link_down", url=self.base_url)
        return reply


class SyncMachine(RuleBasedStateMachine):
    province: Province          # set by the test (module fixtures)
    proxy: FaultProxy

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.store = seeded_store(self.dir)
        self.secrets = SecretStore.for_store(self.store.conn(), self.dir)
        enrol.enrol(self.store.conn(), self.province.url, self.province.enrol_code(COMMUNE),
                    self.secrets)
        self.token = self.secrets.get(enrol.TOKEN_SECRET)
        catalog.set_setting(self.store.conn(), enrol.SERVER_URL_KEY, self.proxy.url)
        self.proxy.set_fault(None)
        self.rng = random.Random(len(str(self.dir)))
        self.committed: dict[str, str] = {}     # item uuid -> tracking code
        self.last_batch: tuple[bytes | None, dict[str, str]] | None = None
        self.lose_batch_answer = False
        self.crash_after: int | None = None

    def teardown(self) -> None:
        self.proxy.set_fault(None)
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # --- helpers ----------------------------------------------------------------------------
    def _factory(self, base_url: str, token: str | None = None, *,
                 ca_bundle: str | None = None) -> Transport:
        return MachineTransport(base_url, token, ca_bundle=ca_bundle, deadline_s=DEADLINE_S,
                                machine=self)

    def _sync(self) -> Any:
        try:
            return run_sync(self.store, secrets=self.secrets, transport_factory=self._factory)
        finally:
            self.proxy.set_fault(None)          # a `once` fault no connection used
            self.lose_batch_answer = False
            self.crash_after = None

    def _states(self) -> dict[str, str]:
        return dict(self.store.conn().execute("SELECT item_uuid, state FROM outbox").fetchall())

    def _server(self) -> tuple[dict[str, list[str]], dict[str, int]]:
        """For our items: uuid -> [case refs]; tracking code -> number of cases holding it."""
        db = sqlite3.connect(f"file:{self.province.db}?mode=ro", uri=True)
        try:
            refs: dict[str, list[str]] = {}
            codes: dict[str, int] = {}
            for client_id, code, ref in db.execute("SELECT client_id, tracking_code, ref"
                                                   " FROM cases"):
                if client_id in self.committed:
                    refs.setdefault(client_id, []).append(ref)
                if code in self.committed.values():
                    codes[code] = codes.get(code, 0) + 1
            return refs, codes
        finally:
            db.close()

    def _post_direct(self, data: bytes | None, headers: dict[str, str]) -> BatchResult:
        answer = requests.post(f"{self.province.url}/api/v1/batches", data=data,
                               headers=headers | {"Authorization": f"Bearer {self.token}"},
                               timeout=30)
        assert answer.status_code == 200, answer.text
        return BatchResult.model_validate_json(answer.content)

    # --- rules ------------------------------------------------------------------------------
    @rule(photos=st.integers(0, 2))
    def create(self, photos: int) -> None:
        shots = [noise_photo(self.rng, self.rng.randint(16, 40)) for _ in range(photos)]
        filed = file_report(self.store, ReportDraft(
            category_id="moi-truong", text=f"Phản ánh {len(self.committed) + 1}", photos=shots))
        self.committed[filed.id] = filed.code

    @rule()
    def sync_clean(self) -> None:
        report = self._sync()
        assert report.error is None, report.error
        assert report.pending == 0 and report.quarantined == 0
        refs, _codes = self._server()
        assert all(len(refs.get(u, [])) == 1 for u in self.committed), refs

    @rule(after=st.integers(0, 3000))
    def sync_lost_request(self, after: int) -> None:
        self.proxy.set_fault("reset_request", after_bytes=after, once=True)
        self._sync()

    @rule(after=st.one_of(st.just(0), st.integers(0, 3000)))
    def sync_lost_response(self, after: int) -> None:
        self.proxy.set_fault("reset_response", after_bytes=after, once=True)
        self._sync()

    @rule()
    def sync_batch_answer_lost(self) -> None:
        self.lose_batch_answer = True
        report = self._sync()
        assert report.error is None or report.error.code == "link_down"

    @precondition(lambda self: self.last_batch is not None)
    @rule()
    def replay_last_batch(self) -> None:
        assert self.last_batch is not None
        result = self._post_direct(*self.last_batch)
        # the same items again: each accepted (if the first never arrived) or duplicate, never
        # a conflict or a second case
        assert {r.status for r in result.results} <= {"accepted", "duplicate", "retry"}, result

    @precondition(lambda self: sum(s == "pending" for s in self._states().values()) >= 2)
    @rule(data=st.data())
    def send_reordered(self, data: st.DataObject) -> None:
        pending = outbox.pending(self.store.conn())
        first, second = data.draw(st.permutations(range(len(pending))))[:2]
        pair = [pending[max(first, second)], pending[min(first, second)]]   # later one first
        with Transport(self.province.url, self.token, deadline_s=30) as direct:
            media.upload_missing(self.store.conn(), direct, media.referenced(pair))
        body = outbox.make_batch(pair).model_dump_json().encode()
        result = self._post_direct(body, {"Content-Type": "application/json"})
        assert {r.status for r in result.results} <= {"accepted", "duplicate"}, result

    @rule(k=st.integers(0, 6))
    def crash_and_reopen(self, k: int) -> None:
        self.crash_after = k
        try:
            self._sync()
        except Crash:
            pass
        self.store.close()           # whatever the dead process had open goes with it
        self.store = Store(self.dir)
        self.secrets = SecretStore.for_store(self.store.conn(), self.dir)

    # --- the promise --------------------------------------------------------------------------
    @invariant()
    def every_item_pending_or_on_the_server_once(self) -> None:
        states = self._states()
        refs, codes = self._server()
        sent_refs = dict(self.store.conn().execute(
            "SELECT item_uuid, server_ref FROM outbox WHERE state = 'sent'").fetchall())
        for item, code in self.committed.items():
            assert states.get(item) in ("pending", "sent"), (item, states.get(item))
            assert len(refs.get(item, [])) <= 1, (item, refs[item])
            assert codes.get(code, 0) <= 1, (code, codes[code])
            if states[item] == "sent":
                assert refs.get(item) == [sent_refs[item]], (item, refs.get(item),
                                                            sent_refs[item])


@pytest.fixture(scope="module")
def machine_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = Province(tmp_path_factory.mktemp("machine") / "province.sqlite3",
                      extra_args=["--max-batch-items", "3"]).start()
    try:
        with FaultProxy(server.port, seed=7) as proxy:
            SyncMachine.province, SyncMachine.proxy = server, proxy
            yield
    finally:
        server.kill()
        keyring.set_keyring(previous)


def test_sync_machine(machine_world: None) -> None:
    run_state_machine_as_test(SyncMachine, settings=settings(
        max_examples=15, stateful_step_count=12, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
