"""How the port crosses a process boundary: one JSON request per call, typed by the port itself."""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any, get_type_hints

from pydantic import TypeAdapter

from game.api.port import GameApi


@cache
def port_methods() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(fn)
        for name, fn in inspect.getmembers(GameApi, inspect.isfunction)
        if not name.startswith("_")
    }


@cache
def result_adapter(method: str) -> TypeAdapter[Any]:
    return TypeAdapter(get_type_hints(getattr(GameApi, method))["return"])


@cache
def argument_adapters(method: str) -> dict[str, TypeAdapter[Any]]:
    hints = get_type_hints(getattr(GameApi, method))
    return {name: TypeAdapter(tp) for name, tp in hints.items() if name != "return"}


def dump_result(method: str, value: Any) -> Any:
    return result_adapter(method).dump_python(value, mode="json")


def load_result(method: str, raw: Any) -> Any:
    return result_adapter(method).validate_python(raw)


def load_arguments(method: str, raw: dict[str, Any]) -> dict[str, Any]:
    adapters = argument_adapters(method)
    unknown = set(raw) - set(adapters)
    if unknown:
        raise TypeError(f"unexpected arguments for {method}: {sorted(unknown)}")
    return {name: adapters[name].validate_python(value) for name, value in raw.items()}
