from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.arena import ArenaLadder, ArenaResult, ArenaView


@runtime_checkable
class ArenaApi(Protocol):
    """The arena as players use it: fights against ghosts (an opponent's build played by the fight AI)."""

    async def arena(self, *, player_id: int) -> ArenaView:
        """The player's rating, fights left today, the opponent found, who to take revenge on."""
        ...

    async def find_opponent(self, *, player_id: int) -> ArenaView:
        """Find an opponent by rating and level (widened when nobody is near). Refusals: `ArenaRefused`
        (`daily_cap`, `no_opponent`)."""
        ...

    async def arena_fight(self, *, player_id: int, opponent_id: int) -> ArenaResult:
        """Fight the opponent found, or one to take revenge on; ratings move once. Refusals: `ArenaRefused`
        (`daily_cap`, `not_offered`, `self`), `Busy`."""
        ...

    async def arena_ladder(self, *, player_id: int | None = None, limit: int = 10) -> ArenaLadder:
        """This season's top, and `player_id`'s own place."""
        ...
