"""Device identity and enrolment with the provincial server (DESIGN.md rules 8 and 9).

The identity (a uuid4 device id and an Ed25519 key pair) is made at the FIRST enrolment, not at
install, so PCs cloned from one disk image do not share it. The device id is public and lives in
settings; the private key and the bearer token live only in the secret store (keyring, or the
file an admin chose): never in settings, files of ours or logs.

Enrolling again with the same code re-uses the same device id and key, so when the server's
answer was lost the retry gets the same token instead of burning the one-time code.
"""
from __future__ import annotations

import base64
import socket
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk import catalog
from kiosk.db import transaction
from kiosk.errors import KioskError
from sync.errors import SyncError
from sync.http import Transport
from sync.protocol import EnrolRequest, EnrolResponse
from sync.secrets import NAMESPACE_KEY, SecretStore
from sync.transfer_crypto import box_public_of

DEVICE_ID_KEY = "sync.device_id"
SERVER_URL_KEY = "sync.server_url"
COMMUNE_KEY = "sync.commune"
TOKEN_SECRET = "sync.token"
DEVICE_KEY_SECRET = "sync.device_key"     # raw 32-byte Ed25519 private key, base64
# Written by a restore (kiosk/backup.py via forget_enrolment): the device the backup came from,
# named in the next enrolment so the server revokes it.
REPLACES_KEY = "sync.replaces_device_id"


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    commune: str
    server_url: str
    server_time: str


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def public_key_of(private_b64: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return _b64url(key.public_key().public_bytes(serialization.Encoding.Raw,
                                                 serialization.PublicFormat.Raw))


def device_identity(conn: sqlite3.Connection, secrets: SecretStore) -> tuple[str, str]:
    """(device id, public key b64url), made on first use and kept afterwards."""
    device_id = catalog.get_setting(conn, DEVICE_ID_KEY)
    private = secrets.get(DEVICE_KEY_SECRET)
    if private is None:
        # Key first, then the id: a crash in between leaves a key and no id, and the next try
        # makes a fresh id with a fresh key, never an id whose key was lost.
        raw = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
            serialization.NoEncryption())
        private = base64.b64encode(raw).decode("ascii")
        secrets.set(DEVICE_KEY_SECRET, private)
        device_id = None   # a lost key means a new identity
    if not device_id:
        device_id = str(uuid.uuid4())
        with transaction(conn):
            catalog.set_setting(conn, DEVICE_ID_KEY, device_id)
    return str(device_id), public_key_of(private)


def enrol(conn: sqlite3.Connection, server_url: str, code: str, secrets: SecretStore, *,
          ca_bundle: str | None = None, label: str | None = None,
          transport: Transport | None = None) -> Enrolment:
    """POST /enrol with this device's identity; keep the token in the secret store."""
    code = code.strip()
    if not 6 <= len(code) <= 64:
        raise KioskError("enrol_code_format")
    own = transport is None
    transport = transport or Transport(server_url, ca_bundle=ca_bundle)
    try:
        transport.hello()   # not our server / captive portal / protocol: say so before the code
        device_id, public_key = device_identity(conn, secrets)
        # The X25519 key for USB hand-overs is derived from the device key (sync/transfer_crypto),
        # so it needs no secret of its own and moves with it when the secret store changes.
        box_key = box_public_of(secrets.get(DEVICE_KEY_SECRET) or "")
        request = EnrolRequest(code=code, device_id=uuid.UUID(device_id), public_key=public_key,
                               label=(label if label is not None else socket.gethostname())[:100],
                               box_key=box_key, replaces_device_id=_replaces(conn, device_id))
        answer = transport.json("POST", "/enrol", EnrolResponse, body=request)
    except SyncError as exc:
        # The server's code_invalid/code_used are about the ENROLMENT code; kiosk.messages'
        # "code_invalid" is a resident's tracking code, so they get their own words here.
        server_code = exc.params.get("error") if exc.code == "server_refused" else exc.code
        if server_code in ("code_used", "code_invalid"):
            raise SyncError(f"enrol_{server_code}") from exc
        raise
    finally:
        if own:
            transport.close()
    secrets.set(TOKEN_SECRET, answer.token)
    previous = catalog.get_setting(conn, SERVER_URL_KEY)
    with transaction(conn):
        if previous and previous != transport.base_url:
            # Another server: its cursor means nothing here, and its mirror is not ours.
            for table in ("case_events", "cases", "dossier_events", "dossiers", "devices"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM settings WHERE key = 'sync.cursor'")
        catalog.set_setting(conn, SERVER_URL_KEY, transport.base_url)
        catalog.set_setting(conn, DEVICE_ID_KEY, str(answer.device_id))
        catalog.set_setting(conn, COMMUNE_KEY, answer.commune)
        conn.execute("DELETE FROM settings WHERE key IN ('sync.last_error', 'sync.backoff', ?)",
                     (REPLACES_KEY,))
    return Enrolment(str(answer.device_id), answer.commune, transport.base_url, answer.server_time)


def _replaces(conn: sqlite3.Connection, device_id: str) -> uuid.UUID | None:
    old = catalog.get_setting(conn, REPLACES_KEY)
    try:
        return uuid.UUID(str(old)) if old and str(old) != device_id else None
    except ValueError:
        return None


def forget_enrolment(conn: sqlite3.Connection, old_device_id: str | None) -> None:
    """Run on a restored copy of the store (inside the restore's transaction): this PC is not
    the device the backup came from, so it must enrol again. The old device id is kept as
    REPLACES_KEY for that enrolment; a fresh secrets namespace makes any token or device key of
    the old identity unreachable (the token itself was never in the store); the server's address
    and the pulled mirror stay, so enrolling again with the same server keeps the cursor."""
    conn.execute("DELETE FROM settings WHERE key IN (?, ?, 'sync.last_error', 'sync.backoff')",
                  (DEVICE_ID_KEY, COMMUNE_KEY))
    conn.execute("DELETE FROM settings WHERE key = ?", (NAMESPACE_KEY,))
    catalog.set_setting(conn, NAMESPACE_KEY, str(uuid.uuid4()))
    if old_device_id:
        catalog.set_setting(conn, REPLACES_KEY, old_device_id)


def token(secrets: SecretStore) -> str | None:
    return secrets.get(TOKEN_SECRET)


def enrolled(conn: sqlite3.Connection) -> bool:
    """Enrolled as far as settings tell (the token itself is only read when syncing)."""
    return bool(catalog.get_setting(conn, SERVER_URL_KEY)) and bool(
        catalog.get_setting(conn, COMMUNE_KEY))


def secret_store(conn: sqlite3.Connection, data_dir: Path) -> SecretStore:
    return SecretStore.for_store(conn, data_dir)
