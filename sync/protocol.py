"""The wire schema between a kiosk and the provincial server (protocol version 1).

One module, imported by the client (sync/) and the reference server (server/), which publishes it
as OpenAPI. docs/sync.md describes the exchanges; this file is the contract. Pydantic v2 only: no
Qt, no HTTP here. Field names are English and stable; words for people live in kiosk/messages*.py.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kiosk.canonical import canonical_json, content_hash

__all__ = ["canonical_json", "content_hash"]  # re-exported: the one hash both sides compute

SERVICE = "caunoi-province"           # what /hello says; anything else is not our server
PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
TrackingCode = Annotated[str, StringConstraints(pattern=r"^[0-9A-HJKMNP-TV-Z]{11}$")]
Commune = Annotated[str, StringConstraints(pattern=r"^[0-9]{5}$")]   # mã đơn vị hành chính xã
UtcInstant = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class _Wire(BaseModel):
    # Unknown fields are ignored (a newer peer may add some); the known ones are validated.
    model_config = ConfigDict(extra="ignore", frozen=True)


# --- hello ----------------------------------------------------------------------------------

class Hello(_Wire):
    service: Literal["caunoi-province"]
    protocol_versions: list[int]
    max_batch_items: int = Field(ge=1)
    max_batch_bytes: int = Field(ge=1024)       # decompressed JSON body of one batch
    max_media_bytes: int = Field(ge=1024)       # one photo
    max_changes: int = Field(ge=1)              # changes per page of the feed
    server_time: UtcInstant


# --- enrolment ------------------------------------------------------------------------------

class EnrolRequest(_Wire):
    code: Annotated[str, StringConstraints(min_length=6, max_length=64)]
    device_id: UUID                              # made by the kiosk at its first enrolment
    public_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}=?$")]  # Ed25519, b64url
    label: Annotated[str, StringConstraints(max_length=100)] = ""
    # X25519 public key (b64url) others encrypt USB hand-overs for (docs/transfer.md). Optional:
    # a device of an earlier version enrols without one and simply cannot receive hand-overs.
    box_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}=?$")] | None = None
    # The device this one replaces after a backup was restored onto it (docs/deploy-kiosk.md):
    # the server revokes that device in the same transaction. Optional, so older kiosks enrol.
    replaces_device_id: UUID | None = None


class EnrolResponse(_Wire):
    device_id: UUID
    token: str                                   # bearer token; the client keeps it in the keyring
    commune: Commune
    server_time: UtcInstant


# --- batches --------------------------------------------------------------------------------

ItemKind = Literal["report", "rating", "ticket_event", "audit"]


class Item(_Wire):
    uuid: UUID                                   # made when the item was created, province-wide
    kind: ItemKind
    hash: Sha256                                 # content_hash(kind, payload), fixed at creation
    created_at: UtcInstant                       # device clock at creation
    payload: dict[str, Any]                      # validated per item (ReportPayload, …) so one bad
                                                 # item is rejected alone, never the whole batch


class Batch(_Wire):
    protocol: int = PROTOCOL_VERSION
    device_time: UtcInstant                      # the kiosk's clock when it sent the batch
    items: list[Item]


ResultStatus = Literal["accepted", "duplicate", "conflict", "rejected", "retry"]

# Reasons a server gives for `rejected` (the client quarantines) and `retry`. Stable codes; the
# Vietnamese sentences are in kiosk/messages_sync.py.
REJECT_REASONS = (
    "invalid_payload",      # payload does not match the kind's schema
    "hash_mismatch",        # hash is not content_hash(kind, payload)
    "unknown_category",     # category not in the province's catalog
    "unknown_report",       # a rating for a report the server does not know
    "tracking_code_taken",  # another item already holds this tracking code
    "commune_mismatch",     # the item names another commune than the device's
)
RETRY_REASONS = ("missing_media", "busy")


class ItemResult(_Wire):
    uuid: UUID
    status: ResultStatus
    ref: str | None = None                       # the server's case reference (accepted/duplicate)
    reason: str | None = None                    # rejected / retry / conflict
    missing_media: list[Sha256] = []             # retry: photos the server still lacks
    received_at: UtcInstant | None = None        # server time of first acceptance (authoritative)


class BatchResult(_Wire):
    results: list[ItemResult]                    # one per item, same order as the batch
    server_time: UtcInstant


# Payloads. The client builds them from its records (kiosk/items.py); the server validates them.

class ReportPayload(_Wire):
    tracking_code: TrackingCode
    category: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    text: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    hamlet: str | None = None                    # hamlet id from the commune's list
    address: Annotated[str, StringConstraints(max_length=300)] | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    contact_name: Annotated[str, StringConstraints(max_length=100)] | None = None
    contact_phone: Annotated[str, StringConstraints(pattern=r"^0[0-9]{9,10}$")] | None = None
    consent_hash: Sha256 | None = None           # hash of the exact consent text shown
    channel: Literal["kiosk", "volunteer", "cli"]
    created_at: UtcInstant                       # recorded (monotonic-checked) creation time
    device_time: UtcInstant                      # what the device clock said
    due_date: date                               # due date the receipt printed
    media: list[Sha256] = Field(default=[], max_length=3)   # photos, in order
    assisted_by: str | None = None               # volunteer id when filed on a resident's behalf


class RatingPayload(_Wire):
    """A resident's rating of a queue service (ticket) or, later, of a report's answer."""
    subject: Literal["ticket", "report"]
    subject_id: str                              # ticket uuid, or report tracking code
    level: Literal["satisfied", "acceptable", "unsatisfied"]
    comment: Annotated[str, StringConstraints(max_length=500)] | None = None
    at: UtcInstant


class TicketEventPayload(_Wire):
    ticket_id: UUID
    label: Annotated[str, StringConstraints(min_length=4, max_length=8)]
    office_day: date
    event: Literal["issued", "called", "recalled", "serving", "transferred", "no_show",
                   "finished", "cancelled", "closed"]
    at: UtcInstant
    service: str
    counter: int | None = None
    target_service: str | None = None
    lane: Literal["booked", "priority", "normal"] | None = None
    wait_s: float | None = None
    service_s: float | None = None


class AuditPayload(_Wire):
    """An entry of the device's append-only audit log (kiosk/audit.py): a role, never a person;
    a tracking code at most, never personal data."""
    actor: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    action: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    target: Annotated[str, StringConstraints(max_length=60)] | None = None
    detail: Annotated[str, StringConstraints(max_length=500)] = ""
    at: UtcInstant


PAYLOADS: dict[str, type[_Wire]] = {
    "report": ReportPayload, "rating": RatingPayload, "ticket_event": TicketEventPayload,
    "audit": AuditPayload,
}


# --- media ----------------------------------------------------------------------------------

class MissingMediaRequest(_Wire):
    hashes: list[Sha256] = Field(max_length=1000)


class MissingMediaResponse(_Wire):
    missing: list[Sha256]                        # subset of the request the server lacks
    partial: dict[str, int] = {}                 # sha256 -> bytes already received (resume there)


# --- changes feed ---------------------------------------------------------------------------

CaseStatus = Literal["received", "assigned", "in_progress", "resolved", "rejected"]
DossierStatus = Literal[
    "new",                    # Mới đăng ký
    "accepted",               # Được tiếp nhận
    "not_accepted",           # Không được tiếp nhận
    "processing",             # Đang xử lý
    "needs_documents",        # Yêu cầu bổ sung giấy tờ
    "needs_payment",          # Yêu cầu thực hiện nghĩa vụ tài chính
    "withdrawn",              # Công dân yêu cầu rút hồ sơ
    "stopped",                # Dừng xử lý
    "done",                   # Đã xử lý xong
    "returned",               # Đã trả kết quả
]


class CaseEvent(_Wire):
    status: CaseStatus
    at: UtcInstant
    note: str | None = None                      # a public note, never personal data
    unit: str | None = None                      # who handles it from this event on


class CaseSnapshot(_Wire):
    """A report's case as the province holds it: every field public, nothing personal."""
    ref: str                                     # the server's case reference
    client_id: UUID                              # the item uuid the kiosk sent
    tracking_code: TrackingCode
    category: str
    status: CaseStatus
    unit: str | None = None
    created_at: UtcInstant                       # server receive time (authoritative)
    due_date: date
    answer: str | None = None                    # the published answer, when published
    published_at: UtcInstant | None = None
    events: list[CaseEvent]


