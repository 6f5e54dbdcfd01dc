"""Server: the changes feed (cursor, paging, 410), operator status changes, dossiers, catalog."""
from __future__ import annotations

import json
from pathlib import Path

import requests

from sync.protocol import ChangesPage, dossier_secret_hash
from tests.server_support import (  # noqa: F401
    Province,
    auth,
    enrol_device,
    item,
    post_batch,
    province,
    report_payload,
)


def _page(province: Province, token: str, since: str | None = None,
          limit: int | None = None) -> requests.Response:
    params = {k: v for k, v in (("since", since), ("limit", limit)) if v is not None}
    return requests.get(f"{province.url}/api/v1/changes", params=params, headers=auth(token),
                        timeout=30)


def _all(province: Province, token: str, since: str | None = None,
         limit: int | None = None) -> tuple[list, str]:
    changes, cursor = [], since
    while True:
        page = ChangesPage.model_validate(_page(province, token, cursor, limit).json())
        changes += page.changes
        cursor = page.cursor
        if not page.more:
            return changes, cursor


def test_feed_pages_by_cursor_and_is_per_commune(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code("12345"))
    _, other = enrol_device(province.url, province.enrol_code("54321"))
    ours = [item("report", report_payload()) for _ in range(5)]
    post_batch(province.url, token, ours)
    post_batch(province.url, other, [item("report", report_payload())])
    changes, cursor = _all(province, token, limit=2)
    assert [c.type for c in changes] == ["catalog"] + ["case"] * 5   # the seed catalog first
    assert [str(c.case.client_id) for c in changes[1:]] == [i["uuid"] for i in ours]
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    first = ChangesPage.model_validate(_page(province, token, limit=2).json())
    assert first.more and len(first.changes) == 2
    # Nothing new: an empty page, same cursor. A new change: only it.
    empty = ChangesPage.model_validate(_page(province, token, cursor).json())
    assert (empty.changes, empty.more, empty.cursor) == ([], False, cursor)
    post_batch(province.url, token, [item("report", report_payload())])
    newer, _ = _all(province, token, cursor)
    assert len(newer) == 1 and newer[0].case is not None and newer[0].case.status == "received"
    theirs, _ = _all(province, other)
    assert [c.type for c in theirs] == ["catalog", "case"]


