"""The arena is fair between the classes: equal builds (the balance harness's reference build of each class at
the same level — its stats spent the class's way, the best gear the shops sell, every skill open to it)
win 40–60% of their duels against each other, at early, middle and late levels.

A seeded short run of `benchmarks/arena.py`'s class matrix (which prints every level with more duels): 200
duels a cell, so a cell's own noise is about ±7 points — the arena's table of pairings is measured to bring
each near 50%, and the bound is the target itself.
"""

from __future__ import annotations

import math

import pytest

from benchmarks.sim.arena_classes import level_rates, reference_build_fighter
from game.domain import arena
from game.domain.content import Content

DUELS = 200
LEVELS = (5, 15, 25)


@pytest.mark.parametrize("level", LEVELS)
def test_equal_builds_of_any_two_classes_win_40_to_60_percent(content: Content, level: int) -> None:
    rates = level_rates(content, level, DUELS, seed="regression:")
    uneven = {f"{a} vs {b}": f"{rate:.0%}" for (a, b), rate in rates.items() if not 0.4 <= rate <= 0.6}
    assert not uneven, f"level {level}: {uneven}"


def test_the_arena_doubles_health_and_evens_the_pairing_but_leaves_the_rest_of_the_build(content: Content) -> None:
    mage, rogue = reference_build_fighter(content, "mage", 20), reference_build_fighter(content, "rogue", 20)
    ghost_mage, ghost_rogue = arena.arena_pair(mage, "mage", rogue, "rogue")
    edge = arena.matchup("mage", "rogue", 20)
    assert edge == -arena.matchup("rogue", "mage", 20)
    assert ghost_mage.max_hp == ghost_mage.hp == round(mage.max_hp * arena.ARENA_HEALTH)
    assert ghost_mage.magic == round(mage.magic * math.exp(edge / 2))
    assert ghost_rogue.attack == round(rogue.attack * math.exp(-edge / 2))
    assert (ghost_rogue.defence, ghost_rogue.crit_chance, ghost_rogue.skills, ghost_rogue.max_mana) == (
        rogue.defence,
        rogue.crit_chance,
        rogue.skills,
        rogue.max_mana,
    )
    # The table evens out, it does not rebuild: no pairing is made more than about 80% stronger.
    assert all(abs(edge) <= 0.6 for table in arena.MATCHUPS.values() for edge in table)
    assert arena.matchup("warrior", "warrior", 20) == 0.0
