"""`riftwalker play` as a player starts it: embedded PostgreSQL and Redis, the local Telegram with its web
chat, the bot on it; a second `play` on the same folder is sent to the first; a closed terminal (SIGHUP)
stops everything; piped input plays in the terminal."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import psutil
import pytest

pytestmark = pytest.mark.slow


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"BOT_TOKEN", "DATABASE_URL", "REDIS_URL"}}
    return {**clean, "LOG_LEVEL": "WARNING"}


def servers_of(folder: Path) -> list[psutil.Process]:
    """Embedded servers still running on this data folder."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if str(folder) in cmdline and ("postgres" in cmdline or "redis" in cmdline):
            found.append(proc)
    return found


async def read_until(stream: asyncio.StreamReader, pattern: str, seconds: float = 120) -> re.Match[str]:
    seen = ""
    async with asyncio.timeout(seconds):
        while True:
            line = (await stream.readline()).decode()
            if not line:
                raise AssertionError(f"ended before {pattern!r}:\n{seen}")
            seen += line
            if found := re.search(pattern, line):
                return found


async def test_play_serves_the_web_chat_refuses_a_second_play_and_stops_on_sighup(tmp_path: Path):
    folder = tmp_path / "world"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "play", "--no-browser", "--port", "0", "--data-dir", str(folder),
        env=env(), stdin=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        url = (await read_until(proc.stderr, r"(http://127\.0\.0\.1:\d+)/"))[1]
        async with aiohttp.ClientSession() as http:
            async with http.get(url + "/") as page:
                assert page.status == 200 and "Local Telegram" in await page.text()
            async with http.ws_connect(url + "/ui/ws?player=Wanderer&lang=en") as ws:
                hello = await ws.receive_json(timeout=10)
                assert hello["type"] == "hello" and hello["player"]["name"] == "Wanderer"
                menu = hello["commands"]
                # Pressed before the bot is up, START waits for it, as an update waits on Telegram.
                await ws.send_str(json.dumps({"type": "send", "text": "/start"}))
                async with asyncio.timeout(90):
                    while True:
                        event = await ws.receive_json()
                        if event["type"] == "commands":
                            menu = event["commands"]
                        if event["type"] == "message" and "Welcome to" in event["message"]["html"]:
                            break
                assert any(c["command"] == "start" for c in menu), "the bot published its command menu"
        second = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "app", "play", "--no-browser", "--data-dir", str(folder),
            env=env(), stdin=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, said = await asyncio.wait_for(second.communicate(), 60)
        assert second.returncode == 2 and "Traceback" not in said.decode()
        assert f"join its game at {url}/" in said.decode(), said.decode()
        assert servers_of(folder), "the second play left the first one's servers running"
    finally:
        proc.send_signal(signal.SIGHUP)  # the terminal window closed
        await asyncio.wait_for(proc.wait(), 60)
    assert not servers_of(folder), "the embedded servers stopped with the game"


def test_piped_input_plays_in_the_terminal(tmp_path: Path):
    folder = tmp_path / "world"
    result = subprocess.run(
        [sys.executable, "-m", "app", "play", "--data-dir", str(folder)],
        input="Piper\n2\n²\n1\n",
        env=env(), capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Piper the Rogue steps into Ashford" in result.stdout, result.stdout[-2000:]
    assert "🛒 Shop" in result.stdout, "² was answered, and 1 then pressed the menu's Town"
    assert result.stdout.rstrip().endswith("Farewell, riftwalker.")
    assert not servers_of(folder)


async def test_local_telegram_alone_serves_the_bot_api_with_its_token():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app", "local-telegram", "--port", "0", "--token", "77:alone",
        env=env(), stdin=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        found = await read_until(proc.stderr, r"TELEGRAM_API_URL=(\S+) BOT_TOKEN=(\S+) riftwalker run", 60)
        url, token = found[1], found[2]
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{url}/bot{token}/getMe") as answer:
                me = await answer.json()
            async with http.get(f"{url}/bot1:other/getMe") as refused:
                assert refused.status == 401
        assert me["ok"] and me["result"]["id"] == 77 and me["result"]["is_bot"]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
