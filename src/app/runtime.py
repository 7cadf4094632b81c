"""Starting and stopping the whole game in one process: storage, bot, scheduler, events."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from aiogram import Bot, Dispatcher

from app.containers import Container
from app.heap import settle_startup_heap
from app.ops import Check, metrics_token, ops_routes, ops_server, storage_checks
from app.provided import provided
from bot.notifier import Notifier
from game.adapters.migrations import upgrade_to_head_async
from game.api import GameApi
from scheduler.setup import Scheduler, build_scheduler, shutdown
from shared.config import Settings
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    container: Container
    game: GameApi
    bot: Bot
    dispatcher: Dispatcher


@contextlib.asynccontextmanager
async def running_game(settings: Settings, *, local_bot: bool, migrate: bool = True) -> AsyncIterator[Runtime]:
    """Everything but the Telegram side started: migrations, scheduler, the event consumer."""
    if migrate:
        await upgrade_to_head_async(settings.database_url)
    container = Container(settings=settings, local_bot=local_bot)
    await provided(container.init_resources())
    game: GameApi = await provided(container.game())
    bot: Bot = await provided(container.bot())
    notifier: Notifier = await provided(container.notifier())
    scheduler = build_scheduler(
        game=game, settings=settings, lock=ClaimLoggingLock(await provided(container.job_lock()))
    )
    events = await provided(container.event_bus())
    consumer = asyncio.create_task(events.run_consumer(notifier.handle), name="events")
    scheduler.start()
    checks = {
        **storage_checks(container),
        "events": _running(lambda: not consumer.done()),
        "scheduler": _running(lambda: bool(scheduler.running)),
    }
    dispatcher: Dispatcher = await provided(container.dispatcher())
    settle_startup_heap()
    try:
        async with ops_server(
            settings.ops_host,
            settings.ops_port,
            ops_routes(checks, events=events, metrics_token=metrics_token(settings)),
        ):
            yield Runtime(container=container, game=game, bot=bot, dispatcher=dispatcher)
    finally:
        # Running jobs finish, then changed hot state is flushed once more.
        await shutdown(scheduler, game)
        consumer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await consumer
        await provided(container.shutdown_resources())


def _running(alive: Callable[[], bool]) -> Check:
    async def check() -> bool:
        return alive()

    return check


class ClaimLoggingLock:
    """A JobLock that logs each tick this process claims, so the logs of the replicas together tell
    which one ran which tick of which job."""

    def __init__(self, lock: JobLock) -> None:
        self._lock = lock

    async def acquire(self, name: str, ttl: float) -> bool:
        taken = await self._lock.acquire(name, ttl)
        if taken:
            log.info("job tick claimed: %s", name)
        return taken

    async def release(self, name: str) -> None:
        await self._lock.release(name)


@contextlib.asynccontextmanager
async def running_worker(settings: Settings) -> AsyncIterator[Scheduler]:
    """The Worker alone: the periodic jobs, no Telegram and no event consumer (the bot process has those).

    Any number of workers (and `run` processes) may run together: each tick of each job runs in one
    of them. Migrations are `riftwalker migrate`'s job, so that replicas starting at once never race on them.
    """
    container = Container(settings=settings)
    # Only what the jobs need is started (storage, the game): resources start on first use.
    game: GameApi = await provided(container.game())
    scheduler = build_scheduler(
        game=game, settings=settings, lock=ClaimLoggingLock(await provided(container.job_lock()))
    )
    scheduler.start()
    checks = {**storage_checks(container), "scheduler": _running(lambda: bool(scheduler.running))}
    settle_startup_heap()
    try:
        async with ops_server(
            settings.ops_host, settings.ops_port, ops_routes(checks, metrics_token=metrics_token(settings))
        ):
            yield scheduler
    finally:
        await shutdown(scheduler, game)
        await provided(container.shutdown_resources())
