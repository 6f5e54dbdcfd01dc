"""`main.py transfer …` as a person runs it (subprocesses): JSON answers, Vietnamese errors with a
non-zero exit, and a stick that fills up half way (RLIMIT_FSIZE in the child, or a stick that
fills during the second part) leaving no file that looks like a transfer."""
from __future__ import annotations

import errno
import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest

from kiosk.errors import KioskError
from kiosk.reports import ReportDraft, file_report
from sync import transfer_format as tf
from sync.transfer import export_transfer
from tests.secrets_support import JsonFileKeyring
from tests.server_support import province  # noqa: F401 - fixture
from tests.test_transfer import Pair, file_three, noise_photo, pair  # noqa: F401 - fixture

ROOT = Path(__file__).resolve().parent.parent
KEYRING_ENV = "CAUNOI_TEST_KEYRING"


@pytest.fixture(autouse=True)
def shared_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """One keyring file for this process and the `main.py` children: the store's key for
    personal fields at rest (kiosk/datakey.py) is made here and read there."""
    monkeypatch.setenv(KEYRING_ENV, str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(JsonFileKeyring())
    yield
    keyring.set_keyring(previous)


def _run(data_dir: Path, *args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def fsize() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # EFBIG instead of being killed
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PYTHON_KEYRING_BACKEND="tests.secrets_support.JsonFileKeyring")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir),
                           "transfer", *args], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120,
                          preexec_fn=fsize if limit is not None else None)


def _json(done: subprocess.CompletedProcess[str]) -> Any:
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_export_import_confirm_as_json(pair: Pair) -> None:
    file_three(pair.laptop)
    path = pair.stick / "chuyen-giao.cnt"
    out = _json(_run(pair.laptop.store.data_dir, "export", str(path), "--json"))
    assert {k: out[k] for k in ("path", "items", "photos", "parts")} == {
        "path": str(path), "items": 3, "photos": 2, "parts": 1}
    assert out["bytes"] == path.stat().st_size
    first = _json(_run(pair.office.store.data_dir, "import", str(path), "--json"))
    assert first == {"imported": 3, "skipped": 0, "receipt": str(tf.receipt_path(path))}
    again = _json(_run(pair.office.store.data_dir, "import", str(path), "--json"))
    assert (again["imported"], again["skipped"]) == (0, 3)
    confirmed = _json(_run(pair.laptop.store.data_dir, "confirm", str(path), "--json"))
    assert (confirmed["confirmed"], confirmed["already"]) == (3, 0)
    nothing = _run(pair.laptop.store.data_dir, "export", str(path), "--json")
    assert nothing.returncode == 2 and "Không có phản ánh nào đang chờ gửi" in nothing.stderr


def test_damaged_file_is_a_sentence_and_exit_2(pair: Pair) -> None:
    file_three(pair.laptop)
    path = pair.stick / "x.cnt"
    _json(_run(pair.laptop.store.data_dir, "export", str(path), "--json"))
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x40
    path.write_bytes(bytes(data))
    done = _run(pair.office.store.data_dir, "import", str(path), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip() == "Tệp chuyển giao bị hỏng hoặc đã bị sửa; không nhập gì."
    missing = _run(pair.office.store.data_dir, "import", str(pair.stick / "khong-co.cnt"))
    assert missing.returncode == 2 and "Không tìm thấy tệp chuyển giao" in missing.stderr


def _looks_like_transfer(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.read_bytes()[:len(tf.MAGIC)] == tf.MAGIC]


def test_a_full_stick_leaves_no_file_that_looks_valid(pair: Pair) -> None:
    file_report(pair.laptop.store, ReportDraft(category_id="khac", text="Ảnh lớn",
                                               photos=[noise_photo(3), noise_photo(4)]))
    path = pair.stick / "day.cnt"
    done = _run(pair.laptop.store.data_dir, "export", str(path), "--json", limit=150_000)
    assert done.returncode == 2, done.stdout
    assert "Traceback" not in done.stderr and "USB đã đầy" in done.stderr
    assert list(pair.stick.iterdir()) == []           # no temp file, no final name
    # with room again the same export works
    assert _json(_run(pair.laptop.store.data_dir, "export", str(path), "--json"))["items"] == 1


class _FillingStick:
    """open() for sync/transfer_format.py whose files share `room` bytes, then ENOSPC."""

    def __init__(self, room: int) -> None:
        self.room = room

    def __call__(self, file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        real = open(file, mode, *args, **kwargs)  # noqa: SIM115 - returned to a with block
        if "w" not in mode:
            return real
        stick = self
        write = real.write

        def limited(data: bytes) -> int:
            if len(data) > stick.room:
                write(data[:stick.room])
                stick.room = 0
                raise OSError(errno.ENOSPC, "No space left on device")
            stick.room -= len(data)
            return write(data)

        real.write = limited  # type: ignore[method-assign]
        return real


def test_stick_full_during_the_second_part_leaves_nothing(pair: Pair,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    file_report(pair.laptop.store, ReportDraft(category_id="khac", text="Nhiều ảnh",
                                               photos=[noise_photo(5), noise_photo(6)]))
    limit = max(len(noise_photo(s).data) for s in (5, 6)) + 40_000
    path = pair.stick / "hai.cnt"
    first_part = limit                           # part 1 fits, part 2 does not
    monkeypatch.setattr(tf, "open", _FillingStick(first_part + 1000), raising=False)
    with pytest.raises(KioskError) as full:
        export_transfer(pair.laptop.store, path, secrets=pair.laptop.secrets, part_limit=limit)
    assert full.value.code == "transfer_disk_full"
    assert list(pair.stick.iterdir()) == [] and _looks_like_transfer(pair.stick) == []
    monkeypatch.undo()
    done = export_transfer(pair.laptop.store, path, secrets=pair.laptop.secrets, part_limit=limit)
    assert done.parts == 2 and len(_looks_like_transfer(pair.stick)) == 2
