"""Levels 1–10 are balanced: measured by many seeded fights of a simple player (see `simulation`).

Bounds asserted, per zone and class:
- a hero of the zone's level beats the zone's ordinary (non-elite) monsters in 70–97% of fights;
- against the same monsters four levels up, it wins fewer than half;
- levelling from N to N+1 in the best zone at or below N takes 4–25 won fights, for N = 1..10.
"""

from __future__ import annotations

import random

import pytest

from game.domain.character import xp_to_next
from game.domain.content import Content, LocationDef
from game.domain.exploration import meet_monster
from game.domain.loot import xp_share
from game.domain.monsters import MonsterStats, monster_at_level

from .simulation import fight, make_hero

CLASSES = ("warrior", "rogue", "mage")
FIGHTS = 300
WIN_RATE_BOUNDS = (0.70, 0.97)
MAX_WIN_RATE_FOUR_LEVELS_UP = 0.5
FIGHTS_PER_LEVEL_BOUNDS = (4, 25)


def zones(content: Content) -> list[LocationDef]:
    return sorted((loc for loc in content.locations.values() if not loc.town), key=lambda loc: loc.level)


def ordinary_monster(content: Content, zone: LocationDef, rng: random.Random) -> MonsterStats:
    while True:
        monster = meet_monster(zone, content, rng)
        if not content.monsters[monster.monster_id].elite:
            return monster


def win_rate(content: Content, zone: LocationDef, class_id: str, *, levels_up: int, seed: int) -> float:
    hero = make_hero(content, class_id, zone.level)
    rng = random.Random(seed)
    wins = 0
    for _ in range(FIGHTS):
        met = ordinary_monster(content, zone, rng)
        monster = monster_at_level(content.monsters[met.monster_id], met.level + levels_up)
        wins += fight(content, hero, monster, rng).outcome == "won"
    return wins / FIGHTS


@pytest.mark.parametrize("class_id", CLASSES)
def test_a_hero_of_the_zones_level_usually_wins(content: Content, class_id: str) -> None:
    rates = {z.id: win_rate(content, z, class_id, levels_up=0, seed=1) for z in zones(content)}
    low, high = WIN_RATE_BOUNDS
    assert all(low <= rate <= high for rate in rates.values()), rates


@pytest.mark.parametrize("class_id", CLASSES)
def test_monsters_four_levels_up_win_most_fights(content: Content, class_id: str) -> None:
    rates = {z.id: win_rate(content, z, class_id, levels_up=4, seed=2) for z in zones(content)}
    assert all(rate < MAX_WIN_RATE_FOUR_LEVELS_UP for rate in rates.values()), rates


def test_time_to_level_stays_in_bounds(content: Content) -> None:
    rng = random.Random(3)
    fights_needed = {}
    for level in range(1, 11):
        zone = max((z for z in zones(content) if z.level <= level), key=lambda z: z.level)
        met = [ordinary_monster(content, zone, rng) for _ in range(400)]
        mean_xp = sum(m.xp * xp_share(m.level, level) for m in met) / len(met)
        fights_needed[level] = round(xp_to_next(level) / mean_xp, 1)
    low, high = FIGHTS_PER_LEVEL_BOUNDS
    assert all(low <= n <= high for n in fights_needed.values()), fights_needed
