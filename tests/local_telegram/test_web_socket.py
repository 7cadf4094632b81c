"""The web chat's socket: a player's page gets the chat and what happens in it live, and whatever a page
sends that makes no sense is answered with an error and changes nothing."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest

from local_telegram import BotApi, LocalTelegram, player_id

TOKEN = "42:web-socket"


@pytest.fixture
async def tg() -> AsyncIterator[LocalTelegram]:
    async with LocalTelegram(BotApi(token=TOKEN, long_poll_cap=0.5)) as server:
        yield server


async def next_of(ws: aiohttp.ClientWebSocketResponse, kind: str) -> dict:
    async with asyncio.timeout(5):
        while True:
            event = await ws.receive_json()
            if event["type"] == kind:
                return event


async def test_a_page_sees_its_chat_live_and_acts_for_its_player(tg: LocalTelegram):
    ann = player_id("Ann")
    markup = json.dumps({"inline_keyboard": [[{"text": "Go", "callback_data": "go:1"}]]})
    first = await tg.api.call("sendMessage", {"chat_id": str(ann), "text": "before the page opened"})
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{tg.url}/ui/ws?player=Ann&lang=ru") as ws:
        hello = await next_of(ws, "hello")
        assert hello["player"] == {"id": ann, "name": "Ann", "language": "ru"}
        assert [m["html"] for m in hello["messages"]] == ["before the page opened"]
        sent = await tg.api.call(
            "sendMessage", {"chat_id": str(ann), "text": "<b>hi</b>", "parse_mode": "HTML", "reply_markup": markup}
        )
        assert (await next_of(ws, "message"))["message"]["html"] == "<b>hi</b>"
        await tg.api.call(
            "editMessageText", {"chat_id": str(ann), "message_id": str(sent["message_id"]), "text": "edited"}
        )
        edited = (await next_of(ws, "message"))["message"]
        assert edited["id"] == sent["message_id"] and edited["edited"] and edited["buttons"] == []
        await tg.api.call("deleteMessage", {"chat_id": str(ann), "message_id": str(first["message_id"])})
        assert (await next_of(ws, "delete"))["message_id"] == first["message_id"]
        await ws.send_str(json.dumps({"type": "send", "text": "/start"}))
        mine = (await next_of(ws, "message"))["message"]
        assert mine["from"] == "user" and mine["html"] == "/start"
        await ws.send_str(json.dumps({"type": "block", "blocked": True}))
        assert (await next_of(ws, "blocked"))["blocked"] is True
    updates = await tg.api.call("getUpdates", {"allowed_updates": '["message", "my_chat_member"]'})
    assert updates[0]["message"]["text"] == "/start" and updates[0]["message"]["from"]["language_code"] == "ru"
    assert updates[1]["my_chat_member"]["new_chat_member"]["status"] == "kicked"


@pytest.mark.parametrize(
    "frame",
    [
        "not json",
        "[1, 2]",
        '{"type": "teleport"}',
        '{"type": "send", "text": 5}',
        '{"type": "press", "message_id": "x", "data": "go"}',
        '{"type": "press", "message_id": 1, "data": "gold:+1000000"}',
        '{"type": "press", "message_id": 999, "data": "go"}',
    ],
)
async def test_nonsense_from_a_page_is_answered_and_changes_nothing(tg: LocalTelegram, frame: str):
    bob = player_id("Bob")
    markup = json.dumps({"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]})
    await tg.api.call("sendMessage", {"chat_id": str(bob), "text": "choose", "reply_markup": markup})
    async with aiohttp.ClientSession() as http, http.ws_connect(f"{tg.url}/ui/ws?player=Bob") as ws:
        await next_of(ws, "hello")
        await ws.send_str(frame)
        assert (await next_of(ws, "error"))["description"].startswith("not understood")
        await ws.send_str(json.dumps({"type": "press", "message_id": 1, "data": "go"}))  # still works
    updates = await tg.api.call("getUpdates", {})
    assert [u["callback_query"]["data"] for u in updates] == ["go"]


async def test_a_page_must_name_its_player(tg: LocalTelegram):
    async with aiohttp.ClientSession() as http, http.get(f"{tg.url}/ui/ws") as answer:
        assert answer.status == 400
