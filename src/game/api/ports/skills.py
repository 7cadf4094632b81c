from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import SkillTreeView


@runtime_checkable
class SkillsApi(Protocol):
    """A class's skill tree, learned with skill points."""

    async def skill_tree(self, *, player_id: int) -> SkillTreeView: ...

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView: ...
