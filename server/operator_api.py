"""The operator's HTTP API (token from `python -m server operator-token`; not a device token)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from server import cases, catalog, dossiers, operator
from server.bodies import parse_json, read_capped, read_model
from server.db import Database
from server.errors import ApiError
from server.limits import Limits
from server.openapi import body_doc
from sync.protocol import CaseSnapshot, CaseStatus, CatalogSnapshot


class StatusRequest(BaseModel):
    status: CaseStatus
    note: str | None = None
    publish: bool = False        # the note becomes the published answer
    unit: str | None = None


class CaseRow(BaseModel):
    ref: str
    client_id: str
    tracking_code: str
    commune: str
    category: str
    status: str
    unit: str | None
    created_at: str
    due_date: str
    answer: str | None
    published_at: str | None


class Loaded(BaseModel):
    loaded: int


_bearer = HTTPBearer(auto_error=False, scheme_name="OperatorToken")
_ANY_JSON = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"type": "array", "items": {"type": "object"}}}}}}


def router(db: Database, limits: Limits) -> APIRouter:
    def operator_auth(creds: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
        if creds is None or not operator.is_operator(db, creds.credentials):
            raise ApiError(401, "unauthorized", "operator token required",
                           {"WWW-Authenticate": "Bearer"})

    r = APIRouter(prefix="/operator", dependencies=[Depends(operator_auth)], tags=["operator"])

    @r.get("/cases", response_model=list[CaseRow])
    def list_cases() -> list[dict[str, Any]]:
        return cases.list_cases(db)

    @r.post("/cases/{ref}/status", response_model=CaseSnapshot,
            openapi_extra=body_doc(StatusRequest))
    async def set_status(ref: str, request: Request) -> CaseSnapshot:
        req = await read_model(request, StatusRequest, limits.max_batch_bytes)
        try:
            return await run_in_threadpool(cases.set_status, db, ref, req.status, req.note,
                                           req.publish, req.unit)
        except cases.CaseNotFound:
            raise ApiError(404, "case_unknown", f"no case {ref}") from None

    @r.post("/dossiers", response_model=Loaded, openapi_extra=_ANY_JSON)
    async def load_dossiers(request: Request) -> Loaded:
        records = parse_json(await read_capped(request, limits.max_operator_bytes))
        if not isinstance(records, list):
            records = [records]
        try:
            return Loaded(loaded=await run_in_threadpool(dossiers.load, db, records))
        except dossiers.DossierError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from None

    @r.put("/catalog", response_model=CatalogSnapshot, openapi_extra=body_doc(CatalogSnapshot))
    async def put_catalog(request: Request) -> CatalogSnapshot:
        data = parse_json(await read_capped(request, limits.max_operator_bytes))

        def run() -> CatalogSnapshot:
            with db.write() as conn:
                return catalog.load(conn, data)
        try:
            return await run_in_threadpool(run)
        except (ValidationError, ValueError) as exc:
            raise ApiError(422, "invalid_request", str(exc).splitlines()[0][:300]) from None

    return r
