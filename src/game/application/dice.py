"""Seeded randomness: the same decision, asked again, gives the same answer."""

from __future__ import annotations

import random

from shared.ports import Clock


class Dice:
    """Every random outcome is drawn from an RNG seeded by the game's seed and what is being decided
    (a fight's id and turn, …): replaying the same press after a crash gives the same result."""

    def __init__(self, clock: Clock, seed: int | None = None) -> None:
        self._clock = clock
        self.seed = seed if seed is not None else random.SystemRandom().getrandbits(64)

    def rng(self, *parts: object) -> random.Random:
        return random.Random(f"{self.seed}:" + ":".join(map(str, parts)))

    def new_id(self, *parts: object) -> str:
        return f"{self.rng('id', *parts, self._clock.now()).getrandbits(64):016x}"
