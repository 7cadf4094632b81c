"""Once-per-tick jobs across replicas, on real Redis."""

from __future__ import annotations

import asyncio
import time

import redis.asyncio as aioredis

from game.api import SnapshotReport
from scheduler.jobs.lock import run_once_per_tick, tick_of
from scheduler.setup import build_scheduler, shutdown
from shared.adapters.redis_lock import RedisJobLock
from shared.config import Settings


class Clock:
    def __init__(self, now: float) -> None:
        self.value = now

    def now(self) -> float:
        return self.value


class CountingGame:
    """The part of GameApi the scheduler uses."""

    def __init__(self, delay: float = 0.0) -> None:
        self.calls: list[tuple[bool, float]] = []
        self.delay = delay

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        self.calls.append((full, time.time()))
        await asyncio.sleep(self.delay)
        return SnapshotReport(mode="all" if full else "changed", accounts_written=0, seconds=self.delay)


async def replica_redis(redis_url: str) -> aioredis.Redis:
    """A connection of its own, as another process would have."""
    return aioredis.Redis.from_url(redis_url)


async def test_only_one_contender_gets_the_lock(redis: aioredis.Redis, redis_url: str) -> None:
    other = await replica_redis(redis_url)
    try:
        results = await asyncio.gather(
            RedisJobLock(redis).acquire("tick", ttl=10), RedisJobLock(other).acquire("tick", ttl=10)
        )
    finally:
        await other.aclose()
    assert sorted(results) == [False, True]


async def test_an_expired_lock_is_taken_over(redis: aioredis.Redis) -> None:
    dead, heir = RedisJobLock(redis), RedisJobLock(redis)
    assert await dead.acquire("job", ttl=0.05)
    assert not await heir.acquire("job", ttl=10)
    await asyncio.sleep(0.1)
    assert await heir.acquire("job", ttl=10)
    await dead.release("job")  # too late: must not free the heir's hold
    assert not await RedisJobLock(redis).acquire("job", ttl=10)


async def test_release_frees_the_lock(redis: aioredis.Redis) -> None:
    holder = RedisJobLock(redis)
    assert await holder.acquire("job", ttl=10)
    await holder.release("job")
    assert await RedisJobLock(redis).acquire("job", ttl=10)


async def test_two_replicas_run_a_tick_once(redis: aioredis.Redis, redis_url: str) -> None:
    other = await replica_redis(redis_url)
    game = CountingGame()
    replicas = [RedisJobLock(redis), RedisJobLock(other)]

    async def tick(lock: RedisJobLock, now: float) -> SnapshotReport | None:
        return await run_once_per_tick(lock, Clock(now), "snapshot", 300, lambda: game.snapshot_hot_state())

    try:
        # Tick 6000's boundary is 1_800_000; the replicas' timers fire a little early and late.
        first = await asyncio.gather(tick(replicas[0], 1_799_999.2), tick(replicas[1], 1_800_001.5))
        second = await asyncio.gather(tick(replicas[0], 1_800_300.4), tick(replicas[1], 1_800_299.9))
    finally:
        await other.aclose()
    assert sum(r is not None for r in first) == 1
    assert sum(r is not None for r in second) == 1
    assert len(game.calls) == 2


async def test_scheduled_replicas_snapshot_each_tick_once(redis: aioredis.Redis, redis_url: str) -> None:
    other = await replica_redis(redis_url)
    settings = Settings(snapshot_interval_minutes=1 / 60)  # a tick a second
    games = [CountingGame(), CountingGame()]
    schedulers = [
        build_scheduler(game=games[0], lock=RedisJobLock(redis), settings=settings),
        build_scheduler(game=games[1], lock=RedisJobLock(other), settings=settings),
    ]
    job = schedulers[0].get_job("snapshot")
    assert (job.max_instances, job.coalesce, job.trigger.interval.total_seconds()) == (1, True, 1.0)
    try:
        for scheduler in schedulers:
            scheduler.start()
        await asyncio.sleep(3.5)
    finally:
        for scheduler in schedulers:
            scheduler.shutdown(wait=False)
        await other.aclose()
    ticks = [tick_of(at, 1.0) for game in games for _, at in game.calls]
    assert len(ticks) >= 3
    assert len(set(ticks)) == len(ticks)  # no tick twice
    assert all(full is False for game in games for full, _ in game.calls)


async def test_shutdown_lets_the_running_job_finish_then_flushes(redis: aioredis.Redis) -> None:
    game = CountingGame(delay=0.3)
    scheduler = build_scheduler(game=game, lock=RedisJobLock(redis), settings=Settings(snapshot_interval_minutes=5))
    scheduler.start()
    scheduler.get_job("snapshot").modify(next_run_time=None)  # paused: run it by hand instead
    running = asyncio.ensure_future(scheduler.tracked(game.snapshot_hot_state))
    await asyncio.sleep(0.05)

    report = await shutdown(scheduler, game)

    assert running.done() and not running.cancelled()
    assert report is not None and report.mode == "changed"
    assert len(game.calls) == 2
    assert not scheduler.running
