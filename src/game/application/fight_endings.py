"""What happens when a fight ends depends on what the fight was part of, not on who started it.

A feature whose fights need an ending of their own (a rift step, an arena bout) registers a handler for
its kind of context; a fight out in the wild needs none.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

from game.api.kinds import FightOutcome
from game.domain.running_fight import FightContext


@dataclass(frozen=True)
class FightPaid:
    """What a won fight paid the player: XP, gold and the items that went into the bag."""

    xp: int = 0
    gold: int = 0
    items: Mapping[str, int] = field(default_factory=dict)


FightEnding = Callable[[int, FightContext, FightOutcome, FightPaid], Awaitable[None]]


class FightEndings:
    def __init__(self) -> None:
        self._by_kind: dict[str, FightEnding] = {}

    def register(self, kind: str, ending: FightEnding) -> None:
        if kind in self._by_kind:
            raise ValueError(f"fights of kind {kind!r} already have an ending")
        self._by_kind[kind] = ending

    async def fight_over(
        self, player_id: int, context: FightContext, outcome: FightOutcome, paid: FightPaid | None = None
    ) -> None:
        """`paid`: what the fight paid, once won."""
        ending = self._by_kind.get(context.kind)
        if ending is not None:
            await ending(player_id, context, outcome, paid or FightPaid())
