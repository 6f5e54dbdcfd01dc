"""Headless subcommands: UTF-8 JSON, plain-word errors, no Qt (nor reportlab/Pillow unneeded)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import jpeg_bytes

ROOT = Path(__file__).resolve().parents[1]


def run(data: Path, *args: str, stdin: str | None = None,
        importtime: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable] + (["-X", "importtime"] if importtime else []) + [
        str(ROOT / "main.py"), "--data-dir", str(data), *args]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", input=stdin,
                          env=dict(os.environ, PYTHONIOENCODING="ascii"), timeout=60)


def imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip().split(".")[0] for line in stderr.splitlines()
            if line.startswith("import time:")}


def test_report_new_show_list_round_trip(tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(jpeg_bytes())
    new = run(tmp_path / "d", "report", "new", "--category", "moi-truong", "--text",
              "Khói từ lò đốt rác gây ô nhiễm", "--hamlet", "khu-pho-1", "--photo", str(photo),
              "--name", "Trần Thị Mai", "--phone", "0987654321", "--consent", "--json")
    assert new.returncode == 0, new.stderr
    assert "\\u" not in new.stdout      # UTF-8 text, even with an ASCII-minded environment
    out = json.loads(new.stdout)
    assert len(out["code"]) == 13 and out["code"].count("-") == 2
    assert Path(out["receipt"]).read_bytes().startswith(b"%PDF")
    show = run(tmp_path / "d", "report", "show", out["code"].lower().replace("-", ""), "--json")
    assert show.returncode == 0, show.stderr
    view = json.loads(show.stdout)
    assert view["text"] == "Khói từ lò đốt rác gây ô nhiễm" and view["hamlet"] == "Khu phố 1"
    assert view["photo_count"] == 1 and view["phone_masked"] == "098****321"
    assert "Trần Thị Mai" not in show.stdout and "0987654321" not in show.stdout
    listed = json.loads(run(tmp_path / "d", "report", "list", "--json").stdout)
    assert [r["code"] for r in listed] == [out["code"]]


def test_catalog_commands(tmp_path: Path) -> None:
    cats = json.loads(run(tmp_path / "d", "catalog", "categories", "--json").stdout)
    assert {"id": "y-te", "vi": "Y tế", "en": "Health", "reply_days": 7} in cats
    office = json.loads(run(tmp_path / "d", "catalog", "office", "--json").stdout)
    assert len(office["commune_code"]) == 5 and office["hamlets"]


@pytest.mark.parametrize("args, words", [
    (["report", "new", "--category", "khong-co", "--text", "x"], "Không có lĩnh vực"),
    (["report", "new", "--category", "khac", "--text", "x", "--phone", "0912345678"],
     "đánh dấu ô đồng ý"),
    (["report", "new", "--category", "khac", "--text", "x", "--photo", "/khong/co.jpg"],
     "Không đọc được tệp ảnh"),
    (["report", "new", "--category", "khac", "--text", "ư" * 4001], "vượt quá 4000"),
    (["report", "show", "ABCD-EFGH-JKM"], "Mã không đúng"),
    (["--lang", "en", "report", "show", "ABCD-EFGH-JKM"], "That code is not valid"),
])
def test_errors_are_plain_words(tmp_path: Path, args: list[str], words: str) -> None:
    proc = run(tmp_path / "d", *args)
    assert proc.returncode != 0
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(run(tmp_path / "d", "report", "list", "--json").stdout) == []


def test_gif_named_jpg_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    fake = tmp_path / "anh.jpg"
    Image.new("P", (8, 8)).save(fake, "GIF")
    proc = run(tmp_path / "d", "report", "new", "--category", "khac", "--text", "x",
               "--photo", str(fake))
    assert proc.returncode == 2 and "Chỉ nhận ảnh JPEG hoặc PNG" in proc.stderr


def test_headless_commands_import_no_qt(tmp_path: Path) -> None:
    for args in (["catalog", "office", "--json"], ["report", "list", "--json"]):
        proc = run(tmp_path / "d", *args, importtime=True)
        assert proc.returncode == 0
        mods = imported(proc.stderr)
        assert not mods & {"PySide6", "shiboken6", "reportlab", "PIL", "requests"}, args
    proc = run(tmp_path / "d", "report", "new", "--category", "khac", "--text", "x",
               importtime=True)
    assert "PySide6" not in imported(proc.stderr) and "reportlab" in imported(proc.stderr)


def test_pin_set_reads_stdin(tmp_path: Path) -> None:
    weak = run(tmp_path / "d", "pin", "set", "admin", stdin="123456\n")
    assert weak.returncode == 2 and "quá dễ đoán" in weak.stderr
    ok = run(tmp_path / "d", "pin", "set", "admin", stdin="274915\n")
    assert ok.returncode == 0
    import sqlite3

    conn = sqlite3.connect(tmp_path / "d" / "caunoi.sqlite3")
    stored = conn.execute("SELECT hash FROM pins WHERE role = 'admin'").fetchone()[0]
    assert b"274915" not in stored and len(stored) == 32


def test_unexpected_errors_are_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    proc = run(not_a_dir, "report", "list")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "Không mở được tệp dữ liệu" in proc.stderr
    bad_limit = run(tmp_path / "d", "report", "list", "--limit", "-5")
    assert bad_limit.returncode == 2 and "số nguyên dương" in bad_limit.stderr


def test_text_output_is_for_people(tmp_path: Path) -> None:
    new = json.loads(run(tmp_path / "d", "report", "new", "--category", "khac", "--text",
                         "Cống bị tắc", "--json").stdout)
    listed = run(tmp_path / "d", "report", "list").stdout
    assert new["code"] in listed and "pending" not in listed     # the state, in words
    assert "Đã lưu tại xã, chờ gửi lên tỉnh" in listed and "Z" not in listed.split(new["code"])[1]
    shown = run(tmp_path / "d", "report", "show", new["code"]).stdout
    assert "Cống bị tắc" in shown and "pending" not in shown
