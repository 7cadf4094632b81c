"""The game port served over HTTP on a free loopback port, signed with the tests' secrets."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from aiohttp import web

from game.api import GameApi
from game.api.signing import signed_headers
from game.client.http import HttpGameClient
from game.entrypoints.http_server import build_http_app
from shared.ports.nonce_store import NonceStore

SECRET = "player-secret-for-the-tests"
OPERATOR_SECRET = "operator-secret-for-the-tests"


@contextlib.asynccontextmanager
async def served(game: GameApi, nonces: NonceStore, **options: Any) -> AsyncIterator[str]:
    """`game` behind the real HTTP server, recording nonces in `nonces`; yields its base URL."""
    app = build_http_app(game, secret=SECRET, operator_secret=OPERATOR_SECRET, nonces=nonces, **options)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def client(base_url: str) -> HttpGameClient:
    return HttpGameClient(base_url, secret=SECRET, operator_secret=OPERATOR_SECRET)


async def post(
    http: aiohttp.ClientSession,
    base_url: str,
    method: str,
    body: bytes | str | Any = b"",
    *,
    secret: str | None = SECRET,
    now: float | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any]]:
    """One raw call, signed with `secret` (None: unsigned); a body that is not bytes or str is sent as JSON."""
    if isinstance(body, str):
        body = body.encode()
    elif not isinstance(body, bytes):
        body = json.dumps(body).encode()
    sent = dict(headers or {})
    if secret is not None:
        sent.update(signed_headers(secret, method=method, body=body, now=time.time() if now is None else now))
    async with http.post(f"{base_url}/v1/{method}", data=body, headers=sent) as response:
        return response.status, await response.json(content_type=None)
