"""Player settings in PostgreSQL: muted notification categories and unreachable players."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, func, literal, not_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from game.adapters.orm import characters, player_settings


class SqlSettingsRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def muted(self, player_id: int) -> frozenset[str]:
        query = select(player_settings.c.muted).where(player_settings.c.player_id == player_id)
        row = (await self._conn.execute(query)).first()
        return frozenset(row.muted) if row else frozenset()

    async def set_muted(self, player_id: int, muted: frozenset[str]) -> None:
        stmt = pg_insert(player_settings).values(player_id=player_id, muted=sorted(muted))
        await self._conn.execute(
            stmt.on_conflict_do_update(index_elements=["player_id"], set_={"muted": stmt.excluded.muted})
        )

    async def set_reachable(self, player_id: int, reachable: bool) -> None:
        since = None if reachable else func.now()
        stmt = pg_insert(player_settings).values(player_id=player_id, unreachable_since=since)
        await self._conn.execute(
            stmt.on_conflict_do_update(index_elements=["player_id"], set_={"unreachable_since": since})
        )

    async def recipients(self, category: str, *, after: int, limit: int) -> list[int]:
        """Players who can be reached and did not mute `category`, by id, a page at a time."""
        s = player_settings
        reachable: ColumnElement[bool] = s.c.unreachable_since.is_(None)
        if category != "everyone":
            reachable = and_(reachable, not_(literal(category) == func.any(s.c.muted)))
        wanted = or_(s.c.player_id.is_(None), reachable)
        query = (
            select(characters.c.player_id)
            .select_from(characters.outerjoin(s, s.c.player_id == characters.c.player_id))
            .where(characters.c.player_id > after, wanted)
            .order_by(characters.c.player_id)
            .limit(limit)
        )
        return list((await self._conn.execute(query)).scalars())
