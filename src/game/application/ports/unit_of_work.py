from __future__ import annotations

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
