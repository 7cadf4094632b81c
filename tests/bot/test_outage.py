"""When Redis is gone the player still gets an answer, and when it is back the game goes on."""

from __future__ import annotations

import logging

from bot.local_chat import LocalChat
from tests.bot.conftest import register


async def test_a_dropped_redis_gets_a_polite_answer_not_silence(settings, caplog):
    from app.containers import Container

    broken = Container(settings=settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}), local_bot=True)
    await broken.init_resources()
    try:
        chat = LocalChat(await broken.dispatcher(), await broken.bot(), user_id=404)
        with caplog.at_level(logging.ERROR):
            answer = await chat.send("/start")
            assert "catching its breath" in answer[-1].text
            await chat.press("nav:menu", message=answer[-1])
            assert "catching its breath" in chat.last_alert
    finally:
        await broken.shutdown_resources()


async def test_the_game_goes_on_after_redis_lost_everything(new_chat, redis, game):
    chat = new_chat(user_id=405)
    await register(chat, name="Survivor")
    await game.travel(player_id=405, destination="meadows")
    await game.snapshot_hot_state()
    await redis.flushdb()  # a restart without persistence: hot state and FSM are gone
    answer = await chat.send("/start")
    assert "Welcome back" in answer[0].text
    assert "Whispering Meadows" in answer[-1].text
