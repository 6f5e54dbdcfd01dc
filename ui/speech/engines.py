"""Speech engines behind one small interface, tried in order by the Announcer:

- QtSpeechEngine: QTextToSpeech (speechd on Linux, SAPI/WinRT on Windows), only when it has a
  voice for the language;
- EspeakEngine: the espeak-ng program renders a WAV off the GUI thread, QtMultimedia plays it;
- RecordingEngine: remembers what it was asked to say (tests, and a board with sound off).

`say()` returns at once; `done(ok)` is called later on the GUI thread, never from inside say().
ok is False when the engine failed to speak (the Announcer then tries the next engine).
"""
from __future__ import annotations

import ctypes
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QTimer

from ui.speech.audio import WavPlayer
from ui.speech.speechd import speechd_answers
from ui.workers import run_task

log = logging.getLogger("caunoi.ui.speech")

Done = Callable[[bool], None]


@runtime_checkable
class SpeechEngine(Protocol):
    name: str

    def available(self) -> bool: ...

    def say(self, text: str, lang: str, done: Done | None = None) -> None: ...


# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Utterance:
    text: str
    lang: str


class RecordingEngine:
    """Says nothing; keeps every sentence it was handed, in order, in `said`."""

    def __init__(self, name: str = "recording", available: bool = True) -> None:
        self.name = name
        self._available = available
        self.said: list[Utterance] = []

    def available(self) -> bool:
        return self._available

    def say(self, text: str, lang: str, done: Done | None = None) -> None:
        self.said.append(Utterance(text, lang))
        if done is not None:
            QTimer.singleShot(0, lambda: done(True))


# ---------------------------------------------------------------------------------------------
def _library_loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


# A Qt text-to-speech plug-in whose shared library is missing makes QTextToSpeech log
# 'Error loading text-to-speech plug-in "speechd"' (a critical message); check the library first.
_PLUGIN_LIBRARIES = {"speechd": "libspeechd.so.2"} if sys.platform.startswith("linux") else {}


class QtSpeechEngine:
    """QTextToSpeech with a voice for `lang` ("vi"). Probed once, on the first available()."""

    name = "qt"
    WATCHDOG_S = 4.0          # added to the sentence's own allowance (0.2 s a character)

    def __init__(self, engine_names: Sequence[str] | None = None, lang: str = "vi") -> None:
        self._engine_names = engine_names   # None: every plug-in Qt lists but "mock"
        self._lang = lang
        self._probed = False
        self._tts = None                    # QTextToSpeech with a voice for lang
        self._done: Done | None = None
        self._watchdog: QTimer | None = None

    def available(self) -> bool:
        if not self._probed:
            self._probed = True
            self._tts = self._probe()
        return self._tts is not None

    @property
    def engine_name(self) -> str | None:
        return self._tts.engine() if self._tts is not None else None

    def _probe(self):  # noqa: ANN202 - QTextToSpeech | None, imported lazily
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:
            log.info("QtTextToSpeech is not available: %s", exc)
            return None
        names = self._engine_names
        if names is None:
            names = [n for n in QTextToSpeech.availableEngines() if n != "mock"]
        for engine in names:
            library = _PLUGIN_LIBRARIES.get(engine)
            if library and not _library_loads(library):
                log.info("text-to-speech engine %s skipped: %s is not installed", engine, library)
                continue
            if engine == "speechd" and not speechd_answers():
                continue
            tts = QTextToSpeech(engine)
            if tts.state() == QTextToSpeech.State.Error:
                log.info("text-to-speech engine %s: %s", engine, tts.errorString())
                tts.deleteLater()
                continue
            if not self._use_voice(tts, self._lang):
                log.info("text-to-speech engine %s has no voice for %s", engine, self._lang)
                tts.deleteLater()
                continue
            log.info("text-to-speech engine %s, voice %s", engine, tts.voice().name())
            tts.stateChanged.connect(self._on_state)
            return tts
        return None

    @staticmethod
    def _use_voice(tts, lang: str) -> bool:  # noqa: ANN001 - QTextToSpeech
        """Switch tts to a locale and voice of `lang`; False when it has none."""
        from PySide6.QtCore import QLocale

        language = QLocale(lang).language()
        if tts.locale().language() != language:
            for locale in tts.availableLocales():
                if locale.language() == language:
                    tts.setLocale(locale)
                    break
            else:
                return False
        voices = [v for v in tts.availableVoices() if v.locale().language() == language]
        if not voices:
            return False
        if tts.voice().locale().language() != language:
            tts.setVoice(voices[0])
        return True

    def say(self, text: str, lang: str, done: Done | None = None) -> None:
        if not self.available():
            QTimer.singleShot(0, lambda: done and done(False))
            return
        tts = self._tts
        if not self._use_voice(tts, lang):
            log.info("text-to-speech has no %s voice; saying it with the %s one", lang, self._lang)
        self._done = done
        if self._watchdog is None:
            self._watchdog = QTimer(tts)
            self._watchdog.setSingleShot(True)
            self._watchdog.timeout.connect(self._on_watchdog)
        self._watchdog.start(int((self.WATCHDOG_S + 0.2 * len(text)) * 1000))
        tts.say(text)

    def _on_state(self, state) -> None:  # noqa: ANN001 - QTextToSpeech.State
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready:
            self._finish(True)
        elif state == QTextToSpeech.State.Error:
            log.warning("text-to-speech failed: %s", self._tts.errorString())
            self._finish(False)

    def _on_watchdog(self) -> None:
        # speechd with no working audio output stays "Speaking" for ever
        log.warning("text-to-speech did not finish in time; stopped")
        self._finish(False)   # first: stop() may report Ready, which must not count as spoken
        self._tts.stop()

    def _finish(self, ok: bool) -> None:
        if self._watchdog is not None:
            self._watchdog.stop()
        done, self._done = self._done, None
        if done is not None:
            QTimer.singleShot(0, lambda: done(ok))


