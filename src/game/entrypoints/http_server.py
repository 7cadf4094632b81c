"""Serves any `GameApi` over HTTP: `POST /v1/<method>` with the keyword arguments as a JSON object.

The answer is `{"result": …}` or, for a refusal, `{"error": {"code", "message", "details"}}`: 400 for a
malformed call (`bad_request`, with the reason), 401 without a valid signature (`unauthorized`) or for a
call already received (`replayed`), 404 for an unknown method, 409 for a refusal of the game, 503 when
storage is unavailable.

Every call is signed (see `game.api.signing`): player calls with the player secret, the operator ports'
calls (administration, maintenance, the world's jobs) with the operator secret. Each signed call's nonce is
recorded in the `NonceStore` every replica shares before the call runs, so a call sent again — by anyone,
to any replica — is refused instead of run twice. The body is read
bounded (`MAX_BODY_BYTES`, `MAX_JSON_DEPTH`) and checked before it is parsed into arguments; the
arguments are checked against the port (`game.api.wire.load_arguments`) before the game sees them, so a
bad call changes nothing.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from aiohttp import web

from game.api import BadRequest, GameApi, GameError, ServiceUnavailable
from game.api.signing import (
    NONCE_HEADER,
    NONCE_TTL_SECONDS,
    REQUEST_ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    verify,
)
from game.api.wire import dump_result, load_arguments, operator_methods, port_methods
from shared import request_context
from shared.metrics import GAME_HTTP_SECONDS
from shared.ports.nonce_store import NonceStore
from shared.request_context import new_request_id

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_JSON_DEPTH = 8


def build_http_app(
    game: GameApi,
    *,
    secret: str,
    operator_secret: str,
    nonces: NonceStore,
    routes: Iterable[web.RouteDef] = (),
) -> web.Application:
    """The game port at `POST /v1/<method>`; `routes` adds others (the process's health and metrics)."""
    if not secret or not operator_secret:
        raise ValueError("the game server needs both the player and the operator secret")
    if secret == operator_secret:
        raise ValueError("the player and the operator secret must differ")

    async def call(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        # The caller's request id, so both sides' logs of this call carry the same one.
        sent = request.headers.get(REQUEST_ID_HEADER, "")
        rid = sent[:64] if sent and sent.isprintable() else new_request_id()
        token = request_context.request_id.set(rid)
        started = time.perf_counter()
        try:
            response = await _call(request, method)
        finally:
            if method in port_methods():
                GAME_HTTP_SECONDS.labels(method, "server").observe(time.perf_counter() - started)
            request_context.request_id.reset(token)
        response.headers[REQUEST_ID_HEADER] = rid
        return response

    async def _call(request: web.Request, method: str) -> web.Response:
        try:
            body = await _read_body(request)
        except BadRequest as err:
            return _error(err, status=400)
        key = operator_secret if method in operator_methods() else secret
        problem = verify(
            key,
            method=method,
            body=body,
            timestamp=request.headers.get(TIMESTAMP_HEADER),
            nonce=request.headers.get(NONCE_HEADER),
            signature=request.headers.get(SIGNATURE_HEADER),
            now=time.time(),
        )
        if problem is not None:
            if method in operator_methods():
                problem += " (operator calls are signed with the operator secret)"
            log.warning("refused an unsigned or badly signed call to %s: %s", method, problem)
            return _payload("unauthorized", problem, status=401)
        # Recorded only once the signature holds: a stranger cannot use up a caller's nonces.
        try:
            first = await nonces.first_use(request.headers[NONCE_HEADER], NONCE_TTL_SECONDS)
        except Exception as exc:
            log.warning("cannot record the nonce of a call to %s: %s", method, exc)
            return _error(ServiceUnavailable("the game server cannot record the call's nonce"), status=503)
        if not first:
            log.warning("refused a call to %s sent again (its nonce was already received)", method)
            return _payload(
                "replayed",
                f"this call was already received: each signed call is answered once ({NONCE_HEADER} seen before)",
                status=401,
            )
        if method not in port_methods():
            return _payload("unknown_method", method, status=404)
        try:
            kwargs = load_arguments(method, _parse(body))
        except BadRequest as err:
            return _error(err, status=400)
        try:
            result = await getattr(game, method)(**kwargs)
        except BadRequest as err:
            return _error(err, status=400)
        except ServiceUnavailable as err:
            return _error(err, status=503)
        except GameError as err:
            return _error(err, status=409)
        except Exception:
            log.exception("game.%s failed (request %s)", method, request.headers.get(REQUEST_ID_HEADER, "-"))
            return _payload("internal_error", "the game failed to answer; the failure is logged", status=500)
        return web.json_response({"result": dump_result(method, result)})

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    # aiohttp's own cap sits above ours, so ours answers with the reason.
    app = web.Application(client_max_size=MAX_BODY_BYTES * 2)
    app.router.add_post("/v1/{method}", call)
    app.router.add_get("/health", health)
    app.add_routes(list(routes))
    return app


async def _read_body(request: web.Request) -> bytes:
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        raise BadRequest(f"the body is larger than {MAX_BODY_BYTES} bytes")
    body = await request.content.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        raise BadRequest(f"the body is larger than {MAX_BODY_BYTES} bytes")
    return body


def _parse(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    # Measured before parsing: a parser recursing through thousands of levels is what this refuses.
    if _nesting(body) > MAX_JSON_DEPTH:
        raise BadRequest(f"the body is nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        value = json.loads(body)
    except RecursionError:
        raise BadRequest(f"the body is nested deeper than {MAX_JSON_DEPTH} levels") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest(f"the body is not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise BadRequest("the body must be a JSON object of keyword arguments")
    if _depth(value) > MAX_JSON_DEPTH:
        raise BadRequest(f"the body is nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _nesting(body: bytes) -> int:
    """How deep the body's brackets go, outside strings (a scan, no parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in body:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_JSON_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _error(err: GameError, *, status: int) -> web.Response:
    return web.json_response({"error": err.to_payload()}, status=status)


def _payload(code: str, message: str, *, status: int) -> web.Response:
    return web.json_response({"error": {"code": code, "message": message, "details": {}}}, status=status)
