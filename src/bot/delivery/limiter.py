"""Paces outgoing messages to Telegram's limits: about 30 a second in all, about one a second per chat.

The global limit is a token bucket that hands out send times ("slots") in the order callers ask for
them, so waiting is FIFO-fair and costs one timer per waiter, never a poll. Its default capacity of one
spreads messages evenly: a fuller bucket would let a burst plus a full second's rate land inside one
second of Telegram's sliding window. `margin` stretches every interval a little, so that the jitter of
the network cannot squeeze two messages closer on Telegram's side than we spaced them on ours.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class _Chat:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    last_sent: float = float("-inf")
    users: int = 0


class RateLimiter:
    def __init__(
        self,
        *,
        global_rate: float = 30.0,
        per_chat_interval: float = 1.0,
        burst: int = 1,
        margin: float = 0.03,
    ) -> None:
        if global_rate <= 0 or burst < 1 or per_chat_interval < 0 or margin < 0:
            raise ValueError("rates and intervals must be positive")
        self._spacing = (1.0 + margin) / global_rate
        self._burst_span = (burst - 1) * self._spacing
        self._chat_interval = per_chat_interval + margin if per_chat_interval else 0.0
        self._next_slot = float("-inf")
        self._paused_until = float("-inf")
        self._chats: dict[int, _Chat] = {}
        self._prune_at = 1024

    @property
    def paused_for(self) -> float:
        """Seconds left of a flood-control pause (0 when none)."""
        return max(0.0, self._paused_until - self._now())

    def pause(self, seconds: float) -> None:
        """Telegram asked us to wait (`retry_after`): its flood control is per bot, so everyone waits."""
        self._paused_until = max(self._paused_until, self._now() + seconds)

    async def acquire(self, chat_id: int) -> None:
        """Return when a message to `chat_id` may be sent now."""
        chat = self._chats.get(chat_id)
        if chat is None:
            chat = self._chats[chat_id] = _Chat()
            self._prune()
        chat.users += 1
        try:
            # Held across the global wait: the chat's interval counts from the real send time.
            async with chat.lock:
                wait = chat.last_sent + self._chat_interval - self._now()
                if wait > 0:
                    await asyncio.sleep(wait)
                await self._global_slot()
                chat.last_sent = self._now()
        finally:
            chat.users -= 1

    async def _global_slot(self) -> None:
        while True:
            now = self._now()
            slot = max(now - self._burst_span, self._next_slot, self._paused_until)
            self._next_slot = slot + self._spacing
            if slot > now:
                await asyncio.sleep(slot - now)
            # A 429 may have paused everyone while we slept: then take a slot after the pause.
            if self._now() >= self._paused_until:
                return

    def _prune(self) -> None:
        # Amortised: forget chats whose interval has passed once the table has doubled.
        if len(self._chats) < self._prune_at:
            return
        horizon = self._now() - self._chat_interval
        self._chats = {c: s for c, s in self._chats.items() if s.users or s.last_sent > horizon}
        self._prune_at = max(1024, 2 * len(self._chats))

    @staticmethod
    def _now() -> float:
        return asyncio.get_running_loop().time()
