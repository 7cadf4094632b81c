"""Serves any `GameApi` over HTTP: `POST /v1/<method>` with the keyword arguments as a JSON object.

The answer is `{"result": …}` or, for a refusal, `{"error": {"code", "message", "details"}}` with 4xx/503.
"""

from __future__ import annotations

import logging

from aiohttp import web
from pydantic import ValidationError

from game.api import GameApi, GameError, ServiceUnavailable
from game.api.wire import dump_result, load_arguments, port_methods

log = logging.getLogger(__name__)


def build_http_app(game: GameApi) -> web.Application:
    async def call(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if method not in port_methods():
            return web.json_response(
                {"error": {"code": "unknown_method", "message": method, "details": {}}}, status=404
            )
        try:
            body = await request.json() if request.can_read_body else {}
            if not isinstance(body, dict):
                raise TypeError("the body must be a JSON object of keyword arguments")
            kwargs = load_arguments(method, body)
        except (ValueError, TypeError, ValidationError) as exc:
            return _error("bad_request", str(exc), status=400)
        try:
            result = await getattr(game, method)(**kwargs)
        except ServiceUnavailable as err:
            return web.json_response({"error": err.to_payload()}, status=503)
        except GameError as err:
            return web.json_response({"error": err.to_payload()}, status=409)
        return web.json_response({"result": dump_result(method, result)})

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/v1/{method}", call)
    app.router.add_get("/health", health)
    return app


def _error(code: str, message: str, *, status: int) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message, "details": {}}}, status=status)
