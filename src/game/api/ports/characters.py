from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import CharacterSheet, ClassInfo


@runtime_checkable
class CharactersApi(Protocol):
    """Creating a character, reading it, spending stat points."""

    async def list_classes(self) -> list[ClassInfo]: ...

    async def check_name(self, *, name: str) -> str:
        """The name as it would be registered; raises `InvalidName` or `NameTaken`."""
        ...

    async def register(self, *, player_id: int, name: str, class_id: str) -> CharacterSheet: ...

    async def get_character(self, *, player_id: int) -> CharacterSheet: ...

    async def allocate_stat(self, *, player_id: int, stat: str, version: int) -> CharacterSheet:
        """Spend one unspent stat point on `stat` (strength, agility, intellect, vitality)."""
        ...
