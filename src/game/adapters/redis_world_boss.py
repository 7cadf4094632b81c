"""The live HP pool of world bosses in Redis.

Keys (all of one boss share the hash tag `{boss:<id>}`, so a cluster keeps them on one node):
  {boss:<id>}        hash: hp, max_hp, status (alive|defeated|escaped), deadline, cooldown_ms, killer
  {boss:<id>}:dmg    hash: player id → damage dealt
  {boss:<id>}:cd:<p> a key per attacker that lives for the cooldown

An attack is one Lua script: however many players strike at once, Redis runs them one after another,
so the pool never goes below 0, the tallies add up to exactly the HP lost, and only one blow kills.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast, get_args

from redis.asyncio import Redis

from game.api.kinds import BossStatus
from game.application.ports.world_events import AttackOutcome, AttackStatus, BossLive, BossRecord

# Settled bosses linger a while, so a late attacker is told it died rather than that it never was.
LINGER_SECONDS = 3600

# KEYS: boss hash, damage hash, the attacker's cooldown key.  ARGV: player id, damage, now, join HP.
# A newcomer to a boss others already fight first adds their share to the pool (the boss grows with the crowd);
# the first fighter's share replaces the pool a typical player of the zone was guessed at.
# Returns {status, dealt, hp_left, killed, player_total, cooldown_left_ms}.
ATTACK = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing', 0, 0, 0, 0, 0} end
local hp = tonumber(redis.call('HGET', KEYS[1], 'hp'))
if status ~= 'alive' then return {status, 0, hp, 0, 0, 0} end
if tonumber(redis.call('HGET', KEYS[1], 'deadline')) <= tonumber(ARGV[3]) then
  return {'expired', 0, hp, 0, 0, 0}
end
local wait = redis.call('PTTL', KEYS[3])
if wait > 0 then return {'cooldown', 0, hp, 0, 0, wait} end
local join = tonumber(ARGV[4] or '0')
if join > 0 and redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  if redis.call('HLEN', KEYS[2]) > 0 then
    hp = redis.call('HINCRBY', KEYS[1], 'hp', join)
    redis.call('HINCRBY', KEYS[1], 'max_hp', join)
  else
    local spent = tonumber(redis.call('HGET', KEYS[1], 'max_hp')) - hp
    hp = join
    redis.call('HSET', KEYS[1], 'hp', hp, 'max_hp', spent + join)
  end
end
local dealt = math.min(hp, math.max(0, tonumber(ARGV[2])))
local left = hp - dealt
redis.call('HSET', KEYS[1], 'hp', left)
local total = redis.call('HINCRBY', KEYS[2], ARGV[1], dealt)
local cooldown = tonumber(redis.call('HGET', KEYS[1], 'cooldown_ms') or '0')
if cooldown > 0 then redis.call('SET', KEYS[3], '1', 'PX', cooldown) end
local killed = 0
if left == 0 then
  redis.call('HSET', KEYS[1], 'status', 'defeated', 'killer', ARGV[1])
  killed = 1
end
return {'ok', dealt, left, killed, total, 0}
"""

# KEYS: boss hash. Marks an alive boss escaped; returns the status it ends with (nil if gone).
ESCAPE = """
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'alive' then
  redis.call('HSET', KEYS[1], 'status', 'escaped')
  return 'escaped'
end
return status
"""

