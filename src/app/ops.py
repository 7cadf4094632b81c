"""What an operator's probes and Prometheus read on every process: `/healthz` (the process answers),
`/readyz` (PostgreSQL and Redis answer, and the process's own parts — the event consumer, the scheduler —
run) and `/metrics`. `run` and `worker` serve them on `OPS_PORT`; `serve-game` beside the game port.

The probes are open (a balancer asks them, and they tell nothing but up or not). `/metrics` tells a good
deal (methods called, players' traffic, the backlog): it answers only `Authorization: Bearer
<METRICS_TOKEN>`, else 401; with no `METRICS_TOKEN` set it is off (403), wherever the request comes from —
a balancer or proxy on the same host would make every request look local."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from app.containers import Container
from app.provided import provided
from shared.config import Settings
from shared.metrics import EVENTS_DEAD, EVENTS_LAG, EVENTS_PENDING
from shared.ports.event_bus import EventBusOperations

log = logging.getLogger(__name__)

Check = Callable[[], Awaitable[bool]]
CHECK_SECONDS = 2.0


def storage_checks(container: Container) -> dict[str, Check]:
    async def postgres() -> bool:
        engine: AsyncEngine = await provided(container.engine())
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True

    async def redis() -> bool:
        client: Redis = await provided(container.redis())
        return bool(await client.ping())

    return {"postgres": postgres, "redis": redis}


def metrics_token(settings: Settings) -> str | None:
    return settings.metrics_token.get_secret_value() if settings.metrics_token else None


def ops_routes(
    checks: Mapping[str, Check], *, events: EventBusOperations | None = None, metrics_token: str | None = None
) -> list[web.RouteDef]:
    """The probes, and `/metrics` for a scraper presenting `metrics_token` (None: `/metrics` is off)."""

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    async def readyz(_: web.Request) -> web.Response:
        results = dict(zip(checks, await asyncio.gather(*(_passes(c) for c in checks.values())), strict=True))
        ready = all(results.values())
        return web.json_response({"ready": ready, "checks": results}, status=200 if ready else 503)

    async def metrics(request: web.Request) -> web.Response:
        refused = _refusal(request, metrics_token)
        if refused is not None:
            return refused
        if events is not None:
            with contextlib.suppress(Exception):  # a scrape still answers when the stream does not
                backlog = await asyncio.wait_for(events.backlog(), CHECK_SECONDS)
                EVENTS_PENDING.set(backlog.pending)
                EVENTS_LAG.set(backlog.lag)
                EVENTS_DEAD.set(backlog.dead)
        return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    return [web.get("/healthz", healthz), web.get("/readyz", readyz), web.get("/metrics", metrics)]


def _refusal(request: web.Request, token: str | None) -> web.Response | None:
    """None if the request may read the metrics, else the answer saying why not."""
    if token is None:
        return web.Response(status=403, text="metrics are off here: set METRICS_TOKEN to scrape them\n")
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(presented.strip().encode(), token.encode()):
        return web.Response(
            status=401,
            text="metrics need Authorization: Bearer <METRICS_TOKEN>\n",
            headers={"WWW-Authenticate": 'Bearer realm="metrics"'},
        )
    return None


async def _passes(check: Check) -> bool:
    try:
        return await asyncio.wait_for(check(), CHECK_SECONDS)
    except Exception as exc:
        log.warning("readiness check failed: %s", exc)
        return False


@contextlib.asynccontextmanager
async def ops_server(host: str, port: int | None, routes: list[web.RouteDef]) -> AsyncIterator[Any]:
    """The routes served on `host:port` for the block's duration; nothing when `port` is None."""
    if port is None:
        yield None
        return
    app = web.Application()
    app.add_routes(routes)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    log.info("health and metrics on http://%s:%d (/healthz, /readyz, /metrics)", host, port)
    try:
        yield runner
    finally:
        await runner.cleanup()
