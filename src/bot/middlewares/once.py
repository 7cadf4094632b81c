"""Drops a copy of an update another copy of which is being handled or was handled (see
`shared.ports.update_guard`), before anything else sees it: no answer, no FSM, no game call, no log
above DEBUG. A callback query is keyed by its own id (what Telegram accepts one answer for), any other
update by its update id."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from bot.middlewares.observe import mark
from shared.ports.update_guard import UpdateGuard

log = logging.getLogger(__name__)

# A claim outlives any sane handling time, yet lapses soon enough that Telegram's next delivery of an update
# whose replica died mid-way is handled (the game's own checks keep a half-done action from counting twice);
# a finished update is remembered for as long as Telegram retries.
LEASE_SECONDS = 15.0
KEEP_SECONDS = 6 * 3600.0
WAIT_STEP_SECONDS = 0.05


class OnceMiddleware(BaseMiddleware):
    def __init__(self, guard: UpdateGuard) -> None:
        self._guard = guard

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot_id = getattr(data.get("bot"), "id", 0)
        query = event.callback_query
        key = f"{bot_id}:cq:{query.id}" if query is not None else f"{bot_id}:u:{event.update_id}"
        if not await self._claimed(key):
            log.debug("dropped a copy of update %s (%s)", event.update_id, key)
            mark(data, "duplicate")
            return None
        try:
            result = await handler(event, data)
        except BaseException:
            await self._guard.release(key)
            raise
        await self._guard.finish(key, keep_seconds=KEEP_SECONDS)
        return result

    async def _claimed(self, key: str) -> bool:
        """Claim `key`; while another copy holds it, wait to see it finished (False) or lapse (claim it)."""
        deadline = time.monotonic() + LEASE_SECONDS + 1
        while True:
            if await self._guard.claim(key, lease_seconds=LEASE_SECONDS):
                return True
            if await self._guard.finished(key) or time.monotonic() > deadline:
                return False
            await asyncio.sleep(WAIT_STEP_SECONDS)
