from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import DailyClaimed, DailyView


@runtime_checkable
class DailiesApi(Protocol):
    """The daily reward and its streak."""

    async def daily(self, *, player_id: int) -> DailyView: ...

    async def claim_daily(self, *, player_id: int) -> DailyClaimed: ...
