"""Telegram delivering the same update twice — at once to two replicas, or again after it was handled —
is answered once and redrawn once, with nothing in the log above INFO."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import Update

from bot.callbacks import TravelCb
from bot.dispatcher import build_dispatcher
from bot.i18n import Translator
from bot.local_chat import LocalChat
from shared.adapters.redis_throttle import RedisThrottle
from tests.bot.conftest import register
from tests.bot.test_play_flow import go_to
from tests.bot.world_helpers import button_data, is_fight


@pytest.fixture
async def guarded(container):
    """Two replicas' Dispatchers on the same Redis and game, with the update guard a Telegram bot runs with."""

    async def replica():
        return build_dispatcher(
            game=await container.game(),
            storage=await container.fsm_storage(),
            update_guard=await container.update_guard(),
            events=await container.event_bus(),
        )

    return await replica(), await replica()


def travel_press(chat, update_id: int, query_id: str) -> Update:
    message = chat.last
    raw = {
        "update_id": update_id,
        "callback_query": {
            "id": query_id,
            "from": chat.user,
            "chat_instance": str(chat.user_id),
            "data": TravelCb(origin="ashford", dest="meadows").pack(),
            "message": {
                "message_id": message.message_id,
                "date": int(time.time()),
                "chat": {"id": chat.user_id, "type": "private"},
                "from": {"id": 1, "is_bot": True, "first_name": "Riftwalker"},
                "text": message.text,
            },
        },
    }
    return Update.model_validate(raw, context={"bot": chat.bot})


def answers(chat, query_id: str) -> int:
    return sum(isinstance(r, AnswerCallbackQuery) and r.callback_query_id == query_id for r in chat.session.requests)


async def test_a_redelivered_press_is_answered_and_drawn_once(guarded, bot, game, caplog):
    first, second = guarded
    chat = LocalChat(first, bot, user_id=640)
    await register(chat)
    caplog.set_level(logging.INFO)
    update = travel_press(chat, 9_000_001, "redelivered-1")
    before = len(chat.session.timeline)

    # Two replicas receive the same update at the same moment.
    await asyncio.gather(first.feed_update(chat.bot, update), second.feed_update(chat.bot, update))
    # …and it comes once more, later (a webhook retried after a lost acknowledgement).
    await second.feed_update(chat.bot, update)

    assert answers(chat, "redelivered-1") == 1
    drawn = chat.session.timeline[before:]
    assert len(drawn) == 1 and "You travel to" in drawn[0].text
    assert (await game.look(player_id=chat.user_id)).id == "meadows"
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    # A new press (a new query) is handled as usual.
    back = travel_press(chat, 9_000_002, "redelivered-2")
    await first.feed_update(chat.bot, back)
    assert answers(chat, "redelivered-2") == 1


async def test_a_redelivered_update_costs_the_player_no_throttle_token(container, bot, redis):
    """The guard drops a copy before the throttle counts it: with a burst of two, a press, its copy and
    a second press all go through (the copy counted would have left the second press refused)."""
    dp = build_dispatcher(
        game=await container.game(),
        storage=await container.fsm_storage(),
        update_guard=await container.update_guard(),
        throttle=RedisThrottle(await container.redis()),
        throttle_rate=0.001,  # no token comes back within the test
        throttle_burst=2,
    )
    chat = LocalChat(await container.dispatcher(), bot, user_id=641)
    await register(chat)
    await dp.feed_update(chat.bot, travel_press(chat, 9_100_001, "counted-1"))
    await dp.feed_update(chat.bot, travel_press(chat, 9_100_001, "counted-1"))  # the copy
    await dp.feed_update(chat.bot, travel_press(chat, 9_100_002, "counted-2"))
    assert answers(chat, "counted-1") == 1 and answers(chat, "counted-2") == 1
    slow_down = Translator("en")("slow-down")
    assert slow_down not in [a.text for a in chat.session.alerts]


async def test_the_guard_claims_finishes_and_releases(container):
    guard = await container.update_guard()
    assert not await guard.finished("x")
    assert await guard.claim("x", lease_seconds=30)
    assert not await guard.claim("x", lease_seconds=30)
    await guard.release("x")
    assert await guard.claim("x", lease_seconds=30)
    assert not await guard.finished("x")
    await guard.finish("x", keep_seconds=30)
    assert await guard.finished("x") and not await guard.claim("x", lease_seconds=30)


async def test_a_copy_of_an_update_whose_handler_died_is_handled_after_the_lease(container, bot, game, monkeypatch):
    """A replica claimed the update and died: Telegram's next delivery waits out the claim, then is handled."""
    from bot.middlewares import once

    monkeypatch.setattr(once, "LEASE_SECONDS", 0.5)
    guard = await container.update_guard()
    dp = build_dispatcher(game=await container.game(), storage=await container.fsm_storage(), update_guard=guard)
    chat = LocalChat(dp, bot, user_id=641)
    await register(chat)
    update = travel_press(chat, 9_000_101, "orphaned-1")
    assert await guard.claim(f"{bot.id}:cq:orphaned-1", lease_seconds=0.5)  # the dead replica's claim
    await dp.feed_update(bot, update)
    assert answers(chat, "orphaned-1") == 1
    assert (await game.look(player_id=chat.user_id)).id == "meadows"


async def test_an_explore_button_explores_once_however_often_it_is_pressed(new_chat, game):
    """A double tap on Explore, or its press delivered again once the update guard has forgotten it, explores
    once: the button carries a token the game takes once; the press again redraws the current screen."""
    chat = new_chat(user_id=642)
    await register(chat)
    arrived = await go_to(chat, "Whispering Meadows")
    [press] = button_data(arrived, "ex:")
    first = (await chat.press(press, message=arrived))[-1]
    before = await game.get_character(player_id=chat.user_id)
    fight = await game.get_combat(player_id=chat.user_id)

    again = (await chat.press(press, message=arrived))[-1]
    assert "This button is from an older screen: here is the current one." in again.text
    after = await game.get_character(player_id=chat.user_id)
    assert after.stamina >= before.stamina  # nothing spent the second time
    if fight is not None:  # the fight the first press started, as it stands
        assert is_fight(again) and (await game.get_combat(player_id=chat.user_id)).id == fight.id
        return
    assert "Whispering Meadows" in again.text and button_data(again, "ex:")
    # The Explore button of the screen the first press drew is a new one: it explores.
    [fresh] = button_data(first, "ex:")
    assert fresh != press
    await chat.press(fresh, message=first)
    assert (await game.get_character(player_id=chat.user_id)).stamina < after.stamina
