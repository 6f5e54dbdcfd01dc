"""Request bodies read with a cap on the *decompressed* size, so a gzip bomb costs at most the cap.

The stream is decompressed chunk by chunk with `max_length`; we never hold more than cap + 1
decompressed bytes, nor more than a little over the cap of raw bytes.
"""
from __future__ import annotations

import json
import zlib
from typing import Any, TypeVar

from fastapi import Request
from pydantic import BaseModel, ValidationError

from server.errors import ApiError, _first_error

M = TypeVar("M", bound=BaseModel)
_GZIP_SLACK = 64 * 1024    # gzip of incompressible data is a little larger than the data


def _too_large(cap: int) -> ApiError:
    return ApiError(413, "body_too_large", f"body over {cap} bytes (decompressed)")


async def read_capped(request: Request, cap: int) -> bytes:
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", ""):
        raise ApiError(415, "unsupported_encoding", f"Content-Encoding {encoding!r}")
    gz = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    raw_cap = cap + _GZIP_SLACK if gz else cap
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > raw_cap:
        raise _too_large(cap)
    out = bytearray()
    raw = 0
    async for chunk in request.stream():
        raw += len(chunk)
        if raw > raw_cap:
            raise _too_large(cap)
        if gz is None:
            out += chunk
        else:
            _inflate(gz, chunk, out, cap)
        if len(out) > cap:
            raise _too_large(cap)
    if gz is not None and not gz.eof:
        raise ApiError(400, "bad_gzip", "truncated gzip stream")
    return bytes(out)


def _inflate(gz: Any, chunk: bytes, out: bytearray, cap: int) -> None:
    data = chunk
    try:
        while data and not gz.eof:
            out += gz.decompress(data, cap - len(out) + 1)   # >= 1: 0 would mean "no limit"
            if len(out) > cap:
                raise _too_large(cap)
            data = gz.unconsumed_tail
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", str(exc)) from None


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")   # NaN/Infinity would break the canonical hash


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "invalid_json", str(exc)[:200]) from None


def validate(model: type[M], value: Any) -> M:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", _first_error(exc.errors())) from None


async def read_model(request: Request, model: type[M], cap: int) -> M:
    return validate(model, parse_json(await read_capped(request, cap)))
