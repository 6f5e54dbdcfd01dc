"""HTTP side of media: POST /media/missing, PUT and HEAD /media/{sha256}."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from server import media
from server.bodies import read_model
from server.db import Database
from server.enrol import Device
from server.errors import ApiError
from server.limits import Limits
from server.openapi import body_doc
from sync.protocol import MissingMediaRequest, MissingMediaResponse

_SHA = Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the photo's bytes (lower hex)")
_RAW_DOC = {"requestBody": {"required": True, "content": {
    m: {"schema": {"type": "string", "format": "binary"}} for m in media.MIMES}}}


def router(db: Database, limits: Limits, device_dep: object) -> APIRouter:
    r = APIRouter()
    auth = Depends(device_dep)

    @r.post("/media/missing", response_model=MissingMediaResponse,
            openapi_extra=body_doc(MissingMediaRequest))
    async def media_missing(request: Request, device: Device = auth) -> MissingMediaResponse:
        req = await read_model(request, MissingMediaRequest, limits.max_batch_bytes)
        lacking, partial = await run_in_threadpool(media.missing, db, list(req.hashes))
        return MissingMediaResponse(missing=lacking, partial=partial)

    @r.head("/media/{sha256}")
    def media_head(sha256: str = _SHA, device: Device = auth) -> Response:
        held = media.held(db, sha256)
        return Response(status_code=200 if held.complete else 404,
                        headers={"Upload-Offset": str(held.offset)})

    @r.put("/media/{sha256}", status_code=201, openapi_extra=_RAW_DOC,
           responses={200: {"description": "already complete"}, 202: {"description": "part stored"},
                      409: {"description": "range_mismatch (Upload-Offset header)"},
                      422: {"description": "hash_mismatch: the partial is discarded"}})
    async def media_put(request: Request, sha256: str = _SHA, device: Device = auth) -> Response:
        mime = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if mime not in media.MIMES:
            raise ApiError(415, "unsupported_media_type", "only image/jpeg and image/png")
        held = await run_in_threadpool(media.held, db, sha256)
        if held.complete:
            return Response(status_code=200, headers={"Upload-Offset": "0"})
        start, total, restart = _plan(request, held, limits)
        data, cut = await _read_part(request, total - start)
        if cut and not data:
            return Response(status_code=400)       # nobody is listening; nothing to keep
        outcome, offset = await run_in_threadpool(media.store, db, sha256, mime, start, total,
                                                  data, restart)
        if outcome == "hash_mismatch":
            raise ApiError(422, "hash_mismatch", "the bytes do not hash to the name; discarded")
        status = {"created": 201, "exists": 200, "partial": 202}[outcome]
        return Response(status_code=status, headers={"Upload-Offset": str(offset)})

    return r


def _plan(request: Request, held: media.Held, limits: Limits) -> tuple[int, int, bool]:
    """(start, total, restart) of this PUT, from Content-Range or the whole-body length."""
    header = request.headers.get("content-range")
    if header:
        start, end, total = media.parse_range(header)
        restart = False
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) != end - start + 1:
            raise ApiError(400, "bad_range", "Content-Length differs from the Content-Range")
        if start != held.offset or held.total not in (None, total):
            raise ApiError(409, "range_mismatch", "resume from the bytes the server holds",
                           {"Upload-Offset": str(held.offset)})
    else:
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            raise ApiError(411, "length_required", "send Content-Length")
        start, total, restart = 0, int(length), True
    if total > limits.max_media_bytes:
        raise ApiError(413, "media_too_large", f"a photo is at most {limits.max_media_bytes} bytes")
    if total == 0:
        raise ApiError(400, "bad_range", "empty photo")
    return start, total, restart


async def _read_part(request: Request, expected: int) -> tuple[bytes, bool]:
    """The body, at most `expected` bytes; (bytes so far, True) if the client went away."""
    buf = bytearray()
    try:
        async for chunk in request.stream():
            buf += chunk
            if len(buf) > expected:
                raise ApiError(400, "bad_range", "body longer than announced")
    except ClientDisconnect:
        return bytes(buf), True      # keep what arrived: the client resumes from here
    return bytes(buf), False
