"""`main.py lookup`: the JSON contract, plain-word errors with a non-zero exit, the same slow-down
as the kiosk's screen, no Qt."""
from __future__ import annotations

import json
from pathlib import Path

from kiosk import codes
from kiosk.reports import ReportDraft, file_report
from tests.support import seeded_store
from tests.test_cli import imported, run
from tests.test_lookup import DOSSIER, SECRET, T0, apply, case, dossier

FIELDS = {"code", "kind", "status", "status_text", "events", "due", "answer", "as_of"}


def _fill(data: Path) -> tuple[str, str]:
    """A data dir with an answered case and a local unsent report; returns their codes."""
    store = seeded_store(data)
    conn = store.conn()
    answered = codes.new_code()
    apply(conn, case(answered, "resolved", [("received", T0), ("resolved", T0)],
                     answer="Đã sửa đèn.", published=T0), dossier())
    conn.execute("INSERT INTO settings (key, value) VALUES ('sync.last_success',"
                 " '\"2026-03-04T07:05:00.000000Z\"')")
    local = file_report(store, ReportDraft(category_id="y-te", text="Thiếu thuốc",
                                           contact_name="Lý Thị Nở", contact_phone="0987001122",
                                           consent_text="Tôi đồng ý")).code
    store.close()
    return answered, local


def test_json_fields_for_a_report(tmp_path: Path) -> None:
    answered, local = _fill(tmp_path / "d")
    done = run(tmp_path / "d", "lookup", codes.grouped(answered), "--json", importtime=True)
    assert done.returncode == 0, done.stderr
    assert "\\u" not in done.stdout
    out = json.loads(done.stdout)
    assert FIELDS <= set(out)
    assert (out["kind"], out["status"], out["status_text"]) == ("report", "resolved",
                                                                "Đã xử lý xong")
    assert out["answer"] == "Đã sửa đèn." and out["as_of"] == "2026-03-04T07:05:00.000000Z"
    assert [e["status"] for e in out["events"]] == ["received", "resolved"]
    assert out["due"] == "2026-03-16"
    assert not {"PySide6", "shiboken6"} & imported(done.stderr)
    unsent = run(tmp_path / "d", "lookup", local.lower())
    assert unsent.returncode == 0, unsent.stderr
    assert "Đã lưu tại xã, chờ gửi lên tỉnh" in unsent.stdout
    assert "Cập nhật lúc 14:05 04/03/2026" in unsent.stdout
    assert "Lý Thị Nở" not in unsent.stdout and "0987001122" not in unsent.stdout


def test_dossier_with_secret_from_stdin_and_a_slip(tmp_path: Path) -> None:
    _fill(tmp_path / "d")
    done = run(tmp_path / "d", "lookup", DOSSIER, "--secret", "-", "--slip", "--json",
               stdin=SECRET.lower() + "\n")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert (out["kind"], out["status"], out["status_text"]) == ("dossier", "processing",
                                                                "Đang xử lý")
    assert Path(out["slip"]).read_bytes().startswith(b"%PDF")
    need = run(tmp_path / "d", "lookup", DOSSIER)
    assert need.returncode == 2 and "mã tra cứu" in need.stderr


def test_unknown_code_exits_non_zero_and_counts(tmp_path: Path) -> None:
    answered, _ = _fill(tmp_path / "d")
    typo = run(tmp_path / "d", "lookup", "K7QM-2XPD-9RX")
    assert typo.returncode == 2 and "Mã không đúng" in typo.stderr and typo.stdout == ""
    for _ in range(5):
        unknown = run(tmp_path / "d", "lookup", codes.new_code(), "--json")
        assert unknown.returncode == 2 and unknown.stdout == ""
        assert "Không tìm thấy" in unknown.stderr
    slowed = run(tmp_path / "d", "--lang", "en", "lookup", answered)
    assert slowed.returncode == 2 and "Too many wrong codes" in slowed.stderr
    assert "Traceback" not in slowed.stderr
