"""Server CLI: JSON output in UTF-8, clear two-language errors with a non-zero exit."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.server_support import ROOT, Province, _env, free_port


def _cli(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server", "--db", str(db), *args], cwd=ROOT,
                          env=_env({"PYTHONIOENCODING": "ascii"}), capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_json_output_is_utf8_even_with_an_ascii_locale(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"categories": [{"id": "x", "vi": "Ngập lụt", "en": "Flood",
                                                "icon": "i", "reply_days": 3}]}), encoding="utf-8")
    done = _cli(db, "catalog", "load", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert "Ngập lụt" in done.stdout and json.loads(done.stdout)["version"] == 2


def test_errors_are_sentences_in_vietnamese_then_english(tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    cases = [
        (("case", "set-status", "PA-12345-000009", "--status", "resolved"),
         "Không tìm thấy hồ sơ vụ việc PA-12345-000009"),
        (("device", "revoke", "nope"), "Không tìm thấy thiết bị nope"),
        (("enrol-code", "--commune", "12"), "Mã xã không hợp lệ"),
        (("dossier", "load", str(tmp_path / "absent.csv")), "Không tìm thấy tệp"),
    ]
    for args, sentence in cases:
        done = _cli(db, *args)
        assert done.returncode != 0, args
        assert done.stderr.startswith(sentence) and " / " in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


def test_bad_files_change_nothing(tmp_path: Path) -> None:
    province = Province(tmp_path / "p.sqlite3")
    bad_dossiers = tmp_path / "d.json"
    bad_dossiers.write_text(json.dumps([
        {"code": "H01", "secret": "a", "commune": "12345", "procedure": "p", "status": "done",
         "received_at": "2026-01-05T08:00:00Z", "due_date": "2026-01-06"},
        {"code": "H02", "secret": "a", "commune": "12345", "procedure": "p", "status": "weird",
         "received_at": "2026-01-05T08:00:00Z", "due_date": "2026-01-06"}]), encoding="utf-8")
    done = province.run_cli("dossier", "load", str(bad_dossiers))
    assert done.returncode == 1 and "record 2" in done.stderr
    bad_catalog = tmp_path / "c.json"
    bad_catalog.write_text("{\"categories\": [{\"id\": 1}]}", encoding="utf-8")
    done = province.run_cli("catalog", "load", str(bad_catalog))
    assert done.returncode == 1 and done.stderr.startswith("Danh mục")
    not_json = tmp_path / "n.json"
    not_json.write_text("{", encoding="utf-8")
    assert province.run_cli("catalog", "load", str(not_json)).returncode == 1
    # Nothing was loaded: the catalog is still the seed (loading a good one makes version 2).
    good = tmp_path / "g.json"
    good.write_text(json.dumps({"categories": [{"id": "x", "vi": "x", "en": "x", "icon": "i",
                                                "reply_days": 3}]}), encoding="utf-8")
    assert province.cli_json("catalog", "load", str(good))["version"] == 2
    import sqlite3
    with sqlite3.connect(province.db) as conn:
        assert conn.execute("select count(*) from dossiers").fetchone()[0] == 0


def test_enrol_code_and_lists_as_json(tmp_path: Path) -> None:
    province = Province(tmp_path / "p.sqlite3")
    code = province.enrol_code("12345")
    assert len(code.replace("-", "")) == 12
    assert province.cli_json("device", "list") == []
    assert province.cases() == []
    token = province.cli_json("operator-token")["token"]
    assert token.startswith("op_")


def test_unreachable_database_is_a_sentence_without_the_password(tmp_path: Path) -> None:
    port = free_port()   # nothing listens there
    done = _cli(f"postgresql://u:s3cret@127.0.0.1:{port}/x", "case", "list")
    assert done.returncode == 2
    assert done.stderr.startswith("Không dùng được cơ sở dữ liệu") and "s3cret" not in done.stderr


def test_server_package_imports_no_qt_ui_or_cli() -> None:
    probe = ("import sys, server.app, server.cli; bad = [m for m in sys.modules if "
             "m.split('.')[0] in ('PySide6', 'shiboken6', 'ui', 'cli')]; print(bad)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stderr
