"""UpdateGuard on Redis: `SET key claimed NX PX lease`, then `SET key done EX keep` once handled."""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class RedisUpdateGuard:
    def __init__(self, redis: Redis, *, prefix: str = "update:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def claim(self, key: str, *, lease_seconds: float) -> bool:
        try:
            taken = await self._redis.set(
                self._prefix + key, "claimed", nx=True, px=max(1, round(lease_seconds * 1000))
            )
        except (RedisError, OSError) as exc:
            # Handled twice at worst; the game's own checks (versions, turns, claims) still hold.
            log.warning("update guard unavailable, handling %s anyway: %s", key, exc)
            return True
        return bool(taken)

    async def finished(self, key: str) -> bool:
        try:
            return await self._redis.get(self._prefix + key) == b"done"
        except (RedisError, OSError):
            return False

    async def finish(self, key: str, *, keep_seconds: float) -> None:
        try:
            await self._redis.set(self._prefix + key, "done", ex=max(1, round(keep_seconds)))
        except (RedisError, OSError) as exc:
            log.warning("update guard unavailable, %s not marked done: %s", key, exc)

    async def release(self, key: str) -> None:
        try:
            await self._redis.delete(self._prefix + key)
        except (RedisError, OSError) as exc:
            log.warning("update guard unavailable, %s not released: %s", key, exc)
