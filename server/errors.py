"""Every non-2xx answer is a protocol.ErrorBody; ApiError carries its stable code."""
from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ErrorBody

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
          405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type",
          422: "invalid_request", 500: "internal_error", 503: "busy"}


class ApiError(HTTPException):
    """Subclass of HTTPException so FastAPI's body handling re-raises it untouched."""

    def __init__(self, status: int, error: str, detail: str = "",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.error = error


def error_response(status: int, error: str, detail: str = "",
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=error, detail=detail).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    async def api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status_code, exc.error, str(exc.detail or ""), exc.headers)

    async def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODES.get(exc.status_code, f"http_{exc.status_code}")
        return error_response(exc.status_code, code, str(exc.detail or ""),
                              getattr(exc, "headers", None))

    async def validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return error_response(422, "invalid_request", _first_error(exc.errors()))

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)


def _first_error(errors: object) -> str:
    """A short, stable-ish detail: where and what, never the whole (possibly personal) input."""
    try:
        first = list(errors)[0]  # type: ignore[call-overload]
        loc = ".".join(str(p) for p in first.get("loc", ()))
        return f"{loc}: {first.get('msg', '')}"[:300]
    except (IndexError, TypeError, AttributeError):
        return ""
