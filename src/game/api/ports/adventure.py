from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import CombatView, ExploreResult, LocationView


@runtime_checkable
class AdventureApi(Protocol):
    """Looking around, travelling, exploring and fighting."""

    async def look(self, *, player_id: int) -> LocationView: ...

    async def travel(self, *, player_id: int, destination: str) -> LocationView: ...

    async def explore(self, *, player_id: int, press: str | None = None, at: str | None = None) -> ExploreResult:
        """Spend stamina for one encounter; a monster starts a fight (see `combat_action`). `press`: the
        once-only token of the button pressed (1 to 32 letters, digits, `-` or `_`): a second call with the
        same one explores nothing and is refused with `StaleAction` (a double press, a re-delivered update).
        `at`: the location the button was drawn at; elsewhere, `NotThere` (with where the player is)."""
        ...

    async def get_combat(self, *, player_id: int) -> CombatView | None: ...

    async def combat_action(
        self,
        *,
        player_id: int,
        combat_id: str,
        turn: int,
        action: str,
        skill_id: str | None = None,
        item_id: str | None = None,
    ) -> CombatView:
        """`action`: attack | skill | item | flee. `combat_id` and `turn` must be the current ones,
        otherwise `StaleAction` and nothing happens; the rewards of a win are granted exactly once."""
        ...
