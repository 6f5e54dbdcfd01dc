"""`python main.py queue …`: JSON for scripts, sentences for people, no Qt."""
from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import imported, run


def _json(data: Path, *args: str) -> object:
    proc = run(data, "queue", *args, "--json")
    assert proc.returncode == 0, proc.stderr
    assert "\\u" not in proc.stdout
    return json.loads(proc.stdout)


def test_take_call_serve_finish_rate_round_trip(tmp_path: Path) -> None:
    d = tmp_path / "d"
    services = _json(d, "services")
    assert [s["prefix"] for s in services] == ["A", "B", "C", "D", "E"]   # type: ignore
    first = _json(d, "take", "--service", "chung-thuc")
    assert first["ticket"] == "B001" and first["service"] == "chung-thuc"  # type: ignore
    assert first["ahead"] == 0 and first["estimate_minutes"] is None       # type: ignore
    assert Path(first["pdf"]).read_bytes().startswith(b"%PDF")             # type: ignore
    second = _json(d, "take", "--service", "chung-thuc", "--priority")
    assert second["ticket"] == "B002" and second["detail"]["priority"]     # type: ignore
    called = _json(d, "call", "--counter", "2")
    assert called["ticket"] == "B002" and called["counter"] == 2           # type: ignore
    text = run(d, "queue", "recall", "--counter", "2")
    assert text.returncode == 0 and "B002" in text.stdout and "quầy 2" in text.stdout
    assert _json(d, "serve", "--counter", "2")["detail"]["state"] == "serving"  # type: ignore
    assert _json(d, "finish", "--counter", "2")["detail"]["state"] == "finished"  # type: ignore
    rated = _json(d, "rate", "--ticket", "b2", "--level", "satisfied")
    assert rated["ticket"] == "B002"                                       # type: ignore
    status = _json(d, "status")
    assert status["next_waiting"] == ["B001"]                              # type: ignore
    assert status["recent_calls"][0]["label"] == "B002"                    # type: ignore
    assert status["issuing"]["open"] is True                               # type: ignore
    figures = _json(d, "figures")
    assert figures["services"][0]["served"] == 1                           # type: ignore


def test_call_with_nobody_waiting_prints_null_and_a_sentence(tmp_path: Path) -> None:
    out = _json(tmp_path / "d", "call", "--counter", "1")
    assert out["ticket"] is None and "Không còn ai chờ" in out["message"]  # type: ignore
    plain = run(tmp_path / "d", "queue", "call", "--counter", "1")
    assert plain.returncode == 0 and "Không còn ai chờ" in plain.stdout


def test_global_counter_option_and_transfer_and_no_show(tmp_path: Path) -> None:
    d = tmp_path / "d"
    _json(d, "take", "--service", "tu-phap-ho-tich", "--no-pdf")
    _json(d, "take", "--service", "tu-phap-ho-tich", "--no-pdf")
    proc = run(d, "--counter", "3", "queue", "call")
    assert proc.returncode == 0 and proc.stdout.strip() == "Mời số A001 đến quầy số 3."
    moved = _json(d, "transfer", "--counter", "3", "--to", "chung-thuc")
    assert moved["ticket"] == "A001" and moved["service"] == "chung-thuc"  # type: ignore
    _json(d, "call", "--counter", "1")
    assert _json(d, "no-show", "--counter", "1")["detail"]["state"] == "no_show"  # type: ignore
    assert _json(d, "close-day") == {"closed": 0}


def test_bookings_import_and_take_by_code(tmp_path: Path) -> None:
    d = tmp_path / "d"
    file = tmp_path / "b.csv"
    file.write_text("code,service,slot_start,slot_end\n"
                    "DL-2504-0137,dat-dai-xay-dung,2020-01-01 08:00,2099-12-31 17:00\n",
                    encoding="utf-8")
    assert _json(d, "bookings", "import", str(file)) == {
        "added": 1, "updated": 0, "already_used": 0}
    took = _json(d, "take", "--booking", "dl-2504-0137", "--no-pdf")
    assert took["ticket"] == "C001" and took["detail"]["booking_code"] == "DL-2504-0137"  # type: ignore
    again = run(d, "queue", "take", "--booking", "DL-2504-0137")
    assert again.returncode == 2 and "đã được dùng để lấy số C001" in again.stderr


def test_errors_are_sentences(tmp_path: Path) -> None:
    d = tmp_path / "d"
    for args, words in ((["take", "--service", "khong-co"], "Không có dịch vụ"),
                        (["finish", "--counter", "1"], "chưa gọi số nào"),
                        (["call", "--counter", "7"], "Không có quầy số 7"),
                        (["rate", "--ticket", "A999", "--level", "satisfied"],
                         "Không tìm thấy số thứ tự")):
        proc = run(d, "queue", *args)
        assert proc.returncode == 2, args
        assert words in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    en = run(d, "--lang", "en", "queue", "finish", "--counter", "1")
    assert "has no number called" in en.stderr


def test_queue_commands_import_no_qt(tmp_path: Path) -> None:
    for args in (["queue", "status", "--json"], ["queue", "call", "--counter", "1"]):
        proc = run(tmp_path / "d", *args, importtime=True)
        assert proc.returncode == 0, proc.stderr
        assert not imported(proc.stderr) & {"PySide6", "shiboken6", "reportlab", "PIL"}, args
