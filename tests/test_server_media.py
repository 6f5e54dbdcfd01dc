"""Server: content-addressed photos, resumable by Content-Range, verified by SHA-256."""
from __future__ import annotations

import hashlib
import os
import socket
import time

import requests

from tests.server_support import (  # noqa: F401
    HOST,
    Province,
    auth,
    enrol_device,
    item,
    post_batch,
    province,
    report_payload,
)

PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(300_000)
SHA = hashlib.sha256(PHOTO).hexdigest()


def _put(province: Province, token: str, data: bytes, sha: str = SHA,
         content_range: str | None = None) -> requests.Response:
    headers = {**auth(token), "Content-Type": "image/jpeg"}
    if content_range:
        headers["Content-Range"] = content_range
    return requests.put(f"{province.url}/api/v1/media/{sha}", data=data, headers=headers,
                        timeout=60)


def _missing(province: Province, token: str, hashes: list[str]) -> dict:
    return requests.post(f"{province.url}/api/v1/media/missing", json={"hashes": hashes},
                         headers=auth(token), timeout=30).json()


def _head(province: Province, token: str, sha: str = SHA) -> requests.Response:
    return requests.head(f"{province.url}/api/v1/media/{sha}", headers=auth(token), timeout=30)


def test_whole_upload_then_report_is_accepted(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    report = item("report", report_payload(media=[SHA]))
    waiting = post_batch(province.url, token, [report]).json()["results"][0]
    assert (waiting["status"], waiting["missing_media"]) == ("retry", [SHA])
    assert _missing(province, token, [SHA]) == {"missing": [SHA], "partial": {}}
    assert _head(province, token).status_code == 404
    assert _put(province, token, PHOTO).status_code == 201
    assert _put(province, token, PHOTO).status_code == 200          # already complete
    assert _head(province, token).status_code == 200
    assert _missing(province, token, [SHA]) == {"missing": [], "partial": {}}
    done = post_batch(province.url, token, [report]).json()["results"][0]
    assert done["status"] == "accepted" and done["ref"]


def test_resume_by_content_range(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    total, half = len(PHOTO), 100_000
    first = _put(province, token, PHOTO[:half], content_range=f"bytes 0-{half - 1}/{total}")
    assert first.status_code == 202 and first.headers["Upload-Offset"] == str(half)
    assert _missing(province, token, [SHA]) == {"missing": [SHA], "partial": {SHA: half}}
    head = _head(province, token)
    assert head.status_code == 404 and head.headers["Upload-Offset"] == str(half)
    wrong = _put(province, token, PHOTO[10:half], content_range=f"bytes 10-{half - 1}/{total}")
    assert wrong.status_code == 409 and wrong.json()["error"] == "range_mismatch"
    assert wrong.headers["Upload-Offset"] == str(half)
    rest = _put(province, token, PHOTO[half:], content_range=f"bytes {half}-{total - 1}/{total}")
    assert rest.status_code == 201
    assert _head(province, token).status_code == 200


def test_hash_mismatch_discards_the_partial(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    total, half = len(PHOTO), 150_000
    assert _put(province, token, PHOTO[:half],
                content_range=f"bytes 0-{half - 1}/{total}").status_code == 202
    corrupt = b"\x00" * (total - half)
    bad = _put(province, token, corrupt, content_range=f"bytes {half}-{total - 1}/{total}")
    assert bad.status_code == 422 and bad.json()["error"] == "hash_mismatch"
    assert _missing(province, token, [SHA]) == {"missing": [SHA], "partial": {}}
    whole_wrong = _put(province, token, PHOTO[:-1] + b"\x01")
    assert whole_wrong.status_code == 422
    assert _head(province, token).headers["Upload-Offset"] == "0"
    assert _put(province, token, PHOTO).status_code == 201          # a clean retry works


def test_interrupted_upload_keeps_what_arrived_and_resumes(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    sent = 200_000
    with socket.create_connection((HOST, province.port)) as sock:
        sock.sendall((f"PUT /api/v1/media/{SHA} HTTP/1.1\r\nHost: {HOST}\r\n"
                      f"Authorization: Bearer {token}\r\nContent-Type: image/jpeg\r\n"
                      f"Content-Length: {len(PHOTO)}\r\n\r\n").encode() + PHOTO[:sent])
    # The server stores the part when it notices the disconnect: wait for it (bounded).
    deadline = time.monotonic() + 30
    offset = 0
    while time.monotonic() < deadline and offset == 0:
        offset = int(_head(province, token).headers["Upload-Offset"])
        time.sleep(0.05)
    assert 0 <= offset <= sent     # whatever it holds is a prefix it got
    rest = _put(province, token, PHOTO[offset:],
                content_range=f"bytes {offset}-{len(PHOTO) - 1}/{len(PHOTO)}")
    assert rest.status_code == 201, rest.text


def test_media_rules(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    gif = requests.put(f"{province.url}/api/v1/media/{SHA}", data=b"GIF89a",
                       headers={**auth(token), "Content-Type": "image/gif"}, timeout=30)
    assert gif.status_code == 415
    bad_name = _put(province, token, PHOTO, sha="XYZ")
    assert bad_name.status_code == 422
    big = _put(province, token, b"x", content_range="bytes 0-0/8000001")
    assert big.status_code == 413 and big.json()["error"] == "media_too_large"
    anonymous = requests.head(f"{province.url}/api/v1/media/{SHA}", timeout=30)
    assert anonymous.status_code == 401
