"""The kiosk's on-screen keyboard: Vietnamese Telex (kiosk.telex), direct ă â đ ê ô ơ ư and tone
keys, a VI/EN switch and a number pad, docked under the screens of a kiosk-mode shell."""
from ui.keyboard.dock import KeyboardDock, wants_keyboard
from ui.keyboard.widget import OnScreenKeyboard

__all__ = ["KeyboardDock", "OnScreenKeyboard", "wants_keyboard"]
