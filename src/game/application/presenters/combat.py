"""A fight → the DTO its screen is drawn from."""

from __future__ import annotations

from typing import Any

from game.api import CombatLogLine, CombatView, FighterView, SkillOption, StatusView
from game.application.ports.unit_of_work import PlayerRecord
from game.application.presenters.items import stacks
from game.application.presenters.names import grammar
from game.domain.combat import Combat, Fighter, LogEntry, flee_chance
from game.domain.content import Content


def _fighter(f: Fighter) -> FighterView:
    return FighterView(
        level=f.level,
        hp=f.hp,
        max_hp=f.max_hp,
        mana=f.mana,
        max_mana=f.max_mana,
        effects=tuple(StatusView(effect=e.effect, turns=e.turns) for e in f.effects),
    )


def _log_line(content: Content, entry: LogEntry) -> CombatLogLine:
    skill = content.skills.get(entry.skill) if entry.skill else None
    item = content.items.get(entry.item) if entry.item else None
    return CombatLogLine(
        kind=entry.kind,
        actor=entry.actor,
        target=entry.target,
        amount=entry.amount,
        crit=entry.crit,
        skill=skill.name.as_dict() if skill else None,
        item=item.name.as_dict() if item else None,
        item_forms=grammar(item.ru) if item else {},
        effect=entry.effect,
        turns=entry.turns,
    )


def combat_view(content: Content, combat: Combat, record: PlayerRecord, **extra: Any) -> CombatView:
    p = combat.player
    skills = []
    for skill_id in p.skills:
        skill = content.skills.get(skill_id)
        if skill is None:
            continue
        left = p.cooldowns.get(skill_id, 0)
        skills.append(
            SkillOption(
                id=skill_id,
                name=skill.name.as_dict(),
                mana=skill.mana,
                cooldown_left=left,
                ready=not left and skill.mana <= p.mana,
            )
        )
    usable = {
        item_id: quantity
        for item_id, quantity in record.inventory.items.items()
        if item_id in content.items and content.items[item_id].use is not None
    }
    monster = content.monsters[combat.monster_id]
    return CombatView(
        id=combat.id,
        turn=combat.turn,
        outcome=combat.outcome,
        monster_id=combat.monster_id,
        monster_name=monster.name.as_dict(),
        monster_forms=grammar(monster.ru),
        player=_fighter(p),
        monster=_fighter(combat.monster),
        log=tuple(_log_line(content, e) for e in combat.log),
        skills=tuple(skills),
        items=stacks(content, usable),
        flee_chance=flee_chance(combat),
        **extra,
    )
