from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, Self

from game.domain.character import Character, HotState


class CharacterRepository(Protocol):
    async def get(self, player_id: int) -> Character | None: ...

    async def name_taken(self, name_key: str) -> bool: ...

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        """Insert the character with its initial hot state (raises `NameTaken` on a race)."""
        ...

    async def get_saved_hot_state(self, player_id: int) -> HotState | None:
        """The hot state as the last snapshot left it in durable storage."""
        ...


class UnitOfWork(Protocol):
    """One durable transaction: everything done through it commits together or not at all."""

    characters: CharacterRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(self, *exc: object) -> None: ...

    async def commit(self) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
