"""Server: gzip request bodies, capped on the decompressed size (a bomb is refused cheaply)."""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import requests

from tests.server_support import (  # noqa: F401
    Province,
    auth,
    enrol_device,
    item,
    province,
    report_payload,
)


def _batch_bytes(items: list[dict]) -> bytes:
    return json.dumps({"protocol": 1, "device_time": "2026-01-05T08:00:01Z",
                       "items": items}, ensure_ascii=False).encode("utf-8")


def _post(province: Province, token: str, body: bytes, gz: bool = True) -> requests.Response:
    headers = {**auth(token), "Content-Type": "application/json"}
    if gz:
        headers["Content-Encoding"] = "gzip"
    return requests.post(f"{province.url}/api/v1/batches", data=body, headers=headers, timeout=120)


def _bomb(decompressed: int) -> bytes:
    """A gzip stream of `decompressed` zero bytes (about 1000x smaller), made chunk by chunk."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    parts = [comp.compress(block) for _ in range(decompressed >> 20)]
    return b"".join(parts) + comp.flush()


def _peak_rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise AssertionError("no VmHWM")


def test_gzip_batch_is_accepted(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    sent = item("report", report_payload())
    answer = _post(province, token, gzip.compress(_batch_bytes([sent])))
    assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "accepted"
    assert [c["client_id"] for c in province.cases()] == [sent["uuid"]]


def test_gzip_bomb_is_refused_and_memory_stays_bounded(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    assert province.proc is not None
    bomb = _bomb(1 << 30)                       # 1 GiB of zeros in about 1 MB
    assert len(bomb) < 4 * 1024 * 1024          # small enough to pass the raw-bytes cap
    answer = _post(province, token, bomb)
    assert answer.status_code == 413 and answer.json()["error"] == "body_too_large"
    # Had the server inflated it, its peak RSS would be over 1 GiB.
    assert _peak_rss_kib(province.proc.pid) < 300 * 1024


def test_plain_body_over_the_cap_is_413(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    big = _batch_bytes([item("report", report_payload(text="x" * 4000))]) + b" " * (4 << 20)
    answer = _post(province, token, big, gz=False)
    assert answer.status_code == 413 and answer.json()["error"] == "body_too_large"


def test_truncated_or_garbled_gzip_is_400(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    whole = gzip.compress(_batch_bytes([item("report", report_payload())]))
    for body in (whole[: len(whole) // 2], b"not gzip at all"):
        answer = _post(province, token, body)
        assert answer.status_code == 400 and answer.json()["error"] == "bad_gzip"
    assert province.cases() == []
