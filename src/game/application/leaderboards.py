"""The boards: levels, and damage dealt to world bosses."""

from __future__ import annotations

from dataclasses import dataclass

from game.api import LeaderboardRow, UnknownEntry
from game.application.ports.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True, kw_only=True)
class Leaderboards:
    uow_factory: UnitOfWorkFactory

    async def leaderboard(self, *, board: str = "level", limit: int = 10) -> list[LeaderboardRow]:
        if board == "boss_damage":
            return await self.boss_leaderboard(limit=limit)
        if board != "level":
            raise UnknownEntry(f"no leaderboard {board!r}", board=board)
        async with self.uow_factory(read_only=True) as uow:
            rows = await uow.characters.top_by_level(max(1, min(limit, 50)))
            tags = await uow.guilds.tags_of([r.player_id for r in rows])
        return [
            LeaderboardRow(
                rank=i,
                player_id=r.player_id,
                name=r.name,
                class_id=r.class_id,
                level=r.level,
                value=r.xp,
                guild_tag=tags.get(r.player_id),
            )
            for i, r in enumerate(rows, start=1)
        ]

    async def boss_leaderboard(self, *, limit: int = 10) -> list[LeaderboardRow]:
        async with self.uow_factory(read_only=True) as uow:
            rows = await uow.world.top_boss_damage(max(1, min(limit, 100)))
            tags = await uow.guilds.tags_of([r.player_id for r in rows])
        return [
            LeaderboardRow(
                rank=i,
                player_id=r.player_id,
                name=r.name,
                class_id=r.class_id,
                level=r.level,
                value=r.damage,
                guild_tag=tags.get(r.player_id),
            )
            for i, r in enumerate(rows, start=1)
        ]
