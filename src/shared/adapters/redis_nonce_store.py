"""NonceStore on Redis: `SET key 1 NX PX ttl` — one round trip, atomic across every replica."""

from __future__ import annotations

from redis.asyncio import Redis


class RedisNonceStore:
    def __init__(self, redis: Redis, *, prefix: str = "seam:nonce:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def first_use(self, nonce: str, ttl: float) -> bool:
        return bool(await self._redis.set(self._prefix + nonce, b"1", nx=True, px=max(1, round(ttl * 1000))))
