"""The display board's voice: the exact sentences (canonical and spoken), the engines (a real
espeak-ng subprocess whose WAV must not be silent, QTextToSpeech's bundled mock plug-in), the
Announcer's chime, order, queue and fallback, and the generated chime."""
from __future__ import annotations

import importlib.util
import logging
import math
import os
import socket
import struct
import tempfile
import threading
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ui.speech import (CHIME, Announcer, EspeakEngine, QtSpeechEngine, RecordingEngine,
                       Utterance, call_sentence, spoken_call, spoken_ticket, vietnamese_number)
from ui.speech.audio import audio_output_available
from ui.speech.engines import find_espeak
from ui.speech.speechd import speechd_answers

ROOT = Path(__file__).resolve().parent.parent
RMS_FLOOR = 500.0   # of 32767 (about -36 dBFS): speech is far above, digital silence is 0

CALLS = [  # ticket, counter, canonical vi, spoken vi
    ("A001", 1, "Mời số A001 đến quầy số 1",
     "Mời số A, không, không, một, đến quầy số một"),
    ("A012", 2, "Mời số A012 đến quầy số 2",
     "Mời số A, không, một, hai, đến quầy số hai"),
    ("B012", 2, "Mời số B012 đến quầy số 2",
     "Mời số bê, không, một, hai, đến quầy số hai"),
    ("C1000", 3, "Mời số C1000 đến quầy số 3",
     "Mời số xê, một, không, không, không, đến quầy số ba"),
]


# -- helpers ------------------------------------------------------------------------------------
def read_wav(path: Path) -> tuple[float, float, wave._wave_params]:
    """(seconds, RMS of 16-bit samples, params)."""
    with wave.open(str(path), "rb") as w:
        params = w.getparams()
        assert params.sampwidth == 2, "16-bit PCM expected"
        frames = w.readframes(params.nframes)
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return params.nframes / params.framerate, rms, params


def write_silence(path: Path, seconds: float, rate: int = 22_050) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\0\0" * int(seconds * rate))
    return path


class FakePlayer:
    """Stands in for the WavPlayer: notes each chime and the number of sentences said by then."""

    def __init__(self, engine: RecordingEngine) -> None:
        self.engine = engine
        self.chimes: list[tuple[Path, int]] = []

    def play(self, path: Path, done: Callable[[bool], None]) -> None:
        from PySide6.QtCore import QTimer

        self.chimes.append((path, len(self.engine.said)))
        QTimer.singleShot(0, lambda: done(True))


class HeldEngine:
    """Speaks until the test says it has finished: shows that a second call waits."""

    name = "held"

    def __init__(self) -> None:
        self.said: list[str] = []
        self.pending: list[Callable[[bool], None]] = []

    def available(self) -> bool:
        return True

    def say(self, text: str, lang: str, done: Callable[[bool], None] | None = None) -> None:
        self.said.append(text)
        self.pending.append(done or (lambda ok: None))


class FailingEngine(RecordingEngine):
    def say(self, text: str, lang: str, done: Callable[[bool], None] | None = None) -> None:
        from PySide6.QtCore import QTimer

        self.said.append(Utterance(text, lang))
        if done is not None:
            QTimer.singleShot(0, lambda: done(False))


@pytest.fixture(scope="module")
def espeak() -> str:
    path = find_espeak()
    assert path, "espeak-ng is missing: run scripts/setup_system.sh (Debian package espeak-ng)"
    return path


# -- sentences ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("ticket", "counter", "canonical", "spoken"), CALLS)
def test_vietnamese_call_canonical_and_spoken(ticket: str, counter: int, canonical: str,
                                              spoken: str) -> None:
    assert call_sentence(ticket, counter) == canonical
    assert call_sentence(ticket, counter, "vi") == canonical
    assert spoken_call(ticket, counter) == spoken


@pytest.mark.parametrize(("ticket", "counter", "canonical", "spoken"), [
    ("A001", 1, "Number A001, please go to counter 1",
     "Number A, zero, zero, one, please go to counter 1"),
    ("B012", 2, "Number B012, please go to counter 2",
     "Number B, zero, one, two, please go to counter 2"),
    ("C1000", 3, "Number C1000, please go to counter 3",
     "Number C, one, zero, zero, zero, please go to counter 3"),
])
def test_english_call(ticket: str, counter: int, canonical: str, spoken: str) -> None:
    assert call_sentence(ticket, counter, "en") == canonical
    assert spoken_call(ticket, counter, "en") == spoken


