"""Qt's own messages (qWarning and friends) routed into Python logging, and the short allow-list
of warnings we accept, each with the reason it is harmless.

The same allow-list is `qt_log_ignore` in pyproject.toml (a test keeps the two in sync), so a
warning fails a UI test, the smoke test and the bundle's smoke test alike.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("caunoi.qt")


@dataclass(frozen=True)
class Allowed:
    pattern: str    # a regular expression, searched in the message (as pytest-qt does)
    reason: str


ALLOWED: tuple[Allowed, ...] = (
    Allowed(r"This plugin does not support propagateSizeHints\(\)",
            "the offscreen platform plugin (tests, smoke test) has no window manager to tell"),
    Allowed(r"This plugin does not support (raise|lower)\(\)",
            "offscreen again: QVideoWidget (camera preview) stacks its native video window"),
)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
SERIOUS = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


def is_allowed(message: str) -> bool:
    return any(re.search(entry.pattern, message) for entry in ALLOWED)


def format_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> str:
    category = getattr(context, "category", None) or ""
    return f"{category}: {message}" if category and category != "default" else message


Handler = Callable[[QtMsgType, QMessageLogContext, str], None]


def _to_logging(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _LEVELS.get(mode, logging.WARNING)
    if level >= logging.WARNING and is_allowed(message):
        level = logging.DEBUG   # known and harmless: kept out of the operator's log
    log.log(level, "%s", format_message(mode, context, message))


def install() -> None:
    """Send every Qt message to the `caunoi.qt` logger (the app's log, never a dialog)."""
    qInstallMessageHandler(_to_logging)


class Collector:
    """Keeps every Qt message of warning level or worse that is not on the allow-list
    (used by the smoke test); everything still goes to logging too."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def __call__(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        _to_logging(mode, context, message)
        text = format_message(mode, context, message)
        if mode in SERIOUS and not is_allowed(message):
            self.problems.append(text)

    def install(self) -> None:
        qInstallMessageHandler(self)

    @staticmethod
    def uninstall() -> None:
        qInstallMessageHandler(None)
