"""JobLock on Redis: `SET key token NX PX ttl`, released by a compare-and-delete script.

The token makes release safe: a holder whose hold lapsed and was taken over cannot delete the new holder's key.
"""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

# Deletes the key only if it still holds our token.
COMPARE_AND_DELETE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""


class RedisJobLock:
    def __init__(self, redis: Redis, *, prefix: str = "lock:job:") -> None:
        self._redis = redis
        self._prefix = prefix
        self._tokens: dict[str, str] = {}
        self._compare_and_delete = redis.register_script(COMPARE_AND_DELETE)

    async def acquire(self, name: str, ttl: float) -> bool:
        token = uuid.uuid4().hex
        taken = await self._redis.set(self._prefix + name, token, nx=True, px=max(1, round(ttl * 1000)))
        if taken:
            self._tokens[name] = token
        return bool(taken)

    async def release(self, name: str) -> None:
        token = self._tokens.pop(name, None)
        if token is not None:
            await self._compare_and_delete(keys=[self._prefix + name], args=[token])
