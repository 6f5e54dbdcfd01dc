"""Sync through a bad link, a crashing server and a crashing client, then audit both ends.

One driver for the `make test` version (tests/test_sync_faults.py: 200 small reports, fixed
seed) and the soak (tests/soak/test_sync_soak.py: 1,000 reports, bigger photos):

1. a real kiosk store (seeded catalog) enrolled DIRECTLY with the reference server (a real
   subprocess); the token goes to a JSON-file keyring outside the data dir, so `main.py sync run`
   in a child process finds it too (tests/secrets_support.py);
2. reports filed (a share with 1–3 distinct noise JPEGs, now and then a photo used twice), then
   `sync.server_url` pointed at a FaultProxy in front of the server;
3. rounds, with random faults on every connection (all kinds, each forced once early on;
   blackhole and drip end at the transport deadline, made short through run_sync's
   transport_factory); a share of rounds also has its upload cut after a random byte count:
   - an in-process run_sync;
   - every `server_kill_every` rounds the same, with the server SIGKILLed at a random moment
     during the sync and restarted after it;
   - every `client_kill_every` rounds `python main.py --data-dir D sync run --json` as a child,
     SIGKILLed at a random moment once it holds the sync lock (i.e. during its sync);
   - a few new reports filed between rounds;
4. faults off, sync until the outbox is empty (bounded: non-convergence is a failure);
5. audit (`audit()`): every report on the server exactly once (client_id = the report's item
   uuid, same tracking code, the kiosk's server_ref = the case's ref), every photo it references
   complete on the server with bytes hashing to its name and no leftover parts, the local
   outbox all `sent`, no case the kiosk did not file, both databases pass integrity_check.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring

from kiosk import catalog
from kiosk.db import Store
from kiosk.photos import Photo, prepare_photo
from kiosk.reports import ReportDraft, file_report
from sync import enrol
from sync.engine import SyncReport, run_sync
from sync.http import Transport
from sync.secrets import SecretStore
from tests.faultproxy import FaultProxy
from tests.secrets_support import JsonFileKeyring
from tests.server_support import Province
from tests.support import seeded_store

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = "29284"          # the bundled demo office's commune
CATEGORIES = ("moi-truong", "ha-tang", "an-toan-giao-thong", "y-te", "khac")
# Weighted draw (FaultProxy.random_faults picks uniformly from the tuple): the cheap faults
# often, the ones only a deadline ends (blackhole, drip) now and then.
FAULT_MIX = ("reset_request",) * 3 + ("reset_response",) * 3 + ("truncate",) * 2 + (
    "blackhole", "drip")


@dataclass(frozen=True)
class SoakPlan:
    reports: int = 200                        # filed in all
    first: int = 40                           # filed before the first round
    per_round: tuple[int, int] = (0, 6)       # filed between rounds (until `reports`)
    photo_share: float = 0.35                 # reports with photos
    photos_per_report: tuple[int, int] = (1, 3)
    photo_side: tuple[int, int] = (40, 110)   # px of the noise JPEG (≈1.5–9 KB after prepare)
    reuse_share: float = 0.03                 # a photo already attached to another report
    fault_probability: float = 0.35
    fault_kinds: tuple[str, ...] = FAULT_MIX
    after_bytes: tuple[int, int] = (0, 6_000)     # answers are small: faults there strike
    upload_cut_share: float = 0.0             # rounds whose connection is also cut while
    upload_cut_at: tuple[int, int] = (0, 200_000)   # sending, this many bytes in (photos)
    deadline_s: float = 2.5                   # the transport's per-request deadline
    server_kill_every: int = 6
    server_kill_at: tuple[float, float] = (0.02, 0.6)     # s after the sync starts
    client_kill_every: int = 5
    client_kill_at: tuple[float, float] = (0.0, 0.25)      # s after the child took the lock
    min_rounds: int = 40
    converge_rounds: int = 12
    seed: int = 20261122


@dataclass
class SoakRun:
    reports: int = 0
    with_photos: int = 0            # reports with at least one photo
    photos: int = 0                 # distinct
    photo_bytes: int = 0
    rounds: int = 0
    syncs_ok: int = 0
    syncs_failed: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)
    connections: int = 0
    server_kills: int = 0
    client_kills: int = 0
    client_runs_finished: int = 0   # children that ended before their kill moment
    duplicate_answers: int = 0      # items the server answered `duplicate` (a lost answer resent)
    converge_rounds: int = 0
    seconds: float = 0.0
    audit: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        faults = ", ".join(f"{k}={v}" for k, v in sorted(self.faults.items())) or "none"
        errors = ", ".join(f"{k}={v}" for k, v in sorted(self.errors.items())) or "none"
        a = self.audit
        return (f"reports={self.reports} (with photos {self.with_photos}) photos={self.photos} "
                f"({self.photo_bytes / 1e6:.1f} MB) "
                f"rounds={self.rounds} syncs ok/failed={self.syncs_ok}/{self.syncs_failed} "
                f"connections={self.connections} faults injected: {faults} "
                f"server kill -9={self.server_kills} client kill -9={self.client_kills} "
                f"(+{self.client_runs_finished} child syncs ended before their kill) "
                f"duplicate answers={self.duplicate_answers} converged in "
                f"{self.converge_rounds} clean round(s); sync errors: {errors}; "
                f"server cases={a.get('server_cases')} lost={a.get('lost')} "
                f"duplicates={a.get('duplicates')} incomplete photos="
                f"{a.get('incomplete_photos')} outbox pending={a.get('pending')} "
                f"quarantined={a.get('quarantined')}; {self.seconds:.0f} s")


# --- photos and reports ---------------------------------------------------------------------

def noise_photo(rng: random.Random, side: int) -> Photo:
    """A distinct JPEG (random pixels compress badly, so the size is predictable), prepared the
    way the kiosk prepares a resident's photo."""
    from PIL import Image

    raw = io.BytesIO()
    Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3)).save(raw, "JPEG",
                                                                             quality=90)
    return prepare_photo(raw.getvalue())


