"""Skill trees and the leaderboard."""

from __future__ import annotations

from dataclasses import replace

from game.api import LeaderboardRow, SkillTreeView, SkillView, UnknownEntry
from game.application.base import UseCaseBase
from game.application.ports.unit_of_work import PlayerRecord
from game.domain.skills import learn_skill, why_not_learnable


class SkillUseCases(UseCaseBase):
    async def skill_tree(self, *, player_id: int) -> SkillTreeView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
        return self._tree(record)

    async def learn_skill(self, *, player_id: int, skill_id: str, version: int) -> SkillTreeView:
        def change(before, hot):
            learned = learn_skill(before.character, before.skills, skill_id, self._content)
            return replace(before, character=learned.character, skills=learned.skills), None

        after, _ = await self._change(player_id, version, change, outside_fights=False)
        return self._tree(after)

    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]:
        if board == "boss_damage":
            return await self.boss_leaderboard(limit=limit)
        if board != "level":
            raise UnknownEntry(f"no leaderboard {board!r}", board=board)
        limit = max(1, min(limit, 50))
        async with self._uow_factory(read_only=True) as uow:
            rows = await uow.characters.top_by_level(limit)
        return [
            LeaderboardRow(rank=i, player_id=r.player_id, name=r.name, class_id=r.class_id, level=r.level, value=r.xp)
            for i, r in enumerate(rows, start=1)
        ]

    def _tree(self, record: PlayerRecord) -> SkillTreeView:
        c = record.character
        skills = tuple(
            SkillView(
                id=s.id,
                name=s.name.as_dict(),
                description=s.description.as_dict(),
                kind=s.kind,
                level=s.level,
                requires=s.requires,
                mana=s.mana,
                cooldown=s.cooldown,
                learned=s.id in record.skills,
                learnable=why_not_learnable(s, c.class_id, c.level, record.skills) is None and c.skill_points >= s.cost,
            )
            for s in self._content.class_skills(c.class_id)
        )
        return SkillTreeView(
            version=record.version, class_id=c.class_id, level=c.level, skill_points=c.skill_points, skills=skills
        )
