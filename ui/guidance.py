"""Spoken guidance on the kiosk (admin setting `kiosk.spoken_guidance`, off by default): each
screen's title is read aloud when it appears, through the speech Announcer (ui.speech)."""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from kiosk import catalog
from kiosk.clock import to_iso, utc_now
from kiosk.db import Store, transaction

if TYPE_CHECKING:
    from ui.speech import Announcer   # QtMultimedia loads only when guidance is on

SETTING = "kiosk.spoken_guidance"
# Where a screen says what it is for: its question, the receipt's confirmation, Home's welcome.
TITLE_LABELS = ("question", "savedTitle", "welcome")


def enabled(store: Store) -> bool:
    return bool(catalog.get_setting(store.conn(), SETTING, False))


def save_enabled(conn: sqlite3.Connection, on: bool, actor: str = "admin") -> None:
    """The admin's switch: the setting and an audit row in one transaction; no-op if unchanged."""
    with transaction(conn):
        if bool(catalog.get_setting(conn, SETTING, False)) == on:
            return
        catalog.set_setting(conn, SETTING, on)
        conn.execute("INSERT INTO audit_log (at_utc, actor, action) VALUES (?, ?, ?)",
                     (to_iso(utc_now()), actor,
                      "spoken_guidance_on" if on else "spoken_guidance_off"))


def screen_title(screen: QWidget, lang: str = "vi") -> str:
    ticket = screen.findChild(QLabel, "ticketNumber")
    caption = screen.findChild(QLabel, "fieldLabel")
    if ticket is not None and caption is not None:   # "Your number: A, không, một, hai"
        from ui.speech.sentences import spoken_ticket   # pure Python, no QtMultimedia

        try:
            return f"{caption.text()}: {spoken_ticket(ticket.text(), lang)}"
        except ValueError:
            return caption.text()
    for name in TITLE_LABELS:
        title = screen.findChild(QLabel, name)
        if title is not None and title.text().strip():
            return title.text().strip()
    return ""


def default_voice() -> Announcer:
    """Qt's text-to-speech with a Vietnamese voice, else espeak-ng (as the display board)."""
    from ui.speech import EspeakEngine, QtSpeechEngine

    return Announcer([QtSpeechEngine(), EspeakEngine()], chime=None)


class Guide:
    """Reads titles when the setting is on; the setting is read again at each Home, so an
    admin's change applies from the next resident on."""

    def __init__(self, store: Store, voice: Announcer | None = None) -> None:
        self.store = store
        self._voice = voice
        self.on = enabled(store)

    def refresh(self) -> None:
        self.on = enabled(self.store)

    def screen_shown(self, screen: QWidget, lang: str) -> None:
        if not self.on:
            return
        title = screen_title(screen, lang)
        if title:
            if self._voice is None:
                self._voice = default_voice()
            self._voice.say(title, lang)
