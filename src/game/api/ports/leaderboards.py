from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import LeaderboardRow


@runtime_checkable
class LeaderboardsApi(Protocol):
    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]:
        """`board`: level | boss_damage."""
        ...

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        """Total damage dealt to world bosses (counted when each boss ends)."""
        ...
