"""The terminal game: any input is safe, typed numbers press the screen's buttons (notifications have keys
of their own and print as they arrive), and Ctrl-C or the end of input leaves at once with a farewell."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import time

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.terminal import FAREWELL, TerminalChat
from tests.bot.conftest import register


async def test_odd_input_is_answered_and_the_game_goes_on(new_chat):
    chat = new_chat()
    out = io.StringIO()
    lines = io.StringIO("²\n٣\n\x1b[A\x00\n\x07\n99999999999999999999999\nAlaric\n1\n")
    await TerminalChat(chat, out=out).run(lines, settle=0.1)
    text = out.getvalue()
    assert "steps into Ashford" in text, text[-2000:]
    assert "did not work" not in text and text.rstrip().endswith(FAREWELL)


async def test_the_terminal_speaks_the_players_language(new_chat):
    chat = new_chat(language_code="ru")
    out = io.StringIO()
    await TerminalChat(chat, out=out).run(io.StringIO("Мирела\n99\n"), settle=0.1)
    text = out.getvalue()
    assert text.startswith("Riftwalker — напиши сообщение или номер кнопки.")
    assert "(нет кнопки 99: выбери 1–" in text
    assert text.rstrip().endswith("До встречи, странник разломов.") and FAREWELL not in text


async def test_numbers_press_the_screen_and_notifications_have_their_own_keys(new_chat, bot):
    chat = new_chat()
    await register(chat)
    out = io.StringIO()
    terminal = TerminalChat(chat, out=out)
    await terminal.handle_line("/menu")
    boss = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="👹 To the boss", callback_data="bs:x")]])
    await bot.send_message(chat.user_id, "👹 Old Tusk appeared in Whispering Meadows!", reply_markup=boss)
    await terminal.handle_line("2")  # the menu's second button: Look around, not the boss
    text = out.getvalue()
    assert "🔔 👹 Old Tusk appeared" in text and "[n1] 👹 To the boss" in text
    assert chat.last is not None and "Whispering Meadows!" not in chat.last.text
    assert "Roads" in chat.last.text or "road" in chat.last.text.lower(), chat.last.text
    await terminal.handle_line("n1")  # the notification's own key presses its button
    assert chat.session.alerts, "the boss button was answered"


async def test_a_notification_prints_while_the_player_sits_at_the_prompt(new_chat, bot):
    chat = new_chat()
    await register(chat)
    out = io.StringIO()
    terminal = TerminalChat(chat, out=out)
    terminal.flush()
    stop = asyncio.Event()
    watcher = asyncio.create_task(terminal._watch(stop))
    try:
        await bot.send_message(chat.user_id, "🌀 A rift opened in the Darkwood.")
        for _ in range(60):  # the watcher looks four times a second
            if "A rift opened" in out.getvalue():
                break
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await watcher
    assert "🔔 🌀 A rift opened in the Darkwood." in out.getvalue()


async def test_ctrl_c_at_the_prompt_leaves_at_once(new_chat):
    chat = new_chat()
    read_end, write_end = os.pipe()  # input that never comes
    out = io.StringIO()
    with os.fdopen(read_end) as lines:
        session = asyncio.create_task(TerminalChat(chat, out=out).run(lines))
        for _ in range(100):
            if "Send me your character's name" in out.getvalue():
                break
            await asyncio.sleep(0.05)
        started = time.monotonic()
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.wait_for(session, 5)
        assert time.monotonic() - started < 2
        os.close(write_end)
    assert out.getvalue().rstrip().endswith(FAREWELL)
