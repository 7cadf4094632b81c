"""Fan-out through a real aiogram Bot to a local fake of the Bot API, with the ledger on real Redis."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis
from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.delivery import FanOut, Outgoing, RateLimiter, TelegramSender
from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from shared.ports.delivery_ledger import DeliveryState
from tests.fakes.telegram_server import FakeTelegram


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(global_rate=30, per_chat_rate=1) as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with tg.bot() as bot:
        yield bot


@pytest.fixture
def ledger(redis: aioredis.Redis) -> RedisDeliveryLedger:
    return RedisDeliveryLedger(redis)


def fan_out(
    bot: Bot, ledger: RedisDeliveryLedger, *, rate: float = 30, unreachable: list[int] | None = None, **options
) -> FanOut:
    async def note(chat_id: int) -> None:
        if unreachable is not None:
            unreachable.append(chat_id)

    sender = TelegramSender(bot, RateLimiter(global_rate=rate), on_unreachable=note, backoff=0.05)
    return FanOut(sender, ledger, **options)


def peak_per_second(times: list[float]) -> int:
    """The most messages inside any sliding one-second window."""
    times = sorted(times)
    peak = start = 0
    for end, t in enumerate(times):
        while times[start] <= t - 1.0:
            start += 1
        peak = max(peak, end - start + 1)
    return peak


async def test_every_player_gets_exactly_one_message_within_the_limits(bot, ledger, tg):
    players = range(1000, 1045)
    keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="Go", callback_data="rift:go")]])

    async def render(chat_id: int) -> Outgoing:
        return Outgoing(f"A rift opened near you, {chat_id}", keyboard)

    report = await fan_out(bot, ledger).deliver("rift-1", players, render)

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in players}
    assert tg.sent_to(1007)[0].text == "A rift opened near you, 1007"
    assert tg.sent_to(1007)[0].reply_markup["inline_keyboard"][0][0]["callback_data"] == "rift:go"
    assert (report.sent, report.recipients, report.failed, report.flood_waits) == (45, 45, 0, 0)
    assert tg.too_many_requests == 0
    assert peak_per_second([s.at for s in tg.sent]) <= 30
    # Paced, not burst: 45 messages at 30/s cannot take less than ~1.5 s.
    assert tg.sent[-1].at - tg.sent[0].at >= 44 / 30


async def test_retry_after_is_waited_out_and_the_message_retried(bot, ledger, tg):
    tg.flood(retry_after=2)  # the very first send is refused

    report = await fan_out(bot, ledger).deliver("boss-1", range(1, 11), lambda chat_id: "A boss appeared!")

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in range(1, 11)}
    refused = tg.rejections[0]
    assert refused.status == 429
    assert tg.sent_to(refused.chat_id)[0].at - refused.at >= 2.0
    # Flood control is per bot: nobody was written to during the pause.
    assert all(not refused.at < s.at < refused.at + 2.0 for s in tg.sent)
    assert (report.sent, report.flood_waits, report.failed) == (10, 1, 0)


async def test_a_blocked_player_is_reported_once_and_never_written_to_again(bot, ledger, tg):
    tg.blocked.add(3)
    tg.missing.add(7)
    unreachable: list[int] = []
    fanout = fan_out(bot, ledger, unreachable=unreachable)

    report = await fanout.deliver("rift-2", range(1, 11), lambda chat_id: "Rift!")

    assert sorted(unreachable) == [3, 7]
    assert [r.method for r in tg.requests if r.params.get("chat_id") == "3"] == ["sendMessage"]  # not retried
    assert (report.sent, report.unreachable, report.failed) == (8, 2, 0)
    assert await ledger.states("rift-2", [3, 7]) == [DeliveryState.UNREACHABLE] * 2

    again = await fanout.deliver("rift-2", range(1, 11), lambda chat_id: "Rift!")
    assert (again.sent, again.skipped_unreachable, again.skipped_already_delivered) == (0, 2, 8)
    assert len(tg.requests) == 10


async def test_two_messages_to_one_chat_are_a_second_apart(bot, ledger, tg):
    fanout = fan_out(bot, ledger)

    await asyncio.gather(
        fanout.deliver("rift-3", [42], lambda _: "A rift opened"),
        fanout.deliver("boss-3", [42], lambda _: "A boss appeared"),
    )

    first, second = tg.sent_to(42)
    assert second.at - first.at >= 1.0
    assert tg.too_many_requests == 0


async def test_a_restart_after_interruption_sends_nothing_twice(bot, ledger, tg):
    tg.latency = 0.05  # requests are on the wire when the cancellation lands
    players = list(range(500, 590))
    first = asyncio.create_task(fan_out(bot, ledger).deliver("broadcast-1", players, lambda _: "Server news"))
    await tg.wait_sent(25)
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    reached_before = {s.chat_id for s in tg.sent}
    assert 25 <= len(reached_before) < len(players)
    # Every message Telegram accepted was recorded, even the ones answered after the cancellation.
    states = await ledger.states("broadcast-1", players)
    assert {p for p, s in zip(players, states, strict=True) if s is DeliveryState.DELIVERED} == reached_before
    assert DeliveryState.IN_FLIGHT not in states

    # A new process: new limiter, sender and fan-out; the same ledger.
    report = await fan_out(bot, ledger).deliver("broadcast-1", iter(players), lambda _: "Server news")

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in players}
    assert report.skipped_already_delivered == len(reached_before)
    assert report.sent == len(players) - len(reached_before)


@pytest.mark.parametrize("latency", [0.0, 0.3])
async def test_repeated_interruptions_never_repeat_or_lose_a_message(bot, ledger, tg, latency):
    # With a slow Telegram the cancellations land while answers are still on their way.
    tg.global_rate = tg.per_chat_rate = None
    tg.latency = latency
    players = list(range(700, 760))
    for stop_after in (0, 7, 19, 33):
        run = asyncio.create_task(fan_out(bot, ledger, rate=200).deliver("boss-9", players, lambda _: "Boss!"))
        await tg.wait_sent(stop_after)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run
    report = await fan_out(bot, ledger, rate=200).deliver("boss-9", players, lambda _: "Boss!")

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in players}
    assert report.sent + report.skipped_already_delivered == len(players)
    assert report.in_flight_elsewhere == 0


async def test_a_crashed_senders_claim_is_sent_once_after_its_lease(bot, ledger, tg):
    # A process died with a request on the wire whose answer never came: its claim is left behind.
    assert await ledger.claim("rift-4", 5, token="dead-process", lease=1.0) is DeliveryState.CLAIMED

    report = await fan_out(bot, ledger, lease=1.0).deliver("rift-4", range(1, 9), lambda _: "Rift!")

    assert Counter(s.chat_id for s in tg.sent) == {p: 1 for p in range(1, 9)}
    assert report.sent == 8
    assert report.in_flight_elsewhere == 0


async def test_transient_errors_are_retried_and_hopeless_ones_are_not(bot, ledger, tg):
    tg.inject(502, "Bad Gateway", times=2)

    report = await fan_out(bot, ledger).deliver("rift-5", [1], lambda _: "Rift!")
    assert (report.sent, report.retries) == (1, 2)

    tg.inject(400, "Bad Request: message text is empty")
    report = await fan_out(bot, ledger).deliver("rift-6", [2], lambda _: "Rift!")
    assert (report.sent, report.failed, report.retries) == (0, 1, 0)
    # Released, not final: the same delivery run again tries it once more.
    assert await ledger.states("rift-6", [2]) == [DeliveryState.PENDING]


async def test_streamed_recipients_duplicates_and_players_with_nothing_to_hear(bot, ledger, tg):
    async def players() -> AsyncIterator[int]:
        for chat_id in [1, 2, 3, 2, 4, 1]:
            yield chat_id

    async def render(chat_id: int) -> str | None:
        return None if chat_id == 4 else "Boss down!"

    report = await fan_out(bot, ledger, batch_size=2).deliver("boss-7", players(), render)

    assert Counter(s.chat_id for s in tg.sent) == {1: 1, 2: 1, 3: 1}
    assert (report.recipients, report.sent, report.not_rendered, report.skipped_already_delivered) == (6, 3, 1, 2)
