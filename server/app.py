"""The FastAPI application: device endpoints under /api/v1 (docs/sync.md), operator API, OpenAPI."""
from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from server import batches, changes, enrol, errors, media_api, openapi, operator_api
from server.bodies import parse_json, read_capped, validate
from server.clock import now
from server.db import Database
from server.enrol import Device
from server.errors import ApiError
from server.limits import Limits
from server.openapi import body_doc
from sync.protocol import (
    API_PREFIX,
    PAYLOADS,
    PROTOCOL_VERSION,
    SERVICE,
    Batch,
    BatchResult,
    ChangesPage,
    EnrolRequest,
    EnrolResponse,
    ErrorBody,
    Hello,
)

PROTOCOLS = (PROTOCOL_VERSION,)
_bearer = HTTPBearer(auto_error=False, scheme_name="DeviceToken")


def create_app(db: Database, limits: Limits | None = None) -> FastAPI:
    limits = limits or Limits()
    app = FastAPI(title="Cầu Nối provincial server", version=str(PROTOCOL_VERSION),
                  description="Reference server for the kiosk sync protocol (docs/sync.md).",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs",
                  redoc_url=None, responses={"default": {"model": ErrorBody}})
    errors.install(app)

    def device_auth(creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Device:
        device = enrol.device_for_token(db, creds.credentials) if creds else None
        if device is None:
            raise ApiError(401, "unauthorized", "unknown or revoked device token",
                           {"WWW-Authenticate": "Bearer"})
        return device

    api = APIRouter(prefix=API_PREFIX)

    @api.get("/hello", response_model=Hello)
    def hello() -> Hello:
        return Hello(service=SERVICE, protocol_versions=list(PROTOCOLS),
                     max_batch_items=limits.max_batch_items,
                     max_batch_bytes=limits.max_batch_bytes,
                     max_media_bytes=limits.max_media_bytes, max_changes=limits.max_changes,
                     server_time=now())

    @api.post("/enrol", response_model=EnrolResponse, openapi_extra=body_doc(EnrolRequest))
    async def enrol_device(request: Request) -> EnrolResponse:
        req = validate(EnrolRequest, parse_json(await read_capped(request, 64 * 1024)))
        return await run_in_threadpool(enrol.enrol, db, req)

    @api.post("/batches", response_model=BatchResult, openapi_extra=body_doc(Batch))
    async def post_batch(request: Request, device: Device = Depends(device_auth)) -> BatchResult:
        raw = parse_json(await read_capped(request, limits.max_batch_bytes))
        if not isinstance(raw, dict):
            raise ApiError(422, "invalid_request", "a batch is a JSON object")
        # Version and size first: a newer protocol's batch may not even parse as ours.
        if raw.get("protocol", PROTOCOL_VERSION) not in PROTOCOLS:
            raise ApiError(400, "protocol_unsupported", f"this server speaks {list(PROTOCOLS)}")
        if isinstance(raw.get("items"), list) and len(raw["items"]) > limits.max_batch_items:
            raise ApiError(413, "batch_too_large", f"at most {limits.max_batch_items} items")
        batch = validate(Batch, raw)
        return await run_in_threadpool(batches.apply, db, device, batch)

    @api.get("/changes", response_model=ChangesPage)
    def get_changes(since: str | None = Query(default=None, max_length=100),
                    limit: int | None = Query(default=None, ge=1),
                    device: Device = Depends(device_auth)) -> ChangesPage:
        size = min(limit or limits.max_changes, limits.max_changes)
        return changes.page(db, device.commune, since, size)

    api.include_router(media_api.router(db, limits, device_auth))
    api.include_router(operator_api.router(db, limits))
    app.include_router(api)
    openapi.install(app, [*PAYLOADS.values()])
    return app
