"""The arena's weekly season end: checked every few minutes, closed by one replica per tick (see
`jobs.lock`); the game itself closes a season once however often it is asked."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from game.api.arena import SeasonReport
from game.api.ports.arena_jobs import ArenaJobsApi
from scheduler.jobs.ticks import add_once_per_tick
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
    add_once_per_tick(
        scheduler,
        name=CLOSE_SEASON,
        title="arena: close the weekly season",
        interval=settings.arena_season_check_minutes * 60,
        job=lambda: close_season(game),
        lock=lock,
        clock=clock,
        start=start,
        tracked=tracked,
    )