class Filer:
    """Files reports into the store as a kiosk would, remembering the photos it made."""

    def __init__(self, store: Store, plan: SoakPlan, rng: random.Random) -> None:
        self.store, self.plan, self.rng = store, plan, rng
        self.filed = 0
        self.with_photos = 0
        self.photos: dict[str, int] = {}          # sha256 -> size
        self._recent: list[Photo] = []

    def file(self, n: int) -> None:
        for _ in range(n):
            if self.filed >= self.plan.reports:
                return
            photos: list[Photo] = []
            if self.rng.random() < self.plan.photo_share:
                for _ in range(self.rng.randint(*self.plan.photos_per_report)):
                    if self._recent and self.rng.random() < self.plan.reuse_share:
                        photo = self.rng.choice(self._recent)
                    else:
                        photo = noise_photo(self.rng, self.rng.randint(*self.plan.photo_side))
                    if photo.sha256 not in {p.sha256 for p in photos}:
                        photos.append(photo)
            for p in photos:
                self.photos[p.sha256] = len(p.data)
            self._recent = (self._recent + photos)[-20:]
            self.filed += 1
            self.with_photos += bool(photos)
            file_report(self.store, ReportDraft(
                category_id=self.rng.choice(CATEGORIES),
                text=f"Phản ánh thử số {self.filed}: đường ngập sau mưa lớn",
                photos=photos))


# --- the keyring shared with child processes --------------------------------------------------

