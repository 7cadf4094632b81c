"""World bosses: one monster, a shared HP pool, many players, rewards by contribution.

The pool itself lives where every process can decrement it atomically (see the adapter); these are
the rules around it: what spawns where, how hard one attack hits, and who gets what at the end.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from game.domain.character import Derived, Stats, derive
from game.domain.content import Content
from game.domain.content_models import LocationDef, WorldBossDef
from game.domain.damage import MAGIC_IGNORES_DEFENCE, reduced, strike
from game.domain.errors import UnknownEntry
from game.domain.loot import Rewards, roll_loot
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.random_tables import pick_weighted

# One attack per player this often: the fight lasts minutes and no single player can carry it.
ATTACK_COOLDOWN_SECONDS = 10.0
# A player strikes again this long after their breath is back, on average (reading, tapping).
REACTION_SECONDS = 2.5
# The pool grows by each fighter's expected output over the time left, times the boss's vigour: a vigour
# drawn per boss from this range makes those who come win about two fights in three, however many come.
VIGOUR = (0.7, 1.15)
# What a full share of a fight is worth, whoever else came: a kill pays it, an escape a part of it.
ESCAPE_SHARE = 0.35
# Contribution counted against a fair share of the pool, so one who hit little gets little and the
# best hitters a bit more — never nothing for showing up, never a whole raid's worth alone.
SHARE_FLOOR, SHARE_CAP = 0.15, 1.5
# The content's multipliers name a whole pool; a full share is this part of it.
FULL_SHARE_DIVISOR = 4


@dataclass(frozen=True)
class BossSpawn:
    """What a spawn decided: which boss, where, at what level and with how large a pool."""

    boss_def_id: str
    location_id: str
    monster: MonsterStats
    max_hp: int


def boss_locations(content: Content) -> list[str]:
    return sorted({loc for boss in content.bosses.values() for loc in boss.locations})


def choose_spawn(
    content: Content, rng: random.Random, *, location_id: str | None = None, boss_def_id: str | None = None
) -> BossSpawn:
    """A boss for `location_id` (any of the bosses that live there), or anywhere when not given."""
    if boss_def_id is not None:
        boss = content.bosses.get(boss_def_id)
        if boss is None:
            raise UnknownEntry(f"no world boss {boss_def_id!r}", boss=boss_def_id)
        candidates = [boss]
    else:
        candidates = [b for b in content.bosses.values() if location_id is None or location_id in b.locations]
    if not candidates:
        raise UnknownEntry("no world boss lives there", location=location_id)
    boss = pick_weighted([(b, b.weight) for b in sorted(candidates, key=lambda b: b.id)], rng)
    where = location_id if location_id is not None else rng.choice(sorted(boss.locations))
    location = content.locations.get(where)
    if location is None or location.town:
        raise UnknownEntry(f"no world boss can appear in {where!r}", location=where)
    return spawn_at(content, boss, location)


def spawn_at(content: Content, boss: WorldBossDef, location: LocationDef) -> BossSpawn:
    monster = monster_at_level(content.monsters[boss.monster], location.level + boss.level_bonus)
    return BossSpawn(
        boss_def_id=boss.id,
        location_id=location.id,
        monster=monster,
        max_hp=max(1, round(monster.hp * boss.hp_multiplier)),
    )


def attack_damage(derived: Derived, boss: MonsterStats, rng: random.Random) -> int:
    """One blow at the boss: with the weapon or with magic, whichever the attacker is better at."""
    magic = derived.magic > derived.attack
    if not magic and rng.random() < boss.dodge_chance:
        return 0
    power = derived.magic if magic else derived.attack
    amount, _ = strike(power, boss.defence, derived.crit_chance, rng, magic=magic, crit_damage=derived.crit_damage)
    return reduced(amount, boss.magic_resist) if magic else amount


def expected_blow(derived: Derived, boss: MonsterStats) -> float:
    """The average damage of one attack at the boss (misses, spread and crits counted)."""
    magic = derived.magic > derived.attack
    power = (derived.magic if magic else derived.attack) * (1 + derived.crit_chance * (derived.crit_damage - 1))
    armour = max(0, boss.defence) * (MAGIC_IGNORES_DEFENCE if magic else 1.0)
    hit = power * power / (power + armour) if power > 0 else 0.0
    return hit * (1 - boss.magic_resist) if magic else hit * (1 - boss.dodge_chance)


def vigour(rng: random.Random) -> float:
    return rng.uniform(*VIGOUR)


def fighter_share(derived: Derived, boss: MonsterStats, seconds_left: float, cooldown: float, strength: float) -> int:
    """The HP a fighter adds to the pool when they join: what they can be expected to deal in the time left."""
    blows = max(1.0, seconds_left / (cooldown + REACTION_SECONDS))
    return max(1, round(expected_blow(derived, boss) * blows * strength))


def typical_fighter(level: int) -> Derived:
    """A player of `level` as an average of the classes, with the gear of their level: the first share of a
    boss before anyone has come."""
    points = 8 + 2 * level  # the stat points of the levels, and gear's share of them
    return derive(Stats(points, points, points, points), level)


def contribution_rewards(
    content: Content,
    boss_def_id: str,
    boss: MonsterStats,
    damage: Mapping[int, int],
    *,
    killer_id: int | None,
    seed: str,
    max_hp: int | None = None,
    killed: bool = True,
) -> dict[int, Rewards]:
    """What each contributor earns: a full share of XP and gold for a fair share of the damage (more for more,
    less for less, within bounds), whoever else came; an escape pays part of it. A kill adds loot rolls for
    the top contributor and the one who landed the last blow. Same inputs, same rewards."""
    spec = content.bosses[boss_def_id]
    total = sum(d for d in damage.values() if d > 0)
    if total <= 0:
        return {}
    fighters = sum(1 for d in damage.values() if d > 0)
    fair = max(1.0, (max_hp or total) / fighters)
    paid = 1.0 if killed else ESCAPE_SHARE
    xp_full = boss.xp * spec.xp_multiplier / FULL_SHARE_DIVISOR * paid
    gold_full = boss.gold_high * spec.gold_multiplier / FULL_SHARE_DIVISOR * paid
    # Ties for the top go to the lowest id: deterministic, whatever order the tallies arrive in.
    top = min((pid for pid, d in damage.items() if d > 0), key=lambda pid: (-damage[pid], pid))
    loot = content.monsters[boss.monster_id].loot
    rewards: dict[int, Rewards] = {}
    for player_id, dealt in sorted(damage.items()):
        if dealt <= 0:
            continue
        share = min(SHARE_CAP, max(SHARE_FLOOR, dealt / fair))
        items: dict[str, int] = {}
        rng = random.Random(f"{seed}:{player_id}")
        rolls = spec.loot_rolls * ((player_id == top) + (player_id == killer_id)) if killed else 0
        for _ in range(rolls):
            for item_id, quantity in roll_loot(loot, rng).items():
                items[item_id] = items.get(item_id, 0) + quantity
        rewards[player_id] = Rewards(
            xp=max(1, round(xp_full * share)), gold=max(1, round(gold_full * share)), items=items
        )
    return rewards
