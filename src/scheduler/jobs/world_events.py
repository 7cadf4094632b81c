"""The living world's periodic jobs: open rifts, collapse expired ones, spawn bosses, end expired ones,
finish the settlement of ended ones.

Each asks the game through its port and runs once per tick across replicas (see `jobs.lock`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from game.api import WorldEventsReport, WorldJobsApi
from scheduler.jobs.ticks import add_once_per_tick
from shared.config import Settings
from shared.ports import Clock
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)

OPEN_RIFTS = "world:open_rifts"
CLOSE_RIFTS = "world:close_rifts"
SPAWN_BOSS = "world:spawn_boss"
END_BOSSES = "world:end_bosses"
SETTLE_BOSSES = "world:settle_bosses"


def _logged(name: str, report: WorldEventsReport | None) -> WorldEventsReport | None:
    if report is not None and report != WorldEventsReport():
        log.info("%s: %s", name, report.model_dump(exclude_defaults=True))
    return report


def jobs(game: WorldJobsApi, settings: Settings) -> list[tuple[str, float, Callable[[], Awaitable[Any]]]]:
    """(name, interval in seconds, job) for each world job."""
    sweep = settings.world_sweep_seconds
    return [
        (
            OPEN_RIFTS,
            settings.rift_interval_minutes * 60,
            lambda: game.open_rifts_tick(
                duration_minutes=settings.rift_duration_minutes, max_open=settings.rift_max_open
            ),
        ),
        (CLOSE_RIFTS, sweep, lambda: game.close_expired_rifts()),
        (
            SPAWN_BOSS,
            settings.boss_interval_minutes * 60,
            lambda: game.spawn_boss_tick(duration_minutes=settings.boss_duration_minutes),
        ),
        (END_BOSSES, sweep, lambda: game.end_expired_bosses()),
        # The backstop of a boss's settlement: the blow that ends it starts it in its own process.
        (SETTLE_BOSSES, sweep, lambda: game.settle_bosses()),
    ]


def register(
    scheduler: AsyncIOScheduler,
    *,
    game: WorldJobsApi,
    lock: JobLock,
    settings: Settings,
    clock: Clock,
    start: Callable[[float, float], datetime],
    tracked: Callable[..., Awaitable[Any]],
) -> None:
    """Add the world's jobs, each wrapped in the once-per-tick lock; `start` aligns replicas' timers."""
    for name, interval, job in jobs(game, settings):

        async def logged(name: str = name, job: Callable[[], Awaitable[Any]] = job) -> Any:
            return _logged(name, await job())

        add_once_per_tick(
            scheduler,
            name=name,
            title=name,
            interval=interval,
            job=logged,
            lock=lock,
            clock=clock,
            start=start,
            tracked=tracked,
        )
