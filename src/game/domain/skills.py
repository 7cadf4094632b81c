"""Class skill trees: what can be learned now, learning it, and the passives in force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.domain.character import Character
from game.domain.content import Content
from game.domain.content_models import SkillDef
from game.domain.errors import NotEnoughSkillPoints, SkillNotLearnable, UnknownEntry


def why_not_learnable(skill: SkillDef, class_id: str, level: int, learned: Iterable[str]) -> str | None:
    """The reason `skill` cannot be learned now (a stable code), or None if it can (points aside)."""
    known = set(learned)
    if skill.id in known:
        return "already_learned"
    if skill.class_id != class_id:
        return "other_class"
    if level < skill.level:
        return "level_too_low"
    if any(r not in known for r in skill.requires):
        return "missing_prerequisite"
    return None


def learnable_skills(content: Content, class_id: str, level: int, learned: Iterable[str]) -> list[SkillDef]:
    known = frozenset(learned)
    return [s for s in content.class_skills(class_id) if why_not_learnable(s, class_id, level, known) is None]


@dataclass(frozen=True)
class Learned:
    character: Character
    skills: frozenset[str]


def learn_skill(character: Character, learned: Iterable[str], skill_id: str, content: Content) -> Learned:
    skill = content.skills.get(skill_id)
    if skill is None:
        raise UnknownEntry(f"no skill {skill_id!r}", skill=skill_id)
    known = frozenset(learned)
    reason = why_not_learnable(skill, character.class_id, character.level, known)
    if reason is not None:
        missing = [r for r in skill.requires if r not in known]
        raise SkillNotLearnable(reason, skill=skill_id, reason=reason, required_level=skill.level, missing=missing)
    if character.skill_points < skill.cost:
        raise NotEnoughSkillPoints(
            "not enough skill points", skill=skill_id, needed=skill.cost, available=character.skill_points
        )
    return Learned(
        character=replace(character, skill_points=character.skill_points - skill.cost),
        skills=known | {skill_id},
    )


def passive_skills(content: Content, learned: Iterable[str]) -> list[SkillDef]:
    """Learned passives (for `derive_full`); ids the content no longer knows are skipped."""
    return [content.skills[s] for s in learned if s in content.skills and content.skills[s].kind == "passive"]


def active_skills(content: Content, learned: Iterable[str]) -> list[str]:
    """Learned actives in the content's order, so the combat buttons keep a stable order."""
    known = set(learned)
    return [s.id for s in content.skills.values() if s.id in known and s.kind == "active"]
