"""The HTTP entry point answers malformed calls clearly instead of failing."""

from __future__ import annotations

import aiohttp
from aiohttp import web

from game.entrypoints.http_server import build_http_app


async def test_malformed_requests_get_clear_errors(container):
    runner = web.AppRunner(build_http_app(await container.game()))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    base = f"http://{host}:{port}"
    try:
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{base}/v1/drop_tables", json={}) as r:
                assert r.status == 404 and (await r.json())["error"]["code"] == "unknown_method"
            async with http.post(f"{base}/v1/look", json={"player_id": "not a number"}) as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == "bad_request"
            async with http.post(f"{base}/v1/look", json={"player_id": 1, "extra": 1}) as r:
                assert r.status == 400
            async with http.post(f"{base}/v1/look", data="[1, 2]") as r:
                assert r.status == 400
            async with http.post(f"{base}/v1/look", json={"player_id": 1}) as r:
                assert r.status == 409 and (await r.json())["error"]["code"] == "not_registered"
    finally:
        await runner.cleanup()
