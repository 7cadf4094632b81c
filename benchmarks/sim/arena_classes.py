"""Class against class in the arena, between equal builds: the balance harness's reference build of each
class at the same level (its stats spent as the simulated newcomers spend them, the best gear the shops
sell up to that level, the skills in the order they open) fights the other's ghost under the arena's rules.

`class_matrix` measures the first class's win rate, half the duels each way round; `even_point` finds, for
a pairing and a level, the edge the arena's table (`game.domain.arena.MATCHUPS`) must give, so that the
pairing comes out even.
"""

from __future__ import annotations

import itertools
import math
import random

from benchmarks.sim.duels import fighting_values, reference_build
from game.domain import arena as rules
from game.domain.combat import Fighter, player_fighter
from game.domain.content import Content

CLASSES = ("warrior", "rogue", "mage")
PAIRS = tuple(itertools.combinations(CLASSES, 2))


def reference_build_fighter(content: Content, class_id: str, level: int) -> Fighter:
    """The reference build of a class at a level as a fighter, before the arena's rules."""
    derived, agility, actives = fighting_values(reference_build(content, class_id, level))
    return player_fighter(
        derived=derived, hp=derived.max_hp, mana=derived.max_mana, agility=agility, level=level, skills=actives
    )


def win_rate(content: Content, a: Fighter, b: Fighter, duels: int, rng: random.Random) -> float:
    """`a`'s share of wins against `b` (both already under the arena's rules), half the duels each way round."""
    half = max(1, duels // 2)
    wins = sum(rules.duel(a, b, content, rng, fight_id=str(n)).winner == "challenger" for n in range(half))
    wins += sum(rules.duel(b, a, content, rng, fight_id=str(n)).winner == "defender" for n in range(half))
    return wins / (2 * half)


def pair_rate(
    content: Content, level: int, a: str, b: str, duels: int, *, edge: float | None = None, seed: str = ""
) -> float:
    """Class `a`'s win rate against `b`, reference builds at `level`, evened out by the arena's table (or
    by `edge` when given)."""
    build_a, build_b = reference_build_fighter(content, a, level), reference_build_fighter(content, b, level)
    if edge is None:
        ghost_a, ghost_b = rules.arena_pair(build_a, a, build_b, b)
    else:
        ghost_a, ghost_b = (
            rules.arena_fighter(build_a, math.exp(edge / 2)),
            rules.arena_fighter(build_b, math.exp(-edge / 2)),
        )
    return win_rate(content, ghost_a, ghost_b, duels, random.Random(f"{seed}{level}:{a}:{b}"))


def level_rates(content: Content, level: int, duels: int, *, seed: str = "") -> dict[tuple[str, str], float]:
    return {(a, b): pair_rate(content, level, a, b, duels, seed=seed) for a, b in PAIRS}


def class_matrix(content: Content, levels: tuple[int, ...], duels: int) -> list[tuple[int, str, str, float]]:
    """(level, class, against, the class's win rate) for each pair of classes at each level."""
    return [(level, a, b, rate) for level in levels for (a, b), rate in level_rates(content, level, duels).items()]


def even_point(content: Content, level: int, a: str, b: str, duels: int, steps: int = 8) -> float:
    """How much stronger (log of the power ratio) class `a` must be made than `b` at `level` to win half
    their duels: bisected, the same seeded duels at every step."""
    low, high = -0.8, 0.8
    for _ in range(steps):
        mid = (low + high) / 2
        if pair_rate(content, level, a, b, duels, edge=mid, seed="calibrate:") < 0.5:
            low = mid
        else:
            high = mid
    return round((low + high) / 2, 3)
