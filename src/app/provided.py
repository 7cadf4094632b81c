"""Values from the container, whichever way dependency-injector hands them over."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def provided(value: T | Awaitable[T]) -> T:
    """A provider returns an awaitable when an async resource is among its dependencies (and
    `init_resources` / `shutdown_resources` when some resource is async), which the library's types
    cannot say; otherwise the value itself, or None."""
    if isinstance(value, Awaitable):
        return await value
    return value
