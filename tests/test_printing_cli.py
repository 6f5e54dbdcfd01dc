"""`print …` headless commands: UTF-8 JSON, the printer's problem in words, nothing lost."""
from __future__ import annotations

import json
from pathlib import Path

from tests.printer_loopback import LoopbackPrinter, decode_escpos
from tests.test_cli import imported, run


def _report(data: Path) -> str:
    new = run(data, "report", "new", "--category", "moi-truong", "--text",
              "Ổ gà lớn trên đường liên ấp", "--json")
    assert new.returncode == 0, new.stderr
    return json.loads(new.stdout)["code"]


def test_print_a_report_by_code_in_any_form(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = _report(data)
    printer = LoopbackPrinter()
    try:
        out = run(data, "print", code.lower().replace("-", " "), "--printer", printer.url,
                  "--json")
        assert out.returncode == 0, out.stderr
        assert "\\u" not in out.stdout
        result = json.loads(out.stdout)
        assert (result["kind"], result["ref"], result["state"]) == ("report", code, "printed")
        assert decode_escpos(bytes(printer.wait_job().data)).image.width == 576
    finally:
        printer.close()
    saved = json.loads(run(data, "print", code, "--json").stdout)     # the default: pdf:
    assert (saved["printer"], saved["state"]) == ("pdf:", "saved")


def test_a_refused_printer_fails_in_words_and_is_logged(tmp_path: Path) -> None:
    data = tmp_path / "d"
    code = _report(data)
    out = run(data, "print", code, "--printer", "escpos+tcp://127.0.0.1:1", "--json")
    assert out.returncode == 3
    result = json.loads(out.stdout)
    assert result["error"] == "printer_offline"
    assert result["message"].startswith("Không kết nối được máy in")
    # The shell has no “In lại” button: the sentence says to run the command again.
    assert "In lại" not in result["message"] and f"print {result['ref']}" in result["message"]
    text = run(data, "--lang", "en", "print", code, "--printer", "escpos+tcp://127.0.0.1:1")
    assert text.returncode == 3 and "Cannot connect to the printer" in text.stderr
    recent = json.loads(run(data, "print", "recent", "--limit", "5", "--json").stdout)
    assert [(j["ref"], j["state"], j["error_code"]) for j in recent] == [
        (code, "failed", "printer_offline")]
    shown = json.loads(run(data, "report", "show", code, "--json").stdout)
    assert shown["code"] == code and Path(result["pdf"]).exists()     # nothing lost


def test_print_a_ticket_by_label_and_the_test_page(tmp_path: Path) -> None:
    data = tmp_path / "d"
    take = json.loads(run(data, "queue", "take", "--service", "tu-phap-ho-tich", "--json").stdout)
    printer = LoopbackPrinter()
    try:
        out = run(data, "print", take["ticket"].lower(), "--printer", printer.url, "--json")
        assert out.returncode == 0, out.stderr
        assert json.loads(out.stdout)["ref"] == take["ticket"]
        test = run(data, "print", "test", "--printer", printer.url, "--json")
        assert test.returncode == 0 and json.loads(test.stdout)["kind"] == "test"
    finally:
        printer.close()
    recent = json.loads(run(data, "print", "recent", "--json").stdout)
    assert [j["kind"] for j in recent] == ["test", "ticket"]


def test_bad_input_is_refused_in_words_without_qt(tmp_path: Path) -> None:
    data = tmp_path / "d"
    bad = run(data, "print", "test", "--printer", "escpos+tcp://", importtime=True)
    assert bad.returncode == 2 and "Địa chỉ máy in" in bad.stderr
    assert not {"PySide6", "shiboken6"} & imported(bad.stderr)
    unknown = run(data, "print", "Z999")
    assert unknown.returncode == 2 and "Không tìm thấy số thứ tự" in unknown.stderr
    system = run(data, "print", "test", "--printer", "system:Máy in quầy 1")
    assert system.returncode == 3 and "chỉ in được từ ứng dụng" in system.stderr
