"""Headless subcommands. Never imports Qt; reportlab and Pillow only when a command needs them."""
