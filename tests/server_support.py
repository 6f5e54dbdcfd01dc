"""The reference provincial server (server/) as a real subprocess, for server and client tests.

    province fixture -> Province with:
        .url                  "http://127.0.0.1:<port>" (no /api/v1)
        .db                   Path of its SQLite file
        .run_cli(*args)       CompletedProcess of `python -m server --db <db> *args` (text, UTF-8)
        .enrol_code(commune)  a fresh one-time enrolment code (str)
        .cases()              `case list --json` as a list of dicts
        .start(env=None) / .stop() (SIGTERM) / .kill() (SIGKILL) / .restart(): same DB and port

`start_server(db, port, extra_args, env)` and `stop_server(proc, hard)` are the plain helpers.
The fixture starts the server on a temporary SQLite file and kills it at the end of the test.

Wire helpers (requests, no client code): `enrol_device(url, code) -> (device_id, token)`,
`report_payload(**fields)`, `item(kind, payload)` (uuid + content_hash filled in),
`post_batch(url, token, items)`.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import content_hash

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.pop("CAUNOI_SERVER_PAUSE", None)
    env.update(extra or {})
    return env


def wait_up(url: str, proc: subprocess.Popen[bytes] | None = None, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: "
                               f"{proc.communicate()[1].decode(errors='replace')}")
        try:
            if requests.get(f"{url}/api/v1/hello", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"server at {url} did not come up")


def start_server(db: str | Path, port: int, extra_args: Sequence[str] = (),
                 env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`python -m server --db DB --port PORT [extra_args]`, returned once /hello answers."""
    proc = subprocess.Popen([sys.executable, "-m", "server", "--db", str(db), "--port", str(port),
                             *extra_args], cwd=ROOT, env=_env(env),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_up(f"http://{HOST}:{port}", proc)
    except RuntimeError:
        stop_server(proc, hard=True)
        raise
    return proc


def stop_server(proc: subprocess.Popen[bytes], hard: bool = False) -> None:
    """SIGTERM (graceful) or SIGKILL (a crash), then reap."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(30)
    if proc.stderr:
        proc.stderr.close()


class Province:
    def __init__(self, db: str | Path, port: int | None = None,
                 extra_args: Sequence[str] = ()) -> None:
        self.db = db if isinstance(db, str) and "://" in db else Path(db)
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.extra_args = list(extra_args)
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, env: dict[str, str] | None = None, wait: bool = True) -> Province:
        if wait:
            self.proc = start_server(self.db, self.port, self.extra_args, env)
        else:   # for fault tests that park the server before it could answer
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "server", "--db", str(self.db), "--port", str(self.port),
                 *self.extra_args], cwd=ROOT, env=_env(env), stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
        return self

    def stop(self) -> None:
        if self.proc is not None:
            stop_server(self.proc)

    def kill(self) -> None:
        if self.proc is not None:
            stop_server(self.proc, hard=True)

    def restart(self, env: dict[str, str] | None = None) -> Province:
        self.stop()
        return self.start(env)

    def run_cli(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "server", "--db", str(self.db), *args],
                              cwd=ROOT, env=_env(), capture_output=True, text=True,
                              encoding="utf-8", timeout=120, check=check)

    def cli_json(self, *args: str) -> Any:
        done = self.run_cli(*args, "--json")
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def enrol_code(self, commune: str = "12345") -> str:
        return str(self.cli_json("enrol-code", "--commune", commune)["code"])

    def cases(self) -> list[dict[str, Any]]:
        return list(self.cli_json("case", "list"))


@pytest.fixture
def province(tmp_path: Path) -> Iterator[Province]:
    """A running provincial server on a fresh SQLite file (killed at the end of the test)."""
    server = Province(tmp_path / "province.sqlite3").start()
    try:
        yield server
    finally:
        server.kill()


# --- wire helpers ------------------------------------------------------------------------------

_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def enrol_device(url: str, code: str, device_id: str | None = None) -> tuple[str, str]:
    device_id = device_id or str(uuid.uuid4())
    answer = requests.post(f"{url}/api/v1/enrol", json={
        "code": code, "device_id": device_id, "public_key": "A" * 43, "label": "test kiosk"},
        timeout=30)
    answer.raise_for_status()
    return device_id, str(answer.json()["token"])


def tracking_code() -> str:
    return "".join(random.choice(_CODE_ALPHABET) for _ in range(11))


def report_payload(**fields: Any) -> dict[str, Any]:
    """A valid report payload (category moi-truong, with contact details); `fields` override."""
    payload: dict[str, Any] = {
        "tracking_code": tracking_code(), "category": "moi-truong",
        "text": "Rác thải đổ trộm ở đầu ngõ 5", "channel": "kiosk",
        "created_at": "2026-01-05T08:00:00Z", "device_time": "2026-01-05T08:00:00Z",
        "due_date": "2026-01-19", "media": [], "contact_name": "Nguyễn Văn A",
        "contact_phone": "0912345678"}
    payload.update(fields)
    return payload


def item(kind: str, payload: dict[str, Any], uuid_: str | None = None,
         hash_: str | None = None) -> dict[str, Any]:
    return {"uuid": uuid_ or str(uuid.uuid4()), "kind": kind,
            "hash": hash_ or content_hash(kind, payload), "created_at": "2026-01-05T08:00:00Z",
            "payload": payload}


def post_batch(url: str, token: str, items: list[dict[str, Any]], **extra: Any) -> requests.Response:
    body = {"protocol": 1, "device_time": "2026-01-05T08:00:01Z", "items": items, **extra}
    return requests.post(f"{url}/api/v1/batches", json=body, headers=auth(token), timeout=60)
