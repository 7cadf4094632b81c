"""Moves a test makes as a player would: meet a monster, play a fight out, find something."""

from __future__ import annotations

from game.api import CombatView, ExploreResult
from tests.fakes.game import FakeGame


async def explore(game: FakeGame, player_id: int) -> ExploreResult:
    """One exploration, a moment after the last: each is an encounter of its own."""
    game.clock.advance(1)
    return await game.exploration.explore(player_id=player_id)


async def meet(game: FakeGame, player_id: int, location_id: str = "meadows") -> CombatView:
    """Explore `location_id` until a monster turns up; the fight it starts."""
    await game.place(player_id, location_id)
    for _ in range(50):
        found = await explore(game, player_id)
        if found.combat is not None:
            return found.combat
    raise AssertionError(f"no monster in {location_id} in 50 explorations")


async def press(game: FakeGame, player_id: int, combat: CombatView, action: str = "attack", **kw: str) -> CombatView:
    return await game.fights.combat_action(
        player_id=player_id, combat_id=combat.id, turn=combat.turn, action=action, **kw
    )


async def play_out(game: FakeGame, player_id: int, combat: CombatView, action: str = "attack") -> CombatView:
    """Press `action` until the fight is over."""
    for _ in range(200):
        if combat.outcome != "ongoing":
            return combat
        combat = await press(game, player_id, combat, action)
    raise AssertionError("the fight did not end in 200 turns")