def test_unknown_cursor_is_410(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    cursor = _page(province, token).json()["cursor"]
    epoch, seq = cursor.split(".")
    for bad in (f"ffffffffffff.{seq}", f"{epoch}.{int(seq) + 1000}", "garbage"):
        answer = _page(province, token, bad)
        assert answer.status_code == 410 and answer.json()["error"] == "cursor_unknown", bad


def test_epoch_changes_with_a_new_database(province: Province, tmp_path: Path) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    cursor = _page(province, token).json()["cursor"]
    fresh = Province(tmp_path / "other.sqlite3").start()
    try:
        _, token2 = enrol_device(fresh.url, fresh.enrol_code())
        assert _page(fresh, token2, cursor).status_code == 410
    finally:
        fresh.kill()


def test_set_status_emits_a_change_and_shows_in_case_list(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    report = item("report", report_payload())
    ref = post_batch(province.url, token, [report]).json()["results"][0]["ref"]
    _, cursor = _all(province, token)
    done = province.run_cli("case", "set-status", ref, "--status", "assigned", "--note",
                            "nội bộ", "--unit", "Công an xã")
    assert done.returncode == 0, done.stderr
    done = province.run_cli("case", "set-status", ref, "--status", "resolved", "--note",
                            "Đã thu gom rác.", "--publish")
    assert done.returncode == 0, done.stderr
    changes, _ = _all(province, token, cursor)
    assert [c.case.status for c in changes] == ["assigned", "resolved"]
    last = changes[-1].case
    assert last.answer == "Đã thu gom rác." and last.published_at and last.unit == "Công an xã"
    assert [(e.status, e.note) for e in last.events] == [
        ("received", None), ("assigned", None), ("resolved", "Đã thu gom rác.")]  # unpublished note stays
    [case] = province.cases()
    assert (case["ref"], case["status"], case["client_id"]) == (ref, "resolved", report["uuid"])
    assert case["tracking_code"] == report["payload"]["tracking_code"]


def test_operator_api_sets_status(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    ref = post_batch(province.url, token, [item("report", report_payload())]).json()[
        "results"][0]["ref"]
    op = auth(str(province.cli_json("operator-token")["token"]))
    answer = requests.post(f"{province.url}/api/v1/operator/cases/{ref}/status", headers=op,
                           json={"status": "in_progress"}, timeout=30)
    assert answer.status_code == 200 and answer.json()["status"] == "in_progress"
    missing = requests.post(f"{province.url}/api/v1/operator/cases/PA-1/status", headers=op,
                            json={"status": "in_progress"}, timeout=30)
    assert missing.status_code == 404
    listed = requests.get(f"{province.url}/api/v1/operator/cases", headers=op, timeout=30).json()
    assert [(c["ref"], c["status"]) for c in listed] == [(ref, "in_progress")]


def test_dossiers_from_csv_and_json_reach_their_commune_only(province: Province,
                                                            tmp_path: Path) -> None:
    _, token = enrol_device(province.url, province.enrol_code("12345"))
    _, other = enrol_device(province.url, province.enrol_code("54321"))
    _, c1 = _all(province, token)
    _, c2 = _all(province, other)
    csv_file = tmp_path / "d.csv"
    csv_file.write_text(
        "code,secret,commune,procedure,status,received_at,due_date,collect_at\n"
        "H01.123,ab12,12345,Đăng ký khai sinh,processing,2026-01-05T08:00:00Z,2026-01-08,"
        "Quầy 1\n", encoding="utf-8")
    done = province.run_cli("dossier", "load", str(csv_file), "--json")
    assert done.returncode == 0 and json.loads(done.stdout) == {"loaded": 1}, done.stderr
    json_file = tmp_path / "d.json"
    json_file.write_text(json.dumps([{
        "code": "H02.9", "secret": "zz", "commune": "54321", "procedure": "Chứng thực",
        "status": "done", "received_at": "2026-01-05T08:00:00Z", "due_date": "2026-01-06",
        "events": [{"status": "done", "at": "2026-01-06T08:00:00Z"}]}], ensure_ascii=False),
        encoding="utf-8")
    assert province.run_cli("dossier", "load", str(json_file)).returncode == 0
    mine, _ = _all(province, token, c1)
    theirs, _ = _all(province, other, c2)
    assert [c.dossier.code for c in mine] == ["H01.123"]
    assert mine[0].dossier.secret_sha256 == dossier_secret_hash("H01.123", "ab12")
    assert "ab12" not in _page(province, token, c1).text
    assert [(c.dossier.code, len(c.dossier.events)) for c in theirs] == [("H02.9", 1)]


def test_catalog_load_emits_a_global_change_and_is_used(province: Province,
                                                        tmp_path: Path) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    _, cursor = _all(province, token)
    refused = item("report", report_payload(category="ngap-lut"))
    assert post_batch(province.url, token, [refused]).json()["results"][0]["reason"] == \
        "unknown_category"
    catalog = json.loads(Path("resources/catalogs/categories.json").read_text(encoding="utf-8"))
    catalog["categories"].append({"id": "ngap-lut", "vi": "Ngập lụt", "en": "Flooding",
                                  "icon": "flood", "reply_days": 3})
    catalog["extra_holidays"] = ["2026-09-01"]
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    loaded = province.cli_json("catalog", "load", str(path))
    assert loaded["version"] == 2
    changes, _ = _all(province, token, cursor)
    assert [c.type for c in changes] == ["catalog"]
    assert changes[0].catalog.version == 2 and "ngap-lut" in {
        c.id for c in changes[0].catalog.categories}
    assert [str(d) for d in changes[0].catalog.extra_holidays] == ["2026-09-01"]
    again = item("report", report_payload(category="ngap-lut"))
    assert post_batch(province.url, token, [again]).json()["results"][0]["status"] == "accepted"


def test_seed_catalog_has_categories_and_services(province: Province) -> None:
    _, token = enrol_device(province.url, province.enrol_code())
    changes, _ = _all(province, token)
    seed = changes[0].catalog
    assert seed is not None and seed.version == 1
    assert "moi-truong" in {c.id for c in seed.categories}
    assert [s.prefix for s in seed.services] == ["A", "B", "C", "D", "E"]
