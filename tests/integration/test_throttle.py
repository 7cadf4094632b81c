"""The Redis throttle on a real Redis: burst, rate, refill, streaks, independent keys, failing open."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
import redis.asyncio as aioredis

from shared.adapters.redis_throttle import RedisThrottle


class ManualClock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.value = now

    def now(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def throttle(redis: aioredis.Redis, clock: ManualClock) -> RedisThrottle:
    return RedisThrottle(redis, clock=clock)


async def allowed_of(throttle: RedisThrottle, key: str, n: int, *, rate: float, burst: int) -> int:
    return sum([(await throttle.hit(key, rate=rate, burst=burst)).allowed for _ in range(n)])


async def test_a_burst_is_allowed_at_once_then_refused_with_the_wait(throttle):
    for _ in range(3):
        assert (await throttle.hit("p", rate=2, burst=3)).allowed
    refused = await throttle.hit("p", rate=2, burst=3)
    assert not refused.allowed
    assert refused.retry_after == pytest.approx(0.5, abs=1e-3)


async def test_tokens_refill_at_the_rate(throttle, clock):
    assert await allowed_of(throttle, "p", 10, rate=2, burst=3) == 3
    clock.advance(0.25)  # half a token
    assert not (await throttle.hit("p", rate=2, burst=3)).allowed
    clock.advance(0.25)
    assert await allowed_of(throttle, "p", 10, rate=2, burst=3) == 1
    clock.advance(10)  # refills up to the burst, never beyond
    assert await allowed_of(throttle, "p", 10, rate=2, burst=3) == 3


async def test_a_steady_flood_gets_the_rate_through(throttle, clock):
    """Refused hits take nothing: hammering every 10 ms for 10 s lets burst + rate × 10 s through."""
    allowed = 0
    for _ in range(1000):
        allowed += (await throttle.hit("p", rate=2, burst=3)).allowed
        clock.advance(0.01)
    assert allowed == 3 + 2 * 10 - 1  # the last token falls due just after the run


async def test_two_keys_are_independent(throttle):
    assert await allowed_of(throttle, "flooder", 100, rate=1, burst=5) == 5
    assert await allowed_of(throttle, "neighbour", 5, rate=1, burst=5) == 5
    assert not (await throttle.hit("neighbour", rate=1, burst=5)).allowed


async def test_concurrent_hits_from_two_processes_share_one_bucket(redis_url, clock):
    """Two clients (as two bot processes would have) hammer one key at once: exactly the burst gets through."""
    clients = [aioredis.Redis.from_url(redis_url) for _ in range(2)]
    try:
        await clients[0].flushdb()
        throttles = [RedisThrottle(client, clock=clock) for client in clients]
        decisions = await asyncio.gather(*(throttles[i % 2].hit("p", rate=1, burst=7) for i in range(60)))
        assert sum(d.allowed for d in decisions) == 7
        assert sum(d.first_in_streak for d in decisions) == 1
    finally:
        for client in clients:
            await client.aclose()


async def test_one_refusal_per_streak_is_marked_first(throttle, clock):
    decisions = [await throttle.hit("p", rate=1, burst=2) for _ in range(10)]
    assert [d.first_in_streak for d in decisions if not d.allowed] == [True] + [False] * 7
    # Slowed to the rate but never calm: still the same streak.
    for _ in range(3):
        clock.advance(1)
        assert (await throttle.hit("p", rate=1, burst=2)).allowed
        assert not (await throttle.hit("p", rate=1, burst=2)).first_in_streak
    # Quiet until the bucket is full again: the streak is over, the next one is reported again.
    clock.advance(2)
    assert await allowed_of(throttle, "p", 2, rate=1, burst=2) == 2
    assert (await throttle.hit("p", rate=1, burst=2)).first_in_streak


async def test_server_clock_refills_in_real_time(redis):
    throttle = RedisThrottle(redis)  # time from Redis itself, as in production
    assert await allowed_of(throttle, "p", 5, rate=20, burst=2) == 2
    refused = await throttle.hit("p", rate=20, burst=2)
    assert not refused.allowed and 0 < refused.retry_after <= 0.05 + 1e-3
    await asyncio.sleep(0.06)
    assert (await throttle.hit("p", rate=20, burst=2)).allowed


async def test_a_key_expires_once_its_bucket_is_full(redis):
    throttle = RedisThrottle(redis, prefix="t:")
    await allowed_of(throttle, "p", 5, rate=10, burst=2)
    assert 0 < await redis.pttl("t:p") <= 200
    await asyncio.sleep(0.25)
    assert not await redis.exists("t:p")
    assert await allowed_of(throttle, "p", 3, rate=10, burst=2) == 2


async def test_a_hit_reads_the_keys_asked_for_in_the_same_step(throttle, redis):
    """What a bot reads first of an update (its FSM state and data) comes with the hit, allowed or not."""
    await redis.set("fsm:state", "Registration:name")
    decision, values = await throttle.hit_and_read("p", rate=1, burst=1, read=["fsm:state", "fsm:data"])
    assert decision.allowed and values == [b"Registration:name", None]
    decision, values = await throttle.hit_and_read("p", rate=1, burst=1, read=["fsm:state"])
    assert not decision.allowed and decision.first_in_streak and values == [b"Registration:name"]


async def test_a_failed_hit_and_read_is_allowed_and_reads_nothing():
    client = aioredis.Redis.from_url("redis://127.0.0.1:1/0")
    decision, values = await RedisThrottle(client).hit_and_read("p", rate=1, burst=1, read=["fsm:state"])
    assert decision.allowed and values is None
    await client.aclose()


async def test_an_unreachable_redis_lets_everything_through_and_warns_once(caplog):
    client = aioredis.Redis.from_url("redis://127.0.0.1:1/0")
    throttle = RedisThrottle(client)
    with caplog.at_level(logging.WARNING, logger="shared.adapters.redis_throttle"):
        assert await allowed_of(throttle, "p", 20, rate=1, burst=1) == 20
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    await client.aclose()


async def test_a_hanging_redis_is_given_up_on_after_the_timeout(caplog):
    """A server that accepts the connection and never answers holds an update no longer than the timeout."""

    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(-1)
        writer.close()

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    client = aioredis.Redis.from_url(f"redis://127.0.0.1:{port}/0")
    try:
        throttle = RedisThrottle(client, timeout=0.2)
        started = time.perf_counter()
        with caplog.at_level(logging.WARNING, logger="shared.adapters.redis_throttle"):
            assert (await throttle.hit("p", rate=1, burst=1)).allowed
            assert (await throttle.hit("p", rate=1, burst=1)).allowed
        assert time.perf_counter() - started < 1.0
        assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    finally:
        await client.aclose()
        server.close()


async def test_nonsense_limits_are_a_programming_error(throttle):
    with pytest.raises(ValueError):
        await throttle.hit("p", rate=0, burst=1)
    with pytest.raises(ValueError):
        await throttle.hit("p", rate=1, burst=0)
