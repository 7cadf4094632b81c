"""The in-process adapter of `GameApi`: the game's use cases, called directly, with storage
failures turned into the port's `ServiceUnavailable` — so callers see the same errors a remote
game would send them."""

from __future__ import annotations

import functools
import logging
from typing import Any

from game.adapters.infrastructure_errors import is_infrastructure_error
from game.api import GameApi, GameError, ServiceUnavailable
from game.api.wire import port_methods

log = logging.getLogger(__name__)

_PORT_METHODS = frozenset(port_methods())


class InProcessGame:
    def __init__(self, service: GameApi) -> None:
        self._service = service

    def __getattr__(self, name: str) -> Any:
        if name not in _PORT_METHODS:
            raise AttributeError(name)
        method = getattr(self._service, name)

        @functools.wraps(method)
        async def call(**kwargs: Any) -> Any:
            try:
                return await method(**kwargs)
            except GameError:
                raise
            except Exception as exc:
                if is_infrastructure_error(exc):
                    log.warning("game.%s: storage unavailable: %s", name, exc)
                    raise ServiceUnavailable("storage is unavailable; try again") from exc
                raise

        setattr(self, name, call)  # cache: the wrapper is built once per method
        return call
