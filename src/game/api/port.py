from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import CharacterSheet, ClassInfo, LocationView, SnapshotReport


@runtime_checkable
class GameApi(Protocol):
    """Everything the bot and the scheduler may ask of the game.

    Arguments are keyword-only and JSON-friendly; results are DTOs; failures raise `GameError`s.
    """

    async def list_classes(self) -> list[ClassInfo]: ...

    async def check_name(self, *, name: str) -> str:
        """The name as it would be registered; raises `InvalidName` or `NameTaken`."""
        ...

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet: ...

    async def get_character(self, *, player_id: int) -> CharacterSheet: ...

    async def look(self, *, player_id: int) -> LocationView: ...

    async def travel(self, *, player_id: int, destination: str) -> LocationView: ...

    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        """Copy hot state (Redis) to durable storage: changed accounts only, or all with `full`."""
        ...
