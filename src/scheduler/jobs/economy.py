"""The economy's periodic job: close exchange orders whose time ran out and return their escrow.

It asks the game through its port and runs once per tick across replicas (see `jobs.lock`). The daily
reward needs no job: a game day and a streak are computed from timestamps when read.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from game.api import EconomyJobsApi
from game.api.economy import ExpiryReport
from scheduler.jobs.ticks import add_once_per_tick
from shared.config import Settings
from shared.ports import Clock
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)

EXPIRE_ORDERS = "economy:expire_orders"


async def expire_orders(game: EconomyJobsApi) -> ExpiryReport:
    report = await game.expire_orders()
    if report.expired:
        log.info("%s: %s orders expired", EXPIRE_ORDERS, report.expired)
    return report


def register(
    scheduler: AsyncIOScheduler,
    *,
    game: EconomyJobsApi,
    lock: JobLock,
    settings: Settings,
    clock: Clock,
    start: Callable[[float, float], datetime],
    tracked: Callable[..., Awaitable[Any]],
) -> None:
    add_once_per_tick(
        scheduler,
        name=EXPIRE_ORDERS,
        title="exchange: expire orders",
        interval=settings.exchange_expiry_sweep_seconds,
        job=lambda: expire_orders(game),
        lock=lock,
        clock=clock,
        start=start,
        tracked=tracked,
    )
