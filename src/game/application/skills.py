"""Skill trees: learning skills with skill points."""

from __future__ import annotations

from dataclasses import replace

from game.api import SkillTreeView
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.skills import skill_tree
from game.domain.character import HotState
from game.domain.content import Content
from game.domain.skills import learn_skill


class Skills:
    def __init__(self, *, content: Content, uow_factory: UnitOfWorkFactory, players: Players, actions: Actions) -> None:
        self._content = content
        self._uow_factory = uow_factory
        self._players = players
        self._actions = actions

    async def skill_tree(self, *, player_id: int) -> SkillTreeView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._players.record(uow, player_id)
        return skill_tree(self._content, record)

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            learned = learn_skill(before.character, before.skills, skill_id, self._content)
            return replace(before, character=learned.character, skills=learned.skills), None

        after, _ = await self._actions.change(player_id, version, change, outside_fights=False)
        return skill_tree(self._content, after)