def test_spoken_ticket_spells_letters_and_digits() -> None:
    assert spoken_ticket("A012", "vi") == "A, không, một, hai"
    assert spoken_ticket("D1000") == "dê, một, không, không, không"
    assert spoken_ticket("S7") == "ét xì, bảy"
    assert spoken_ticket("A012", "en") == "A, zero, one, two"


@pytest.mark.parametrize(("n", "words"), [
    (1, "một"), (2, "hai"), (10, "mười"), (11, "mười một"), (14, "mười bốn"),
    (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
    (25, "hai mươi lăm"), (100, "một trăm"), (105, "một trăm linh năm"),
    (110, "một trăm mười"), (999, "chín trăm chín mươi chín"),
])
def test_counter_numbers_in_vietnamese(n: int, words: str) -> None:
    assert vietnamese_number(n) == words


@pytest.mark.parametrize(("ticket", "counter", "lang"), [
    ("a012", 2, "vi"), ("A", 2, "vi"), ("012", 2, "vi"), ("A-12", 2, "vi"), ("A012 ", 2, "vi"),
    ("A012", 0, "vi"), ("A012", 1000, "vi"), ("A012", True, "vi"), ("A012", "2", "vi"),
    ("A012", 2, "fr"),
])
def test_malformed_calls_are_refused(ticket: str, counter: object, lang: str) -> None:
    with pytest.raises(ValueError):
        call_sentence(ticket, counter, lang)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        spoken_call(ticket, counter, lang)  # type: ignore[arg-type]


# -- the announcer with a recording engine ------------------------------------------------------
def test_engine_receives_the_spoken_form_and_signal_carries_the_canonical(ui, qtbot) -> None:  # noqa: ANN001
    engine = RecordingEngine()
    player = FakePlayer(engine)
    announcer = Announcer([engine], player=player)
    heard: list[str] = []
    announcer.spoken.connect(heard.append)

    for ticket, counter, canonical, _ in CALLS:
        assert announcer.announce(ticket, counter) == canonical
    qtbot.waitUntil(lambda: len(heard) == len(CALLS))

    assert heard == [canonical for _, _, canonical, _ in CALLS]
    assert engine.said == [Utterance(spoken, "vi") for *_, spoken in CALLS]
    # a chime before each sentence, and only one sentence said by the time of each chime
    assert player.chimes == [(CHIME, i) for i in range(len(CALLS))]
    assert announcer.pending() == 0


def test_english_announcement(ui, qtbot) -> None:  # noqa: ANN001
    engine = RecordingEngine()
    announcer = Announcer([engine], chime=None, lang="en")
    with qtbot.waitSignal(announcer.spoken) as blocker:
        announcer.announce("B012", 2)
    assert blocker.args == ["Number B012, please go to counter 2"]
    assert engine.said == [Utterance("Number B, zero, one, two, please go to counter 2", "en")]


def test_two_calls_never_overlap(ui, qtbot) -> None:  # noqa: ANN001
    engine = HeldEngine()
    announcer = Announcer([engine], chime=None)
    heard: list[str] = []
    announcer.spoken.connect(heard.append)

    announcer.announce("A012", 2)
    announcer.announce("B013", 3)
    qtbot.waitUntil(lambda: len(engine.said) == 1)
    assert engine.said == ["Mời số A, không, một, hai, đến quầy số hai"]
    assert announcer.pending() == 2

    # Let the event loop run: the second call still waits for the first to finish.
    with qtbot.waitSignal(announcer.spoken) as first:
        engine.pending.pop(0)(True)
    assert first.args == ["Mời số A012 đến quầy số 2"]
    qtbot.waitUntil(lambda: len(engine.said) == 2)
    assert engine.said[1] == "Mời số bê, không, một, ba, đến quầy số ba"

    with qtbot.waitSignal(announcer.spoken) as second:
        engine.pending.pop(0)(True)
    assert second.args == ["Mời số B013 đến quầy số 3"]
    assert heard == ["Mời số A012 đến quầy số 2", "Mời số B013 đến quầy số 3"]
    assert announcer.pending() == 0


def test_a_malformed_call_queues_nothing(ui, qtbot) -> None:  # noqa: ANN001
    engine = RecordingEngine()
    announcer = Announcer([engine], chime=None)
    with pytest.raises(ValueError):
        announcer.announce("A12B", 2)
    assert announcer.pending() == 0
    assert engine.said == []


def test_a_failing_engine_hands_the_call_to_the_next(ui, qtbot, caplog) -> None:  # noqa: ANN001
    broken = FailingEngine("broken")
    backup = RecordingEngine("backup")
    announcer = Announcer([broken, backup], chime=None)
    with qtbot.waitSignal(announcer.spoken) as blocker:
        announcer.announce("A012", 2)
    assert blocker.args == ["Mời số A012 đến quầy số 2"]
    spoken = Utterance("Mời số A, không, một, hai, đến quầy số hai", "vi")
    assert broken.said == [spoken] and backup.said == [spoken]
    assert "speech engine broken failed" in caplog.text

    with qtbot.waitSignal(announcer.spoken):
        announcer.announce("A013", 1)
    assert len(broken.said) == 1 and len(backup.said) == 2   # the broken one is skipped now
    assert announcer.engine is backup


def test_no_engine_at_all_still_finishes_the_call(ui, qtbot, caplog) -> None:  # noqa: ANN001
    mute = RecordingEngine("mute", available=False)
    announcer = Announcer([mute], chime=None)
    with qtbot.waitSignal(announcer.spoken) as blocker:
        announcer.announce("A012", 2)
    assert blocker.args == ["Mời số A012 đến quầy số 2"]
    assert mute.said == []
    assert "no speech engine could say the call" in caplog.text


# -- espeak-ng, for real -------------------------------------------------------------------------
def test_espeak_wav_for_the_vietnamese_call_is_not_silent(espeak: str, tmp_path: Path) -> None:
    engine = EspeakEngine(espeak)
    assert engine.available()   # has the Vietnamese voice
    wav = engine.render(spoken_call("A012", 2), "vi", tmp_path / "call.wav")
    seconds, rms, params = read_wav(wav)
    assert params.nchannels == 1
    assert seconds > 0.5
    assert rms > RMS_FLOOR

    # the same measure says a silent WAV of the same length is silent
    _, silent_rms, _ = read_wav(write_silence(tmp_path / "silence.wav", seconds,
                                              params.framerate))
    assert silent_rms < RMS_FLOOR


def test_espeak_reads_the_vietnamese_text_as_vietnamese(espeak: str, tmp_path: Path) -> None:
    """The WAV is Vietnamese speech for the whole sentence, not the voice spelling mojibake:
    the full call lasts longer than its first two words alone."""
    engine = EspeakEngine(espeak)
    full, _, _ = read_wav(engine.render(spoken_call("C1000", 3), "vi", tmp_path / "full.wav"))
    head, _, _ = read_wav(engine.render("Mời số", "vi", tmp_path / "head.wav"))
    assert full > 2 * head


def test_espeak_say_renders_off_the_gui_thread_and_survives_no_audio_device(
        espeak: str, ui, qtbot, caplog) -> None:  # noqa: ANN001
    caplog.set_level(logging.INFO, logger="caunoi.ui.speech")
    engine = EspeakEngine(espeak)
    results: list[bool] = []
    engine.say(spoken_call("B012", 2), "vi", results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=30_000)
    assert results == [True]
    assert engine.last_wav is not None and engine.last_wav.is_file()
    seconds, rms, _ = read_wav(engine.last_wav)
    assert seconds > 0.5 and rms > RMS_FLOOR
    if not audio_output_available():
        assert "no audio device" in caplog.text


def test_missing_espeak_is_unavailable_and_fails_cleanly(ui, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    engine = EspeakEngine(str(tmp_path / "no-such-espeak-ng"))
    assert not engine.available()
    results: list[bool] = []
    engine.say("Mời số", "vi", results.append)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results == [False]


# -- QtTextToSpeech ------------------------------------------------------------------------------
def test_qt_speech_probe_raises_no_qt_warning(ui) -> None:  # noqa: ANN001
    """Every plug-in Qt lists (speechd here, without libspeechd or a daemon) is probed without
    a Qt warning; pytest-qt fails the test on one."""
    assert QtSpeechEngine().available() in (True, False)


def test_qt_mock_plugin_has_no_vietnamese_voice_so_espeak_speaks(espeak: str, ui, qtbot) -> None:  # noqa: ANN001
    """QTextToSpeech's own mock plug-in (shipped in the wheel) has English, Finnish and
    Norwegian voices but no Vietnamese one: the Announcer falls back to espeak-ng."""
    qt = QtSpeechEngine(engine_names=("mock",))
    assert not qt.available()
    espeak_engine = EspeakEngine(espeak)
    announcer = Announcer([qt, espeak_engine])
    with qtbot.waitSignal(announcer.spoken, timeout=30_000) as blocker:
        announcer.announce("A012", 2)
    assert blocker.args == ["Mời số A012 đến quầy số 2"]
    assert announcer.engine is espeak_engine
    seconds, rms, _ = read_wav(espeak_engine.last_wav)
    assert seconds > 0.5 and rms > RMS_FLOOR


def test_fallback_to_espeak_when_qt_speech_reports_no_vietnamese_voice(espeak: str, ui, qtbot) -> None:  # noqa: ANN001
    """The same with a fake for availability only: the Qt engine is never handed a sentence."""
    qt = RecordingEngine("qt", available=False)
    espeak_engine = EspeakEngine(espeak)
    announcer = Announcer([qt, espeak_engine])
    heard: list[str] = []
    announcer.spoken.connect(heard.append)
    announcer.announce("A001", 1)
    announcer.announce("C1000", 3)
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=30_000)
    assert heard == ["Mời số A001 đến quầy số 1", "Mời số C1000 đến quầy số 3"]
    assert qt.said == []
    assert announcer.engine is espeak_engine


def test_qt_speech_speaks_through_a_plugin_with_a_voice(ui, qtbot) -> None:  # noqa: ANN001
    """The real QTextToSpeech path (locale, voice, state changes, done) on the mock plug-in,
    asked for English, which it has."""
    engine = QtSpeechEngine(engine_names=("mock",), lang="en")
    assert engine.available()
    results: list[bool] = []
    engine.say(spoken_call("B012", 2, "en"), "en", results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=30_000)
    assert results == [True]


# -- a hung speech-dispatcher is not waited for --------------------------------------------------
@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A short directory for a Unix socket (its path is limited to about 100 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="sd"))
    yield path
    for child in path.iterdir():
        child.unlink()
    path.rmdir()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")
