"""The Worker: an AsyncIOScheduler with the periodic jobs, and its graceful stop.

It reaches the game only through its ports (maintenance and the world's jobs), so it runs the same beside
the game or in a process of its own.
"""

from __future__ import annotations

import asyncio
import logging
import math
from datetime import UTC, datetime
from typing import Any, Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from game.api import EconomyJobsApi, MaintenanceApi, SnapshotReport, WorldJobsApi
from game.api.ports.arena_jobs import ArenaJobsApi
from scheduler.jobs import arena, economy, snapshot, world_events
from scheduler.jobs.ticks import add_once_per_tick
from shared.config import Settings
from shared.ports import Clock, SystemClock
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)


class WorkerGame(MaintenanceApi, WorldJobsApi, ArenaJobsApi, EconomyJobsApi, Protocol):
    """All the Worker asks of the game: the hot-state snapshot, the world's ticks, the arena's season and the
    economy's expiries and report."""


class Scheduler(AsyncIOScheduler):  # type: ignore[misc]  # APScheduler 3 ships no type information
    """An AsyncIOScheduler that knows which of its jobs are running, so a stop can let them finish."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.running_jobs: set[asyncio.Task[Any]] = set()

    async def tracked(self, job: Any, *args: Any) -> Any:
        task = asyncio.current_task()
        assert task is not None
        self.running_jobs.add(task)
        try:
            return await job(*args)
        finally:
            self.running_jobs.discard(task)


def aligned_start(now: float, interval_seconds: float) -> datetime:
    """The next tick boundary from the epoch: every replica's timer fires on the same moments."""
    return datetime.fromtimestamp(math.ceil(now / interval_seconds) * interval_seconds, UTC)


def build_scheduler(*, game: WorkerGame, lock: JobLock, settings: Settings, clock: Clock | None = None) -> Scheduler:
    clock = clock or SystemClock()
    scheduler = Scheduler(timezone=UTC)
    add_once_per_tick(
        scheduler,
        name=snapshot.JOB_NAME,
        title="hot state: Redis → PostgreSQL",
        interval=settings.snapshot_interval_minutes * 60,
        job=lambda: snapshot.snapshot_changed(game),
        lock=lock,
        clock=clock,
        start=aligned_start,
        tracked=scheduler.tracked,
    )
    world_events.register(
        scheduler, game=game, lock=lock, settings=settings, clock=clock, start=aligned_start, tracked=scheduler.tracked
    )
    arena.register(
        scheduler, game=game, lock=lock, settings=settings, clock=clock, start=aligned_start, tracked=scheduler.tracked
    )
    economy.register(
        scheduler, game=game, lock=lock, settings=settings, clock=clock, start=aligned_start, tracked=scheduler.tracked
    )
    return scheduler


async def shutdown(scheduler: Scheduler, game: MaintenanceApi, *, grace_seconds: float = 30.0) -> SnapshotReport | None:
    """Stop on SIGINT/SIGTERM: let running jobs finish, then flush the changed hot state once more.

    A job still running after the grace period is cancelled; the snapshot puts its marks back on
    cancellation, so the final flush (or the next start) writes them.
    """
    if scheduler.running:
        scheduler.pause()
    running = set(scheduler.running_jobs)
    if running:
        _, pending = await asyncio.wait(running, timeout=grace_seconds)
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.wait(pending, timeout=5)
    if scheduler.running:
        scheduler.shutdown(wait=False)
    try:
        return await game.snapshot_hot_state(full=False)
    except Exception:  # the marks stay in Redis: the next process writes them
        log.exception("final snapshot failed")
        return None