# ---------------------------------------------------------------------------------------------
def find_espeak() -> str | None:
    """espeak-ng on PATH, or where the Windows installer puts it (not on PATH by default)."""
    found = shutil.which("espeak-ng")
    if found or sys.platform != "win32":
        return found
    for base in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)")):
        candidate = Path(base or "") / "eSpeak NG" / "espeak-ng.exe"
        if base and candidate.is_file():
            return str(candidate)
    return None


class SpeechError(RuntimeError):
    pass


_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0)   # no console flashing on a kiosk


class EspeakEngine:
    """espeak-ng renders the sentence to a WAV (a subprocess, on the thread pool), then a
    WavPlayer plays it. With no audio device the WAV is still rendered (`last_wav`) and the log
    says "no audio device"."""

    name = "espeak-ng"
    VOICES = {"vi": "vi", "en": "en"}
    TIMEOUT_S = 30

    def __init__(self, executable: str | None = None, speed: int = 150,
                 player: WavPlayer | None = None) -> None:
        self._executable = executable
        self.speed = speed           # words a minute; espeak-ng's default 175 is hurried
        self._player = player
        self._available: bool | None = None
        self._dir: Path | None = None
        self._count = 0
        self.last_wav: Path | None = None

    @property
    def executable(self) -> str | None:
        if self._executable is None:
            self._executable = find_espeak()
        return self._executable

    def available(self) -> bool:
        """espeak-ng runs and has a Vietnamese voice (asked once)."""
        if self._available is None:
            self._available = self._has_voice("vi")
        return self._available

    def _has_voice(self, lang: str) -> bool:
        if not self.executable:
            log.info("espeak-ng is not installed")
            return False
        try:
            out = subprocess.run([self.executable, f"--voices={self.VOICES[lang]}"],
                                 capture_output=True, timeout=self.TIMEOUT_S, check=True,
                                 creationflags=_NO_WINDOW).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("espeak-ng does not run: %s", exc)
            return False
        found = any(line.split()[1:2] == [self.VOICES[lang]]
                    for line in out.decode("utf-8", "replace").splitlines()[1:])
        if not found:
            log.info("espeak-ng has no %s voice", lang)
        return found

    def render(self, text: str, lang: str, out: Path) -> Path:
        """Write `text` spoken in `lang` to the WAV file `out` (blocking: call off the GUI
        thread). Raises SpeechError."""
        if not self.executable:
            raise SpeechError("espeak-ng is not installed")
        voice = self.VOICES.get(lang, lang)
        # The text goes through stdin, UTF-8 (-b 1), so no sentence is ever read as an option
        # and a Windows code page never garbles Vietnamese.
        cmd = [self.executable, "-v", voice, "-s", str(self.speed), "-b", "1",
               "-w", str(out), "--stdin"]
        try:
            proc = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True,
                                  timeout=self.TIMEOUT_S, creationflags=_NO_WINDOW)
        except (OSError, subprocess.SubprocessError) as exc:
            raise SpeechError(f"espeak-ng failed: {exc}") from exc
        if proc.returncode != 0 or not out.is_file() or out.stat().st_size <= 44:
            err = proc.stderr.decode("utf-8", "replace").strip()[-300:]
            raise SpeechError(f"espeak-ng exited {proc.returncode}: {err}")
        return out

    def _next_path(self) -> Path:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="caunoi-speech-"))
            weakref.finalize(self, shutil.rmtree, self._dir, True)
        self._count += 1
        return self._dir / f"call-{self._count}.wav"

    def say(self, text: str, lang: str, done: Done | None = None) -> None:
        out = self._next_path()

        def work() -> Path | str:   # never raises: an error comes back as its message
            try:
                return self.render(text, lang, out)
            except SpeechError as exc:
                return str(exc)

        run_task(work, lambda result: self._rendered(result, done))

    def _rendered(self, result: Path | str, done: Done | None) -> None:
        if isinstance(result, str):
            log.warning("%s", result)
            if done is not None:
                done(False)
            return
        previous, self.last_wav = self.last_wav, result
        if previous is not None:
            previous.unlink(missing_ok=True)
        if self._player is None:
            self._player = WavPlayer()
        # Rendered is success for this engine, heard or not: no other engine would do better
        # on a machine without an audio device.
        self._player.play(result, lambda played: done and done(True))

