"""`riftwalker events`: an operator sees the backlog, lists the dead letters and replays them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from shared.adapters.redis_event_bus import RedisStreamEventBus
from shared.events import CharacterCreated


def riftwalker(*args: str, redis_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REDIS_URL": redis_url, "LOG_LEVEL": "ERROR", "EVENT_TRANSPORT": "redis"}
    return subprocess.run([sys.executable, "-m", "app", "events", *args], env=env, capture_output=True, text=True,
                          timeout=60)  # fmt: skip


async def test_dead_letters_are_listed_and_replayed(redis, redis_url):
    bus = RedisStreamEventBus(redis, consumer="bot-1", claim_idle_seconds=0.01, max_deliveries=2)
    event = CharacterCreated(player_id=7, name="Seven", class_id="mage", location_id="ashford")
    await bus.ensure_group()
    await bus.publish(event)

    async def fails(_):
        raise RuntimeError("the template is broken")

    await bus.consume_pending_once(fails)
    for _ in range(3):
        await asyncio.sleep(0.02)
        await bus.reclaim_once(fails)
    assert (await bus.backlog()).dead == 1

    listed = await asyncio.to_thread(riftwalker, "dead", redis_url=redis_url)
    assert listed.returncode == 0, listed.stderr
    assert f"character_created  event {event.event_id}  2 deliveries" in listed.stdout
    assert "RuntimeError: the template is broken" in listed.stdout
    backlog = await asyncio.to_thread(riftwalker, redis_url=redis_url)
    assert "dead letters 1" in backlog.stdout

    dead_id = listed.stdout.split()[0]
    assert "0 dead letter(s) published again" in (await asyncio.to_thread(riftwalker, "replay", "nonsense",
                                                                          redis_url=redis_url)).stdout  # fmt: skip
    replayed = await asyncio.to_thread(riftwalker, "replay", dead_id, redis_url=redis_url)
    assert "1 dead letter(s) published again" in replayed.stdout
    seen = []

    async def works(e):
        seen.append(e)

    await bus.consume_pending_once(works)
    assert seen == [event] and (await bus.backlog()).dead == 0


def test_each_process_reads_as_a_consumer_of_its_own(redis):
    assert RedisStreamEventBus(redis).consumer != RedisStreamEventBus(redis).consumer
