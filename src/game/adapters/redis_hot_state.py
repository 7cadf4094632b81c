"""Hot player state in Redis: the hash `account:{id}` plus the set of accounts changed since the last snapshot."""

from __future__ import annotations

from redis.asyncio import Redis

from game.domain.character import HotState

ACCOUNT_KEY = "account:{}"
CHANGED_SET = "accounts:changed"
# The order the snapshot reads the fields in (HMGET) and writes the columns in.
FIELDS = ("location", "hp", "mana", "stamina", "stamina_at", "activity")


def account_key(player_id: int) -> str:
    return ACCOUNT_KEY.format(player_id)


def encode(state: HotState) -> dict[str, str]:
    return {
        "location": state.location_id,
        "hp": str(state.hp),
        "mana": str(state.mana),
        "stamina": repr(float(state.stamina)),
        "stamina_at": repr(float(state.stamina_at)),
        "activity": state.activity,
    }


def decode(raw: dict[bytes, bytes]) -> HotState | None:
    try:
        return HotState(
            location_id=raw[b"location"].decode(),
            hp=int(raw[b"hp"]),
            mana=int(raw[b"mana"]),
            stamina=float(raw[b"stamina"]),
            stamina_at=float(raw[b"stamina_at"]),
            activity=raw.get(b"activity", b"idle").decode(),
        )
    except (KeyError, ValueError):
        return None  # incomplete or damaged: re-hydrated from PostgreSQL


class RedisHotStateStore:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def get(self, player_id: int) -> HotState | None:
        raw = await self._redis.hgetall(account_key(player_id))
        return decode(raw) if raw else None

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(account_key(player_id), mapping=encode(state))
            if mark_changed:
                pipe.sadd(CHANGED_SET, player_id)
            await pipe.execute()
