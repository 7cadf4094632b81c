"""One periodic job on the scheduler, run once per tick across replicas (see `jobs.lock`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.jobs.lock import run_once_per_tick
from shared.ports import Clock
from shared.ports.lock import JobLock


def add_once_per_tick(
    scheduler: AsyncIOScheduler,
    *,
    name: str,
    title: str,
    interval: float,
    job: Callable[[], Awaitable[Any]],
    lock: JobLock,
    clock: Clock,
    start: Callable[[float, float], datetime],
    tracked: Callable[..., Awaitable[Any]],
) -> None:
    """Add `job` every `interval` seconds, its timer aligned by `start` so replicas fire together, each tick
    run by the one replica that claims it; `tracked` wraps it (the scheduler's bookkeeping)."""

    async def once_per_tick() -> Any:
        return await run_once_per_tick(lock, clock, name, interval, job)

    scheduler.add_job(
        tracked,
        IntervalTrigger(seconds=interval, start_date=start(clock.now(), interval), timezone=UTC),
        args=[once_per_tick],
        id=name,
        name=title,
        max_instances=1,
        coalesce=True,
        # A late start still belongs to its tick while it is less than half an interval late (see jobs.lock).
        misfire_grace_time=max(1, int(interval / 2)),
    )
