"""Printing from the UI: the Qt system-printer back-end and running print jobs off the GUI
thread with a visible state. The core (kiosk.printing) does the rest."""
