from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.economy import BountyClaimed, DailyClaimed, DailyView


@runtime_checkable
class DailiesApi(Protocol):
    """The daily reward and its streak; the day's three bounties and the week's one."""

    async def daily(self, *, player_id: int) -> DailyView: ...

    async def claim_daily(self, *, player_id: int) -> DailyClaimed: ...

    async def claim_bounty(self, *, player_id: int, bounty_id: str) -> BountyClaimed: ...
