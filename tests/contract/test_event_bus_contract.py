"""One suite for the EventBus port over both transports, Redis Streams and RabbitMQ: events outlive a
missing consumer, replicas share them (each event handled once), a failed event is tried again, one
that keeps failing is set aside as a dead letter that an operator lists and replays, and what a dead
consumer held is taken over by a live one."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid

import pytest

from shared.adapters.rabbitmq_event_bus import RabbitMqEventBus
from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.events import CharacterCreated
from tests.support.brokers import delete_topology, require_rabbitmq

MAX_DELIVERIES = 3


def created(pid: int) -> CharacterCreated:
    return CharacterCreated(player_id=pid, name=f"P{pid}", class_id="mage", location_id="ashford")


@pytest.fixture(params=["redis", "rabbitmq"])
async def make_bus(request, redis):
    """A factory of buses on one topic, as replicas would make them."""
    made = []
    options = dict(max_deliveries=MAX_DELIVERIES)
    if request.param == "redis":
        stream = f"events-{uuid.uuid4().hex[:8]}"

        def make(consumer: str | None = None):
            bus = RedisStreamEventBus(redis, stream=stream, consumer=consumer, block_ms=50, claim_idle_seconds=0.3,
                                      **options)  # fmt: skip
            made.append(bus)
            return bus

        yield make
        return
    url = await require_rabbitmq()
    exchange = f"riftwalker.test.{uuid.uuid4().hex[:8]}"

    def make(consumer: str | None = None):
        bus = RabbitMqEventBus(url, exchange=exchange, retry_delay_seconds=0.05, **options)
        made.append(bus)
        return bus

    yield make
    for bus in made:
        await bus.close()
    await delete_topology(url, exchange)


async def until(condition, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


@contextlib.asynccontextmanager
async def consuming(bus, handler):
    task = asyncio.create_task(bus.run_consumer(handler))
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def test_events_published_while_no_consumer_runs_are_delivered_later(make_bus):
    publisher, consumer = make_bus(), make_bus()
    await consumer.ensure_group()
    for pid in range(3):
        await publisher.publish(created(pid))
    seen: list[int] = []

    async def handler(event):
        seen.append(event.player_id)

    async with consuming(consumer, handler):
        await until(lambda: len(seen) == 3)
    assert sorted(seen) == [0, 1, 2]
    assert await make_bus().consume_pending_once(handler) == 0  # acknowledged: not again


async def test_replicas_share_the_events_and_each_is_handled_once(make_bus):
    a, b = make_bus("replica-a"), make_bus("replica-b")
    await a.ensure_group()
    seen: list[tuple[str, int]] = []

    def handler_of(name):
        async def handler(event):
            await asyncio.sleep(0.01)
            seen.append((name, event.player_id))

        return handler

    async with consuming(a, handler_of("a")), consuming(b, handler_of("b")):
        for pid in range(40):
            await make_bus().publish(created(pid))
        await until(lambda: len(seen) >= 40)
        await asyncio.sleep(0.3)
    assert sorted(pid for _, pid in seen) == list(range(40))


async def test_a_failed_event_is_tried_again_and_then_succeeds(make_bus):
    bus = make_bus()
    await bus.ensure_group()
    await bus.publish(created(1))
    await bus.publish(created(2))
    attempts: list[int] = []

    async def flaky(event):
        attempts.append(event.player_id)
        if event.player_id == 1 and attempts.count(1) == 1:
            raise RuntimeError("telegram was down")

    async with consuming(bus, flaky):
        await until(lambda: attempts.count(1) == 2 and attempts.count(2) == 1)
        await asyncio.sleep(0.5)
    assert attempts.count(1) == 2 and attempts.count(2) == 1
    assert (await bus.backlog()).dead == 0
    assert await bus.dead_letters() == []


async def test_an_event_that_keeps_failing_becomes_a_dead_letter_and_can_be_replayed(make_bus, caplog):
    bus = make_bus()
    await bus.ensure_group()
    poison = created(13)
    await bus.publish(poison)
    await bus.publish(created(14))
    attempts: list[int] = []
    healed = asyncio.Event()

    async def handler(event):
        attempts.append(event.player_id)
        if event.player_id == 13 and not healed.is_set():
            raise RuntimeError("cannot render this one")

    async with consuming(bus, handler):
        await until(lambda: attempts.count(13) == MAX_DELIVERIES and 14 in attempts)
        for _ in range(100):
            if await bus.dead_letters():
                break
            await asyncio.sleep(0.05)
        [letter] = await bus.dead_letters()
        assert letter.kind == "character_created" and letter.event_id == poison.event_id
        assert letter.deliveries >= MAX_DELIVERIES - 1
        assert (await bus.backlog()).dead == 1
        await asyncio.sleep(0.8)  # past the claim timeout: no further attempts on a dead letter
        assert attempts.count(13) == MAX_DELIVERIES

        # The cause is fixed; the operator replays it.
        healed.set()
        assert await bus.replay_dead_letters() == 1
        await until(lambda: attempts.count(13) == MAX_DELIVERIES + 1)
    assert await bus.dead_letters() == [] and (await bus.backlog()).dead == 0
    assert any("moved to" in r.getMessage() for r in caplog.records)


async def test_what_a_dead_consumer_held_is_taken_over(make_bus):
    doomed, survivor = make_bus("doomed"), make_bus("survivor")
    await doomed.ensure_group()
    stuck = asyncio.Event()
    seen: list[int] = []

    async def hangs(event):
        stuck.set()
        await asyncio.Event().wait()  # the process freezes, then dies

    async def works(event):
        seen.append(event.player_id)

    for pid in range(3):
        await doomed.publish(created(pid))
    async with consuming(doomed, hangs):
        await until(stuck.is_set)
    if isinstance(doomed, RabbitMqEventBus):
        await doomed.close()  # its connection goes with the process
    async with consuming(survivor, works):
        await until(lambda: sorted(set(seen)) == [0, 1, 2])
