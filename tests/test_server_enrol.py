"""Server: hello, OpenAPI, enrolment (idempotent replay, refusal), revocation, device list."""
from __future__ import annotations

import uuid

import requests

from tests.server_support import Province, auth, enrol_device, province  # noqa: F401


def test_hello_names_service_protocol_and_limits(province: Province) -> None:
    answer = requests.get(f"{province.url}/api/v1/hello", timeout=30)
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["service"] == "caunoi-province"
    assert body["protocol_versions"] == [1]
    assert body["max_batch_items"] == 100 and body["max_batch_bytes"] == 4 * 1024 * 1024
    assert body["max_media_bytes"] == 8_000_000 and body["max_changes"] == 500
    assert body["server_time"].endswith("Z")


def test_openapi_is_published_with_the_wire_models(province: Province) -> None:
    spec = requests.get(f"{province.url}/api/v1/openapi.json", timeout=30).json()
    assert "/api/v1/batches" in spec["paths"] and "/api/v1/changes" in spec["paths"]
    schemas = spec["components"]["schemas"]
    for name in ("Batch", "BatchResult", "ReportPayload", "ChangesPage", "ErrorBody", "Hello"):
        assert name in schemas
    batch_body = spec["paths"]["/api/v1/batches"]["post"]["requestBody"]
    assert batch_body["content"]["application/json"]["schema"]["$ref"].endswith("/Batch")


def test_enrol_replay_gives_same_token_and_other_device_is_refused(province: Province) -> None:
    code = province.enrol_code("12345")
    device = str(uuid.uuid4())
    _, token = enrol_device(province.url, code, device)
    _, again = enrol_device(province.url, code, device)       # the first answer was "lost"
    assert again == token
    other = requests.post(f"{province.url}/api/v1/enrol", json={
        "code": code, "device_id": str(uuid.uuid4()), "public_key": "B" * 43}, timeout=30)
    assert other.status_code == 409 and other.json()["error"] == "code_used"
    # The token works, and is bound to the code's commune.
    page = requests.get(f"{province.url}/api/v1/changes", headers=auth(token), timeout=30)
    assert page.status_code == 200
    devices = province.cli_json("device", "list")
    assert [(d["id"], d["commune"]) for d in devices] == [(device, "12345")]


def test_unknown_code_and_bad_request_are_refused(province: Province) -> None:
    bad = requests.post(f"{province.url}/api/v1/enrol", json={
        "code": "ZZZZ-ZZZZ-ZZZZ", "device_id": str(uuid.uuid4()), "public_key": "A" * 43},
        timeout=30)
    assert bad.status_code == 403 and bad.json()["error"] == "code_invalid"
    malformed = requests.post(f"{province.url}/api/v1/enrol", json={"code": "x"}, timeout=30)
    assert malformed.status_code == 422 and malformed.json()["error"] == "invalid_request"


def test_expired_code_is_refused(province: Province) -> None:
    code = str(province.cli_json("enrol-code", "--commune", "12345", "--hours", "-1")["code"])
    answer = requests.post(f"{province.url}/api/v1/enrol", json={
        "code": code, "device_id": str(uuid.uuid4()), "public_key": "A" * 43}, timeout=30)
    assert answer.status_code == 403 and answer.json()["error"] == "code_invalid"


def test_revoked_device_gets_401_and_cannot_replay_its_code(province: Province) -> None:
    code = province.enrol_code("12345")
    device, token = enrol_device(province.url, code)
    done = province.run_cli("device", "revoke", device)
    assert done.returncode == 0, done.stderr
    answer = requests.get(f"{province.url}/api/v1/changes", headers=auth(token), timeout=30)
    assert answer.status_code == 401 and answer.json()["error"] == "unauthorized"
    replay = requests.post(f"{province.url}/api/v1/enrol", json={
        "code": code, "device_id": device, "public_key": "A" * 43}, timeout=30)
    assert replay.status_code == 403
    assert province.cli_json("device", "list")[0]["revoked_at"] is not None


def test_missing_or_wrong_token_is_401(province: Province) -> None:
    for headers in ({}, auth("not-a-token")):
        answer = requests.get(f"{province.url}/api/v1/changes", headers=headers, timeout=30)
        assert answer.status_code == 401 and answer.json() == {
            "error": "unauthorized", "detail": "unknown or revoked device token"}


def test_operator_token_is_not_a_device_token_and_vice_versa(province: Province) -> None:
    op = str(province.cli_json("operator-token")["token"])
    _, device_token = enrol_device(province.url, province.enrol_code("12345"))
    as_device = requests.get(f"{province.url}/api/v1/changes", headers=auth(op), timeout=30)
    assert as_device.status_code == 401
    as_operator = requests.get(f"{province.url}/api/v1/operator/cases",
                               headers=auth(device_token), timeout=30)
    assert as_operator.status_code == 401
    ok = requests.get(f"{province.url}/api/v1/operator/cases", headers=auth(op), timeout=30)
    assert ok.status_code == 200 and ok.json() == []
