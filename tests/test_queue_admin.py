"""`python main.py queue admin …`: each change shows in what `queue services` / `take` / `call`
do, is audited, and bad input is refused with a sentence (exit 2) and nothing changed."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.db import Store
from kiosk.queue import hours
from tests.queue_support import REAL_HOURS, vn
from tests.test_cli import run

B = "chung-thuc"


def _json(data: Path, *args: str) -> object:
    proc = run(data, "queue", *args, "--json")
    assert proc.returncode == 0, proc.stderr
    assert "\\u" not in proc.stdout
    return json.loads(proc.stdout)


def _audit(data: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(data / Store.FILE_NAME)
    try:
        return [tuple(r) for r in conn.execute("SELECT actor, action FROM audit_log"
                                               " WHERE action LIKE 'queue_%' ORDER BY seq")]
    finally:
        conn.close()


def test_admin_lists_every_service_with_prefix_and_counters(tmp_path: Path) -> None:
    listed = _json(tmp_path / "d", "admin", "services")
    assert [s["prefix"] for s in listed] == ["A", "B", "C", "D", "E"]      # type: ignore
    assert all(s["counters"] == [1, 2, 3] and s["active"] for s in listed)  # type: ignore
    assert listed[1]["vi"] == "Chứng thực"                                   # type: ignore


def test_renamed_service_with_a_new_prefix_is_what_the_next_ticket_uses(tmp_path: Path) -> None:
    d = tmp_path / "d"
    first = _json(d, "take", "--service", B, "--no-pdf")
    assert first["ticket"] == "B001"                                         # type: ignore
    out = _json(d, "admin", "service", B, "--vi", "Chứng thực bản sao", "--en", "Copies",
                "--prefix", "f")
    assert out["prefix"] == "F" and out["changed"] == ["queue_service_edit"]  # type: ignore
    shown = {s["id"]: s for s in _json(d, "services")}                       # type: ignore
    assert shown[B]["name_vi"] == "Chứng thực bản sao" and shown[B]["name_en"] == "Copies"
    assert shown[B]["prefix"] == "F"
    nxt = _json(d, "take", "--service", B, "--no-pdf")
    assert nxt["ticket"] == "F002" and nxt["service_vi"] == "Chứng thực bản sao"  # type: ignore
    assert _audit(d) == [("admin", "queue_service_edit")]
    again = _json(d, "admin", "service", B, "--prefix", "F")                 # nothing differs
    assert again["changed"] == [] and len(_audit(d)) == 1                    # type: ignore


def test_inactive_service_is_refused_at_take_and_hidden_then_back(tmp_path: Path) -> None:
    d = tmp_path / "d"
    assert _json(d, "admin", "service", B, "--inactive")["active"] is False  # type: ignore
    assert B not in [s["id"] for s in _json(d, "services")]                  # type: ignore
    assert B in [s["id"] for s in _json(d, "admin", "services")]             # type: ignore
    refused = run(d, "queue", "take", "--service", B, "--no-pdf")
    assert refused.returncode == 2 and "đang tạm ngừng" in refused.stderr
    _json(d, "admin", "service", B, "--active")
    assert _json(d, "take", "--service", B, "--no-pdf")["ticket"] == "B001"  # type: ignore


def test_counter_services_decide_what_a_counter_calls(tmp_path: Path) -> None:
    d = tmp_path / "d"
    out = _json(d, "admin", "counter", "2", "--services", f"{B},dat-dai-xay-dung")
    assert out["services"] == [B, "dat-dai-xay-dung"]                        # type: ignore
    listed = {s["id"]: s for s in _json(d, "admin", "services")}             # type: ignore
    assert listed["tu-phap-ho-tich"]["counters"] == [1, 3] and listed[B]["counters"] == [1, 2, 3]
    _json(d, "take", "--service", "tu-phap-ho-tich", "--no-pdf")
    assert _json(d, "call", "--counter", "2")["ticket"] is None              # type: ignore
    _json(d, "take", "--service", B, "--no-pdf")
    assert _json(d, "call", "--counter", "2")["ticket"] == "B001"            # type: ignore


def test_strict_priority_is_honoured(tmp_path: Path) -> None:
    d = tmp_path / "d"
    take = ("take", "--service", B, "--no-pdf")
    _json(d, *take, "--priority")                                            # B001
    assert _json(d, "call", "--counter", "1")["ticket"] == "B001"            # type: ignore
    _json(d, *take)                                                          # B002 normal
    _json(d, *take, "--priority")                                            # B003 priority
    # interleaved (one per 3): a priority call was just made, so the normal one goes first
    assert _json(d, "call", "--counter", "1")["ticket"] == "B002"            # type: ignore
    _json(d, *take)                                                          # B004 normal
    assert _json(d, "admin", "priority", "--strict") == {
        "mode": "strict", "every": 3, "changed": ["queue_priority"]}
    assert _json(d, "call", "--counter", "1")["ticket"] == "B003"            # type: ignore
    assert _json(d, "admin", "priority", "--every", "5")["mode"] == "interleave"  # type: ignore


def test_hours_print_edit_load_round_trip(tmp_path: Path) -> None:
    d = tmp_path / "d"
    shown = _json(d, "admin", "hours")
    assert shown["always_open"] is True and set(shown["week"]) == {                # type: ignore
        "mon", "tue", "wed", "thu", "fri", "sat", "sun"}
    edited = json.loads(json.dumps(REAL_HOURS))
    edited["week"]["mon"] = {"open": "7:00", "close": "16:30", "lunch": ["11:00", "13:30"]}
    edited["stop_before_close_min"] = 30
    path = tmp_path / "hours.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    loaded = _json(d, "admin", "hours", "--file", str(path))
    edited["week"]["mon"]["open"] = "07:00"                                   # stored as HH:MM
    assert loaded == edited and _json(d, "admin", "hours") == edited
    path.write_text(json.dumps(loaded), encoding="utf-8")                     # load back: no-op
    assert run(d, "queue", "admin", "hours", "--file", str(path)).returncode == 0
    assert _audit(d) == [("admin", "queue_hours")]
    store = Store(d)
    try:
        rule = hours.load_hours(store.conn())
        monday = vn(2025, 3, 3, 12, 0)
        assert hours.issue_window(rule, monday).reason == "lunch"
        assert hours.issue_window(rule, vn(2025, 3, 3, 13, 45)).open
        assert hours.issue_window(rule, vn(2025, 3, 3, 16, 5)).reason == "stop_before_close"
    finally:
        store.close()


def test_rate_limit_is_stored(tmp_path: Path) -> None:
    d = tmp_path / "d"
    assert _json(d, "admin", "rate-limit", "6") == {"kiosk_per_minute": 6,
                                                     "changed": ["queue_rate_limit"]}


def _bad_hours(tmp_path: Path, change: dict) -> str:
    raw = json.loads(json.dumps(REAL_HOURS)) | change
    path = tmp_path / f"bad{len(list(tmp_path.glob('bad*')))}.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("args", "sentence"), [
    (("service", B, "--prefix", "A"), "Ký hiệu A đang dùng cho dịch vụ tu-phap-ho-tich."),
    (("service", B, "--prefix", "AB"), "Ký hiệu dịch vụ phải là một chữ cái A–Z."),
    (("service", B, "--prefix", "1"), "Ký hiệu dịch vụ phải là một chữ cái A–Z."),
    (("service", B, "--vi", "  "), "Xin nhập tên dịch vụ."),
    (("service", "khong-co", "--vi", "X"), "Không có dịch vụ “khong-co”"),
    (("counter", "9", "--services", B), "Không có quầy số 9."),
    (("counter", "1", "--services", ","), "Quầy 1 phải phục vụ ít nhất một dịch vụ."),
    (("counter", "1", "--services", f"{B},xyz"), "Không có dịch vụ “xyz”"),
    (("priority", "--every", "0"), "phải từ 1 đến 50"),
    (("rate-limit", "0"), "phải từ 1 đến 60"),
    (("hours", "--file", "LUNCH"), "Thứ Hai: giờ nghỉ trưa 11:30–18:00 phải nằm trong giờ làm"),
    (("hours", "--file", "ORDER"), "Thứ Ba: giờ mở cửa (17:00) phải trước giờ đóng cửa (07:30)."),
    (("hours", "--file", "TIME"), "Giờ “7h30” ngày Thứ Tư không hợp lệ"),
    (("hours", "--file", "STOP"), "từ 0 đến 240 phút"),
    (("hours", "--file", "MISSING"), "Không đọc được tệp lịch làm việc"),
])
def test_bad_input_is_refused_with_a_sentence_and_nothing_changes(
        tmp_path: Path, args: tuple[str, ...], sentence: str) -> None:
    d = tmp_path / "d"
    files = {"LUNCH": {"mon": {"open": "07:30", "close": "17:00", "lunch": ["11:30", "18:00"]}},
             "ORDER": {"tue": {"open": "17:00", "close": "07:30"}},
             "TIME": {"wed": {"open": "7h30", "close": "17:00"}}}
    if args[-1] in files:
        args = (*args[:-1], _bad_hours(tmp_path, {"week": REAL_HOURS["week"] | files[args[-1]]}))
    elif args[-1] == "STOP":
        args = (*args[:-1], _bad_hours(tmp_path, {"stop_before_close_min": 500}))
    elif args[-1] == "MISSING":
        args = (*args[:-1], str(tmp_path / "missing.json"))
    before = [_json(d, "admin", what) for what in ("services", "hours")]
    proc = run(d, "queue", "admin", *args, "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert sentence in proc.stderr
    assert [_json(d, "admin", what) for what in ("services", "hours")] == before
    assert _audit(d) == []
