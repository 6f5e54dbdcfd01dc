"""Keys and ciphers of USB hand-overs (docs/transfer.md "Cryptography").

- Signing: the device's Ed25519 key (sync/enrol.py). `cryptography`'s Ed25519 signs one bytes
  object at once, and a transfer file may be gigabytes, so what is signed is a domain-separated
  SHA-256 of the file (computed while it streams), never the file held in memory.
- Box key: an X25519 key DERIVED from the Ed25519 seed with HKDF (its own label, so the two keys
  are independent). It needs no secret of its own: it moves with the device key when an admin
  switches secret stores, and a device enrolled before hand-overs existed already has one.
- Personal fields: one random AES-256-GCM content key per export; each item's part sealed with
  it (AAD = set id + item uuid, so a sealed part cannot be moved to another item or file). The
  content key is wrapped for every recipient: ECDH(ephemeral, recipient box key) → HKDF-SHA256 →
  AES-256-GCM over the content key (AAD = the recipient's device id).
"""
from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

BOX_LABEL = b"caunoi box key v1"
WRAP_LABEL = b"caunoi-transfer-v1 wrap "
WRAP_ALG = "X25519-HKDF-SHA256-A256GCM"
_RAW = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class CryptoFailure(Exception):
    """A tag or signature that does not check out; callers turn it into words."""


def b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64u(text: str) -> bytes:
    if not isinstance(text, str):
        raise CryptoFailure("not base64 text")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise CryptoFailure("bad base64") from exc


# --- device keys --------------------------------------------------------------------------------

def signing_key(private_b64: str) -> Ed25519PrivateKey:
    """The device's Ed25519 key from its secret-store form (standard base64 of the raw seed)."""
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))


def box_private(private_b64: str) -> X25519PrivateKey:
    seed = base64.b64decode(private_b64)
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=BOX_LABEL).derive(seed)
    return X25519PrivateKey.from_private_bytes(derived)


def box_public_of(private_b64: str) -> str | None:
    """The X25519 public key (b64url) sent at enrolment; None without a device key."""
    if not private_b64:
        return None
    return b64u(box_private(private_b64).public_key().public_bytes(*_RAW))


def sign(private_b64: str, message: bytes) -> bytes:
    return signing_key(private_b64).sign(message)


def verify(public_b64: str, signature: bytes, message: bytes) -> None:
    """Raises CryptoFailure unless `signature` is the key's over `message`."""
    try:
        Ed25519PublicKey.from_public_bytes(unb64u(public_b64)).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise CryptoFailure("bad signature") from exc


# --- content key and sealed parts -----------------------------------------------------------------

def new_content_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    return {"nonce": b64u(nonce), "data": b64u(AESGCM(key).encrypt(nonce, plaintext, aad))}


def open_sealed(key: bytes, sealed: Any, aad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(unb64u(sealed["nonce"]), unb64u(sealed["data"]), aad)
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise CryptoFailure("sealed part does not open") from exc


# --- wrapping the content key for each recipient ------------------------------------------------

@dataclass(frozen=True)
class Recipient:
    device_id: str
    box_key: str          # X25519 public key, b64url


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes, context: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient,
                info=WRAP_LABEL + context).derive(shared)


def wrap(content_key: bytes, recipients: list[Recipient], context: bytes) -> dict[str, Any]:
    """{"alg", "ephemeral", "recipients": [{"device_id", "nonce", "key"}]} for the header."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(*_RAW)
    out = []
    for r in recipients:
        their = unb64u(r.box_key)
        try:
            shared = eph.exchange(X25519PublicKey.from_public_bytes(their))
        except ValueError:
            continue     # a malformed or low-order key from the mirror: that device is skipped
        sealed = seal(_wrap_key(shared, eph_pub, their, context), content_key,
                      r.device_id.encode("ascii"))
        out.append({"device_id": r.device_id, "nonce": sealed["nonce"], "key": sealed["data"]})
    return {"alg": WRAP_ALG, "ephemeral": b64u(eph_pub), "recipients": out}


def unwrap(encryption: Any, device_id: str, private_b64: str, context: bytes) -> bytes | None:
    """The content key for this device; None when the file names no key for it. Raises
    CryptoFailure when there is one but it does not open (the device's key changed since)."""
    entries = [e for e in encryption.get("recipients", []) if e.get("device_id") == device_id]
    if not entries:
        return None
    mine = box_private(private_b64)
    ours = mine.public_key().public_bytes(*_RAW)
    eph_pub = unb64u(encryption.get("ephemeral", ""))
    try:
        shared = mine.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError as exc:
        raise CryptoFailure("bad ephemeral key") from exc
    key = _wrap_key(shared, eph_pub, ours, context)
    return open_sealed(key, {"nonce": entries[0]["nonce"], "data": entries[0]["key"]},
                       device_id.encode("ascii"))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
