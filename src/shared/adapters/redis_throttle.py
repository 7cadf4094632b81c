"""The Throttle port on Redis: GCRA (the token bucket kept as one timestamp) in one Lua script, one round-trip a hit.

A key is a hash `{tat, told}`: `tat` is the theoretical arrival time — when the bucket will be full again —
and `told` marks a throttled streak whose first refusal was already reported. The key expires at `tat`,
so a key that is gone and a full bucket with no streak are the same thing, and idle keys cost nothing.

Time comes from the Redis server (`TIME` in the script) so that bot processes with skewed clocks share
one bucket; tests pass a clock instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.ports.clock import Clock
from shared.ports.throttle import ALLOWED, Decision

log = logging.getLogger(__name__)

# KEYS[1] the bucket, then any keys to read in the same step; ARGV: interval (1/rate, seconds), burst, now
# ('' = the server's clock). Returns {allowed 0|1, retry_after (string: Lua numbers come back truncated to
# integers), first_in_streak 0|1, the values of the keys read}.
_HIT = """
local read = {}
if #KEYS > 1 then read = redis.call('MGET', unpack(KEYS, 2)) end
local now
if ARGV[3] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
else
  now = tonumber(ARGV[3])
end
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tat', 'told')
local tat = state[1] and tonumber(state[1]) or now
local full = tat <= now
if full then tat = now end
local allow_at = tat - (burst - 1) * interval
if now >= allow_at then
  tat = tat + interval
  -- A full bucket ends any streak; its flag may outlive the expiry by the rounding of a millisecond.
  if full and state[2] then redis.call('HDEL', KEYS[1], 'told') end
  redis.call('HSET', KEYS[1], 'tat', string.format('%.6f', tat))
  redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil((tat - now) * 1000)))
  return {1, '0', 0, read}
end
local retry = string.format('%.6f', allow_at - now)
if state[2] then return {0, retry, 0, read} end
-- No PEXPIRE here: the flag lives exactly as long as the streak, until the bucket is full again.
redis.call('HSET', KEYS[1], 'told', '1')
return {0, retry, 1, read}
"""


class RedisThrottle:
    def __init__(
        self, redis: Redis, *, prefix: str = "throttle:", timeout: float = 1.0, clock: Clock | None = None
    ) -> None:
        self._prefix = prefix
        # Bounds how long a hanging Redis may hold an update before it is let through.
        self._timeout = timeout
        self._clock = clock
        self._script = redis.register_script(_HIT)
        self._failing = False

    async def hit(self, key: str, *, rate: float, burst: int) -> Decision:
        decision, _ = await self.hit_and_read(key, rate=rate, burst=burst, read=())
        return decision

    async def hit_and_read(
        self, key: str, *, rate: float, burst: int, read: Sequence[str]
    ) -> tuple[Decision, list[bytes | None] | None]:
        if rate <= 0 or burst < 1:
            raise ValueError(f"rate must be > 0 and burst >= 1, got rate={rate} burst={burst}")
        now = "" if self._clock is None else repr(self._clock.now())
        try:
            async with asyncio.timeout(self._timeout):
                allowed, retry_after, first, values = await self._script(
                    keys=[self._prefix + key, *read], args=[repr(1.0 / rate), burst, now]
                )
        except (RedisError, OSError, TimeoutError) as error:
            if not self._failing:
                self._failing = True
                log.warning("player rate limiter unreachable, letting every update through until it is back: %r", error)
            return ALLOWED, None
        if self._failing:
            self._failing = False
            log.info("player rate limiter reachable again")
        if int(allowed):
            return ALLOWED, list(values)
        refused = Decision(allowed=False, retry_after=float(retry_after), first_in_streak=bool(int(first)))
        return refused, list(values)
