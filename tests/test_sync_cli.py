"""`main.py sync …` as an operator runs it: separate processes, a real store, the reference
server on loopback, the token in a keyring outside the data dir (tests/secrets_support.py)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.secrets_support import file_keyring_env  # noqa: F401 - fixture
from tests.server_support import Province, province  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parent.parent
COMMUNE = "29284"


def caunoi(env: dict[str, str], data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), *args],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def ok_json(done: subprocess.CompletedProcess[str]) -> object:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_enrol_run_status_quarantine(tmp_path: Path, province: Province,  # noqa: F811
                                     file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    env, data = file_keyring_env, tmp_path / "data"
    not_yet = caunoi(env, data, "sync", "run", "--json")
    assert not_yet.returncode != 0 and "chưa được đăng ký" in not_yet.stderr

    code = province.enrol_code(COMMUNE)
    enrolled = ok_json(caunoi(env, data, "sync", "enrol", "--server", province.url,
                              "--code", code, "--json"))
    assert enrolled["commune"] == COMMUNE
    token = json.loads(Path(env["CAUNOI_TEST_KEYRING"]).read_text(encoding="utf-8"))
    assert any(token.values())
    for path in data.rglob("*"):      # the token is nowhere in the data dir
        if path.is_file():
            assert not any(v.encode() in path.read_bytes() for v in token.values()), path

    for text in ("Rác thải ở ngõ 5", "Đèn đường hỏng"):
        ok_json(caunoi(env, data, "report", "new", "--category", "moi-truong", "--text", text,
                       "--json"))
    ran = ok_json(caunoi(env, data, "sync", "run", "--json"))
    assert {k: ran[k] for k in ("sent", "duplicates", "rejected", "pending")} == {
        "sent": 2, "duplicates": 0, "rejected": 0, "pending": 0}
    assert isinstance(ran["pulled"], int) and ran["pulled"] >= 2
    assert len(province.cases()) == 2

    status = ok_json(caunoi(env, data, "sync", "status", "--json"))
    assert status["pending"] == 0 and status["quarantined"] == 0
    assert status["last_success"] and "clock_offset_s" in status
    assert ok_json(caunoi(env, data, "sync", "quarantine", "list", "--json")) == []
    human = caunoi(env, data, "sync", "status")
    assert human.returncode == 0 and "Chờ gửi: 0" in human.stdout
    # People read local dd/MM/yyyy HH:mm, never the stored ISO/UTC text (JSON keeps that).
    assert status["last_success"] not in human.stdout
    assert re.search(r"Lần đồng bộ thành công gần nhất: \d\d/\d\d/\d{4} \d\d:\d\d",
                     human.stdout)


def test_bad_code_and_insecure_url_are_vietnamese_sentences(
        tmp_path: Path, province: Province, file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    env, data = file_keyring_env, tmp_path / "data"
    wrong = caunoi(env, data, "sync", "enrol", "--server", province.url, "--code", "SAIMA-123")
    assert wrong.returncode != 0 and "Mã đăng ký" in wrong.stderr
    plain = caunoi(env, data, "sync", "enrol", "--server", "http://example.com",
                   "--code", "ABCDEF12")
    assert plain.returncode != 0 and plain.stderr.strip()
    assert "Traceback" not in wrong.stderr + plain.stderr


def test_settings_choose_the_file_store_with_a_warning(tmp_path: Path,
                                                       file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    env, data = file_keyring_env, tmp_path / "data"
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    done = caunoi(env, data, "sync", "settings", "--secrets-store", "file", "--ca-bundle",
                  str(bundle), "--json")
    assert done.returncode == 0, done.stderr
    assert "mã hóa" in done.stderr
    assert json.loads(done.stdout) == {"ca_bundle": str(bundle.resolve()),
                                       "secrets_store": "file"}
    missing = caunoi(env, data, "sync", "settings", "--ca-bundle", str(tmp_path / "nope.pem"))
    assert missing.returncode != 0 and "Không tìm thấy" in missing.stderr


def test_sync_commands_do_not_import_qt(tmp_path: Path,
                                        file_keyring_env: dict[str, str]) -> None:  # noqa: F811
    done = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"),
                           "--data-dir", str(tmp_path / "d"), "sync", "status", "--json"],
                          capture_output=True, text=True, encoding="utf-8",
                          env=file_keyring_env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "PySide6" not in done.stderr
