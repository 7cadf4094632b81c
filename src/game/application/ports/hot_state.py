from __future__ import annotations

from typing import Protocol

from game.domain.character import HotState


class HotStateStore(Protocol):
    """Hot per-player state (Redis `account:{id}`). Every write marks the account changed."""

    async def get(self, player_id: int) -> HotState | None: ...

    async def put(self, player_id: int, state: HotState, *, mark_changed: bool = True) -> None: ...
