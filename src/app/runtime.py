"""Starting and stopping the whole game in one process: storage, bot, scheduler, events."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

from aiogram import Bot, Dispatcher

from app.containers import Container
from bot.notifier import Notifier
from game.adapters.migrations import upgrade_to_head_async
from game.api import GameApi
from scheduler.setup import build_scheduler, shutdown
from shared.config import Settings

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
    await container.init_resources()
    game: GameApi = await container.game()
    bot: Bot = await container.bot()
    notifier: Notifier = await container.notifier()
    scheduler = build_scheduler(game=game, settings=settings, lock=await container.job_lock())
    events = await container.event_bus()
    consumer = asyncio.create_task(events.run_consumer(notifier.handle), name="events")
    scheduler.start()
    try:
        yield Runtime(container=container, game=game, bot=bot, dispatcher=await container.dispatcher())
    finally:
        # Running jobs finish, then changed hot state is flushed once more.
        await shutdown(scheduler, game)
        consumer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await consumer
        await container.shutdown_resources()
