"""How the port crosses a process boundary: one JSON request per call, typed by the port itself.

The port's signatures are also where its arguments are checked, for every caller and every method
(a new port method is covered by being declared): an `int` is a signed 64-bit integer (what PostgreSQL
stores), a `float` is finite, a duration (a `float` named `…_minutes` or `…_seconds`) is positive and at
most `MAX_DURATION_DAYS`, a `str` is at most `MAX_TEXT` characters, required arguments are present and
nothing else is. A call that breaks one is refused with `BadRequest` before the game sees it.
"""

from __future__ import annotations

import inspect
import types
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

from pydantic import Field, TypeAdapter, ValidationError

from game.api.errors import BadRequest
from game.api.port import GameApi
from game.api.ports import OPERATOR_PORTS

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
MAX_TEXT = 4096
MAX_DURATION_DAYS = 30
_DURATION_LIMIT = {"minutes": MAX_DURATION_DAYS * 24 * 60, "seconds": MAX_DURATION_DAYS * 24 * 3600}

Int64 = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]
BoundedText = Annotated[str, Field(max_length=MAX_TEXT)]


@cache
def port_methods() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(fn)
        for name, fn in inspect.getmembers(GameApi, inspect.isfunction)
        if not name.startswith("_")
    }


@cache
def operator_methods() -> frozenset[str]:
    """The methods of the operator ports (administration, maintenance, the world's jobs): a server
    guards them with a credential of their own."""
    return frozenset(
        name for port in OPERATOR_PORTS for name, value in vars(port).items() if inspect.iscoroutinefunction(value)
    )


@cache
def result_adapter(method: str) -> TypeAdapter[Any]:
    return TypeAdapter(get_type_hints(getattr(GameApi, method))["return"])


@cache
def argument_adapters(method: str) -> dict[str, TypeAdapter[Any]]:
    hints = get_type_hints(getattr(GameApi, method))
    return {name: TypeAdapter(_checked(tp, name)) for name, tp in hints.items() if name != "return"}


@cache
def required_arguments(method: str) -> frozenset[str]:
    return frozenset(
        name
        for name, parameter in port_methods()[method].parameters.items()
        if name != "self" and parameter.default is inspect.Parameter.empty
    )


def _checked(tp: Any, name: str) -> Any:
    """The port's annotation with the bounds every argument of that type keeps."""
    if tp is int:
        return Int64
    if tp is float:
        unit = name.rsplit("_", 1)[-1]
        if unit in _DURATION_LIMIT:
            return Annotated[float, Field(gt=0, le=_DURATION_LIMIT[unit], allow_inf_nan=False)]
        return FiniteFloat
    if tp is str:
        return BoundedText
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return Union[tuple(_checked(arg, name) for arg in get_args(tp))]  # noqa: UP007 — built at run time
    if origin in (list, set, frozenset):
        return origin[_checked(get_args(tp)[0], name)]
    # Literals, nested DTOs and Annotated types carry their own checks.
    return tp


def dump_result(method: str, value: Any) -> Any:
    return result_adapter(method).dump_python(value, mode="json")


def load_result(method: str, raw: Any) -> Any:
    return result_adapter(method).validate_python(raw)


def load_arguments(method: str, raw: dict[str, Any]) -> dict[str, Any]:
    """The call's keyword arguments, checked against the port; `BadRequest` names what is wrong."""
    adapters = argument_adapters(method)
    unknown = set(raw) - set(adapters)
    if unknown:
        raise BadRequest(f"unexpected arguments for {method}: {sorted(unknown)}", arguments=sorted(unknown))
    missing = required_arguments(method) - set(raw)
    if missing:
        raise BadRequest(f"missing arguments for {method}: {sorted(missing)}", arguments=sorted(missing))
    loaded = {}
    for name, value in raw.items():
        try:
            loaded[name] = adapters[name].validate_python(value)
        except ValidationError as exc:
            reason = "; ".join(e["msg"] for e in exc.errors(include_url=False))
            raise BadRequest(f"{method}: {name}: {reason}", argument=name) from None
    return loaded
