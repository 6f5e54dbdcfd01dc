"""Playing a short WAV (the chime, a rendered sentence) with QtMultimedia, and knowing first
whether there is anything to play it on.

On Linux QtMultimedia talks to a PulseAudio (or PipeWire-pulse) server, and the first audio object
it creates on a machine without one logs the Qt warning "PulseAudioService: pa_context_connect()
failed". So before Qt touches audio we make the same libpulse call ourselves (ctypes, with a
deadline): no server means no audio device, said once in the log, and Qt is never asked.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
import time
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl

log = logging.getLogger("caunoi.ui.speech")

Done = Callable[[bool], None]   # True when the sound was played to its end

_PA_CONTEXT_READY, _PA_CONTEXT_FAILED, _PA_CONTEXT_TERMINATED = 4, 5, 6
_server_seen = False
_said_no_device = False   # the first "no audio device" is a warning, later ones are info


def _pulse_server_reachable(deadline_s: float = 2.0) -> bool:
    """Connect to the PulseAudio server as QtMultimedia would (libpulse, default server,
    flags 0) and wait, at most deadline_s, for the context to become ready."""
    name = ctypes.util.find_library("pulse") or "libpulse.so.0"
    try:
        pa = ctypes.CDLL(name)
    except OSError:
        return False
    vp = ctypes.c_void_p
    pa.pa_mainloop_new.restype = vp
    pa.pa_mainloop_get_api.restype = vp
    pa.pa_mainloop_get_api.argtypes = [vp]
    pa.pa_context_new.restype = vp
    pa.pa_context_new.argtypes = [vp, ctypes.c_char_p]
    pa.pa_context_connect.argtypes = [vp, ctypes.c_char_p, ctypes.c_int, vp]
    pa.pa_context_get_state.argtypes = [vp]
    pa.pa_mainloop_prepare.argtypes = [vp, ctypes.c_int]
    pa.pa_mainloop_poll.argtypes = [vp]
    pa.pa_mainloop_dispatch.argtypes = [vp]
    pa.pa_context_disconnect.argtypes = [vp]
    pa.pa_context_unref.argtypes = [vp]
    pa.pa_mainloop_free.argtypes = [vp]

    loop = pa.pa_mainloop_new()
    if not loop:
        return False
    context = pa.pa_context_new(pa.pa_mainloop_get_api(loop), b"caunoi-audio-probe")
    try:
        if not context or pa.pa_context_connect(context, None, 0, None) < 0:
            return False
        end = time.monotonic() + deadline_s
        while (remaining := end - time.monotonic()) > 0:
            state = pa.pa_context_get_state(context)
            if state == _PA_CONTEXT_READY:
                return True
            if state in (_PA_CONTEXT_FAILED, _PA_CONTEXT_TERMINATED):
                return False
            # one bounded turn of the loop: prepare(timeout µs), poll, dispatch
            if pa.pa_mainloop_prepare(loop, int(remaining * 1e6)) < 0:
                return False
            if pa.pa_mainloop_poll(loop) < 0 or pa.pa_mainloop_dispatch(loop) < 0:
                return False
        return False
    finally:
        if context:
            pa.pa_context_disconnect(context)
            pa.pa_context_unref(context)
        pa.pa_mainloop_free(loop)


def audio_output_available() -> bool:
    """True when QtMultimedia lists an audio output. On Linux, False without asking Qt when no
    PulseAudio server answers (so Qt logs no warning)."""
    global _server_seen
    if sys.platform.startswith("linux") and not _server_seen:
        if not _pulse_server_reachable():
            return False
        _server_seen = True   # Qt connects once per process; no need to ask again
    from PySide6.QtMultimedia import QMediaDevices

    return bool(QMediaDevices.audioOutputs())


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())


class WavPlayer(QObject):
    """Plays one WAV at a time on the default audio output (QSoundEffect: made for short
    uncompressed sounds, low latency, and no FFmpeg chatter on stderr) and calls done(played)
    on the GUI thread when it ended, failed or there was no device. A watchdog ends a play that
    outlasts the file by WATCHDOG_S, so a stuck device never stalls the announcements."""

    WATCHDOG_S = 10.0   # the first sound also opens the audio stream (1-2 s on PulseAudio)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = None       # QSoundEffect, made on the first play with a device
        self._done: Done | None = None
        self._play_id = 0         # which play a deferred finish belongs to
        self._started = False     # the current sound has been heard to start
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog)

    def play(self, path: Path, done: Done) -> None:
        if self._done is not None:
            self._finish(False)   # one at a time: the previous one is cut short
        self._done = done
        self._play_id += 1
        if not audio_output_available():
            self._no_device(path)
            self._finish_later(False)
            return
        try:
            seconds = wav_seconds(path)
        except (OSError, EOFError, wave.Error) as exc:
            log.warning("cannot play %s: %s", path.name, exc)
            self._finish_later(False)
            return
        effect = self._ensure_effect()
        self._started = False
        self._watchdog.start(int((seconds + self.WATCHDOG_S) * 1000))
        effect.setSource(QUrl())   # the same file again (the chime) must load and play again
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.play()              # starts once loaded

    def _finish_later(self, played: bool) -> None:
        """done() is never called from inside play(): callers may start the next sound in it."""
        play_id = self._play_id
        QTimer.singleShot(0, self, lambda: play_id == self._play_id and self._finish(played))

    @staticmethod
    def _no_device(path: Path) -> None:
        global _said_no_device
        if not _said_no_device:
            log.warning("no audio device: sounds are not played (first was %s)", path.name)
            _said_no_device = True
        else:
            log.info("no audio device: %s not played", path.name)

    def _ensure_effect(self):  # noqa: ANN202 - QSoundEffect, imported lazily
        if self._effect is None:
            from PySide6.QtMultimedia import QSoundEffect

            self._effect = QSoundEffect(self)
            self._effect.playingChanged.connect(self._on_playing)
            self._effect.statusChanged.connect(self._on_status)
        return self._effect

    def _on_playing(self) -> None:
        if self._effect.isPlaying():
            self._started = True
        elif self._started:
            self._finish(True)

    def _on_status(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if self._done is not None and self._effect.status() == QSoundEffect.Status.Error:
            log.warning("audio playback failed: %s", self._effect.source().fileName())
            self._finish(False)

    def _on_watchdog(self) -> None:
        log.warning("audio playback did not end in time; stopped")
        self._finish(False)   # first: stop() reports "not playing", which is no success
        if self._effect is not None:
            self._effect.stop()

    def _finish(self, played: bool) -> None:
        self._watchdog.stop()
        self._started = False
        done, self._done = self._done, None
        if done is not None:
            done(played)
