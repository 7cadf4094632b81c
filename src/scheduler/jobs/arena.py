"""The arena's weekly season end: checked every few minutes, closed by one replica per tick (see
`jobs.lock`); the game itself closes a season once however often it is asked."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from game.api.arena import SeasonReport
from game.api.ports.arena_jobs import ArenaJobsApi
from scheduler.jobs.lock import run_once_per_tick
from shared.config import Settings
from shared.ports import Clock
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)

CLOSE_SEASON = "arena:close_season"


async def close_season(game: ArenaJobsApi) -> SeasonReport:
    report = await game.close_arena_season()
    if report.closed is not None:
        log.info("arena season %s closed; %d prizes paid", report.closed, len(report.prizes))
    return report


def register(
    scheduler: AsyncIOScheduler,
    *,
    game: ArenaJobsApi,
    lock: JobLock,
    settings: Settings,
    clock: Clock,
    start: Callable[[float, float], datetime],
    tracked: Callable[..., Awaitable[Any]],
) -> None:
    interval = settings.arena_season_check_minutes * 60

    async def once_per_tick() -> SeasonReport | None:
        return await run_once_per_tick(lock, clock, CLOSE_SEASON, interval, lambda: close_season(game))

    scheduler.add_job(
        tracked,
        IntervalTrigger(seconds=interval, start_date=start(clock.now(), interval), timezone=UTC),
        args=[once_per_tick],
        id=CLOSE_SEASON,
        name="arena: close the weekly season",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=max(1, int(interval / 2)),
    )
