"""Throttling through the real Dispatcher, the Redis rate limiter, the FSM and the game.

The container's dispatcher runs here with a tiny refill rate, so within a test a player has exactly
`BURST` updates (registration takes three of them) and nothing refills; the streak test builds a
dispatcher on a clock it controls.
"""

from __future__ import annotations

import asyncio
import logging

import pytest
import redis.asyncio as aioredis
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.dispatcher import build_dispatcher
from bot.local_chat import LocalChat
from bot.local_session import LocalSession
from shared.adapters.redis_throttle import RedisThrottle
from tests.bot.conftest import register

BURST = 8
RATE = 0.001  # one update per ~17 minutes: nothing refills while a test runs
REGISTRATION = 3  # /start, the name, the class button
SLOW_DOWN = "too many actions"


class ManualClock:
    def __init__(self) -> None:
        self.value = 1_800_000_000.0

    def now(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
def settings(settings):
    return settings.model_copy(update={"throttle_rate": RATE, "throttle_burst": BURST})


def slow_downs(session: LocalSession, user_id: int | None = None) -> list[str]:
    """Slow-down notices: messages to the player's chat (to anyone's without `user_id`) and toasts.

    A toast names no chat, so with more than one player pressing buttons, count them for everyone.
    """
    sent = [
        r.text
        for r in session.requests
        if isinstance(r, SendMessage) and (user_id is None or int(r.chat_id) == user_id)
    ]
    toasts = [r.text or "" for r in session.requests if isinstance(r, AnswerCallbackQuery)]
    return [text for text in sent + toasts if SLOW_DOWN in text or "слишком много" in text]


def sheets_shown(session: LocalSession, user_id: int, since: int = 0) -> int:
    """How many times the character sheet handler ran after request `since` (counted in requests: an
    unchanged edit is refused and never reaches the timeline)."""
    return sum(
        1
        for r in session.requests[since:]
        if isinstance(r, SendMessage | EditMessageText) and int(r.chat_id) == user_id and "STR" in r.text
    )


async def test_a_player_within_the_limits_is_untouched(new_chat, bot):
    chat = new_chat(user_id=11)
    await register(chat)
    start = len(bot.session.requests)
    for _ in range(BURST - REGISTRATION):
        await chat.press("nav:sheet")
    assert sheets_shown(bot.session, 11, start) == BURST - REGISTRATION
    assert slow_downs(bot.session, 11) == []


async def test_a_flood_of_button_presses_gets_one_toast_and_the_rest_is_dropped(new_chat, bot):
    chat = new_chat(user_id=12)
    await register(chat)
    start = len(bot.session.requests)
    answered_before = sum(isinstance(r, AnswerCallbackQuery) for r in bot.session.requests)
    await asyncio.gather(*(chat.press("nav:sheet") for _ in range(100)))
    handled = BURST - REGISTRATION
    assert sheets_shown(bot.session, 12, start) == handled
    assert slow_downs(bot.session, 12) == ["🐢 Easy there — too many actions at once. Wait a moment."]
    # The handled presses and the one toast are answered; the 94 others are not answered at all.
    answered = sum(isinstance(r, AnswerCallbackQuery) for r in bot.session.requests) - answered_before
    assert answered == handled + 1


async def test_a_flood_of_messages_gets_one_reply(new_chat, bot):
    chat = new_chat(user_id=13)
    await register(chat)
    start = len(bot.session.requests)
    for _ in range(50):
        await chat.send("/me")
    assert sheets_shown(bot.session, 13, start) == BURST - REGISTRATION
    assert len(slow_downs(bot.session, 13)) == 1
    replies = [r for r in bot.session.requests if isinstance(r, SendMessage) and int(r.chat_id) == 13]
    assert len(replies) == REGISTRATION - 1 + (BURST - REGISTRATION) + 1  # the class press edits in place


async def test_a_dropped_update_changes_nothing_in_the_game(new_chat, bot, game):
    chat = new_chat(user_id=14)
    await register(chat)
    await chat.press_button("Look around")
    location = chat.last
    for _ in range(BURST - REGISTRATION - 1):
        await chat.press("nav:sheet", message=location)
    edits_before = sum(isinstance(r, EditMessageText) for r in bot.session.requests)
    await chat.press_button("Whispering Meadows", message=location)
    assert (await game.look(player_id=14)).id == "ashford"
    assert sum(isinstance(r, EditMessageText) for r in bot.session.requests) == edits_before
    assert SLOW_DOWN in chat.last_alert


async def test_a_flooder_does_not_starve_another_player(new_chat, bot):
    flooder, neighbour = new_chat(user_id=21), new_chat(user_id=22)
    await register(flooder, name="Flooder")
    await register(neighbour, name="Neighbour")
    start = len(bot.session.requests)

    async def play_normally() -> None:
        for _ in range(BURST - REGISTRATION):
            await neighbour.press("nav:sheet")
            await asyncio.sleep(0)

    await asyncio.gather(*(flooder.press("nav:sheet") for _ in range(100)), play_normally())
    # Every update of the neighbour was handled; the flooder got their burst and one notice, the only one.
    assert sheets_shown(bot.session, 22, start) == BURST - REGISTRATION
    assert sheets_shown(bot.session, 21, start) == BURST - REGISTRATION
    assert len(slow_downs(bot.session)) == 1


async def test_the_notice_speaks_the_players_language(new_chat, bot):
    chat = new_chat(user_id=15, language_code="ru")
    await register(chat, name="Добрыня", class_label="Воин")
    for _ in range(BURST - REGISTRATION + 3):
        await chat.press("nav:sheet")
    assert slow_downs(bot.session, 15) == ["🐢 Потише, слишком много действий сразу. Подожди немного."]


async def test_a_new_streak_after_calming_down_is_told_again(container, bot):
    clock = ManualClock()
    dp = build_dispatcher(
        game=await container.game(),
        storage=await container.fsm_storage(),
        throttle=RedisThrottle(await container.redis(), clock=clock),
        throttle_rate=1.0,
        throttle_burst=4,
    )
    chat = LocalChat(dp, bot, user_id=16)
    await register(chat)
    start = len(bot.session.requests)
    for _ in range(10):
        await chat.press("nav:sheet")
    assert len(slow_downs(bot.session, 16)) == 1
    # Slowed to the rate but still pressing: the same streak, no second notice.
    for _ in range(3):
        clock.advance(1.0)
        await chat.press("nav:sheet")
        await chat.press("nav:sheet")
    assert len(slow_downs(bot.session, 16)) == 1
    assert sheets_shown(bot.session, 16, start) == 1 + 3
    clock.advance(4.0)  # the bucket is full again: the streak is over
    for _ in range(10):
        await chat.press("nav:sheet")
    assert len(slow_downs(bot.session, 16)) == 2
    assert sheets_shown(bot.session, 16, start) == 1 + 3 + 4


async def test_an_unreachable_limiter_lets_every_update_through(container, bot, caplog):
    broken = aioredis.Redis.from_url("redis://127.0.0.1:1/0")
    dp = build_dispatcher(
        game=await container.game(),
        storage=await container.fsm_storage(),
        throttle=RedisThrottle(broken),
        throttle_rate=RATE,
        throttle_burst=1,
    )
    chat = LocalChat(dp, bot, user_id=17)
    with caplog.at_level(logging.WARNING):
        await register(chat)
        start = len(bot.session.requests)
        for _ in range(20):
            await chat.press("nav:sheet")
    assert sheets_shown(bot.session, 17, start) == 20
    assert slow_downs(bot.session, 17) == []
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "rate limiter" in r.getMessage()]
    assert len(warnings) == 1
    await broken.aclose()


async def test_the_limit_holds_across_bot_processes(container, dispatcher, bot, redis_url):
    """Two dispatchers with Redis clients of their own, as two bot processes would be: one bucket per player."""
    other_redis = aioredis.Redis.from_url(redis_url)
    other = build_dispatcher(
        game=await container.game(),
        storage=await container.fsm_storage(),
        throttle=RedisThrottle(other_redis),
        throttle_rate=RATE,
        throttle_burst=BURST,
    )
    here, there = LocalChat(dispatcher, bot, user_id=18), LocalChat(other, bot, user_id=18)
    await register(here)
    start = len(bot.session.requests)
    for _ in range(10):
        await here.press("nav:sheet")
        await there.press("nav:sheet")
    assert sheets_shown(bot.session, 18, start) == BURST - REGISTRATION
    assert len(slow_downs(bot.session, 18)) == 1
    await other_redis.aclose()
