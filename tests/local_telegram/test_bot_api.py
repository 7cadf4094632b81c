"""The local Telegram's Bot API, driven by a real aiogram Bot over HTTP: what Telegram accepts it
accepts, and what Telegram refuses it refuses with Telegram's code and words."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.types import BotCommand, BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup
from aiohttp import web

from local_telegram import BotApi, Limits, LocalTelegram

TOKEN = "42:local-test-token"
PLAYER = 5001
# A 1×1 PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
async def tg() -> AsyncIterator[LocalTelegram]:
    async with LocalTelegram(BotApi(token=TOKEN, long_poll_cap=2.0)) as server:
        server.api.player(PLAYER, "Ann", "en")
        yield server


@contextlib.asynccontextmanager
async def bot_on(tg: LocalTelegram, token: str = TOKEN) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(tg.url))
    bot = Bot(token, session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
    try:
        yield bot
    finally:
        await session.close()


@pytest.fixture
async def bot(tg: LocalTelegram) -> AsyncIterator[Bot]:
    async with bot_on(tg) as bot:
        yield bot


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=d[:10] or "?", callback_data=d)] for d in data]
    )


async def test_get_me_names_the_bot_of_the_token(bot: Bot):
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (42, True, "riftwalker_bot")


async def test_a_wrong_token_is_unauthorized(tg: LocalTelegram):
    async with bot_on(tg, "43:someone-else") as stranger:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()


async def test_html_becomes_text_and_entities_counted_in_utf16(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "⚔️ <b>Alaric</b> &amp; <i>co</i>", reply_markup=keyboard("go:1"))
    assert sent.text == "⚔️ Alaric & co"
    bold, italic = sent.entities or []
    assert (bold.type, bold.offset, bold.length) == ("bold", 3, 6)
    assert (italic.type, italic.offset, italic.length) == ("italic", 12, 2)
    assert sent.reply_markup is not None and sent.reply_markup.inline_keyboard[0][0].callback_data == "go:1"
    assert tg.api.history(PLAYER)[-1]["html"] == "⚔️ <b>Alaric</b> &amp; <i>co</i>"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<blink>hi</blink>", 'Unsupported start tag "blink" at byte offset 0'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("1 < 2", "byte offset 2"),
    ],
)
async def test_html_that_does_not_parse_is_refused(bot: Bot, tg: LocalTelegram, text: str, reason: str):
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as refused:
        await bot.send_message(PLAYER, text)
    assert reason in refused.value.message
    assert tg.api.chats[PLAYER] == {}, "nothing reaches the chat"


async def test_text_longer_than_4096_characters_is_refused_after_parsing(bot: Bot):
    await bot.send_message(PLAYER, "<b>" + "x" * 4096 + "</b>")  # the tags are not text
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(PLAYER, "x" * 4097)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(PLAYER, "<b> </b>")


async def test_callback_data_over_64_bytes_is_refused(bot: Bot):
    await bot.send_message(PLAYER, "fits", reply_markup=keyboard("é" * 32))  # 64 bytes
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(PLAYER, "too long", reply_markup=keyboard("é" * 32 + "x"))


async def test_an_edit_that_changes_nothing_is_not_modified(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "<b>HP</b> 10", reply_markup=keyboard("a"))
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text(
            "<b>HP</b> 10", chat_id=PLAYER, message_id=sent.message_id, reply_markup=keyboard("a")
        )
    edited = await bot.edit_message_text(
        "HP 10", chat_id=PLAYER, message_id=sent.message_id, reply_markup=keyboard("a")
    )
    assert isinstance(edited, type(sent)) and edited.edit_date is not None, "bold → plain is a change"
    await bot.edit_message_reply_markup(chat_id=PLAYER, message_id=sent.message_id, reply_markup=keyboard("b"))
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=PLAYER, message_id=999)
    shown = tg.api.history(PLAYER)[-1]
    assert shown["edited"] and shown["buttons"] == [[{"text": "b", "callback_data": "b"}]]


async def test_the_players_own_message_cannot_be_edited_and_deleted_ones_are_gone(bot: Bot, tg: LocalTelegram):
    said = tg.api.say(PLAYER, "hello")
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("hacked", chat_id=PLAYER, message_id=said.message_id)
    sent = await bot.send_message(PLAYER, "bye")
    assert await bot.delete_message(PLAYER, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(PLAYER, sent.message_id)


async def test_flood_limits_answer_429_with_retry_after(tg: LocalTelegram, bot: Bot):
    tg.api.limits = Limits(per_chat_rate=1.0)
    await bot.send_message(PLAYER, "one")
    with pytest.raises(TelegramRetryAfter) as flood:
        await bot.send_message(PLAYER, "two")
    assert flood.value.retry_after == 1
    await bot.send_message(PLAYER + 1, "another chat is not limited by this one")
    tg.api.limits = Limits(global_rate=2)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(PLAYER + 2, "past two in a second")


async def test_a_player_who_blocked_the_bot_answers_403_until_they_restart_it(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "hi")
    tg.api.set_blocked(PLAYER, True)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(PLAYER, "are you there?")
    with pytest.raises(TelegramForbiddenError):
        await bot.edit_message_text("edited", chat_id=PLAYER, message_id=sent.message_id)
    tg.api.say(PLAYER, "/start")  # writing to the bot again unblocks it
    await bot.send_message(PLAYER, "welcome back")


async def test_long_polling_delivers_messages_and_presses_in_order(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "choose", reply_markup=keyboard("class:mage"))
    tg.api.say(PLAYER, "/start now")
    query_id = tg.api.press(PLAYER, sent.message_id, "class:mage")
    updates = await bot.get_updates(timeout=1)
    message, press = updates[0].message, updates[1].callback_query
    assert message is not None and message.text == "/start now" and message.from_user is not None
    assert message.from_user.first_name == "Ann" and message.entities is not None
    assert (message.entities[0].type, message.entities[0].length) == ("bot_command", 6)
    assert press is not None and press.id == query_id and press.data == "class:mage"
    assert press.message is not None and press.message.message_id == sent.message_id
    # Confirmed updates are gone; an empty queue waits, then answers an empty list.
    assert await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0) == []


async def test_a_button_that_is_not_on_the_message_cannot_be_pressed(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "choose", reply_markup=keyboard("class:mage"))
    with pytest.raises(LookupError):
        tg.api.press(PLAYER, sent.message_id, "gold:+1000000")
    with pytest.raises(LookupError):
        tg.api.press(PLAYER, 12345, "class:mage")


async def test_a_callback_query_is_answered_once(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_message(PLAYER, "choose", reply_markup=keyboard("x"))
    query_id = tg.api.press(PLAYER, sent.message_id, "x")
    async with tg.api.watch(PLAYER) as events:
        assert await bot.answer_callback_query(query_id, text="Too late", show_alert=True)
        event = await asyncio.wait_for(events.get(), 1)
    assert event == {"type": "answer", "message_id": sent.message_id, "text": "Too late", "alert": True, "url": None}
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query("forged")


async def test_a_second_poller_ends_the_first_with_409(bot: Bot, tg: LocalTelegram):
    first = asyncio.create_task(bot.get_updates(timeout=2))
    await asyncio.sleep(0.2)
    second = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await first
    assert await second == []


async def test_the_command_menu_follows_the_players_language(bot: Bot, tg: LocalTelegram):
    await bot.set_my_commands([BotCommand(command="menu", description="Main menu")])
    await bot.set_my_commands([BotCommand(command="menu", description="Главное меню")], language_code="ru")
    assert tg.api.menu_for(PLAYER) == [{"command": "menu", "description": "Main menu"}]
    tg.api.player(PLAYER + 1, "Борис", "ru")
    assert tg.api.menu_for(PLAYER + 1) == [{"command": "menu", "description": "Главное меню"}]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Not A Command", description="x")])
    assert [c.command for c in await bot.get_my_commands()] == ["menu"]


async def test_photos_are_stored_and_served_with_their_size(bot: Bot, tg: LocalTelegram):
    sent = await bot.send_photo(PLAYER, BufferedInputFile(PNG, "map.png"), caption="<b>The map</b>")
    assert sent.photo is not None and (sent.photo[-1].width, sent.photo[-1].height) == (1, 1)
    assert sent.caption == "The map"
    async with aiohttp.ClientSession() as http, http.get(tg.url + tg.api.history(PLAYER)[-1]["photo"]) as answer:
        assert await answer.read() == PNG
    with pytest.raises(TelegramBadRequest, match="there is no text in the message to edit"):
        await bot.edit_message_text("text", chat_id=PLAYER, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="IMAGE_PROCESS_FAILED"):
        await bot.send_photo(PLAYER, BufferedInputFile(b"not an image", "x.png"))


async def test_webhook_mode_posts_updates_and_forbids_polling(bot: Bot, tg: LocalTelegram):
    received: list[tuple[dict, str | None]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        assert await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cret")
        with pytest.raises(TelegramConflictError, match="webhook is active"):
            await bot.get_updates()
        tg.api.say(PLAYER, "hello")
        for _ in range(50):
            if received:
                break
            await asyncio.sleep(0.05)
        update, secret = received[0]
        assert update["message"]["text"] == "hello" and secret == "s3cret"
        assert (await bot.get_webhook_info()).pending_update_count == 0
        assert await bot.delete_webhook()
        assert await bot.get_updates(timeout=0) == []
    finally:
        await runner.cleanup()


async def test_malformed_requests_get_telegrams_error_json(tg: LocalTelegram):
    base = f"{tg.url}/bot{TOKEN}"
    async with aiohttp.ClientSession() as http:
        for method, kwargs, code, words in [
            ("sendMessage", {"data": "{not json", "headers": {"Content-Type": "application/json"}}, 400, "JSON"),
            ("sendMessage", {"json": {"text": "no chat"}}, 400, "chat_id is empty"),
            ("sendMessage", {"json": {"chat_id": "@nobody", "text": "x"}}, 400, "chat not found"),
            ("sendMessage", {"json": {"chat_id": PLAYER, "text": "x", "reply_markup": "[1"}}, 400, "reply_markup"),
            (
                "sendMessage",
                {"json": {"chat_id": PLAYER, "text": "x", "reply_markup": {"inline_keyboard": [[{"text": "bare"}]]}}},
                400,
                "Text buttons are unallowed",
            ),
            ("flyToTheMoon", {"json": {}}, 404, "Not Found"),
            ("getUpdates", {"data": {"timeout": "soon"}}, 400, "must be a number"),
            ("getUpdates", {"data": {"allowed_updates": "[message"}}, 400, "allowed_updates"),
            ("editMessageText", {"data": {"chat_id": PLAYER, "message_id": "first", "text": "x"}}, 400, "not found"),
            ("answerCallbackQuery", {"data": {}}, 400, "query is too old"),
            ("setMyCommands", {"data": {"commands": '[{"command": 5}]'}}, 400, "BOT_COMMAND"),
            ("sendPhoto", {"data": {"chat_id": PLAYER}}, 400, "there is no photo in the request"),
        ]:
            async with http.post(f"{base}/{method}", **kwargs) as answer:
                body = await answer.json()
            assert answer.status == code, (method, body)
            assert body["ok"] is False and body["error_code"] == code and words in body["description"], body
        async with http.get(f"{tg.url}/botnot-a-token/getMe") as answer:
            assert answer.status == 401 and (await answer.json())["description"] == "Unauthorized"
