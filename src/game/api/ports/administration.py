from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import CharacterSheet
from game.api.world import BossView, RiftInfo


@runtime_checkable
class AdministrationApi(Protocol):
    """What only admins may do: a server guards this port apart from player calls."""

    async def find_player(self, *, query: str) -> CharacterSheet:
        """A player by id or by name (any case); `NotRegistered` if there is none."""
        ...

    async def admin_open_rift(
        self, *, location_id: str | None = None, tier: int | None = None, duration_minutes: float = 30.0
    ) -> RiftInfo:
        """Open a rift now (anywhere, or in `location_id`; tier from the zone unless given)."""
        ...

    async def admin_spawn_boss(
        self, *, location_id: str | None = None, boss_def_id: str | None = None, duration_minutes: float = 15.0
    ) -> BossView:
        """Spawn a boss now. Refusal: `BossAlreadyAlive` there."""
        ...
