"""The live HP pool of world bosses in Redis.

Keys (all of one boss share the hash tag `{boss:<id>}`, so a cluster keeps them on one node):
  {boss:<id>}        hash: hp, max_hp, status (alive|defeated|escaped), deadline, cooldown_ms, killer
  {boss:<id>}:dmg    hash: player id → damage dealt
  {boss:<id>}:rank   sorted set of those who dealt any: score −damage, member the id padded to 20 digits, so
                     ZRANGE orders by damage then id (ties go to the lower id) and ZRANK is a player's place
  {boss:<id>}:cd:<p> a key per attacker that lives for the cooldown

An attack is one Lua script: however many players strike at once, Redis runs them one after another,
so the pool never goes below 0, the tallies add up to exactly the HP lost, only one blow kills, and the
ranking always agrees with the tallies. A boss screen reads the top, the count and the player's place
from the ranking (one round trip, whatever the crowd), never the whole tally.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast, get_args

from redis.asyncio import Redis

from game.api.kinds import BossStatus
from game.application.ports.world_events import AttackOutcome, AttackStatus, BossLive, BossRecord, BossStanding

# Settled bosses linger a while, so a late attacker is told it died rather than that it never was.
LINGER_SECONDS = 3600

# KEYS: boss hash, damage hash, the attacker's cooldown key, ranking.  ARGV: player id, damage, now, join HP,
# the player's ranking member.
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
local fresh = redis.call('EXISTS', KEYS[4]) == 0
if fresh then  -- the first blow that lands, or tallies kept from before there was a ranking: rank them all
  local all = redis.call('HGETALL', KEYS[2])
  for i = 1, #all, 2 do
    local d = tonumber(all[i + 1])
    if d > 0 then redis.call('ZADD', KEYS[4], -d, string.format('%020d', tonumber(all[i]))) end
  end
end
local total = redis.call('HINCRBY', KEYS[2], ARGV[1], dealt)
if total > 0 then redis.call('ZADD', KEYS[4], -total, ARGV[5]) end
if fresh then  -- the ranking lives as long as the boss
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[4], ttl) end
end
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

# KEYS: boss hash, damage hash, ranking. ARGV: expire-at, then field/value pairs of the hash; the damage
# triples (player id, damage, ranking member) follow a '--' marker. Creates the boss only if it does not
# exist (a restore never overwrites).
CREATE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local i = 2
while ARGV[i] ~= '--' do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
i = i + 1
redis.call('DEL', KEYS[2], KEYS[3])
while ARGV[i] do
  redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
  if tonumber(ARGV[i + 1]) > 0 then redis.call('ZADD', KEYS[3], -tonumber(ARGV[i + 1]), ARGV[i + 2]) end
  i = i + 3
end
redis.call('EXPIREAT', KEYS[1], ARGV[1])
redis.call('EXPIREAT', KEYS[2], ARGV[1])
redis.call('EXPIREAT', KEYS[3], ARGV[1])
return 1
"""


def boss_key(boss_id: str) -> str:
    return f"{{boss:{boss_id}}}"


def damage_key(boss_id: str) -> str:
    return f"{{boss:{boss_id}}}:dmg"


def cooldown_key(boss_id: str, player_id: int) -> str:
    return f"{{boss:{boss_id}}}:cd:{player_id}"


def ranking_key(boss_id: str) -> str:
    return f"{{boss:{boss_id}}}:rank"


def ranking_member(player_id: int) -> str:
    """Padded, so the ranking's ties (ordered by member) go to the lower id, as a number would."""
    return f"{player_id:020d}"


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
            args += [player_id, dealt, ranking_member(player_id)]
        created = await self._create(keys=[boss_key(boss.id), damage_key(boss.id), ranking_key(boss.id)], args=args)
        return bool(created)

    async def attack(self, boss_id: str, player_id: int, damage: int, *, now: float, join_hp: int = 0) -> AttackOutcome:
        # The cooldown runs on Redis's own clock (a key's time to live), the deadline on the game's.
        raw = await self._attack(
            keys=[boss_key(boss_id), damage_key(boss_id), cooldown_key(boss_id, player_id), ranking_key(boss_id)],
            args=[player_id, max(0, int(damage)), repr(float(now)), max(0, int(join_hp)), ranking_member(player_id)],
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

    async def standing(self, boss_id: str, player_id: int | None, *, top: int) -> BossStanding:
        # MULTI/EXEC: one round trip, read at one instant; the ranking's top and the player's place, never
        # the whole tally.
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hgetall(boss_key(boss_id))
            pipe.zrange(ranking_key(boss_id), 0, top - 1, withscores=True)
            pipe.zcard(ranking_key(boss_id))
            if player_id is not None:
                pipe.zscore(ranking_key(boss_id), ranking_member(player_id))
                pipe.zrank(ranking_key(boss_id), ranking_member(player_id))
                pipe.pttl(cooldown_key(boss_id, player_id))
            raw, best, fighters, *mine = await pipe.execute()
        live = _live(raw)
        if live is None:
            return BossStanding(live=None)
        score, place, wait = mine if mine else (None, None, 0)
        return BossStanding(
            live=live,
            top=tuple((int(member), -int(points)) for member, points in best),
            fighters=int(fighters),
            damage=-int(score) if score is not None else 0,
            rank=int(place) + 1 if place is not None else None,
            cooldown_ms=max(0, int(wait)) if live.status == "alive" else 0,
        )

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
            pipe.expire(ranking_key(boss_id), LINGER_SECONDS)
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
