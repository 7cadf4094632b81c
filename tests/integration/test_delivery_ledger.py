"""The delivery ledger on real Redis: claims, leases, final states, expiry."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio as aioredis

from shared.adapters.redis_delivery_ledger import RedisDeliveryLedger
from shared.ports.delivery_ledger import DeliveryState

PENDING, CLAIMED, IN_FLIGHT = DeliveryState.PENDING, DeliveryState.CLAIMED, DeliveryState.IN_FLIGHT
DELIVERED, UNREACHABLE = DeliveryState.DELIVERED, DeliveryState.UNREACHABLE


@pytest.fixture
def ledger(redis: aioredis.Redis) -> RedisDeliveryLedger:
    return RedisDeliveryLedger(redis, ttl_seconds=3600)


async def test_a_claim_excludes_others_until_settled(ledger):
    assert await ledger.claim("d", 1, token="a", lease=30) is CLAIMED
    assert await ledger.claim("d", 1, token="b", lease=30) is IN_FLIGHT
    assert await ledger.claim("d", 1, token="a", lease=30) is CLAIMED  # the holder renews
    assert await ledger.states("d", [1, 2]) == [IN_FLIGHT, PENDING]

    await ledger.mark_delivered("d", 1)
    assert await ledger.claim("d", 1, token="b", lease=30) is DELIVERED
    assert await ledger.states("d", [1]) == [DELIVERED]


async def test_release_gives_back_only_ones_own_claim(ledger):
    await ledger.claim("d", 1, token="a", lease=30)
    await ledger.release("d", 1, token="b")
    assert await ledger.states("d", [1]) == [IN_FLIGHT]
    await ledger.release("d", 1, token="a")
    assert await ledger.states("d", [1]) == [PENDING]

    await ledger.claim("d", 2, token="a", lease=30)
    await ledger.mark_unreachable("d", 2)
    await ledger.release("d", 2, token="a")  # too late: a final state stays
    assert await ledger.states("d", [2]) == [UNREACHABLE]


async def test_a_lapsed_claim_can_be_taken_over(ledger):
    await ledger.claim("d", 1, token="dead", lease=0.2)
    await asyncio.sleep(0.3)
    assert await ledger.states("d", [1]) == [PENDING]
    assert await ledger.claim("d", 1, token="alive", lease=30) is CLAIMED


async def test_deliveries_are_separate_and_expire(ledger, redis):
    await ledger.claim("one", 1, token="a", lease=30)
    await ledger.mark_delivered("one", 1)
    assert await ledger.states("two", [1]) == [PENDING]
    assert await ledger.states("two", []) == []
    assert 0 < await redis.ttl("delivery:one") <= 3600


async def test_a_thousand_chats_read_in_one_call(ledger):
    for chat_id in range(0, 1000, 3):
        await ledger.mark_delivered("big", chat_id)
    states = await ledger.states("big", list(range(1000)))
    assert states.count(DELIVERED) == 334 and states.count(PENDING) == 666
