"""Hot player state in Redis: the hash `account:{id}` and the set of accounts changed since the last snapshot.

The running fight is one more field of the same hash (`fight`, JSON), so a turn and the HP it
leaves are written together.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import Redis
from redis.typing import EncodableT

from game.api import Busy
from game.domain.character import HotState
from game.domain.running_fight import RunningFight
from shared.adapters.redis_lock import COMPARE_AND_DELETE

ACCOUNT_KEY = "account:{}"
CHANGED_SET = "accounts:changed"
FIGHT_FIELD = "fight"
# The order the snapshot reads the fields in (HMGET) and writes the columns in; the fight goes with them,
# so a Redis that lost the hash can be refilled mid-fight.
FIELDS = ("location", "hp", "mana", "stamina", "stamina_at", "activity", FIGHT_FIELD)


def account_key(player_id: int) -> str:
    return ACCOUNT_KEY.format(player_id)


def encode(state: HotState) -> dict[EncodableT, EncodableT]:
    return {
        "location": state.location_id,
        "hp": str(state.hp),
        "mana": str(state.mana),
        "stamina": repr(float(state.stamina)),
        "stamina_at": repr(float(state.stamina_at)),
        "activity": state.activity,
        "hp_carry": repr(float(state.hp_carry)),
        "mana_carry": repr(float(state.mana_carry)),
    }


def decode(raw: Mapping[Any, Any]) -> HotState | None:
    # Replies are bytes (the client does not decode them); redis-py types them loosely.
    try:
        return HotState(
            location_id=raw[b"location"].decode(),
            hp=int(raw[b"hp"]),
            mana=int(raw[b"mana"]),
            stamina=float(raw[b"stamina"]),
            stamina_at=float(raw[b"stamina_at"]),
            activity=raw.get(b"activity", b"idle").decode(),
            # Fractions of a point regained; older hashes (and a state re-hydrated from PostgreSQL) have none.
            hp_carry=float(raw.get(b"hp_carry", b"0")),
            mana_carry=float(raw.get(b"mana_carry", b"0")),
        )
    except (KeyError, ValueError):
        return None  # incomplete or damaged: re-hydrated from PostgreSQL


def decode_fight(raw: bytes | str | None) -> RunningFight | None:
    """The stored fight, or None when there is none or it is damaged (the player is then out of it)."""
    if not raw:
        return None
    try:
        return RunningFight.from_dict(json.loads(raw))
    except ValueError:
        return None


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

    async def get_fight(self, player_id: int) -> RunningFight | None:
        return decode_fight(await self._redis.hget(account_key(player_id), FIGHT_FIELD))

    async def get_fight_checked(self, player_id: int) -> tuple[RunningFight | None, bool]:
        """The fight and whether the account hash exists at all, in one round trip."""
        key = account_key(player_id)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hget(key, FIGHT_FIELD)
            pipe.exists(key)
            raw, exists = await pipe.execute()
        return decode_fight(raw), bool(exists)

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        key = account_key(player_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping=encode(state))
            if fight is None:
                pipe.hdel(key, FIGHT_FIELD)
            else:
                pipe.hset(key, FIGHT_FIELD, json.dumps(fight.to_dict(), separators=(",", ":")))
            pipe.sadd(CHANGED_SET, player_id)
            await pipe.execute()


class RedisPlayerLocks:
    """A short lease per player (`SET NX PX`): it lapses by itself if the process dies mid-action."""

    def __init__(self, redis: Redis, *, lease_ms: int = 10_000) -> None:
        self._redis = redis
        self._lease_ms = lease_ms
        self._release = redis.register_script(COMPARE_AND_DELETE)

    @asynccontextmanager
    async def hold(self, player_id: int) -> AsyncIterator[None]:
        key = f"lock:player:{player_id}"
        token = secrets.token_hex(8)
        if not await self._redis.set(key, token, nx=True, px=self._lease_ms):
            raise Busy("another action is still being processed")
        try:
            yield
        finally:
            await self._release(keys=[key], args=[token])
