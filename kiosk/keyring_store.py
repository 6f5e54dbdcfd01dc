"""The OS keyring with timeouts: the one core that sync/secrets.py (device token, device key) and
kiosk/datakey.py (the key of residents' personal fields) both stand on.

`keyring` picks the backend (Secret Service on Linux, Credential Manager on Windows, Keychain on
macOS). Every call runs in a daemon thread with a timeout: a locked Secret Service collection
otherwise waits on an unlock prompt nobody at a kiosk will answer. Failures come out as
`KeyringUnavailable` with a stable code ('secrets_unavailable' or 'secrets_timeout') that each
caller turns into its own error type (SyncError in sync/, KioskError here in kiosk/).

Names are namespaced by a random id kept in the store's settings, so two data dirs on one PC
(tests, a training copy) never read each other's secrets.
"""
from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import keyring
import keyring.errors

from kiosk import catalog

T = TypeVar("T")
SERVICE = "caunoi"
NAMESPACE_KEY = "sync.secrets_ns"     # kept under its first name: existing data dirs keep theirs
TIMEOUT_S = 5.0


class KeyringUnavailable(Exception):
    """No usable keyring, or it did not answer in time. `code` is a messages.py key."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def namespace(conn: sqlite3.Connection) -> str:
    ns = catalog.get_setting(conn, NAMESPACE_KEY)
    if not ns:
        ns = str(uuid.uuid4())
        catalog.set_setting(conn, NAMESPACE_KEY, ns)
    return str(ns)


def with_timeout(call: Callable[[], T], timeout_s: float) -> T:
    """Run a keyring call in a daemon thread; past the timeout give up (the thread may linger on
    a D-Bus prompt, but the kiosk moves on and says why)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run, name="keyring-call", daemon=True)
    worker.start()
    worker.join(timeout_s)
    if worker.is_alive():
        raise KeyringUnavailable("secrets_timeout", seconds=int(timeout_s))
    if "error" in box:
        exc = box["error"]
        if isinstance(exc, Exception):
            # keyring's own errors, and SecretStorage / jeepney / D-Bus failures under their own
            # exception types: only the type name travels on (never a message with a value).
            logging.getLogger("caunoi.keyring").warning("OS keyring call failed: %s",
                                                        type(exc).__name__)
            raise KeyringUnavailable("secrets_unavailable", detail=type(exc).__name__) from exc
        raise exc  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]


def keyring_works() -> str | None:
    """None when a usable backend is configured, else the reason (for the admin screen)."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name or "null" in name.lower():
        return name
    try:
        if backend.priority <= 0:   # chainer with nothing behind it, or a backend that declined
            return name
    except Exception:  # noqa: BLE001 - a backend that cannot even tell its priority
        return name
    return None


class KeyringSlot:
    """Named secrets of one namespace in the OS keyring; every call bounded by `timeout_s`."""

    def __init__(self, ns: str, *, timeout_s: float = TIMEOUT_S) -> None:
        self.ns = ns
        self.timeout_s = timeout_s

    def _key(self, name: str) -> str:
        return f"{self.ns}:{name}"

    def check(self) -> None:
        reason = keyring_works()
        if reason is not None:
            # the backend's class name is for the technician's log, not the sentence people read
            logging.getLogger("caunoi.keyring").warning("OS keyring unusable: %s", reason)
            raise KeyringUnavailable("secrets_unavailable", detail=reason)

    def get(self, name: str) -> str | None:
        self.check()
        return with_timeout(lambda: keyring.get_password(SERVICE, self._key(name)),
                            self.timeout_s)

    def set(self, name: str, value: str) -> None:
        self.check()
        with_timeout(lambda: keyring.set_password(SERVICE, self._key(name), value),
                     self.timeout_s)

    def delete(self, name: str) -> None:
        self.check()

        def remove() -> None:
            try:
                keyring.delete_password(SERVICE, self._key(name))
            except keyring.errors.PasswordDeleteError:
                pass   # already gone: deleting is idempotent

        with_timeout(remove, self.timeout_s)
