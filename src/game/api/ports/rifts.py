from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.world import RiftAdvance, RiftInfo, RiftProgressView


@runtime_checkable
class RiftsApi(Protocol):
    """Rifts as players walk them."""

    async def list_rifts(self) -> list[RiftInfo]:
        """The open rifts, soonest to close first."""
        ...

    async def enter_rift(self, *, player_id: int, rift_id: str) -> RiftProgressView:
        """Step into an open rift of the player's location. Refusals: `RiftClosed`, `WrongLocation`,
        `RiftLevelTooLow`, `InRift` (already in one), `InCombat`."""
        ...

    async def advance_rift(self, *, player_id: int, steps_done: int | None = None) -> RiftAdvance:
        """Reveal and resolve the next step. A fight step starts a fight (`step.combat`); the rift moves
        on when it is won, ends if it is lost, and offers the same fight again after a flight.
        Refusals: `NotInRift`, `InCombat`, `RiftClosed`, `StaleAction` (`steps_done` is not current)."""
        ...

    async def leave_rift(self, *, player_id: int) -> RiftProgressView:
        """Walk out (keeping what was looted). Refusals: `NotInRift`, `InCombat`."""
        ...

    async def rift_progress(self, *, player_id: int) -> RiftProgressView | None:
        """The player's current run, or the last one if it ended; None if never in a rift."""
        ...
