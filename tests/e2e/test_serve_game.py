"""`riftwalker serve-game` as a real process: it refuses to start without its secrets, serves signed
calls only, and stops on SIGTERM after the calls in flight are answered."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time

import aiohttp
import pytest

from game.api import ServiceUnavailable
from game.api.signing import signed_headers
from tests.support import seam

METRICS_TOKEN = "serve-game-metrics-token-for-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_game_refuses_to_start_without_its_secrets():
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GAME_")}
    for extra in ({}, {"GAME_API_SECRET": "s" * 20}, {"GAME_API_SECRET": "s" * 20, "GAME_OPERATOR_SECRET": "s" * 20}):
        result = subprocess.run(
            [sys.executable, "-m", "app", "serve-game", "--port", str(free_port())],
            env={**clean, "LOG_LEVEL": "ERROR", **extra},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert "GAME_OPERATOR_SECRET" in result.stderr and "Traceback" not in result.stderr
        assert "s" * 20 not in result.stderr


async def _until_up(url: str, proc: asyncio.subprocess.Process) -> None:
    deadline = time.monotonic() + 30
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            assert proc.returncode is None, "serve-game exited at start-up"
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                await asyncio.sleep(0.1)
    raise AssertionError("serve-game did not come up")


@pytest.mark.slow
async def test_serve_game_serves_signed_calls_and_stops_gracefully(database_url, redis_url, db, redis):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "GAME_API_SECRET": seam.SECRET,
        "GAME_OPERATOR_SECRET": seam.OPERATOR_SECRET,
        "METRICS_TOKEN": METRICS_TOKEN,
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": "json",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "serve-game", "--port", str(port), env=env, stderr=asyncio.subprocess.PIPE
    )
    client = seam.client(url)
    try:
        await _until_up(url, proc)
        async with aiohttp.ClientSession() as http, http.get(f"{url}/readyz") as r:
            assert r.status == 200 and (await r.json())["checks"] == {"postgres": True, "redis": True}
        sheet = await client.register(player_id=42, name="Remote", class_id="mage")
        assert (await client.get_character(player_id=42)) == sheet
        assert (await client.admin_open_rift(duration_minutes=5)).id
        async with aiohttp.ClientSession() as http:
            # A signed call sent again is refused: the process records each call's nonce.
            body = json.dumps({"player_id": 42}).encode()
            headers = signed_headers(seam.SECRET, method="get_character", body=body, now=time.time())
            answers = []
            for _ in range(2):
                async with http.post(f"{url}/v1/get_character", data=body, headers=headers) as r:
                    answers.append((r.status, (await r.json())["error"]["code"] if r.status != 200 else "ok"))
            assert answers == [(200, "ok"), (401, "replayed")]
            # /metrics answers its scraper only; the probes answer anyone.
            async with http.get(f"{url}/metrics") as r:
                assert r.status == 401 and r.headers["WWW-Authenticate"].startswith("Bearer")
            async with http.get(f"{url}/metrics", headers={"Authorization": "Bearer not-the-metrics-token"}) as r:
                assert r.status == 401
            async with http.get(f"{url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}) as r:
                assert r.status == 200 and r.content_type == "text/plain"
                metrics = await r.text()
        assert 'riftwalker_game_http_seconds_count{method="register",side="server"} 1.0' in metrics
        assert 'riftwalker_game_call_seconds_count{method="admin_open_rift",outcome="ok"} 1.0' in metrics

        # A burst of calls with the stop in the middle: each is answered, or finds the door already closed.
        async def one() -> str:
            try:
                await client.get_character(player_id=42)
            except ServiceUnavailable:
                return "refused"
            return "answered"

        calls = [asyncio.create_task(one()) for _ in range(30)]
        await asyncio.sleep(0.01)
        proc.send_signal(signal.SIGTERM)
        outcomes = await asyncio.gather(*calls)
        assert "answered" in outcomes
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=30)
    finally:
        await client.close()
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    log = stderr.decode()
    assert proc.returncode == 0, log[-2000:]
    assert "game server stopped" in log and "Traceback" not in log
    # LOG_FORMAT=json: every log line is one JSON object.
    records = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert any(r["message"] == "game server stopped" and r["level"] == "INFO" for r in records)
    assert all(line.startswith("{") for line in log.splitlines() if line and not line.startswith("game port served"))
    assert seam.SECRET not in log and seam.OPERATOR_SECRET not in log and METRICS_TOKEN not in log
