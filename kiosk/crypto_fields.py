"""AES-256-GCM for single personal fields at rest (docs/privacy.md).

A sealed field is a BLOB: one version byte (0x01), a random 12-byte nonce, then the ciphertext
with GCM's 16-byte tag. The associated data binds it to where it belongs — version, table,
column and row id — so a ciphertext copied into another row or column fails to open instead of
showing someone else's phone number. Anything that does not open (tampered bytes, the wrong key,
a moved value) raises KioskError('personal_data_unreadable'): never garbage, never a silent
plain-text fallback. The key comes from kiosk/datakey.py.
"""
from __future__ import annotations

import logging
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.errors import KioskError

VERSION = 1
PREFIX = bytes([VERSION])
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES

log = logging.getLogger("caunoi.privacy")


def associated_data(table: str, column: str, row_id: str) -> bytes:
    return f"caunoi/field/v{VERSION}/{table}/{column}/{row_id}".encode()


def seal(key: bytes, plaintext: str, *, table: str, column: str, row_id: str) -> bytes:
    """The field's sealed BLOB; a fresh random nonce every time."""
    if len(key) != KEY_BYTES:
        raise ValueError("the data key has 32 bytes")
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode("utf-8"),
                                 associated_data(table, column, row_id))
    return PREFIX + nonce + sealed


def open_sealed(key: bytes, blob: bytes, *, table: str, column: str, row_id: str) -> str:
    """The plain text of a sealed field, or KioskError('personal_data_unreadable')."""
    if (not isinstance(blob, (bytes, bytearray)) or len(blob) < OVERHEAD
            or blob[:1] != PREFIX):
        log.warning("personal field %s.%s of row %s has no known format", table, column, row_id)
        raise KioskError("personal_data_unreadable")
    nonce, sealed = bytes(blob[1:1 + NONCE_BYTES]), bytes(blob[1 + NONCE_BYTES:])
    try:
        plain = AESGCM(key).decrypt(nonce, sealed, associated_data(table, column, row_id))
    except InvalidTag:
        # Ids only: which field failed, never what it held.
        log.warning("personal field %s.%s of row %s failed authentication (tampered, moved or "
                    "another key)", table, column, row_id)
        raise KioskError("personal_data_unreadable") from None
    try:
        return plain.decode("utf-8")
    except UnicodeDecodeError:   # authenticated but not text: a bug, not an attack
        raise KioskError("personal_data_unreadable") from None
