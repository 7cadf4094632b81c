"""Runs a periodic job once per tick across every replica.

Ticks are numbered from the epoch: tick = round(now / interval). Every replica's trigger fires on the same
boundaries (see `setup.aligned_start`), so the replicas compute the same number and race for the key
`<name>:<tick>`; the first SET NX wins, the rest skip. Rounding (not flooring) absorbs timers that fire a
little early or late. The key is never released: it lapses after one interval, so a replica whose timer
fires late in the same tick still sees it taken, and a holder that died costs at most its own tick.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from shared import request_context
from shared.metrics import JOB_SECONDS, JOB_TICKS
from shared.ports import Clock
from shared.ports.lock import JobLock

log = logging.getLogger(__name__)

T = TypeVar("T")


def tick_of(now: float, interval_seconds: float) -> int:
    return int(now / interval_seconds + 0.5)


async def run_once_per_tick(
    lock: JobLock,
    clock: Clock,
    name: str,
    interval_seconds: float,
    job: Callable[[], Awaitable[T]],
) -> T | None:
    """Run `job` if this replica claimed the current tick; None when another one did."""
    tick = tick_of(clock.now(), interval_seconds)
    if not await lock.acquire(f"{name}:{tick}", ttl=interval_seconds):
        log.debug("job %s: tick %d is another replica's", name, tick)
        JOB_TICKS.labels(name, "skipped").inc()
        return None
    token = request_context.request_id.set(f"{name}-{tick}")
    started = time.perf_counter()
    try:
        result = await job()
    except BaseException:
        JOB_TICKS.labels(name, "failed").inc()
        raise
    else:
        JOB_TICKS.labels(name, "ran").inc()
        return result
    finally:
        JOB_SECONDS.labels(name).observe(time.perf_counter() - started)
        request_context.request_id.reset(token)
