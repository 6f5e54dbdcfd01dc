"""Server on PostgreSQL: enrol, batch accepted/duplicate/conflict, media, changes, operator status.

A throwaway cluster (initdb + pg_ctl, trust auth on 127.0.0.1 and a socket dir in a temp dir) is
started for the module; as root it runs as `nobody`, since postgres refuses to run as root.
Skipped when no PostgreSQL server binaries exist (Debian package `postgresql`).
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import requests

from tests.server_support import (
    Province,
    auth,
    enrol_device,
    free_port,
    item,
    post_batch,
    report_payload,
)


def _pg_bin() -> Path | None:
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    return None


def _as_postgres_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "nobody", "--", *cmd]
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *cmd]


@pytest.fixture(scope="module")
def pg_cluster() -> Iterator[str]:
    """The admin URL (database `postgres`) of a temporary cluster."""
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries not found (install the Debian package `postgresql`)")
    top = Path(tempfile.mkdtemp(prefix="caunoi-pg-"))   # under /tmp: `nobody` can reach it
    data, sock = top / "data", top / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        for path in (top, sock):
            shutil.chown(path, "nobody", "nogroup")
    port = free_port()
    run = dict(check=True, capture_output=True, timeout=120, cwd=top)
    subprocess.run(_as_postgres_user([str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                                      "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]), **run)
    options = f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-o", options,
                                      "-l", str(top / "log"), "-w", "-t", "60", "start"]), **run)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m",
                                          "immediate", "-w", "stop"]), capture_output=True,
                       timeout=120, cwd=top)
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture
def pg_province(pg_cluster: str) -> Iterator[Province]:
    name = "caunoi_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{pg_cluster}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    server = Province(f"{pg_cluster}/{name}").start()
    try:
        yield server
    finally:
        server.kill()


def test_enrol_batches_media_changes_on_postgres(pg_province: Province) -> None:
    p = pg_province
    code = p.enrol_code("12345")
    device = str(uuid.uuid4())
    _, token = enrol_device(p.url, code, device)
    assert enrol_device(p.url, code, device)[1] == token
    assert requests.post(f"{p.url}/api/v1/enrol", json={
        "code": code, "device_id": str(uuid.uuid4()), "public_key": "A" * 43},
        timeout=30).status_code == 409

    photo = b"\x89PNG\r\n\x1a\n" + os.urandom(50_000)
    sha = hashlib.sha256(photo).hexdigest()
    with_photo = item("report", report_payload(media=[sha]))
    plain = item("report", report_payload())
    first = post_batch(p.url, token, [plain, with_photo]).json()["results"]
    assert [r["status"] for r in first] == ["accepted", "retry"]
    headers = {**auth(token), "Content-Type": "image/png"}
    part = requests.put(f"{p.url}/api/v1/media/{sha}", data=photo[:20_000], timeout=30,
                        headers={**headers, "Content-Range": f"bytes 0-19999/{len(photo)}"})
    assert part.status_code == 202
    assert requests.post(f"{p.url}/api/v1/media/missing", json={"hashes": [sha]},
                         headers=auth(token), timeout=30).json()["partial"] == {sha: 20_000}
    rest = requests.put(f"{p.url}/api/v1/media/{sha}", data=photo[20_000:], timeout=30,
                        headers={**headers,
                                 "Content-Range": f"bytes 20000-{len(photo) - 1}/{len(photo)}"})
    assert rest.status_code == 201

    conflict = item("report", report_payload(), uuid_=plain["uuid"])
    second = post_batch(p.url, token, [plain, with_photo, conflict]).json()["results"]
    assert [r["status"] for r in second] == ["duplicate", "accepted", "conflict"]
    assert second[0]["ref"] == first[0]["ref"]

    ref = second[1]["ref"]
    assert p.run_cli("case", "set-status", ref, "--status", "resolved", "--note", "Xong",
                     "--publish").returncode == 0
    page = requests.get(f"{p.url}/api/v1/changes", params={"limit": 2}, headers=auth(token),
                        timeout=30).json()
    assert page["more"] is True and [c["type"] for c in page["changes"]] == ["catalog", "case"]
    rest_page = requests.get(f"{p.url}/api/v1/changes", params={"since": page["cursor"]},
                             headers=auth(token), timeout=30).json()
    statuses = [c["case"]["status"] for c in rest_page["changes"]]
    assert statuses == ["received", "resolved"] and rest_page["more"] is False
    assert rest_page["changes"][-1]["case"]["answer"] == "Xong"
    gone = requests.get(f"{p.url}/api/v1/changes", params={"since": "0.1"},
                        headers=auth(token), timeout=30)
    assert gone.status_code == 410
    assert {c["ref"] for c in p.cases()} == {first[0]["ref"], ref}
