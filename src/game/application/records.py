"""Durable player records kept per process, and the units of work that keep every process's copy honest.

A record read from PostgreSQL is kept here with its version (`characters.version`, raised by every write).
Before a unit of work commits a changed record it publishes the new version to the player's hot hash, so a
process holding an earlier copy sees, on the player's next action, that its copy is out of date, whichever
process made the change (a bot, a game server, a worker's job, an administrator's command). A copy is used
only when its version is at least the published one, and never for longer than `ttl_seconds` (the bound on
staleness should Redis itself go back in time, restored from an old dump).

The world's rifts and bosses (what a location shows besides its roads) are kept the same way, under the
world's version, which a unit of work bumps once a change to them has committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Self, cast

from game.application.ports.arena import ArenaRepository
from game.application.ports.exchange import ExchangeRepository
from game.application.ports.guilds import GuildRepository
from game.application.ports.hot_state import HotStateStore
from game.application.ports.unit_of_work import (
    CharacterRepository,
    LeaderRecord,
    PlayerRecord,
    SavedHotState,
    SettingsRepository,
    UnitOfWork,
    UnitOfWorkFactory,
)
from game.application.ports.world_events import BossRecord, RiftRecord, WorldRepository
from game.domain.character import Character, HotState
from game.domain.equipment import Equipment
from game.domain.inventory import Inventory


@dataclass(frozen=True, slots=True)
class _Kept:
    record: PlayerRecord
    at: float


class RecordCache:
    """Player records by id, each with its version; the least recently stored go first past `max_players`."""

    def __init__(
        self,
        *,
        max_players: int = 50_000,
        ttl_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._max = max_players
        self._ttl = ttl_seconds
        self._clock = clock
        self._kept: dict[int, _Kept] = {}

    def get(self, player_id: int, version: int) -> PlayerRecord | None:
        """The kept record if it is at least `version` (the published one) and fresh enough."""
        kept = self._kept.get(player_id)
        if kept is None or kept.record.version < version or self._clock() - kept.at > self._ttl:
            return None
        return kept.record

    def put(self, record: PlayerRecord) -> None:
        player_id = record.character.player_id
        kept = self._kept.pop(player_id, None)
        if kept is not None and kept.record.version > record.version:
            self._kept[player_id] = kept  # a later version is already kept
            return
        self._kept[player_id] = _Kept(record, self._clock())
        if len(self._kept) > self._max:
            del self._kept[next(iter(self._kept))]

    def forget(self, player_id: int) -> None:
        self._kept.pop(player_id, None)


@dataclass(frozen=True, slots=True)
class WorldSights:
    """The open rifts and the living bosses, as read at one world version."""

    version: int
    rifts: tuple[RiftRecord, ...]
    bosses: tuple[BossRecord, ...]
    at: float


class WorldCache:
    def __init__(self, *, ttl_seconds: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl = ttl_seconds
        self._clock = clock
        self._kept: WorldSights | None = None

    def get(self, version: int) -> WorldSights | None:
        kept = self._kept
        if kept is None or kept.version != version or self._clock() - kept.at > self._ttl:
            return None
        return kept

    def put(self, version: int, rifts: list[RiftRecord], bosses: list[BossRecord]) -> WorldSights:
        self._kept = WorldSights(version, tuple(rifts), tuple(bosses), self._clock())
        return self._kept


def _as_loaded(record: PlayerRecord, version: int) -> PlayerRecord:
    """The record as a read of the committed row would give it (fresh containers, the new version)."""
    return PlayerRecord(
        character=record.character,
        version=version,
        inventory=Inventory(items=dict(record.inventory.items)),
        equipment=Equipment(slots=dict(record.equipment.slots)),
        skills=frozenset(record.skills),
    )


class _WatchedCharacters:
    """The character repository of one unit of work, noting the records it saves."""

    def __init__(self, inner: CharacterRepository) -> None:
        self._inner = inner
        self.saved: dict[int, tuple[PlayerRecord, PlayerRecord, int]] = {}  # id → (before, after, version)

    async def get(self, player_id: int) -> Character | None:
        return await self._inner.get(player_id)

    async def load(self, player_id: int, *, for_update: bool = False) -> PlayerRecord | None:
        return await self._inner.load(player_id, for_update=for_update)

    async def save(self, before: PlayerRecord, after: PlayerRecord) -> int:
        version = await self._inner.save(before, after)
        pid = after.character.player_id
        first = self.saved.get(pid, (before, after, version))[0]
        self.saved[pid] = (first, after, version)
        return version

    async def save_many(self, changes: Sequence[tuple[PlayerRecord, PlayerRecord]]) -> dict[int, int]:
        versions = await self._inner.save_many(changes)
        for before, after in changes:
            pid = after.character.player_id
            first = self.saved.get(pid, (before, after, versions[pid]))[0]
            self.saved[pid] = (first, after, versions[pid])
        return versions

    async def claim(self, player_id: int, source_id: str) -> bool:
        return await self._inner.claim(player_id, source_id)

    async def claim_and_load(self, player_id: int, source_id: str) -> tuple[bool, PlayerRecord | None]:
        return await self._inner.claim_and_load(player_id, source_id)

    async def claim_many(self, source_id: str, player_ids: Collection[int]) -> set[int]:
        return await self._inner.claim_many(source_id, player_ids)

    async def names(self, player_ids: Collection[int]) -> dict[int, str]:
        return await self._inner.names(player_ids)

    async def load_many(self, player_ids: Collection[int], *, for_update: bool = False) -> dict[int, PlayerRecord]:
        return await self._inner.load_many(player_ids, for_update=for_update)

    async def name_taken(self, name_key: str) -> bool:
        return await self._inner.name_taken(name_key)

    async def id_by_name(self, name_key: str) -> int | None:
        return await self._inner.id_by_name(name_key)

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        await self._inner.add(character, name_key=name_key, hot=hot)

    async def get_saved_hot_state(self, player_id: int) -> SavedHotState | None:
        return await self._inner.get_saved_hot_state(player_id)

    async def top_by_level(self, limit: int) -> list[LeaderRecord]:
        return await self._inner.top_by_level(limit)


# What locations show of the world is the open rifts and the living bosses: the world repository's methods
# that leave them as they are. Any other method (one added later too) counts as a change.
_LEAVES_SIGHTS = frozenset(
    {
        "get_rift",
        "open_rifts",
        "expired_rifts",
        "active_run",
        "last_run",
        "add_run",
        "save_run",
        "get_boss",
        "alive_bosses",
        "unannounced_bosses",
        "boss_damage",
        "mark_paid",
        "mark_announced",
        "top_boss_damage",
    }
)


class _WatchedWorld:
    """The world repository of one unit of work, noting a change to what locations show (rifts, bosses)."""

    def __init__(self, inner: WorldRepository) -> None:
        self._inner = inner
        self.changed = False

    def __getattr__(self, name: str) -> Any:
        if name not in _LEAVES_SIGHTS:
            self.changed = True
        return getattr(self._inner, name)


class VersionedUnitOfWork:
    """A unit of work whose commit publishes the versions of the records it saved (before committing) and
    the world's change (after), and keeps the saved records in this process's cache."""

    characters: CharacterRepository
    settings: SettingsRepository
    world: WorldRepository
    guilds: GuildRepository
    arena: ArenaRepository
    exchange: ExchangeRepository

    def __init__(self, inner: UnitOfWork, board: HotStateStore, cache: RecordCache) -> None:
        self._inner = inner
        self._board = board
        self._cache = cache
        self._characters: _WatchedCharacters | None = None
        self._world: _WatchedWorld | None = None

    async def __aenter__(self) -> Self:
        inner = await self._inner.__aenter__()
        self._characters = _WatchedCharacters(inner.characters)
        self._world = _WatchedWorld(inner.world)
        self.characters = self._characters
        self.world = cast(WorldRepository, self._world)
        self.settings = inner.settings
        self.guilds = inner.guilds
        self.arena = inner.arena
        self.exchange = inner.exchange
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._inner.__aexit__(*exc)

    async def commit(self) -> None:
        assert self._characters is not None and self._world is not None
        saved = self._characters.saved
        if saved:
            # Before the commit: a process reading the record from now on will not take its own copy for it.
            await self._board.publish_record_versions({pid: version for pid, (_, _, version) in saved.items()})
        await self._inner.commit()
        for before, after, version in saved.values():
            c, b = after.character, before.character
            if (c.name, c.class_id) == (b.name, b.class_id):  # what a save writes: all of the record but those
                self._cache.put(_as_loaded(after, version))
            else:
                self._cache.forget(c.player_id)
        self._characters.saved = {}
        if self._world.changed:
            self._world.changed = False
            await self._board.world_changed()


class VersionedUnitsOfWork:
    """The unit-of-work factory the use cases get: every unit of work it opens is a `VersionedUnitOfWork`."""

    def __init__(self, inner: UnitOfWorkFactory, board: HotStateStore, cache: RecordCache) -> None:
        self._inner = inner
        self._board = board
        self._cache = cache

    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        if read_only:
            return self._inner(read_only=True)  # nothing is saved through it
        return VersionedUnitOfWork(self._inner(read_only=False), self._board, self._cache)
