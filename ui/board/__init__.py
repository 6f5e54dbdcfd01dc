"""The hall's display board for queue numbers: who is called where, who is next, and the voice."""
from ui.board.window import QueueBoard

__all__ = ["QueueBoard"]
