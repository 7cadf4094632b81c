from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol, Self

from game.application.ports.arena import ArenaRepository
from game.application.ports.exchange import ExchangeRepository
from game.application.ports.guilds import GuildRepository
from game.application.ports.world_events import WorldRepository
from game.domain.character import Character, HotState
from game.domain.equipment import Equipment
from game.domain.inventory import Inventory
from game.domain.running_fight import RunningFight


@dataclass(frozen=True)
class PlayerRecord:
    """Everything durable about a player, as one transaction read it."""

    character: Character
    version: int
    inventory: Inventory
    equipment: Equipment
    skills: frozenset[str]


@dataclass(frozen=True)
class SavedHotState:
    """Hot state as the last snapshot left it in durable storage."""

    state: HotState
    fight: RunningFight | None  # None: none was running (or it was damaged)


@dataclass(frozen=True)
class LeaderRecord:
    player_id: int
    name: str
    class_id: str
    level: int
    xp: int


class CharacterRepository(Protocol):
    async def get(self, player_id: int) -> Character | None: ...

    async def load(self, player_id: int, *, for_update: bool = False) -> PlayerRecord | None:
        """The whole durable player; `for_update` locks it until the transaction ends."""
        ...

    async def save(self, before: PlayerRecord, after: PlayerRecord) -> int:
        """Write what changed from `before` to `after`; returns the new version."""
        ...

    async def claim(self, player_id: int, source_id: str) -> bool:
        """Record that `source_id` paid out to this player; False if it already had."""
        ...

    async def claim_and_load(self, player_id: int, source_id: str) -> tuple[bool, PlayerRecord | None]:
        """`claim`, and when it was not claimed before, the whole player locked as `load(for_update=True)` gives
        it (None if no such player): `(False, None)` when `source_id` had already paid out."""
        ...

    async def names(self, player_ids: Collection[int]) -> dict[int, str]:
        """The characters' names, in one read (those not registered are left out)."""
        ...

    async def load_many(self, player_ids: Collection[int], *, for_update: bool = False) -> dict[int, PlayerRecord]:
        """`load` for many players in one read (those not registered are left out); `for_update` locks them
        in id order, so two callers locking overlapping sets never wait on each other in a circle."""
        ...

    async def claim_many(self, source_id: str, player_ids: Collection[int]) -> set[int]:
        """`claim` for many players at once: the ids for which `source_id` had not paid out yet (now it has)."""
        ...

    async def save_many(self, changes: Sequence[tuple[PlayerRecord, PlayerRecord]]) -> dict[int, int]:
        """`save` for many players (each `(before, after)`) at once; each one's new version."""
        ...

    async def name_taken(self, name_key: str) -> bool: ...

    async def id_by_name(self, name_key: str) -> int | None: ...

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        """Insert the character with its initial hot state (raises `NameTaken` on a race)."""
        ...

    async def get_saved_hot_state(self, player_id: int) -> SavedHotState | None:
        """The hot state (and running fight) as the last snapshot left it in durable storage."""
        ...

    async def top_by_level(self, limit: int) -> list[LeaderRecord]: ...


class SettingsRepository(Protocol):
    async def muted(self, player_id: int) -> frozenset[str]: ...

    async def set_muted(self, player_id: int, muted: frozenset[str]) -> None: ...

    async def set_reachable(self, player_id: int, reachable: bool) -> None: ...

    async def recipients(self, category: str, *, after: int, limit: int) -> list[int]: ...


class UnitOfWork(Protocol):
    """One durable transaction: everything done through it commits together or not at all."""

    characters: CharacterRepository
    settings: SettingsRepository
    world: WorldRepository  # rifts and world bosses
    guilds: GuildRepository
    arena: ArenaRepository
    exchange: ExchangeRepository  # the exchange's orders, fills and counters; daily streaks

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, *exc: object) -> None: ...

    async def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """`read_only`: no transaction (cheaper), and `commit` is refused."""
        ...
