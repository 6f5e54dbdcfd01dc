"""The device's secrets (sync token, device private key): one small module, one rule.

They live in the OS keyring through `keyring` (Secret Service on Linux, Credential Manager on
Windows, Keychain on macOS). Every keyring call runs with a timeout: a locked Secret Service
collection otherwise waits on an unlock prompt nobody at a kiosk will answer. With no working
backend we say so (SyncError 'secrets_unavailable', whose sentence explains the fix) and store
nothing. A file store is used only when an admin chose it explicitly (setting
`sync.secrets_store = "file"`), with a warning that it relies on disk encryption.

Names are namespaced by a random id kept in the store's settings, so two data dirs on one PC
(tests, a training copy) never read each other's token.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import keyring
import keyring.errors

from kiosk import catalog
from sync.errors import SyncError

T = TypeVar("T")
SERVICE = "caunoi"
NAMESPACE_KEY = "sync.secrets_ns"
BACKEND_KEY = "sync.secrets_store"          # "keyring" (default) or "file" (admin's choice)
TIMEOUT_S = 5.0
FILE_NAME = "secrets.json"


def namespace(conn: sqlite3.Connection) -> str:
    ns = catalog.get_setting(conn, NAMESPACE_KEY)
    if not ns:
        ns = str(uuid.uuid4())
        catalog.set_setting(conn, NAMESPACE_KEY, ns)
    return str(ns)


def chosen_backend(conn: sqlite3.Connection) -> str:
    return "file" if catalog.get_setting(conn, BACKEND_KEY) == "file" else "keyring"


def _with_timeout(call: Callable[[], T], timeout_s: float) -> T:
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
        raise SyncError("secrets_timeout", seconds=int(timeout_s))
    if "error" in box:
        exc = box["error"]
        if isinstance(exc, keyring.errors.KeyringError):
            raise SyncError("secrets_unavailable", detail=type(exc).__name__) from exc
        if isinstance(exc, Exception):
            # SecretStorage / jeepney / D-Bus failures surface as their own exception types.
            raise SyncError("secrets_unavailable", detail=type(exc).__name__) from exc
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


class SecretStore:
    def __init__(self, ns: str, *, backend: str = "keyring", data_dir: Path | None = None,
                 timeout_s: float = TIMEOUT_S) -> None:
        if backend == "file" and data_dir is None:
            raise ValueError("the file store needs the data dir")
        self.ns = ns
        self.backend = backend
        self.timeout_s = timeout_s
        self._file = (data_dir / "secrets" / FILE_NAME) if data_dir is not None else None

    @classmethod
    def for_store(cls, conn: sqlite3.Connection, data_dir: Path) -> SecretStore:
        return cls(namespace(conn), backend=chosen_backend(conn), data_dir=data_dir)

    def _key(self, name: str) -> str:
        return f"{self.ns}:{name}"

    # --- keyring ---------------------------------------------------------------------------------
    def _check_keyring(self) -> None:
        reason = keyring_works()
        if reason is not None:
            raise SyncError("secrets_unavailable", detail=reason)

    def get(self, name: str) -> str | None:
        if self.backend == "file":
            return self._read_file().get(name)
        self._check_keyring()
        return _with_timeout(lambda: keyring.get_password(SERVICE, self._key(name)),
                             self.timeout_s)

    def set(self, name: str, value: str) -> None:
        if self.backend == "file":
            data = self._read_file()
            data[name] = value
            self._write_file(data)
            return
        self._check_keyring()
        _with_timeout(lambda: keyring.set_password(SERVICE, self._key(name), value),
                      self.timeout_s)

    def delete(self, name: str) -> None:
        if self.backend == "file":
            data = self._read_file()
            if data.pop(name, None) is not None:
                self._write_file(data)
            return
        self._check_keyring()

        def remove() -> None:
            try:
                keyring.delete_password(SERVICE, self._key(name))
            except keyring.errors.PasswordDeleteError:
                pass   # already gone: deleting is idempotent

        _with_timeout(remove, self.timeout_s)

    # --- explicit file store ---------------------------------------------------------------------
    def _read_file(self) -> dict[str, str]:
        assert self._file is not None
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SyncError("secrets_unavailable", detail=type(exc).__name__) from exc
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write_file(self, data: dict[str, str]) -> None:
        assert self._file is not None
        folder = self._file.parent
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".secrets-")
        try:
            os.chmod(tmp, 0o600)   # readable by the app's user only, before anything is written
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self._file)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
