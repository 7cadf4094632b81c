"""Seeded randomness: the same decision, asked again, gives the same answer."""

from __future__ import annotations

import itertools
import random

from shared.ports import Clock


class Dice:
    """Every random outcome is drawn from an RNG seeded by the game's seed and what is being decided
    (a fight's id and turn, …): replaying the same press after a crash gives the same result."""

    def __init__(self, clock: Clock, seed: int | None = None) -> None:
        self._clock = clock
        self.seed = seed if seed is not None else random.SystemRandom().getrandbits(64)
        self._drawn = itertools.count()

    def rng(self, *parts: object) -> random.Random:
        return random.Random(f"{self.seed}:" + ":".join(map(str, parts)))

    def new_id(self, *parts: object) -> str:
        return _hex_id(self.rng("id", *parts, self._clock.now()))

    def fresh(self, *parts: object) -> random.Random:
        """An RNG for something new (a rift, a boss): never the same twice in a process, even at the same
        instant, yet the same sequence again for a game of the same seed and clock."""
        return self.rng("fresh", *parts, self._clock.now(), next(self._drawn))

    def fresh_id(self, *parts: object) -> str:
        """An id for something new, drawn as `fresh` draws."""
        return _hex_id(self.fresh(*parts))


def _hex_id(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}"