class DossierEvent(_Wire):
    status: DossierStatus
    at: UtcInstant
    note: str | None = None


class DossierSnapshot(_Wire):
    """A one-stop dossier (the province's system owns it; we only mirror what a resident may see)."""
    code: Annotated[str, StringConstraints(min_length=3, max_length=40)]
    secret_sha256: Sha256                        # sha256(code + ":" + lookup secret); the secret never travels
    procedure: str
    status: DossierStatus
    received_at: UtcInstant
    due_date: date
    collect_at: str | None = None                # where to collect the result
    apology: str | None = None                   # late: the office's apology letter, in short
    new_due_date: date | None = None
    events: list[DossierEvent]


class CatalogCategory(_Wire):
    id: str
    vi: str
    en: str
    icon: str
    reply_days: int = Field(ge=1, le=90)


class CatalogService(_Wire):
    id: str
    prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    vi: str
    en: str
    icon: str


class CatalogSnapshot(_Wire):
    version: int
    categories: list[CatalogCategory]
    services: list[CatalogService] = []
    extra_holidays: list[date] = []              # days off beyond the national calendar
    extra_workdays: list[date] = []              # make-up working Saturdays


class DeviceSnapshot(_Wire):
    """An enrolled device of the commune, so its peers can check what it signed (Ed25519) and
    encrypt a USB hand-over for it (X25519). Public keys only; the token never travels."""
    id: UUID
    label: str = ""
    public_key: str                              # Ed25519, b64url
    box_key: str | None = None                   # X25519, b64url
    enrolled_at: UtcInstant
    revoked_at: UtcInstant | None = None


class Change(_Wire):
    seq: int
    type: Literal["case", "dossier", "catalog", "device"]
    case: CaseSnapshot | None = None
    dossier: DossierSnapshot | None = None
    catalog: CatalogSnapshot | None = None
    device: DeviceSnapshot | None = None


class ChangesPage(_Wire):
    cursor: str                                  # opaque; pass it back as ?since=
    more: bool                                   # another page waits
    changes: list[Change]


# --- errors ---------------------------------------------------------------------------------

class ErrorBody(_Wire):
    """Every non-2xx JSON answer of the server."""
    error: str                                   # stable code, e.g. "unauthorized", "body_too_large"
    detail: str = ""


def dossier_secret_hash(code: str, secret: str) -> str:
    import hashlib

    return hashlib.sha256(f"{code}:{secret.strip().upper()}".encode("utf-8")).hexdigest()
