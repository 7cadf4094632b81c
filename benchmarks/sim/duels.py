"""Duels: a reference build of each class, level by level, against the monsters of that level.

The reference build is what a careful player has at a level without luck: the class's stats with every
point spent as the simulated newcomers spend them, the best gear the shops sell up to that level, and
the skills learned in the order they open. It fights from full HP, with no potions and no fleeing, the
way the newcomers choose their moves. What it shows — the share of fights won and the share of HP a
win costs — is the curve the monster constants in `game.domain.monsters` are tuned against.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass

from benchmarks.sim.newcomer import STAT_PLAN, gear_score
from game.domain.character import Derived, Stats, derive_full
from game.domain.combat import Attack, UseSkill, act, ready_skills, start_combat
from game.domain.content import Content
from game.domain.content_models import ItemDef, SkillDef
from game.domain.monsters import MonsterStats, monster_at_level, standard_monster
from game.domain.progression import STAT_POINTS_PER_LEVEL

MAX_TURNS = 60


@dataclass(frozen=True)
class Build:
    class_id: str
    level: int
    stats: Stats
    gear: tuple[ItemDef, ...]
    skills: tuple[SkillDef, ...]


@dataclass(frozen=True)
class DuelResult:
    won: float  # share of duels won
    hp_cost: float  # median share of max HP a won duel costs
    turns: float  # median turns of a won duel


def reference_build(content: Content, class_id: str, level: int) -> Build:
    base = content.classes[class_id].stats
    points = {
        "strength": base.strength,
        "agility": base.agility,
        "intellect": base.intellect,
        "vitality": base.vitality,
    }
    plan = STAT_PLAN[class_id]
    for n in range(STAT_POINTS_PER_LEVEL * (level - 1)):
        points[plan[n % len(plan)]] += 1
    return Build(
        class_id, level, Stats(**points), shop_gear(content, class_id, level), learned(content, class_id, level)
    )


def shop_gear(content: Content, class_id: str, level: int) -> tuple[ItemDef, ...]:
    sold = {item_id for shop in content.shops.values() for item_id in shop.stock}
    best: dict[str, ItemDef] = {}
    for item_id in sold:
        item = content.items[item_id]
        if item.kind != "equipment" or item.level > level or item.slot is None:
            continue
        if item.classes and class_id not in item.classes:
            continue
        if item.slot not in best or gear_score(item, class_id) > gear_score(best[item.slot], class_id):
            best[item.slot] = item
    return tuple(best.values())


def learned(content: Content, class_id: str, level: int) -> tuple[SkillDef, ...]:
    known: list[SkillDef] = []
    points = level  # a point at level 1 and one a level
    for skill in sorted(content.class_skills(class_id), key=lambda s: (s.level, s.kind != "active")):
        ids = {s.id for s in known}
        if skill.level <= level and set(skill.requires) <= ids and skill.cost <= points:
            known.append(skill)
            points -= skill.cost
    return tuple(known)


def fighting_values(build: Build) -> tuple[Derived, int, tuple[str, ...]]:
    """What a fight starts from: the derived values (gear and passives counted), agility with gear, and
    the active skills."""
    passives = [s for s in build.skills if s.kind == "passive"]
    derived = derive_full(build.stats, build.level, build.gear, passives)
    agility = build.stats.agility + sum(i.bonuses.agility for i in build.gear)
    return derived, agility, tuple(s.id for s in build.skills if s.kind == "active")


def duel(content: Content, build: Build, monster: MonsterStats, rng: random.Random) -> tuple[bool, float, int]:
    derived, agility, actives = fighting_values(build)
    combat = start_combat(
        "duel",
        derived=derived,
        hp=derived.max_hp,
        mana=derived.max_mana,
        agility=agility,
        level=build.level,
        skills=actives,
        monster=monster,
    )
    while not combat.over and combat.turn <= MAX_TURNS:
        ready = ready_skills(combat, content)
        share = combat.player.hp / max(1, combat.player.max_hp)
        heals = [s for s in ready if content.skills[s].heal]
        hits = [s for s in ready if not content.skills[s].heal]
        if heals and share < 0.5:
            action: Attack | UseSkill = UseSkill(min(heals))
        elif hits:
            action = UseSkill(max(hits, key=lambda s: (content.skills[s].mana, s)))
        else:
            action = Attack()
        combat = act(combat, action, content, rng)
    won = combat.outcome == "won"
    return won, 1 - combat.player.hp / derived.max_hp, combat.turn


def duels(content: Content, build: Build, monster: MonsterStats, trials: int, rng: random.Random) -> DuelResult:
    results = [duel(content, build, monster, rng) for _ in range(trials)]
    wins = [r for r in results if r[0]]
    return DuelResult(
        won=len(wins) / trials,
        hp_cost=statistics.median(r[1] for r in wins) if wins else 1.0,
        turns=statistics.median(r[2] for r in wins) if wins else float(MAX_TURNS),
    )


def standard_row(content: Content, class_id: str, level: int, trials: int, rng: random.Random) -> DuelResult:
    return duels(content, reference_build(content, class_id, level), standard_monster(level), trials, rng)


def zone_row(content: Content, class_id: str, zone_id: str, trials: int, rng: random.Random) -> DuelResult:
    """The zone's monsters by their spawn weights, at the zone's level."""
    zone = content.locations[zone_id]
    build = reference_build(content, class_id, zone.level)
    spawns = [(content.monsters[s.monster], s.weight) for s in zone.monsters]
    total = sum(w for _, w in spawns)
    won = cost = turns = 0.0
    for monster, weight in spawns:
        result = duels(content, build, monster_at_level(monster, zone.level), max(10, trials * weight // total), rng)
        won += result.won * weight / total
        cost += result.hp_cost * weight / total
        turns += result.turns * weight / total
    return DuelResult(won, cost, turns)
