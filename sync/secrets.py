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
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kiosk import catalog
from kiosk.keyring_store import (NAMESPACE_KEY, SERVICE, TIMEOUT_S, KeyringSlot,
                                 KeyringUnavailable, keyring_works, namespace, with_timeout)
from sync.errors import SyncError

T = TypeVar("T")
BACKEND_KEY = "sync.secrets_store"          # "keyring" (default) or "file" (admin's choice)
FILE_NAME = "secrets.json"

__all__ = ["BACKEND_KEY", "FILE_NAME", "NAMESPACE_KEY", "SERVICE", "TIMEOUT_S", "SecretStore",
           "chosen_backend", "keyring_works", "namespace"]


def chosen_backend(conn: sqlite3.Connection) -> str:
    return "file" if catalog.get_setting(conn, BACKEND_KEY) == "file" else "keyring"


def _sync_error(exc: KeyringUnavailable) -> SyncError:
    return SyncError(exc.code, **exc.params)


def _with_timeout(call: Callable[[], T], timeout_s: float) -> T:
    """kiosk.keyring_store.with_timeout, failing with SyncError (the keyring core lives in kiosk/
    so the personal-data key, kiosk/datakey.py, uses the same timeouts)."""
    try:
        return with_timeout(call, timeout_s)
    except KeyringUnavailable as exc:
        raise _sync_error(exc) from exc.__cause__


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

    # --- keyring (kiosk/keyring_store.py) -------------------------------------------------------
    def _slot(self) -> KeyringSlot:
        return KeyringSlot(self.ns, timeout_s=self.timeout_s)

    def get(self, name: str) -> str | None:
        if self.backend == "file":
            return self._read_file().get(name)
        try:
            return self._slot().get(name)
        except KeyringUnavailable as exc:
            raise _sync_error(exc) from exc.__cause__

    def set(self, name: str, value: str) -> None:
        if self.backend == "file":
            data = self._read_file()
            data[name] = value
            self._write_file(data)
            return
        try:
            self._slot().set(name, value)
        except KeyringUnavailable as exc:
            raise _sync_error(exc) from exc.__cause__

    def delete(self, name: str) -> None:
        if self.backend == "file":
            data = self._read_file()
            if data.pop(name, None) is not None:
                self._write_file(data)
            return
        try:
            self._slot().delete(name)
        except KeyringUnavailable as exc:
            raise _sync_error(exc) from exc.__cause__

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
