"""The display board's voice: sentences (pure Python), speech engines and the Announcer.
See docs/speech.md."""
from ui.speech.announcer import CHIME, Announcer, Announcement
from ui.speech.engines import (EspeakEngine, QtSpeechEngine, RecordingEngine, SpeechEngine,
                               SpeechError, Utterance)
from ui.speech.sentences import call_sentence, spoken_call, spoken_ticket, vietnamese_number

__all__ = [
    "CHIME", "Announcement", "Announcer", "EspeakEngine", "QtSpeechEngine", "RecordingEngine",
    "SpeechEngine", "SpeechError", "Utterance", "call_sentence", "spoken_call", "spoken_ticket",
    "vietnamese_number",
]
