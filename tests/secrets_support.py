"""Keyring backends for tests: the real app code (sync/secrets.py) runs against them unchanged.

- MemoryKeyring: in-process, for unit tests (`memory_secrets` fixture).
- JsonFileKeyring: for tests that run `main.py` as a subprocess; selected with the environment
  variable keyring itself honours, PYTHON_KEYRING_BACKEND=tests.secrets_support.JsonFileKeyring,
  and kept in CAUNOI_TEST_KEYRING, a file OUTSIDE the data dir (the token must never be in it).
The end-to-end test through a real Secret Service (gnome-keyring) is tests/test_sync_keyring_e2e.py.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.values.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class JsonFileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        return Path(os.environ["CAUNOI_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def memory_secrets() -> Iterator[MemoryKeyring]:
    """An in-memory keyring for the duration of one test (the real one is restored after)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def file_keyring_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for subprocess runs of main.py using JsonFileKeyring outside the data dir."""
    path = tmp_path_factory.mktemp("keyring") / "keyring.json"
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.secrets_support.JsonFileKeyring"
    env["CAUNOI_TEST_KEYRING"] = str(path)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    return env
