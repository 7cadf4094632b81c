"""DeliveryLedger on Redis: one hash per delivery, `delivery:{id}` → {chat_id: state}.

Values: `d` delivered, `u` unreachable, `c:{token}:{expires_ms}` claimed. Lease times come from the
Redis server's clock (`TIME` inside the scripts) so that processes with skewed clocks agree on them.
Each hash expires `ttl` after its last claim: long enough to outlive any restart, short enough that
old deliveries clean themselves up.
"""

from __future__ import annotations

from collections.abc import Sequence

from redis.asyncio import Redis

from shared.ports.delivery_ledger import DeliveryState

_NOW_MS = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000)"

# Returns 0 claimed, 1 delivered, 2 unreachable, 3 held by another live claim.
_CLAIM = f"""
{_NOW_MS}
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then
  if v == 'd' then return 1 end
  if v == 'u' then return 2 end
  local holder, expires = string.match(v, '^c:(.*):(%d+)$')
  if holder and holder ~= ARGV[2] and tonumber(expires) > now then return 3 end
end
redis.call('HSET', KEYS[1], ARGV[1], 'c:' .. ARGV[2] .. ':' .. (now + tonumber(ARGV[3])))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 0
"""

# Returns one code per chat: 0 pending, 1 delivered, 2 unreachable, 3 in flight.
_STATES = f"""
{_NOW_MS}
local values = redis.call('HMGET', KEYS[1], unpack(ARGV))
local out = {{}}
for i, v in ipairs(values) do
  if not v then out[i] = 0
  elseif v == 'd' then out[i] = 1
  elseif v == 'u' then out[i] = 2
  else
    local expires = tonumber(string.match(v, ':(%d+)$'))
    if expires and expires > now then out[i] = 3 else out[i] = 0 end
  end
end
return out
"""

_RELEASE = """
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v and string.sub(v, 1, #ARGV[2] + 3) == 'c:' .. ARGV[2] .. ':' then
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0
"""

_CODES = (DeliveryState.PENDING, DeliveryState.DELIVERED, DeliveryState.UNREACHABLE, DeliveryState.IN_FLIGHT)


class RedisDeliveryLedger:
    def __init__(self, redis: Redis, *, prefix: str = "delivery:", ttl_seconds: float = 3 * 24 * 3600) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl_ms = int(ttl_seconds * 1000)
        self._claim = redis.register_script(_CLAIM)
        self._states = redis.register_script(_STATES)
        self._release = redis.register_script(_RELEASE)

    def _key(self, delivery_id: str) -> str:
        return f"{self._prefix}{delivery_id}"

    async def states(self, delivery_id: str, chat_ids: Sequence[int]) -> list[DeliveryState]:
        if not chat_ids:
            return []
        codes = await self._states(keys=[self._key(delivery_id)], args=[str(c) for c in chat_ids])
        return [_CODES[int(code)] for code in codes]

    async def claim(self, delivery_id: str, chat_id: int, *, token: str, lease: float) -> DeliveryState:
        code = int(
            await self._claim(
                keys=[self._key(delivery_id)], args=[str(chat_id), token, int(lease * 1000), self._ttl_ms]
            )
        )
        return DeliveryState.CLAIMED if code == 0 else _CODES[code]

    async def mark_delivered(self, delivery_id: str, chat_id: int) -> None:
        await self._settle(delivery_id, chat_id, "d")

    async def mark_unreachable(self, delivery_id: str, chat_id: int) -> None:
        await self._settle(delivery_id, chat_id, "u")

    async def _settle(self, delivery_id: str, chat_id: int, value: str) -> None:
        key = self._key(delivery_id)
        async with self._redis.pipeline(transaction=False) as pipe:
            # The expiry again: a final state must never be left without one.
            pipe.hset(key, str(chat_id), value)
            pipe.pexpire(key, self._ttl_ms)
            await pipe.execute()

    async def release(self, delivery_id: str, chat_id: int, *, token: str) -> None:
        await self._release(keys=[self._key(delivery_id)], args=[str(chat_id), token])
