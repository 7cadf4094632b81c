"""Events on a Redis Stream: delivered after a restart, never lost by a failing handler, not blocked
by a slow one."""

from __future__ import annotations

import asyncio
import contextlib

from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.events import Broadcast, CharacterCreated


def created(pid: int) -> CharacterCreated:
    return CharacterCreated(player_id=pid, name=f"P{pid}", class_id="mage", location_id="ashford")


async def test_events_published_while_no_consumer_runs_are_delivered_later(redis):
    bus = RedisStreamEventBus(redis)
    await bus.ensure_group()
    for pid in range(3):
        await bus.publish(created(pid))
    seen = []

    async def handler(event):
        seen.append(event.player_id)

    assert await bus.consume_pending_once(handler) == 3
    assert sorted(seen) == [0, 1, 2]
    assert await RedisStreamEventBus(redis).consume_pending_once(handler) == 0  # acknowledged


async def test_a_failed_handler_leaves_the_event_for_the_next_start(redis):
    bus = RedisStreamEventBus(redis, consumer="bot-1")
    await bus.ensure_group()
    await bus.publish(created(1))
    await bus.publish(created(2))
    attempts: list[int] = []

    async def flaky(event):
        attempts.append(event.player_id)
        if event.player_id == 1 and attempts.count(1) == 1:
            raise RuntimeError("telegram was down")

    await bus.consume_pending_once(flaky)
    restarted = RedisStreamEventBus(redis, consumer="bot-1")  # same consumer name: its pending entries come back
    await restarted.consume_pending_once(flaky)
    assert attempts.count(1) == 2 and attempts.count(2) == 1
    assert await RedisStreamEventBus(redis).consume_pending_once(flaky) == 0


async def test_a_slow_event_does_not_hold_up_the_others(redis):
    bus = RedisStreamEventBus(redis, block_ms=50)
    await bus.ensure_group()
    release = asyncio.Event()
    done: list[str] = []

    async def handler(event):
        if isinstance(event, Broadcast):
            await release.wait()  # a long fan-out
        done.append(event.kind)

    consumer = asyncio.create_task(bus.run_consumer(handler))
    await bus.publish(Broadcast(text="a long one"))
    await bus.publish(created(5))
    for _ in range(100):
        if done:
            break
        await asyncio.sleep(0.02)
    assert done == ["character_created"]
    release.set()
    for _ in range(100):
        if len(done) == 2:
            break
        await asyncio.sleep(0.02)
    consumer.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await consumer
    assert done == ["character_created", "broadcast"]


async def test_entries_that_are_no_events_are_dropped_not_retried(redis):
    bus = RedisStreamEventBus(redis)
    await bus.ensure_group()
    for fields in ({"event": '{"kind": "from_the_future"}'}, {"event": "not json"}, {"other": "field"}):
        await redis.xadd("events", fields)
    await bus.publish(created(7))
    seen: list[int] = []

    async def handler(event):
        seen.append(event.player_id)

    assert await bus.consume_pending_once(handler) == 4
    assert seen == [7]
    assert (await redis.xpending("events", "bot"))["pending"] == 0
