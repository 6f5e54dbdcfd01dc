"""The display board's voice: a chime, then the call said by the first speech engine that is
available, one announcement at a time.

    announcer = Announcer([QtSpeechEngine(), EspeakEngine()])
    announcer.spoken.connect(...)           # the canonical sentence, once it has been said
    announcer.announce("A012", 2)           # "Mời số A012 đến quầy số 2"

The engine receives the spoken form (sentences.spoken_call); `spoken` carries the canonical one
(sentences.call_sentence), the text the board shows.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.paths import RESOURCES
from ui.speech.audio import WavPlayer
from ui.speech.engines import SpeechEngine
from ui.speech.sentences import call_sentence, spoken_call

log = logging.getLogger("caunoi.ui.speech")

CHIME = RESOURCES / "sounds" / "chime.wav"


class Player(Protocol):
    def play(self, path: Path, done: Callable[[bool], None]) -> None: ...


@dataclass(frozen=True)
class Announcement:
    text: str       # canonical: "Mời số A012 đến quầy số 2"
    spoken: str     # to the engine: "Mời số A, không, một, hai, đến quầy số hai"
    lang: str
    chime: bool = True   # False for guidance (a screen's title): no chime before it


class Announcer(QObject):
    """Queues calls so two never overlap. An engine that fails to speak is skipped from then on
    (all are tried again once every one has failed)."""

    spoken = Signal(str)

    def __init__(self, engines: Sequence[SpeechEngine], chime: Path | None = CHIME,
                 lang: str = "vi", player: Player | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engines = list(engines)
        self._chime = chime
        self.lang = lang
        self._player = player
        self._queue: deque[Announcement] = deque()
        self._current: Announcement | None = None
        self._engine: SpeechEngine | None = None
        self._failed: set[int] = set()      # id() of engines that failed to speak

    # -- public ----------------------------------------------------------------------------
    def announce(self, ticket: str, counter: int, lang: str | None = None) -> str:
        """Queue the call of `ticket` to `counter`; returns its canonical sentence at once.
        Raises ValueError for a malformed ticket or counter (nothing is queued)."""
        lang = lang or self.lang
        call = Announcement(call_sentence(ticket, counter, lang),
                            spoken_call(ticket, counter, lang), lang)
        self._queue.append(call)
        if self._current is None:
            self._next()
        return call.text

    def say(self, text: str, lang: str | None = None) -> None:
        """Say `text` as it is, without a chime: spoken guidance on the kiosk. Guidance not yet
        started is dropped first: only the screen now shown is worth hearing."""
        self._queue = deque(a for a in self._queue if a.chime)
        self._queue.append(Announcement(text, text, lang or self.lang, chime=False))
        if self._current is None:
            self._next()

    @property
    def engine(self) -> SpeechEngine | None:
        """The engine in use: the first available one that has not failed (picked when first
        needed)."""
        if self._engine is None:
            self._engine = self._pick()
        return self._engine

    def pending(self) -> int:
        """Calls not yet finished, the one being said included."""
        return len(self._queue) + (self._current is not None)

    # -- the sequence: chime → engine → spoken → next -----------------------------------------
    def _pick(self) -> SpeechEngine | None:
        if self._engines and all(id(e) in self._failed for e in self._engines):
            self._failed.clear()
        for engine in self._engines:
            if id(engine) not in self._failed and engine.available():
                log.info("speech engine: %s", engine.name)
                return engine
        return None

    def _next(self) -> None:
        if not self._queue:
            self._current = None
            return
        call = self._current = self._queue.popleft()
        if call.chime and self._chime is not None and self._chime.is_file():
            if self._player is None:
                self._player = WavPlayer(self)
            self._player.play(self._chime, lambda _played: self._speak(call, tried=set()))
        else:
            self._speak(call, tried=set())

    def _speak(self, call: Announcement, tried: set[int]) -> None:
        engine = self.engine
        if engine is None or id(engine) in tried:
            log.warning("no speech engine could say the call: %s", call.text)
            self._finish(call)
            return
        tried.add(id(engine))
        try:
            engine.say(call.spoken, call.lang, lambda ok: self._said(call, engine, ok, tried))
        except Exception:  # noqa: BLE001 - a broken engine must not silence the board
            log.exception("speech engine %s raised", engine.name)
            QTimer.singleShot(0, self, lambda: self._said(call, engine, False, tried))

    def _said(self, call: Announcement, engine: SpeechEngine, ok: bool,
              tried: set[int]) -> None:
        if ok:
            self._finish(call)
            return
        log.warning("speech engine %s failed; trying the next one", engine.name)
        self._failed.add(id(engine))
        self._engine = None
        self._speak(call, tried)

    def _finish(self, call: Announcement) -> None:
        self._current = None
        self.spoken.emit(call.text)   # a slot may announce again: it starts at once
        QTimer.singleShot(0, self, self._resume)

    def _resume(self) -> None:
        if self._current is None:
            self._next()
