"""`riftwalker run` as a real process: long polling against a local Bot API, the game on the test
services, a player registering, and a clean stop that flushes hot state to PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time

import pytest
from sqlalchemy import text

from tests.fakes.telegram_server import TOKEN, FakeTelegram

PLAYER = {"id": 777, "is_bot": False, "first_name": "Runner", "language_code": "en"}


def message(text_: str) -> dict:
    update = {
        "message_id": int(time.time() * 1000) % 1_000_000,
        "date": int(time.time()),
        "chat": {"id": PLAYER["id"], "type": "private"},
        "from": PLAYER,
        "text": text_,
    }
    if text_.startswith("/"):
        update["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text_)}]
    return {"message": update}


def press(data: str, message_id: int) -> dict:
    return {
        "callback_query": {
            "id": str(time.time_ns()),
            "from": PLAYER,
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": PLAYER["id"], "type": "private"},
                "text": "…",
            },
        }
    }


async def until(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := condition():
            return value
        await asyncio.sleep(0.1)
    raise AssertionError("timed out waiting for the bot")


def texts(tg: FakeTelegram, method: str) -> list[tuple[str, dict]]:
    return [(r.params.get("text", ""), r.params) for r in tg.requests if r.method == method]


@pytest.mark.slow
async def test_run_serves_a_player_and_stops_cleanly(database_url: str, redis_url: str, db, redis):
    async with FakeTelegram(global_rate=None, per_chat_rate=None) as tg:
        env = {
            **os.environ,
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": tg.url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "SNAPSHOT_INTERVAL_MINUTES": "60",
            "LOG_LEVEL": "WARNING",
        }
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "app", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        try:
            # The command menu is published in both languages before polling starts.
            await until(lambda: sum(r.method == "setMyCommands" for r in tg.requests) == 2)
            tg.push_update(message("/start"))
            await until(lambda: any("Welcome to" in t for t, _ in texts(tg, "sendMessage")))
            tg.push_update(message("Runner"))
            question = await until(lambda: [p for t, p in texts(tg, "sendMessage") if "choose your class" in t])
            buttons = json.loads(question[-1]["reply_markup"])["inline_keyboard"][0]
            rogue = next(b["callback_data"] for b in buttons if b["text"] == "Rogue")
            message_id = next(s.message_id for s in tg.sent if "choose your class" in (s.text or ""))
            tg.push_update(press(rogue, message_id))
            await until(lambda: any("steps into" in t for t, _ in texts(tg, "editMessageText")))
            # The greeting travels game → Redis Stream → bot.
            await until(lambda: any("first steps" in t for t, _ in texts(tg, "sendMessage")))
            # A walk to the meadows changes hot state only (Redis); the stop must flush it.
            tg.push_update(press("go:ashford:meadows", message_id))
            await until(lambda: any("You travel to" in t for t, _ in texts(tg, "editMessageText")))
        finally:
            proc.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 0, stderr.decode()[-2000:]
    async with db.connect() as conn:
        row = (await conn.execute(text("SELECT name, class_id FROM characters WHERE player_id = 777"))).one()
        saved = (await conn.execute(text("SELECT location_id FROM accounts WHERE player_id = 777"))).scalar_one()
    assert tuple(row) == ("Runner", "rogue")
    assert saved == "meadows", "the graceful stop flushes changed hot state to PostgreSQL"
