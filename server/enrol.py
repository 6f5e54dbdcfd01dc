"""Device enrolment: one-time codes exchanged for bearer tokens; revocation; token lookup.

Token = base64url(HMAC-SHA256(server secret, code id + ":" + device id)): the server can give the
same answer again for a replayed enrolment without storing the token, only its SHA-256.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import sqlalchemy as sa

from server import changes
from server.clock import now
from server.db import Database, meta_value
from server.errors import ApiError
from server.schema import device_keys, devices, enrol_codes
from sync.protocol import DeviceSnapshot, EnrolRequest, EnrolResponse

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"   # Crockford: no I, L, O, U to misread


@dataclass(frozen=True)
class Device:
    id: str
    commune: str


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch not in " -")


def _token(secret: str, code_id: str, device_id: str) -> str:
    mac = hmac.new(bytes.fromhex(secret), f"{code_id}:{device_id}".encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode("ascii")


def new_code(db: Database, commune: str, hours: float = 72.0) -> dict[str, str]:
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    created = now()
    expires = (datetime.now(timezone.utc) + timedelta(hours=hours)).strftime(
        "%Y-%m-%dT%H:%M:%S.000Z")
    with db.write() as conn:
        conn.execute(enrol_codes.insert().values(
            id=secrets.token_hex(8), code_sha256=sha256_hex(_normalise_code(code)),
            commune=commune, created_at=created, expires_at=expires))
    return {"code": code, "commune": commune, "expires_at": expires}


def enrol(db: Database, req: EnrolRequest) -> EnrolResponse:
    device_id = str(req.device_id)
    with db.write() as conn:
        row = conn.execute(sa.select(enrol_codes).where(
            enrol_codes.c.code_sha256 == sha256_hex(_normalise_code(req.code)))).first()
        if row is None:
            raise ApiError(403, "code_invalid", "unknown enrolment code")
        token = _token(meta_value(conn, "secret"), row.id, device_id)
        if row.device_id is not None:
            if row.device_id != device_id:
                raise ApiError(409, "code_used", "this code was used by another device")
            dev = conn.execute(sa.select(devices.c.revoked_at, devices.c.token_sha256)
                               .where(devices.c.id == device_id)).first()
            if dev is None or dev.revoked_at is not None or dev.token_sha256 != sha256_hex(token):
                raise ApiError(403, "code_invalid", "this enrolment is no longer valid")
            # A replay (the first answer was lost): the same token again, nothing changes.
            return EnrolResponse(device_id=req.device_id, token=token, commune=row.commune,
                                 server_time=now())
        if row.expires_at < now():
            raise ApiError(403, "code_invalid", "enrolment code expired")
        stamp = now()
        conn.execute(enrol_codes.update().where(enrol_codes.c.id == row.id)
                     .values(device_id=device_id, used_at=stamp))
        values = dict(commune=row.commune, public_key=req.public_key,
                      token_sha256=sha256_hex(token), code_id=row.id, label=req.label,
                      enrolled_at=stamp, revoked_at=None)
        # A device enrolled again with a new code (e.g. after revocation) keeps its id.
        if conn.execute(devices.update().where(devices.c.id == device_id)
                        .values(**values)).rowcount == 0:
            conn.execute(devices.insert().values(id=device_id, **values))
        _store_box_key(conn, device_id, req.box_key)
        _emit_device(conn, device_id)
        if req.replaces_device_id is not None:
            _revoke_replaced(conn, str(req.replaces_device_id), device_id, row.commune, stamp)
    return EnrolResponse(device_id=req.device_id, token=token, commune=row.commune,
                         server_time=stamp)


def _revoke_replaced(conn: Any, old_id: str, new_id: str, commune: str, stamp: str) -> None:
    """A backup of `old_id` was restored onto the PC enrolling now (docs/deploy-kiosk.md): the
    old device's token stops working in this same transaction. Only a device of the code's
    commune is revoked; an unknown id (another server, a wiped server) is ignored."""
    if old_id == new_id:
        return
    if conn.execute(devices.update().where(devices.c.id == old_id,
                                           devices.c.commune == commune,
                                           devices.c.revoked_at.is_(None))
                    .values(revoked_at=stamp)).rowcount:
        _emit_device(conn, old_id)


def _store_box_key(conn: Any, device_id: str, box_key: str | None) -> None:
    conn.execute(device_keys.delete().where(device_keys.c.device_id == device_id))
    if box_key:
        conn.execute(device_keys.insert().values(device_id=device_id, box_key=box_key))


def _emit_device(conn: Any, device_id: str) -> None:
    """Tell the device's commune about it (docs/transfer.md): its peers verify what it signs and
    encrypt hand-overs for it. Only devices that sent a box key get a change: they run a version
    that understands 'device' changes, and an earlier kiosk's feed stays as it was."""
    row = conn.execute(
        sa.select(devices.c.id, devices.c.commune, devices.c.label, devices.c.public_key,
                  devices.c.enrolled_at, devices.c.revoked_at, device_keys.c.box_key)
        .join(device_keys, device_keys.c.device_id == devices.c.id)
        .where(devices.c.id == device_id)).first()
    if row is None:
        return
    snap = DeviceSnapshot(id=row.id, label=row.label or "", public_key=row.public_key,
                          box_key=row.box_key, enrolled_at=row.enrolled_at,
                          revoked_at=row.revoked_at)
    changes.emit(conn, row.commune, "device", snap.model_dump(mode="json"))


def device_for_token(db: Database, token: str) -> Device | None:
    with db.read() as conn:
        row = conn.execute(sa.select(devices.c.id, devices.c.commune).where(
            devices.c.token_sha256 == sha256_hex(token), devices.c.revoked_at.is_(None))).first()
    return Device(row.id, row.commune) if row else None


def list_devices(db: Database) -> list[dict[str, Any]]:
    with db.read() as conn:
        rows = conn.execute(sa.select(devices.c.id, devices.c.commune, devices.c.label,
                                      devices.c.public_key, devices.c.enrolled_at,
                                      devices.c.revoked_at).order_by(devices.c.enrolled_at))
        return [dict(r._mapping) for r in rows]


def revoke(db: Database, device_id: str) -> bool:
    """False when no such device; revoking twice keeps the first time."""
    with db.write() as conn:
        if conn.execute(sa.select(devices.c.id).where(devices.c.id == device_id)).first() is None:
            return False
        if conn.execute(devices.update().where(devices.c.id == device_id,
                                               devices.c.revoked_at.is_(None))
                        .values(revoked_at=now())).rowcount:
            _emit_device(conn, device_id)   # its peers stop trusting what it signs
    return True
