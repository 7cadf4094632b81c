"""A class's skill tree → its DTO."""

from __future__ import annotations

from game.api import SkillTreeView, SkillView
from game.application.ports.unit_of_work import PlayerRecord
from game.domain.content import Content
from game.domain.skills import why_not_learnable


def skill_tree(content: Content, record: PlayerRecord) -> SkillTreeView:
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
        for s in content.class_skills(c.class_id)
    )
    return SkillTreeView(
        version=record.version, class_id=c.class_id, level=c.level, skill_points=c.skill_points, skills=skills
    )
