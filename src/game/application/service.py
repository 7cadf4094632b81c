"""The game's use cases together: the in-process implementation of `game.api.GameApi`."""

from __future__ import annotations

from game.api import SnapshotReport
from game.application.characters import CharacterUseCases
from game.application.items import ItemUseCases
from game.application.skills import SkillUseCases
from game.application.town import TownUseCases
from game.application.world import WorldUseCases


class GameService(CharacterUseCases, WorldUseCases, ItemUseCases, TownUseCases, SkillUseCases):
    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._snapshotter.run(full=full)
