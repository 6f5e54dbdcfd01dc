"""PySide6 widgets: kiosk screens, staff consoles, board. Only main.py imports this package."""
