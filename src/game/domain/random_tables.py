"""Weighted draws, the one way every table in the game is rolled."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def pick_weighted(options: Sequence[tuple[T, int]], rng: random.Random) -> T:
    """One option, chosen with probability weight / total weight (weights ≥ 0, at least one above 0)."""
    total = sum(weight for _, weight in options)
    if total <= 0:
        raise ValueError("nothing to choose from")
    roll = rng.randrange(total)
    for option, weight in options:
        if roll < weight:
            return option
        roll -= weight
    raise AssertionError("unreachable: roll below total")
