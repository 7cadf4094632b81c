"""A simple player, played many times: the balance tests' measuring stick.

The hero of a level has spent its stat points the obvious way for its class, learned skills in tree
order, wears the best common or uncommon gear of its level made for its class or for anyone (shop,
forge or an ordinary drop; no lucky rare finds) and carries one healing potion of its level.

Its policy: drink under 30% HP, or when the next blow could be the last; heal with a skill under 45%;
restore mana with a skill when low; put up a buff it does not have yet (an attack buff while the foe
is fresh, a guard once hurt); else the ready damage skill worth most now (a finisher counts the
stacks it would consume, an execute its threshold, several blows their number); else attack.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.domain.character import Character, Derived, derive_full, new_character, xp_to_next
from game.domain.combat import Attack, Combat, Fighter, UseItem, UseSkill, act, ready_skills, start_combat
from game.domain.content import Content, ItemDef
from game.domain.content_models import SLOTS, SkillDef
from game.domain.damage import skill_power
from game.domain.monsters import MonsterStats
from game.domain.progression import allocate_stats, gain_xp
from game.domain.skills import active_skills, learn_skill, learnable_skills, passive_skills

STAT_PLAN = {
    "warrior": {"strength": 2, "vitality": 1},
    "rogue": {"agility": 2, "vitality": 1},
    "mage": {"intellect": 2, "vitality": 1},
}
GEAR_WEIGHTS = {
    "warrior": {
        "attack": 1.0,
        "strength": 2.0,
        "defence": 1.5,
        "vitality": 1.5,
        "max_hp": 0.1,
        "damage_reduction": 200,
        "lifesteal": 200,
        "crit_damage": 20,
    },
    "rogue": {
        "attack": 1.0,
        "agility": 2.0,
        "strength": 1.0,
        "defence": 1.5,
        "crit_chance": 60,
        "dodge_chance": 60,
        "crit_damage": 30,
    },
    "mage": {
        "magic": 1.0,
        "intellect": 2.0,
        "defence": 1.5,
        "max_mana": 0.05,
        "max_hp": 0.1,
        "vitality": 1.0,
        "mana_regen": 3,
        "crit_damage": 20,
    },
}
POTIONS = (
    "minor_healing_potion",
    "healing_potion",
    "greater_healing_potion",
    "superior_healing_potion",
    "supreme_healing_potion",
    "elixir_of_life",
)
POTIONS_PER_FIGHT = 1
OFFENSIVE_BUFFS = frozenset({"attack_up", "crit_up"})  # worth it early; guards are for when it hurts


@dataclass(frozen=True)
class Hero:
    character: Character
    derived: Derived
    agility: int
    skills: tuple[str, ...]
    potion: str


def gear_for(content: Content, class_id: str, level: int) -> list[ItemDef]:
    weights = GEAR_WEIGHTS[class_id]

    def score(item: ItemDef) -> float:
        return sum(getattr(item.bonuses, name) * w for name, w in weights.items())

    gear = []
    for slot in SLOTS:
        fitting = [
            i
            for i in content.items.values()
            if i.slot == slot
            and i.level <= level
            and i.rarity in ("common", "uncommon")
            and (not i.classes or class_id in i.classes)
            and score(i) > 0
        ]
        if fitting:
            gear.append(max(fitting, key=score))
    return gear


def make_hero(content: Content, class_id: str, level: int) -> Hero:
    character = new_character(player_id=1, name="Sim", class_def=content.classes[class_id])
    character = gain_xp(character, sum(xp_to_next(lv) for lv in range(1, level))).character
    plan = STAT_PLAN[class_id]
    while character.stat_points >= sum(plan.values()):
        character = allocate_stats(character, plan)
    learned: frozenset[str] = frozenset()
    while True:
        options = [
            s for s in learnable_skills(content, class_id, character.level, learned) if s.cost <= character.skill_points
        ]
        if not options:
            break
        result = learn_skill(character, learned, options[0].id, content)
        character, learned = result.character, result.skills
    gear = gear_for(content, class_id, level)
    derived = derive_full(character.stats, level, gear, passive_skills(content, learned))
    agility = character.stats.agility + sum(i.bonuses.agility for i in gear)
    potion = max((p for p in POTIONS if content.items[p].level <= level), key=lambda p: content.items[p].level)
    return Hero(character, derived, agility, tuple(active_skills(content, learned)), potion)


def damage_worth(skill: SkillDef, target: Fighter) -> float:
    """What a damaging skill is worth against `target` now, in multiples of a plain blow."""
    damage = skill.damage
    assert damage is not None
    power, _ = skill_power(damage, target)
    worth = power * damage.hits
    status = skill.target_status
    if status:
        held = target.status(status.effect)
        if held is None:
            worth += 0.5 if status.effect in ("stun", "freeze") else status.power * status.turns * 0.5
        elif held.stacks < status.max_stacks:
            worth += status.power * status.turns  # a stack more, and a finisher's worth more
    return worth


def expected_hit(combat: Combat) -> float:
    """About what the monster's next blow and the ticks on the player will take away."""
    p, foe = combat.player, combat.monster
    attack = foe.current_attack
    blow = attack * attack / max(1, attack + p.current_defence) * (1 - p.current_reduction)
    return blow + sum(e.amount for e in p.effects if e.effect in ("bleed", "burn", "poison"))


def choose(combat: Combat, hero: Hero, content: Content, potions_left: int) -> Attack | UseItem | UseSkill:
    p, foe = combat.player, combat.monster
    danger = expected_hit(combat)
    if (p.hp < 0.3 * p.max_hp or p.hp < 1.1 * danger) and potions_left > 0:
        return UseItem(hero.potion)
    ready = [content.skills[s] for s in ready_skills(combat, content)]
    heals = [s for s in ready if s.heal and not s.damage]
    if heals and p.hp < 0.45 * p.max_hp:
        return UseSkill(heals[0].id)
    refills = [s for s in ready if s.mana_gain]
    if refills and p.mana < 0.3 * p.max_mana:
        return UseSkill(refills[0].id)
    buffs = [s for s in ready if s.self_status and not s.damage and not s.heal and not p.has(s.self_status.effect)]
    for buff in buffs:
        assert buff.self_status is not None
        offensive = buff.self_status.effect in OFFENSIVE_BUFFS
        if (offensive and foe.hp > 0.4 * foe.max_hp) or (not offensive and p.hp < 0.75 * p.max_hp):
            return UseSkill(buff.id)
    damaging = [s for s in ready if s.damage]
    if damaging:
        return UseSkill(max(damaging, key=lambda s: damage_worth(s, foe)).id)
    return Attack()


@dataclass(frozen=True)
class FightResult:
    outcome: str
    turns: int
    hp_left: float  # share of max HP


def fight(content: Content, hero: Hero, monster: MonsterStats, rng: random.Random, max_turns: int = 60) -> FightResult:
    combat = start_combat(
        "sim",
        derived=hero.derived,
        hp=hero.derived.max_hp,
        mana=hero.derived.max_mana,
        agility=hero.agility,
        level=hero.character.level,
        skills=hero.skills,
        monster=monster,
    )
    potions = POTIONS_PER_FIGHT
    while not combat.over and combat.turn <= max_turns:
        combat = act(combat, choose(combat, hero, content, potions), content, rng)
        if combat.consumed_item:
            potions -= 1
    outcome = combat.outcome if combat.over else "lost"  # a stalemate counts against the player
    return FightResult(outcome, combat.turn - 1, combat.player.hp / combat.player.max_hp)
