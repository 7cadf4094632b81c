"""The local Telegram keeps its chats between runs, as Telegram does: a player who comes back finds the
chat as they left it, its old buttons still there to press, and new messages numbered after the old."""

from __future__ import annotations

import json
from pathlib import Path

from local_telegram import BotApi, LocalTelegram

TOKEN = "42:kept"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


async def test_a_restarted_server_has_the_chats_as_they_were(tmp_path: Path):
    kept = tmp_path / "chats.json"
    markup = json.dumps({"inline_keyboard": [[{"text": "⚔️ Attack", "callback_data": "f:1:3:attack"}]]})
    async with LocalTelegram(BotApi(token=TOKEN), state_file=kept) as first:
        api = first.api
        api.player(7, "Ann", "ru")
        await api.call("setMyCommands", {"commands": '[{"command": "menu", "description": "Меню"}]'})
        api.say(7, "/start")
        fight = await api.call(
            "sendMessage", {"chat_id": "7", "text": "<b>Wolf</b> 10/10", "parse_mode": "HTML", "reply_markup": markup}
        )
        await api.call("sendPhoto", {"chat_id": "7", "caption": "map"}, {"photo": (PNG, "image/png")})
        await api.call(
            "editMessageText",
            {"chat_id": "7", "message_id": str(fight["message_id"]), "text": "Wolf 4/10", "reply_markup": markup},
        )
        api.set_blocked(8, True)
        before = api.history(7)
    assert kept.exists()

    async with LocalTelegram(BotApi(token=TOKEN), state_file=kept) as second:
        api = second.api
        assert api.history(7) == before
        assert (api.users[7].first_name, api.users[7].language_code) == ("Ann", "ru")
        assert api.users[8].blocked and api.menu_for(7) == [{"command": "menu", "description": "Меню"}]
        updates = await api.call("getUpdates", {})
        assert updates[0]["message"]["text"] == "/start", "an update the bot had not confirmed waits for it"
        api.press(7, fight["message_id"], "f:1:3:attack")  # the old fight's button, still on the screen
        later = await api.call("sendMessage", {"chat_id": "7", "text": "after"})
        assert later["message_id"] == before[-1]["id"] + 1
        photo = before[-1]["photo"]
    async with LocalTelegram(BotApi(token=TOKEN), state_file=kept) as third:
        assert third.api.photos[photo.rsplit("/", 1)[1]].data == PNG


async def test_a_broken_file_of_chats_starts_afresh(tmp_path: Path):
    kept = tmp_path / "chats.json"
    kept.write_text("{not json", encoding="utf-8")
    async with LocalTelegram(BotApi(token=TOKEN), state_file=kept) as server:
        assert server.api.history(7) == []
    assert json.loads(kept.read_text(encoding="utf-8"))["version"] == 1
