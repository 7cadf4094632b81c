"""What an operator reads off a process: health, readiness naming what is missing, Prometheus metrics
that move with the work, JSON logs carrying the request, update and player ids, a request id that
crosses the HTTP seam."""

from __future__ import annotations

import io
import json
import logging
import time

import aiohttp
import pytest
from aiohttp import web

from app.logs import ContextFilter
from app.ops import ops_routes, ops_server, storage_checks
from game.api.signing import REQUEST_ID_HEADER, signed_headers
from shared import request_context
from shared.events import Broadcast
from tests.bot.conftest import register
from tests.support import seam
from tests.support.seam import SECRET, post

METRICS_TOKEN = "metrics-token-for-the-tests"
SCRAPER = {"Authorization": f"Bearer {METRICS_TOKEN}"}


@pytest.fixture
async def ops(container):
    healthy = {"value": True}

    async def consumer_runs() -> bool:
        return healthy["value"]

    checks = {**storage_checks(container), "events": consumer_runs}
    routes = ops_routes(checks, events=await container.event_bus(), metrics_token=METRICS_TOKEN)
    async with ops_server("127.0.0.1", 0, routes) as runner, aiohttp.ClientSession() as http:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}", http, healthy


async def test_health_and_readiness(ops):
    url, http, healthy = ops
    async with http.get(f"{url}/healthz") as r:
        assert r.status == 200
    async with http.get(f"{url}/readyz") as r:
        assert r.status == 200 and (await r.json())["checks"] == {"postgres": True, "redis": True, "events": True}
    healthy["value"] = False  # the event consumer stopped
    async with http.get(f"{url}/readyz") as r:
        assert r.status == 503 and (await r.json())["checks"]["events"] is False


async def test_metrics_answer_only_the_scraper_holding_the_token(ops, container):
    url, http, _ = ops
    for headers in ({}, {"Authorization": "Bearer not-the-token-at-all"}, {"Authorization": METRICS_TOKEN}):
        async with http.get(f"{url}/metrics", headers=headers) as r:
            body = await r.text()
            assert r.status == 401 and r.headers["WWW-Authenticate"].startswith("Bearer"), headers
            assert "METRICS_TOKEN" in body and "riftwalker_" not in body
    async with http.get(f"{url}/metrics", headers=SCRAPER) as r:
        assert r.status == 200 and r.content_type == "text/plain"
        assert "# TYPE riftwalker_job_seconds histogram" in await r.text()
    # The probes stay open: balancers ask them without credentials.
    for probe in ("healthz", "readyz"):
        async with http.get(f"{url}/{probe}") as r:
            assert r.status == 200, probe

    # Without a token configured, /metrics is off for everyone, local or not.
    routes = ops_routes(storage_checks(container))
    async with ops_server("127.0.0.1", 0, routes) as runner:
        host, port = runner.addresses[0][:2]
        for headers in ({}, SCRAPER):
            async with http.get(f"http://{host}:{port}/metrics", headers=headers) as r:
                assert r.status == 403 and "set METRICS_TOKEN" in await r.text()
        async with http.get(f"http://{host}:{port}/healthz") as r:
            assert r.status == 200


async def _metrics(http, url) -> str:
    async with http.get(f"{url}/metrics", headers=SCRAPER) as r:
        assert r.status == 200 and r.content_type == "text/plain"
        return await r.text()


def _value(metrics: str, line_start: str) -> float:
    found = [line for line in metrics.splitlines() if line.startswith(line_start)]
    return sum(float(line.rsplit(" ", 1)[1]) for line in found)


async def test_metrics_move_with_updates_and_game_calls(ops, new_chat, container):
    url, http, _ = ops
    before = await _metrics(http, url)
    chat = new_chat(user_id=9101)
    await register(chat)
    await chat.send("/no_such_command")
    await (await container.event_bus()).publish(Broadcast(text="x"))
    after = await _metrics(http, url)
    handled = 'riftwalker_updates_total{kind="message",outcome="handled"}'
    assert _value(after, handled) >= _value(before, handled) + 2
    assert _value(after, 'riftwalker_updates_total{kind="callback_query"') >= 1
    assert _value(after, 'riftwalker_game_call_seconds_count{method="register",outcome="ok"}') >= 1
    assert "riftwalker_update_seconds_bucket" in after
    assert _value(after, "riftwalker_events_lag") >= 1  # the broadcast waits for a consumer
    for name in ("riftwalker_notifications_total", "riftwalker_job_ticks_total", "riftwalker_snapshot_seconds"):
        assert f"# TYPE {name.removesuffix('_total')}" in after, name


async def test_the_request_id_crosses_the_seam_and_reaches_the_logs(game, container, caplog):
    async with seam.served(game, await container.nonce_store()) as url, aiohttp.ClientSession() as http:
        async with http.post(
            f"{url}/v1/list_classes",
            data=b"{}",
            headers={
                REQUEST_ID_HEADER: "req-4711",
                **signed_headers(SECRET, method="list_classes", body=b"{}", now=time.time()),
            },
        ) as r:
            assert r.status == 200 and r.headers[REQUEST_ID_HEADER] == "req-4711"
        status, _ = await post(http, url, "look", {"player_id": 1})
        assert status == 409

    # The client sends the request id of the work at hand.
    seen: list[str] = []

    async def echo(request: web.Request) -> web.Response:
        seen.append(request.headers[REQUEST_ID_HEADER])
        return web.json_response({"result": []})

    app = web.Application()
    app.router.add_post("/v1/{method}", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    client = seam.client(f"http://{host}:{port}")
    token = request_context.request_id.set("upd-99")
    try:
        await client.list_classes()
    finally:
        request_context.request_id.reset(token)
        await client.close()
        await runner.cleanup()
    assert seen == ["upd-99"]


def test_json_logs_carry_the_ids_of_the_work_at_hand():
    from pythonjsonlogger.json import JsonFormatter

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s %(update_id)s %(player_id)s"))
    logger = logging.getLogger("riftwalker.test.json")
    logger.addHandler(handler)
    tokens = (
        request_context.request_id.set("r-1"),
        request_context.update_id.set(555),
        request_context.player_id.set(777),
    )
    try:
        logger.warning("something to see")
    finally:
        for var, token in zip(
            (request_context.request_id, request_context.update_id, request_context.player_id), tokens, strict=True
        ):
            var.reset(token)
        logger.removeHandler(handler)
    line = json.loads(out.getvalue())
    assert line["message"] == "something to see"
    assert (line["request_id"], line["update_id"], line["player_id"]) == ("r-1", 555, 777)
