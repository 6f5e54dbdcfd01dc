"""Server: POST /batches, one result per item, each status and reason, limits and versions."""
from __future__ import annotations

import uuid

import requests

from sync.protocol import BatchResult, content_hash
from tests.server_support import (  # noqa: F401
    Province,
    auth,
    enrol_device,
    item,
    post_batch,
    province,
    report_payload,
)


def _device(province: Province, commune: str = "12345") -> str:
    return enrol_device(province.url, province.enrol_code(commune))[1]


def test_every_result_status_in_one_batch(province: Province) -> None:
    token = _device(province)
    first = item("report", report_payload())
    assert post_batch(province.url, token, [first]).json()["results"][0]["status"] == "accepted"

    bad_hash = item("report", report_payload(), hash_="0" * 64)
    invalid = item("report", report_payload(contact_phone="12"))     # not a phone number
    unknown_cat = item("report", report_payload(category="khong-co"))
    taken = item("report", report_payload(tracking_code=first["payload"]["tracking_code"]))
    conflict = item("report", report_payload(text="khác"), uuid_=first["uuid"])
    photo = "ab" * 32
    needs_photo = item("report", report_payload(media=[photo]))
    good = item("report", report_payload())
    unknown_report = item("rating", {"subject": "report", "subject_id": "0000000000X",
                                     "level": "satisfied", "at": "2026-01-05T09:00:00Z"})
    rating = item("rating", {"subject": "report", "subject_id": first["payload"]["tracking_code"],
                             "level": "unsatisfied", "comment": "chậm",
                             "at": "2026-01-05T09:00:00Z"})
    ticket = item("ticket_event", {"ticket_id": str(uuid.uuid4()), "label": "A001",
                                   "office_day": "2026-01-05", "event": "issued",
                                   "at": "2026-01-05T07:31:00Z", "service": "tu-phap-ho-tich"})
    batch = [bad_hash, invalid, first, unknown_cat, taken, conflict, needs_photo, good,
             unknown_report, rating, ticket]
    answer = post_batch(province.url, token, batch)
    assert answer.status_code == 200
    results = BatchResult.model_validate(answer.json()).results
    assert [str(r.uuid) for r in results] == [i["uuid"] for i in batch]   # batch order
    got = [(r.status, r.reason) for r in results]
    assert got == [
        ("rejected", "hash_mismatch"), ("rejected", "invalid_payload"), ("duplicate", None),
        ("rejected", "unknown_category"), ("rejected", "tracking_code_taken"),
        ("conflict", "uuid_reused_with_other_content"), ("retry", "missing_media"),
        ("accepted", None), ("rejected", "unknown_report"), ("accepted", None),
        ("accepted", None)]
    assert results[6].missing_media == [photo]
    cases = {c["client_id"]: c for c in province.cases()}
    assert set(cases) == {first["uuid"], good["uuid"]}       # nothing else made a case
    assert results[2].ref == cases[first["uuid"]]["ref"]     # duplicate: the original ref
    assert results[7].ref == cases[good["uuid"]]["ref"]
    assert cases[good["uuid"]]["tracking_code"] == good["payload"]["tracking_code"]
    assert cases[good["uuid"]]["category"] == "moi-truong"
    assert cases[good["uuid"]]["status"] == "received"


def test_duplicate_returns_the_original_result(province: Province) -> None:
    token = _device(province)
    report = item("report", report_payload())
    first = post_batch(province.url, token, [report]).json()["results"][0]
    again = post_batch(province.url, token, [report]).json()["results"][0]
    assert first["status"] == "accepted" and again["status"] == "duplicate"
    assert again["ref"] == first["ref"] and again["received_at"] == first["received_at"]
    assert first["ref"].startswith("PA-12345-") and len(first["ref"]) == len("PA-12345-000001")
    # The server's receive time is the case's created_at, not the device's clock.
    [case] = province.cases()
    assert case["created_at"] == first["received_at"] != report["payload"]["created_at"]
    # Same item sent by another device (a USB hand-over): still the same item.
    other = _device(province)
    assert post_batch(province.url, other, [report]).json()["results"][0]["ref"] == first["ref"]


def test_duplicate_within_one_batch_makes_one_case(province: Province) -> None:
    token = _device(province)
    report = item("report", report_payload())
    results = post_batch(province.url, token, [report, report]).json()["results"]
    assert [r["status"] for r in results] == ["accepted", "duplicate"]
    assert results[0]["ref"] == results[1]["ref"] and len(province.cases()) == 1


def test_hash_is_checked_on_the_raw_payload(province: Province) -> None:
    token = _device(province)
    payload = report_payload()
    # An unknown extra field is ignored by the schema but is part of what was hashed.
    tampered = dict(payload, extra="x")
    sent = item("report", tampered, hash_=content_hash("report", payload))
    result = post_batch(province.url, token, [sent]).json()["results"][0]
    assert (result["status"], result["reason"]) == ("rejected", "hash_mismatch")
    honest = item("report", tampered)      # hashed with the extra field: accepted
    assert post_batch(province.url, token, [honest]).json()["results"][0]["status"] == "accepted"


def test_case_snapshot_has_no_personal_fields(province: Province) -> None:
    token = _device(province)
    post_batch(province.url, token, [item("report", report_payload())])
    page = requests.get(f"{province.url}/api/v1/changes", headers=auth(token), timeout=30).text
    assert '"type":"case"' in page.replace(" ", "")
    assert "0912345678" not in page and "Nguy" not in page and "Rác thải" not in page


def test_limits_version_and_auth(province: Province) -> None:
    token = _device(province)
    too_many = [item("report", report_payload()) for _ in range(101)]
    big = post_batch(province.url, token, too_many)
    assert big.status_code == 413 and big.json()["error"] == "batch_too_large"
    newer = post_batch(province.url, token, [], protocol=2)
    assert newer.status_code == 400 and newer.json()["error"] == "protocol_unsupported"
    anonymous = requests.post(f"{province.url}/api/v1/batches", json={"items": []}, timeout=30)
    assert anonymous.status_code == 401
    broken = requests.post(f"{province.url}/api/v1/batches", data=b"{not json",
                           headers=auth(token), timeout=30)
    assert broken.status_code == 400 and broken.json()["error"] == "invalid_json"
    assert province.cases() == []


def test_bad_envelope_is_422_and_stores_nothing(province: Province) -> None:
    token = _device(province)
    good = item("report", report_payload())
    answer = post_batch(province.url, token, [good, {"uuid": "nope", "kind": "report"}])
    assert answer.status_code == 422 and answer.json()["error"] == "invalid_request"
    assert province.cases() == []
