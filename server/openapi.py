"""OpenAPI: bodies are read by our capped (gzip-aware) reader, so their schemas are declared here
and the protocol models added to the published components."""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

_BODIES: list[type[BaseModel]] = []


def body_doc(model: type[BaseModel]) -> dict[str, Any]:
    if model not in _BODIES:
        _BODIES.append(model)
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


def install(app: FastAPI, extra: list[type[BaseModel]]) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        models = list(dict.fromkeys([*_BODIES, *extra]))
        _, defs = models_json_schema([(m, "validation") for m in models],
                                     ref_template="#/components/schemas/{model}")
        known = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, body in defs.get("$defs", {}).items():
            known.setdefault(name, body)
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
