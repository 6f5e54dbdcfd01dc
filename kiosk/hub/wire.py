"""The wire form of the queue's records: `dataclasses.asdict` out, typed dataclasses back in.

JSON has lists, not tuples; `decode` rebuilds the exact frozen dataclasses (tuples, nested
records, None) from the type hints in kiosk.queue.api, so a HubQueue caller gets values equal to
what LocalQueue returns on the hub."""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

from kiosk.queue import api

T = TypeVar("T")


def encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(api))


def decode(kind: Any, data: Any) -> Any:
    """`data` (parsed JSON) as the type `kind` (a dataclass, tuple[...], X | None, a primitive)."""
    origin = typing.get_origin(kind)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return decode(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in data)
        return tuple(decode(a, v) for a, v in zip(args, data))
    if origin is typing.Literal:
        return data
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: decode(hints[f.name], data[f.name])
                       for f in dataclasses.fields(kind) if f.name in data})
    return data
