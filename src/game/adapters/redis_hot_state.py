"""Hot player state in Redis: the hash `account:{id}` and the set of accounts changed since the last snapshot.

The running fight is one more field of the same hash (`fight`, JSON), so a turn and the HP it
leaves are written together; so is `rv`, the version of the player's durable record last published (see
`publish_record_versions`). The world's version is the key `world:version`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from redis.asyncio import Redis
from redis.typing import EncodableT

from game.api import Busy
from game.application.ports.hot_state import PRESSES_KEPT, HotRead
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


RECORD_VERSION_FIELD = "rv"
PRESSES_FIELD = "presses"  # the claimed once-only button tokens, oldest first, space-separated
WORLD_VERSION_KEY = "world:version"
LOCK_KEY = "lock:player:{}"

# KEYS: the accounts; ARGV: their versions. Raises each hash's `rv` to at least the version given.
_PUBLISH_VERSIONS = """
for i, key in ipairs(KEYS) do
  local now = tonumber(redis.call('HGET', key, 'rv'))
  local new = tonumber(ARGV[i])
  if not now or now < new then redis.call('HSET', key, 'rv', ARGV[i]) end
end
return 1
"""

# KEYS: the player's lock, account, the world's version; ARGV: token, lease (ms).
# Takes the lock and, in the same step, reads what the action will need; false if the lock is taken.
_HOLD_AND_READ = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {redis.call('HGETALL', KEYS[2]), redis.call('GET', KEYS[3]) or '0'}
end
return false
"""

# KEYS: the player's lock, account, the changed set; ARGV: token, player id, mark changed (0|1), the number
# of fields to set, then field, value, … and the fields to delete. Writes what the action left to write and
# releases the lock (if still ours), in one step.
_WRITE_AND_RELEASE = """
local sets = tonumber(ARGV[4])
if sets > 0 then
  local pairs_ = {}
  for i = 5, 4 + 2 * sets do pairs_[#pairs_ + 1] = ARGV[i] end
  redis.call('HSET', KEYS[2], unpack(pairs_))
end
for i = 5 + 2 * sets, #ARGV do redis.call('HDEL', KEYS[2], ARGV[i]) end
if ARGV[3] == '1' then redis.call('SADD', KEYS[3], ARGV[2]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
"""

# KEYS: the account; ARGV: the token, how many claims are kept. Claims the token (0: claimed already).
_CLAIM_PRESS = """
local tokens = {}
for token in string.gmatch(redis.call('HGET', KEYS[1], 'presses') or '', '%S+') do
  if token == ARGV[1] then return 0 end
  tokens[#tokens + 1] = token
end
tokens[#tokens + 1] = ARGV[1]
local first = math.max(1, #tokens - tonumber(ARGV[2]) + 1)
redis.call('HSET', KEYS[1], 'presses', table.concat(tokens, ' ', first))
return 1
"""


def _with_press(kept: bytes | str | None, token: str) -> str | None:
    """The claimed tokens with `token` added (the oldest dropped past `PRESSES_KEPT`); None if it is there."""
    tokens = (kept.decode() if isinstance(kept, bytes) else kept or "").split()
    if token in tokens:
        return None
    return " ".join([*tokens, token][-PRESSES_KEPT:])


def _hot_read(raw: Mapping[bytes, bytes], world_version: Any) -> HotRead:
    rv = raw.get(RECORD_VERSION_FIELD.encode())
    return HotRead(
        state=decode(raw) if raw else None,
        fight=decode_fight(raw.get(FIGHT_FIELD.encode())),
        known=b"location" in raw,
        record_version=int(rv) if rv else None,
        world_version=int(world_version or 0),
    )


@dataclass
class _Held:
    """A player's hash as this action read it when it took the player's lock, with the action's own writes
    applied; the writes go to Redis with the lock's release."""

    token: str
    raw: dict[bytes, bytes]
    world_version: bytes
    sets: dict[str, str] = field(default_factory=dict)
    deletes: set[str] = field(default_factory=set)
    mark_changed: bool = False
    released: bool = False  # a task started inside the action and still running after it reads Redis again

    def write(self, values: Mapping[EncodableT, EncodableT], *, delete: str | None = None) -> None:
        for name, value in values.items():
            key, text = str(name), str(value)
            self.sets[key] = text
            self.deletes.discard(key)
            self.raw[key.encode()] = text.encode()
        if delete is not None:
            self.sets.pop(delete, None)
            self.deletes.add(delete)
            self.raw.pop(delete.encode(), None)


# The players whose lock this task holds (through `RedisHotStateStore.hold`), with what was read then.
_held: ContextVar[dict[int, _Held] | None] = ContextVar("held_players", default=None)


