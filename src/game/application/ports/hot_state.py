from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Protocol

from game.domain.character import HotState
from game.domain.running_fight import RunningFight


class HotStateStore(Protocol):
    """Hot per-player state (Redis `account:{id}`). Every write marks the account changed."""

    async def get(self, player_id: int) -> HotState | None: ...

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None: ...

    async def get_fight(self, player_id: int) -> RunningFight | None:
        """The running fight, or None (a damaged one reads as none)."""
        ...

    async def get_fight_checked(self, player_id: int) -> tuple[RunningFight | None, bool]:
        """The fight, and whether any hot state exists for the player (False: Redis lost it)."""
        ...

    async def put_fight(self, player_id: int, fight: RunningFight | None, state: HotState) -> None:
        """Store (or with None, end) the fight together with the hot state, in one step."""
        ...


class PlayerLocks(Protocol):
    """One action of a player at a time, across processes: a double tap finds the player busy."""

    def hold(self, player_id: int) -> AbstractAsyncContextManager[None]:
        """Raises `Busy` if another action of this player is running."""
        ...
