"""Skill trees: learning skills with skill points."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.api import SkillTreeView
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.skills import skill_tree
from game.domain.character import HotState
from game.domain.content import Content
from game.domain.skills import learn_skill


@dataclass(frozen=True, kw_only=True)
class Skills:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions

    async def skill_tree(self, *, player_id: int) -> SkillTreeView:
        async with self.uow_factory(read_only=True) as uow:
            record = await self.players.record(uow, player_id)
        return skill_tree(self.content, record)

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            learned = learn_skill(before.character, before.skills, skill_id, self.content)
            return replace(before, character=learned.character, skills=learned.skills), None

        after, _ = await self.actions.change(player_id, version, change, outside_fights=False)
        return skill_tree(self.content, after)
