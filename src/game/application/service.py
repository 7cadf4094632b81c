"""The game's use cases together: the in-process implementation of `game.api.GameApi`."""

from __future__ import annotations

from game.api import SnapshotReport
from game.application.characters import CharacterUseCases
from game.application.items import ItemUseCases
from game.application.notifications import NotificationUseCases
from game.application.skills import SkillUseCases
from game.application.town import TownUseCases
from game.application.world import WorldUseCases
from game.application.world_events import WorldEventUseCases


class GameService(
    # First, so that its `_on_fight_over` (fights inside rifts) runs before the plain combat one.
    WorldEventUseCases,
    CharacterUseCases,
    WorldUseCases,
    ItemUseCases,
    TownUseCases,
    SkillUseCases,
    NotificationUseCases,
):
    async def snapshot_hot_state(self, *, full: bool = False) -> SnapshotReport:
        return await self._snapshotter.run(full=full)
