from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.world import BossAttackResult, BossView


@runtime_checkable
class WorldBossesApi(Protocol):
    """World bosses as players fight them."""

    async def list_bosses(self, *, player_id: int | None = None) -> list[BossView]:
        """The bosses alive now; with `player_id`, its damage and cooldown on each."""
        ...

    async def get_boss(self, *, boss_id: str, player_id: int | None = None) -> BossView | None:
        """A boss alive or ended (None if there never was one): names for announcements, old buttons."""
        ...

    async def attack_boss(self, *, player_id: int, boss_id: str) -> BossAttackResult:
        """One attack on the shared pool. Refusals: `BossGone`, `WrongLocation`, `BossCooldown`,
        `InCombat`, `InRift`."""
        ...
