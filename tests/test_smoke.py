"""`python main.py smoke-test` as CI and the bundle run it, and the Qt warning allow-list kept
in one place."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_test_passes() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "main.py", "smoke-test"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke-test passed" in result.stdout
    assert "receipt PDF rendered (1 page)" in result.stdout


def test_pytest_allow_list_matches_the_app() -> None:
    from ui.qtlog import ALLOWED

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignored = options["tool"]["pytest"]["ini_options"]["qt_log_ignore"]
    assert ignored == [entry.pattern for entry in ALLOWED]
    assert all(entry.reason for entry in ALLOWED)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name", ""), message.findtext("source", "")):
            message.find("translation")
            for context in root.iter("context") for message in context.iter("message")}


def test_vietnamese_catalog_covers_every_ui_string(tmp_path: Path) -> None:
    """Every tr() string under ui/ has a finished NFC Vietnamese translation with the same
    {placeholders} (a mismatch would raise in str.format on the kiosk)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-extensions", "py", str(ROOT / "ui"), "-ts",
                    str(fresh)], check=True, capture_output=True)
    shipped = _messages(ROOT / "resources" / "i18n" / "caunoi_vi.ts")
    missing = sorted(set(_messages(fresh)) - set(shipped))
    assert not missing, f"run lupdate and translate: {missing}"
    for (context, source), translation in shipped.items():
        assert translation is not None and translation.get("type") is None, (context, source)
        text = "".join(translation.itertext()).strip()
        assert text, (context, source)
        assert unicodedata.is_normalized("NFC", text), (context, source)
        assert sorted(re.findall(r"\{[^{}]*\}", text)) == \
            sorted(re.findall(r"\{[^{}]*\}", source)), (context, source)