class FileKeyring:
    """In this process, the same JSON-file keyring a `main.py` child uses (env from the
    `file_keyring_env` fixture); the previous backend and variable come back on exit."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def __enter__(self) -> FileKeyring:
        self._old_var = os.environ.get("CAUNOI_TEST_KEYRING")
        self._old_backend = keyring.get_keyring()
        os.environ["CAUNOI_TEST_KEYRING"] = self.env["CAUNOI_TEST_KEYRING"]
        keyring.set_keyring(JsonFileKeyring())
        return self

    def __exit__(self, *exc: object) -> None:
        keyring.set_keyring(self._old_backend)
        if self._old_var is None:
            os.environ.pop("CAUNOI_TEST_KEYRING", None)
        else:
            os.environ["CAUNOI_TEST_KEYRING"] = self._old_var


def short_deadline_factory(deadline_s: float, made: list[Transport] | None = None) -> Any:
    """A run_sync transport_factory: the real Transport with a short per-request deadline."""
    def factory(base_url: str, token: str | None = None, *,
                ca_bundle: str | None = None) -> Transport:
        transport = Transport(base_url, token, ca_bundle=ca_bundle, deadline_s=deadline_s)
        if made is not None:
            made.append(transport)
        return transport
    return factory


# --- killing a child in the middle of its sync ------------------------------------------------

def holds_flock(pid: int, inode: int) -> bool | None:
    """Whether `pid` holds a flock on the file with `inode` (/proc/locks); None off Linux."""
    try:
        text = Path("/proc/locks").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        parts = line.split()
        # "1: FLOCK  ADVISORY  WRITE 6033 fe:00:2147130 0 EOF" (waiters have "->" in front)
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[4] == str(pid) \
                and parts[5].rsplit(":", 1)[-1] == str(inode):
            return True
    return False


def sync_child_then_kill(data_dir: Path, env: dict[str, str], rng: random.Random,
                         window: tuple[float, float]) -> tuple[bool, str]:
    """`main.py sync run --json` in a child; once it holds the sync lock, SIGKILL it after a
    random delay. Returns (killed, what a child that finished by itself said)."""
    lock = data_dir / "sync.lock"
    lock.touch(exist_ok=True)
    inode = lock.stat().st_ino
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), "sync", "run",
         "--json"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        started = time.monotonic()
        while child.poll() is None and time.monotonic() - started < 20:
            held = holds_flock(child.pid, inode)
            if held is None:                # no /proc/locks: guess the start-up time
                time.sleep(0.5)
                break
            if held:
                break
            time.sleep(0.003)
        time.sleep(rng.uniform(*window))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
            return True, ""
        out, err = child.communicate(timeout=30)
        if child.returncode not in (0, 3):      # 3: the sync ran and said why it stopped
            log = data_dir / "caunoi.log"
            tail = log.read_text(encoding="utf-8", errors="replace")[-4000:] if log.exists() else ""
            raise RuntimeError(f"sync child failed ({child.returncode}): "
                               f"{err.decode(errors='replace')}\nlog tail:\n{tail}")
        return False, out.decode(errors="replace")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()


# --- the run ------------------------------------------------------------------------------------

def run_soak(data_dir: Path, province: Province, env: dict[str, str], plan: SoakPlan) -> SoakRun:
    """Everything above; `province` must be started. The result's `problems` are the audit's
    findings (empty = every invariant held)."""
    rng = random.Random(plan.seed)
    run = SoakRun()
    began = time.monotonic()
    with FileKeyring(env):
        store = seeded_store(data_dir)
        try:
            conn = store.conn()
            secrets = SecretStore.for_store(conn, store.data_dir)
            enrol.enrol(conn, province.url, province.enrol_code(COMMUNE), secrets)
            filer = Filer(store, plan, rng)
            filer.file(plan.first)
            factory = short_deadline_factory(plan.deadline_s)
            with FaultProxy(province.port, seed=plan.seed) as proxy:
                catalog.set_setting(conn, enrol.SERVER_URL_KEY, proxy.url)
                proxy.random_faults(plan.fault_probability, plan.fault_kinds, plan.after_bytes)

                def one_sync() -> SyncReport:
                    report = run_sync(store, secrets=secrets, transport_factory=factory)
                    run.duplicate_answers += report.duplicates
                    if report.error is None:
                        run.syncs_ok += 1
                    else:
                        run.syncs_failed += 1
                        run.errors[report.error.code] += 1
                    return report

                forced = sorted(set(plan.fault_kinds))   # each kind strikes at least once
                while filer.filed < plan.reports or run.rounds < plan.min_rounds:
                    run.rounds += 1
                    if run.rounds > 1:
                        filer.file(rng.randint(*plan.per_round))
                    if rng.random() < plan.upload_cut_share:
                        proxy.set_fault("reset_request", rng.randint(*plan.upload_cut_at),
                                        once=True)
                    if run.rounds % plan.client_kill_every == 0:
                        killed, _said = sync_child_then_kill(store.data_dir, env, rng,
                                                             plan.client_kill_at)
                        run.client_kills += killed
                        run.client_runs_finished += not killed
                    elif run.rounds % plan.server_kill_every == 0:
                        timer = threading.Timer(rng.uniform(*plan.server_kill_at), province.kill)
                        timer.start()
                        one_sync()
                        timer.join()
                        run.server_kills += 1
                        province.start()
                    else:
                        if forced:
                            proxy.set_fault(forced.pop(), rng.randint(0, 300), once=True)
                        one_sync()
                    proxy.set_fault(None)       # a queued cut no connection used

                proxy.random_faults(0)
                proxy.set_fault(None)
                for _ in range(plan.converge_rounds):
                    run.converge_rounds += 1
                    last = one_sync()
                    if last.error is None and last.pending == 0:
                        break
                else:
                    run.problems.append(
                        f"not converged after {plan.converge_rounds} clean rounds: pending="
                        f"{last.pending} error={last.error and last.error.code}")
                run.faults = proxy.faults_injected
                run.connections = proxy.connections
            run.reports = filer.filed
            run.with_photos = filer.with_photos
            run.photos = len(filer.photos)
            run.photo_bytes = sum(filer.photos.values())
            run.audit, problems = audit(store, province)
            run.problems += problems
            cli_cases = province.cases()      # the operator's view agrees with the DB
            if len(cli_cases) != run.audit["server_cases"]:
                run.problems.append(f"`case list` shows {len(cli_cases)} cases, the DB "
                                    f"{run.audit['server_cases']}")
        finally:
            store.close()
    run.seconds = time.monotonic() - began
    return run


# --- the audit ------------------------------------------------------------------------------------

def audit(store: Store, province: Province) -> tuple[dict[str, int], list[str]]:
    """Both ends compared. The server is assumed to serve this kiosk only."""
    problems: list[str] = []
    conn = store.conn()
    local_reports = dict(conn.execute("SELECT id, code FROM reports").fetchall())
    local_media: dict[str, list[str]] = {}
    for rid, sha in conn.execute("SELECT report_id, sha256 FROM report_media"
                                 " ORDER BY report_id, position"):
        local_media.setdefault(rid, []).append(sha)
    rows = conn.execute("SELECT item_uuid, kind, ref_id, state, server_ref FROM outbox").fetchall()
    states = Counter(r[3] for r in rows)
    report_rows = {r[2]: r for r in rows if r[1] == "report"}
    local_integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if local_integrity != "ok":
        problems.append(f"kiosk integrity_check: {local_integrity}")
    full_left = conn.execute("SELECT count(*) FROM media WHERE data IS NOT NULL").fetchone()[0]

    db = sqlite3.connect(f"file:{province.db}?mode=ro", uri=True)
    try:
        server_integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        cases = db.execute("SELECT ref, client_id, tracking_code, payload FROM cases").fetchall()
        item_uuids = Counter(u for (u,) in db.execute("SELECT uuid FROM items"))
        media_rows = {sha: (size, bytes(data)) for sha, size, data in
                      db.execute("SELECT sha256, size, data FROM media")}
        parts_left = {sha for (sha,) in db.execute("SELECT DISTINCT sha256 FROM media_parts")}
    finally:
        db.close()
    if server_integrity != "ok":
        problems.append(f"server integrity_check: {server_integrity}")

    by_client = Counter(c[1] for c in cases)
    codes = Counter(c[2] for c in cases)
    case_of = {c[1]: c for c in cases}
    lost = [rid for rid in local_reports if rid not in case_of]
    duplicates = sum(n - 1 for n in by_client.values() if n > 1) + sum(
        n - 1 for n in codes.values() if n > 1)
    ours = {r[0] for r in report_rows.values()}
    strangers = [c[1] for c in cases if c[1] not in ours]
    wrong = []
    referenced: set[str] = set()
    for rid, code in local_reports.items():
        row = report_rows.get(rid)
        if row is None:
            wrong.append(f"report {rid} has no outbox row")
            continue
        case = case_of.get(row[0])
        if case is None:
            continue
        ref, _client, server_code, payload = case
        payload = json.loads(payload) if isinstance(payload, str) else payload
        if server_code != code:
            wrong.append(f"{rid}: tracking code {server_code} on the server, {code} here")
        if row[4] != ref:
            wrong.append(f"{rid}: kiosk has server_ref {row[4]}, the case is {ref}")
        if list(payload.get("media", [])) != local_media.get(rid, []):
            wrong.append(f"{rid}: photos {payload.get('media')} != {local_media.get(rid)}")
        referenced.update(payload.get("media", []))
    incomplete = []
    for sha in sorted(referenced):
        held = media_rows.get(sha)
        if held is None or held[0] != len(held[1]) or hashlib.sha256(held[1]).hexdigest() != sha:
            incomplete.append(sha[:12])
    if lost:
        problems.append(f"{len(lost)} report(s) never reached the server: {lost[:5]}")
    if duplicates:
        problems.append(f"{duplicates} duplicate case(s) (by client_id or tracking code)")
    if strangers:
        problems.append(f"{len(strangers)} case(s) the kiosk never filed: {strangers[:5]}")
    if incomplete:
        problems.append(f"{len(incomplete)} photo(s) not complete on the server: {incomplete[:5]}")
    if referenced & parts_left:
        problems.append("upload parts left for complete photos: "
                        f"{sorted(referenced & parts_left)[:3]}")
    problems += wrong[:10]
    not_sent = {s: n for s, n in states.items() if s != "sent"}
    if not_sent:
        problems.append(f"outbox rows not sent: {not_sent}")
    missing_items = [r[0] for r in rows if item_uuids.get(r[0], 0) != 1]
    if missing_items:
        problems.append(f"{len(missing_items)} outbox item(s) not on the server exactly once")
    if full_left:
        problems.append(f"{full_left} full-size photo(s) kept after everything was sent")
    figures = {
        "local_reports": len(local_reports), "server_cases": len(cases),
        "lost": len(lost), "duplicates": duplicates, "strangers": len(strangers),
        "photos_referenced": len(referenced), "incomplete_photos": len(incomplete),
        "pending": states.get("pending", 0), "quarantined": states.get("quarantined", 0),
        "sent": states.get("sent", 0),
    }
    return figures, problems