def test_a_speech_dispatcher_that_never_answers_is_skipped(short_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    path = short_dir / "speechd.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)   # accepts connections (kernel backlog) but never replies
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
        assert speechd_answers(timeout_s=0.3) is False


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")
def test_a_speech_dispatcher_that_answers_is_used(short_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    path = short_dir / "speechd.sock"
    received: list[bytes] = []

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)

        def serve() -> None:
            conn, _ = server.accept()
            with conn:
                received.append(conn.recv(1024))
                conn.sendall(b"208 OK CLIENT NAME SET\r\n")
                received.append(conn.recv(1024))

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
        assert speechd_answers(timeout_s=10) is True
        thread.join(10)
    assert received[0].startswith(b"SET SELF CLIENT_NAME ")
    assert received[1] == b"QUIT\r\n"


def test_no_speech_dispatcher_socket_lets_libspeechd_start_one(short_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{short_dir / 'absent.sock'}")
    assert speechd_answers(timeout_s=0.3) is True


# -- the chime -----------------------------------------------------------------------------------
def _make_chime_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("make_chime", ROOT / "scripts" / "make_chime.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chime_is_a_valid_short_two_tone_wav() -> None:
    assert CHIME == ROOT / "resources" / "sounds" / "chime.wav" and CHIME.is_file()
    seconds, rms, params = read_wav(CHIME)
    assert (params.nchannels, params.sampwidth, params.comptype) == (1, 2, "NONE")
    assert 0.7 <= seconds <= 0.9
    assert rms > RMS_FLOOR
    with wave.open(str(CHIME), "rb") as w:
        frames = w.readframes(w.getnframes())
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    assert max(abs(s) for s in samples) < 32767          # not clipped
    assert abs(samples[0]) < 100 and abs(samples[-1]) < 100   # no click at either end


def test_chime_is_what_make_chime_writes(tmp_path: Path) -> None:
    """The committed file comes from scripts/make_chime.py (so it is ours): regenerate, compare
    sample by sample (±1 for a last-bit difference in another platform's sin())."""
    made = _make_chime_module().write(tmp_path / "chime.wav")
    with wave.open(str(made), "rb") as a, wave.open(str(CHIME), "rb") as b:
        assert a.getparams() == b.getparams()
        fa, fb = a.readframes(a.getnframes()), b.readframes(b.getnframes())
    sa = struct.unpack(f"<{len(fa) // 2}h", fa)
    sb = struct.unpack(f"<{len(fb) // 2}h", fb)
    assert max(abs(x - y) for x, y in zip(sa, sb, strict=True)) <= 1


def test_setup_script_installs_espeak_ng() -> None:
    script = (ROOT / "scripts" / "setup_system.sh").read_text(encoding="utf-8")
    assert "espeak-ng" in script.split("REQUIRED=(", 1)[1].split("\n)\n", 1)[0].split()


def test_speech_package_keeps_qt_speech_lazy() -> None:
    """QtTextToSpeech loads only when a QtSpeechEngine is probed (an Addons module the board may
    never need), checked in a fresh interpreter."""
    import subprocess
    import sys

    code = ("import sys, ui.speech; "
            "print('PySide6.QtTextToSpeech' in sys.modules, 'PySide6.QtMultimedia' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.split() == ["False", "False"]
