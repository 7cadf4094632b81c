"""Webhook mode as real processes: `set-webhook` registers it once; two `run --webhook` replicas serve
Telegram's posts, refuse ones without the secret token, and answer an update delivered to both once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import aiohttp
import pytest

from tests.e2e.test_serve_game import free_port
from tests.fakes.telegram_server import TOKEN, FakeTelegram

SECRET = "webhook-secret-for-the-tests"
PLAYER = {"id": 778, "is_bot": False, "first_name": "Hooked", "language_code": "en"}


def start_update(update_id: int) -> dict:
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": PLAYER["id"], "type": "private"},
            "from": PLAYER,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


async def _until_listening(http: aiohttp.ClientSession, url: str, proc) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.returncode is None, "run --webhook exited at start-up"
        try:
            async with http.post(url, json={}) as r:
                if r.status == 401:  # listening, and refusing a post without the secret
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise AssertionError("the webhook did not come up")


@pytest.mark.slow
async def test_two_webhook_replicas_answer_an_update_once(database_url, redis_url, db, redis):
    async with FakeTelegram(global_rate=None, per_chat_rate=None) as tg:
        ports = [free_port(), free_port()]
        base = {
            **os.environ,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": tg.url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "WEBHOOK_URL": f"http://127.0.0.1:{ports[0]}",
            "WEBHOOK_SECRET": SECRET,
            "LOG_LEVEL": "WARNING",
        }
        registered = await asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "app", "set-webhook"], env=base, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
        assert registered.returncode == 0, registered.stderr
        assert f"webhook set: http://127.0.0.1:{ports[0]}/telegram" in registered.stdout
        [hook] = [r.params for r in tg.requests if r.method == "setWebhook"]
        assert hook["url"].endswith("/telegram") and hook["secret_token"] == SECRET

        procs = []
        try:
            async with aiohttp.ClientSession() as http:
                for port in ports:
                    env = {**base, "WEBHOOK_PORT": str(port)}
                    proc = await asyncio.create_subprocess_exec(
                        sys.executable, "-m", "app", "run", "--webhook", env=env, stderr=asyncio.subprocess.PIPE
                    )
                    procs.append(proc)
                    await _until_listening(http, f"http://127.0.0.1:{port}/telegram", proc)

                # Without the secret token (or with a wrong one): refused, and nothing reaches the bot.
                async with http.post(f"http://127.0.0.1:{ports[0]}/telegram", json=start_update(1)) as r:
                    assert r.status == 401
                wrong = {"X-Telegram-Bot-Api-Secret-Token": "guessed"}
                async with http.post(f"http://127.0.0.1:{ports[0]}/telegram", json=start_update(1), headers=wrong) as r:
                    assert r.status == 401
                assert not [r for r in tg.requests if r.method == "sendMessage"]

                # The same update delivered to both replicas at once: answered once.
                headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                answers = await asyncio.gather(
                    *(http.post(f"http://127.0.0.1:{p}/telegram", json=start_update(2), headers=headers) for p in ports)
                )
                assert [a.status for a in answers] == [200, 200]
                for a in answers:
                    a.release()
                await asyncio.sleep(1.0)
                welcomes = [r for r in tg.requests if r.method == "sendMessage" and "Welcome to" in r.params["text"]]
                assert len(welcomes) == 1
        finally:
            for proc in procs:
                if proc.returncode is None:
                    proc.send_signal(signal.SIGTERM)
            for proc in procs:
                _, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
                assert proc.returncode == 0, stderr.decode()[-2000:]
