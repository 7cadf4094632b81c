"""`GameApi` over HTTP: the same port, served by `game.entrypoints.http_server` in another process."""

from __future__ import annotations

from typing import Any

import aiohttp

from game.api import GameError, ServiceUnavailable, error_from_payload
from game.api.wire import load_result, port_methods


class HttpGameClient:
    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self._base_url = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def __getattr__(self, name: str) -> Any:
        if name not in port_methods():
            raise AttributeError(name)

        async def call(**kwargs: Any) -> Any:
            return await self._call(name, kwargs)

        call.__name__ = name
        setattr(self, name, call)
        return call

    async def _call(self, method: str, kwargs: dict[str, Any]) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        body = {name: _jsonable(value) for name, value in kwargs.items()}
        try:
            async with self._session.post(f"{self._base_url}/v1/{method}", json=body) as response:
                payload = await response.json()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise ServiceUnavailable(f"game server unreachable: {exc}") from exc
        if "error" in payload:
            raise error_from_payload(payload["error"])
        if "result" not in payload:
            raise GameError("malformed answer from the game server")
        return load_result(method, payload["result"])


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value