# KEYS: boss hash, damage hash. ARGV: expire-at, then field/value pairs of the hash; the damage
# pairs follow a '--' marker. Creates the boss only if it does not exist (a restore never overwrites).
CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local i = 2
while ARGV[i] ~= '--' do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
i = i + 1
redis.call('DEL', KEYS[2])
while ARGV[i] do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('EXPIREAT', KEYS[1], ARGV[1])
redis.call('EXPIREAT', KEYS[2], ARGV[1])
return 1
"""


def boss_key(boss_id: str) -> str:
    return f"{{boss:{boss_id}}}"


def damage_key(boss_id: str) -> str:
    return f"{{boss:{boss_id}}}:dmg"


def cooldown_key(boss_id: str, player_id: int) -> str:
    return f"{{boss:{boss_id}}}:cd:{player_id}"


class RedisBossArena:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._attack = redis.register_script(ATTACK)
        self._escape = redis.register_script(ESCAPE)
        self._create = redis.register_script(CREATE)

    async def create(self, boss: BossRecord, damage: Mapping[int, int] | None = None, *, hp: int | None = None) -> bool:
        fields = {
            "hp": hp if hp is not None else boss.max_hp,
            "max_hp": boss.max_hp,
            "status": boss.status,
            "deadline": repr(float(boss.deadline)),
            "cooldown_ms": boss.cooldown_ms,
        }
        args: list[int | float | str] = [int(boss.deadline) + LINGER_SECONDS]
        for name, value in fields.items():
            args += [name, value]
        args.append("--")
        for player_id, dealt in sorted((damage or {}).items()):
            args += [player_id, dealt]
        created = await self._create(keys=[boss_key(boss.id), damage_key(boss.id)], args=args)
        return bool(created)

    async def attack(self, boss_id: str, player_id: int, damage: int, *, now: float, join_hp: int = 0) -> AttackOutcome:
        # The cooldown runs on Redis's own clock (a key's time to live), the deadline on the game's.
        raw = await self._attack(
            keys=[boss_key(boss_id), damage_key(boss_id), cooldown_key(boss_id, player_id)],
            args=[player_id, max(0, int(damage)), repr(float(now)), max(0, int(join_hp))],
        )
        return AttackOutcome(
            status=cast(AttackStatus, _one_of(AttackStatus, raw[0])),
            dealt=int(raw[1]),
            hp_left=int(raw[2]),
            killed=bool(int(raw[3])),
            player_total=int(raw[4]),
            cooldown_left_ms=int(raw[5]),
        )

    async def state(self, boss_id: str) -> BossLive | None:
        return _live(await self._redis.hgetall(boss_key(boss_id)))

    async def snapshot(self, boss_id: str) -> tuple[BossLive | None, dict[int, int]]:
        # MULTI/EXEC: no attack runs between the two reads.
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(boss_key(boss_id))
            pipe.hgetall(damage_key(boss_id))
            raw, damage = await pipe.execute()
        return _live(raw), {int(k): int(v) for k, v in damage.items()}

    async def player_status(self, boss_id: str, player_id: int) -> tuple[int, int]:
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hget(damage_key(boss_id), player_id)
            pipe.pttl(cooldown_key(boss_id, player_id))
            dealt, wait = await pipe.execute()
        return int(dealt or 0), max(0, int(wait))

    async def escape(self, boss_id: str) -> str | None:
        status = await self._escape(keys=[boss_key(boss_id)])
        if status is None:
            return None
        return status.decode() if isinstance(status, bytes) else str(status)

    async def forget(self, boss_id: str) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.expire(boss_key(boss_id), LINGER_SECONDS)
            pipe.expire(damage_key(boss_id), LINGER_SECONDS)
            await pipe.execute()


def _live(raw: Mapping[Any, Any]) -> BossLive | None:
    # Replies are bytes (the client does not decode them); redis-py types them loosely.
    if not raw or b"status" not in raw:
        return None
    killer = raw.get(b"killer")
    return BossLive(
        hp=int(raw[b"hp"]),
        max_hp=int(raw[b"max_hp"]),
        status=cast(BossStatus, _one_of(BossStatus, raw[b"status"])),
        killer_id=int(killer) if killer else None,
    )


def _one_of(kind: Any, raw: bytes | str) -> Any:
    """A status read back from Redis, checked against the closed set it must belong to."""
    value = raw.decode() if isinstance(raw, bytes) else str(raw)
    if value not in get_args(kind):
        raise ValueError(f"unexpected status {value!r} from Redis")
    return value
