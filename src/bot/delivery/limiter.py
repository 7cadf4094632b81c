"""Paces outgoing messages to Telegram's limits: about 30 a second in all, about one a second per chat.

The global limit is a token bucket (GCRA) behind a FIFO lock: callers are served in the order they
came, only the one at the head sleeps, on a timer, and nobody polls. Its clock advances from the real
moment each message is let through, so a stalled event loop delays what follows instead of letting it
bunch up. The default capacity of one spreads messages evenly: a fuller bucket would let a burst plus a
full second's rate land inside one second of Telegram's sliding window. `margin` stretches every
interval a little, so that jitter on the way cannot squeeze messages closer on Telegram's side than we
spaced them on ours.
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
        self._gate = asyncio.Lock()
        self._ready_at = float("-inf")  # the earliest moment the next message may go
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
        async with self._gate:
            while True:
                # Only the head of the queue sleeps, for exactly as long as needed; then it looks again,
                # since a 429 may have paused everyone meanwhile.
                wait = max(self._ready_at - self._burst_span, self._paused_until) - self._now()
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._ready_at = max(self._ready_at, self._now()) + self._spacing

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