class RedisHotStateStore:
    """The hot-state store; it is also the player locks (`hold`) and where record and world versions are kept.

    While an action holds a player's lock, taken through this store, the lock and everything the action reads
    of the player's hash came in one round trip, and what it writes goes with the release in one more.
    """

    def __init__(self, redis: Redis, *, lease_ms: int = 10_000) -> None:
        self._redis = redis
        self._lease_ms = lease_ms
        self._hold_and_read = redis.register_script(_HOLD_AND_READ)
        self._write_and_release = redis.register_script(_WRITE_AND_RELEASE)
        self._publish_versions = redis.register_script(_PUBLISH_VERSIONS)
        self._claim_press = redis.register_script(_CLAIM_PRESS)

    @staticmethod
    def _held_for(player_id: int) -> _Held | None:
        held = _held.get()
        found = held.get(player_id) if held else None
        return found if found is not None and not found.released else None

    async def get(self, player_id: int) -> HotState | None:
        held = self._held_for(player_id)
        raw = held.raw if held is not None else await self._redis.hgetall(account_key(player_id))
        return decode(raw) if raw else None

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None:
        held = self._held_for(player_id)
        if held is not None:
            held.write(encode(state))
            held.mark_changed |= mark_changed
            return
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(account_key(player_id), mapping=encode(state))
            if mark_changed:
                pipe.sadd(CHANGED_SET, player_id)
            await pipe.execute()

    async def get_fight(self, player_id: int) -> RunningFight | None:
        held = self._held_for(player_id)
        if held is not None:
            return decode_fight(held.raw.get(FIGHT_FIELD.encode()))
        return decode_fight(await self._redis.hget(account_key(player_id), FIGHT_FIELD))

    async def get_fight_checked(self, player_id: int) -> tuple[RunningFight | None, bool]:
        """The fight and whether the account has hot state at all, in one round trip."""
        held = self._held_for(player_id)
        if held is not None:
            return decode_fight(held.raw.get(FIGHT_FIELD.encode())), b"location" in held.raw
        key = account_key(player_id)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hget(key, FIGHT_FIELD)
            # The location, not the key: a hash may hold only a published record version.
            pipe.hexists(key, "location")
            raw, exists = await pipe.execute()
        return decode_fight(raw), bool(exists)

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        held = self._held_for(player_id)
        if held is not None:
            values = encode(state)
            if fight is None:
                held.write(values, delete=FIGHT_FIELD)
            else:
                held.write({**values, FIGHT_FIELD: _fight_json(fight)})
            held.mark_changed = True
            return
        key = account_key(player_id)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping=encode(state))
            if fight is None:
                pipe.hdel(key, FIGHT_FIELD)
            else:
                pipe.hset(key, FIGHT_FIELD, _fight_json(fight))
            pipe.sadd(CHANGED_SET, player_id)
            await pipe.execute()

    async def read(self, player_id: int) -> HotRead:
        held = self._held_for(player_id)
        if held is not None:
            return _hot_read(held.raw, held.world_version)
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.hgetall(account_key(player_id))
            pipe.get(WORLD_VERSION_KEY)
            raw, world_version = await pipe.execute()
        return _hot_read(raw, world_version)

    async def record_version(self, player_id: int) -> int | None:
        held = self._held_for(player_id)
        raw = (
            held.raw.get(RECORD_VERSION_FIELD.encode())
            if held is not None
            else await self._redis.hget(account_key(player_id), RECORD_VERSION_FIELD)
        )
        return int(raw) if raw else None

    async def publish_record_versions(self, versions: Mapping[int, int]) -> None:
        if not versions:
            return
        ids = sorted(versions)
        await self._publish_versions(keys=[account_key(i) for i in ids], args=[versions[i] for i in ids])
        for player_id in ids:
            held = self._held_for(player_id)
            if held is not None:
                field_ = RECORD_VERSION_FIELD.encode()
                if int(held.raw.get(field_) or 0) < versions[player_id]:
                    held.raw[field_] = str(versions[player_id]).encode()

    async def claim_press(self, player_id: int, token: str) -> bool:
        held = self._held_for(player_id)
        if held is None:
            return bool(await self._claim_press(keys=[account_key(player_id)], args=[token, PRESSES_KEPT]))
        claimed = _with_press(held.raw.get(PRESSES_FIELD.encode()), token)
        if claimed is None:
            return False
        held.write({PRESSES_FIELD: claimed})
        return True

    async def pressed(self, player_id: int, token: str) -> bool:
        held = self._held_for(player_id)
        if held is not None:
            return _with_press(held.raw.get(PRESSES_FIELD.encode()), token) is None
        return _with_press(await self._redis.hget(account_key(player_id), PRESSES_FIELD), token) is None

    async def world_changed(self) -> None:
        await self._redis.incr(WORLD_VERSION_KEY)

    @asynccontextmanager
    async def hold(self, player_id: int) -> AsyncIterator[None]:
        """The player's lock (`PlayerLocks`), taken with a read of their hash; what the action writes to the
        hash goes with the release."""
        lock = LOCK_KEY.format(player_id)
        token = secrets.token_hex(8)
        key = account_key(player_id)
        got = await self._hold_and_read(keys=[lock, key, WORLD_VERSION_KEY], args=[token, self._lease_ms])
        if not got:
            raise Busy("another action is still being processed")
        flat, world_version = got
        raw = dict(zip(flat[::2], flat[1::2], strict=True))
        held = _Held(token=token, raw=raw, world_version=world_version)
        outer = _held.get()
        reset = _held.set({**(outer or {}), player_id: held})
        try:
            yield
        finally:
            _held.reset(reset)
            held.released = True
            args: list[EncodableT] = [token, player_id, int(held.mark_changed), len(held.sets)]
            for name, value in held.sets.items():
                args += [name, value]
            args += sorted(held.deletes)
            await self._write_and_release(keys=[lock, key, CHANGED_SET], args=args)


def _fight_json(fight: RunningFight) -> str:
    return json.dumps(fight.to_dict(), separators=(",", ":"))


class RedisPlayerLocks:
    """A short lease per player (`SET NX PX`): it lapses by itself if the process dies mid-action.
    (`RedisHotStateStore.hold` is the same lock, with the player's hash read and written along with it.)"""

    def __init__(self, redis: Redis, *, lease_ms: int = 10_000) -> None:
        self._redis = redis
        self._lease_ms = lease_ms
        self._release = redis.register_script(COMPARE_AND_DELETE)

    @asynccontextmanager
    async def hold(self, player_id: int) -> AsyncIterator[None]:
        key = LOCK_KEY.format(player_id)
        token = secrets.token_hex(8)
        if not await self._redis.set(key, token, nx=True, px=self._lease_ms):
            raise Busy("another action is still being processed")
        try:
            yield
        finally:
            await self._release(keys=[key], args=[token])
