"""Guilds in PostgreSQL: the guild row (locked for every change), members, pending, the bank and its ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Row, and_, case, delete, func, insert, literal, not_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from game.adapters.orm import (
    characters,
    guild_bank_items,
    guild_ledger,
    guild_members,
    guild_pending,
    guilds,
    player_settings,
)
from game.application.ports.guilds import (
    GuildBoardRecord,
    GuildRecord,
    LedgerRecord,
    MemberRecord,
    PendingRecord,
)


def _guild(row: Row[Any]) -> GuildRecord:
    return GuildRecord(
        id=row.id,
        name=row.name,
        tag=row.tag,
        level=row.level,
        xp=row.xp,
        gold=row.gold,
        leader_id=row.leader_id,
        invite_code=row.invite_code,
        created_at=row.created_at,
        version=row.version,
        arena_points=row.arena_points,
        gold_peak=row.gold_peak,
    )


_RANK_ORDER = case({"leader": 0, "officer": 1}, value=guild_members.c.rank, else_=2)
_MEMBER_COLUMNS = (
    guild_members,
    characters.c.name,
    characters.c.class_id,
    characters.c.level.label("char_level"),
)


def _member(row: Row[Any]) -> MemberRecord:
    return MemberRecord(
        guild_id=row.guild_id,
        player_id=row.player_id,
        rank=row.rank,
        joined_at=row.joined_at,
        last_active=row.last_active,
        contributed=row.contributed,
        name=row.name,
        class_id=row.class_id,
        level=row.char_level,
    )


class SqlGuildRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    # --- guilds -----------------------------------------------------------------------------------

    async def add_guild(self, guild: GuildRecord, *, name_key: str, tag_key: str) -> int | None:
        try:
            async with self._conn.begin_nested():
                stmt = (
                    insert(guilds)
                    .values(
                        name=guild.name,
                        name_key=name_key,
                        tag=guild.tag,
                        tag_key=tag_key,
                        level=guild.level,
                        xp=guild.xp,
                        gold=guild.gold,
                        gold_peak=guild.gold_peak,
                        leader_id=guild.leader_id,
                        invite_code=guild.invite_code,
                        arena_points=guild.arena_points,
                        created_at=guild.created_at,
                    )
                    .returning(guilds.c.id)
                )
                return int((await self._conn.execute(stmt)).scalar_one())
        except IntegrityError:
            return None  # the name or the tag (or, once in a blue moon, the code) is taken

    async def get_guild(self, guild_id: int, *, for_update: bool = False) -> GuildRecord | None:
        query = select(guilds).where(guilds.c.id == guild_id)
        if for_update:
            query = query.with_for_update()
        row = (await self._conn.execute(query)).first()
        return _guild(row) if row else None

    async def guild_by_code(self, code: str) -> GuildRecord | None:
        row = (await self._conn.execute(select(guilds).where(guilds.c.invite_code == code))).first()
        return _guild(row) if row else None

    async def guild_by_key(self, key: str) -> GuildRecord | None:
        query = select(guilds).where(or_(guilds.c.name_key == key, guilds.c.tag_key == key))
        row = (await self._conn.execute(query.order_by(guilds.c.id).limit(1))).first()
        return _guild(row) if row else None

    async def save_guild(self, guild: GuildRecord) -> int:
        stmt = (
            update(guilds)
            .where(guilds.c.id == guild.id)
            .values(
                level=guild.level,
                xp=guild.xp,
                gold=guild.gold,
                gold_peak=guild.gold_peak,
                leader_id=guild.leader_id,
                arena_points=guild.arena_points,
                version=guilds.c.version + 1,
            )
            .returning(guilds.c.version)
        )
        return int((await self._conn.execute(stmt)).scalar_one())

    async def delete_guild(self, guild_id: int) -> None:
        await self._conn.execute(delete(guilds).where(guilds.c.id == guild_id))

    # --- members ----------------------------------------------------------------------------------

    def _members_query(self) -> Any:
        return select(*_MEMBER_COLUMNS).select_from(
            guild_members.join(characters, characters.c.player_id == guild_members.c.player_id)
        )

    async def members(self, guild_id: int) -> list[MemberRecord]:
        query = (
            self._members_query()
            .where(guild_members.c.guild_id == guild_id)
            .order_by(_RANK_ORDER, guild_members.c.joined_at, guild_members.c.player_id)
        )
        return [_member(row) for row in await self._conn.execute(query)]

    async def membership(self, player_id: int) -> MemberRecord | None:
        query = self._members_query().where(guild_members.c.player_id == player_id)
        row = (await self._conn.execute(query)).first()
        return _member(row) if row else None

    async def add_member(self, member: MemberRecord) -> bool:
        stmt = (
            pg_insert(guild_members)
            .values(
                player_id=member.player_id,
                guild_id=member.guild_id,
                rank=member.rank,
                joined_at=member.joined_at,
                last_active=member.last_active,
                contributed=member.contributed,
            )
            .on_conflict_do_nothing(index_elements=["player_id"])
            .returning(guild_members.c.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def update_member(self, member: MemberRecord) -> None:
        await self._conn.execute(
            update(guild_members)
            .where(guild_members.c.player_id == member.player_id, guild_members.c.guild_id == member.guild_id)
            .values(rank=member.rank, last_active=member.last_active, contributed=member.contributed)
        )

    async def remove_member(self, guild_id: int, player_id: int) -> bool:
        stmt = (
            delete(guild_members)
            .where(guild_members.c.guild_id == guild_id, guild_members.c.player_id == player_id)
            .returning(guild_members.c.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    # --- pending ----------------------------------------------------------------------------------

    async def add_pending(self, pending: PendingRecord) -> None:
        stmt = pg_insert(guild_pending).values(
            guild_id=pending.guild_id, player_id=pending.player_id, kind=pending.kind, at=pending.at
        )
        await self._conn.execute(
            stmt.on_conflict_do_update(index_elements=["guild_id", "player_id", "kind"], set_={"at": stmt.excluded.at})
        )

    async def remove_pending(self, guild_id: int, player_id: int, kind: str) -> bool:
        p = guild_pending
        stmt = (
            delete(p)
            .where(p.c.guild_id == guild_id, p.c.player_id == player_id, p.c.kind == kind)
            .returning(p.c.player_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    async def clear_pending(self, player_id: int) -> None:
        await self._conn.execute(delete(guild_pending).where(guild_pending.c.player_id == player_id))

    async def _pending(self, where: ColumnElement[bool]) -> list[PendingRecord]:
        p = guild_pending
        query = (
            select(p, guilds.c.name.label("guild_name"), guilds.c.tag, characters.c.name.label("player_name"))
            .select_from(
                p.join(guilds, guilds.c.id == p.c.guild_id).join(characters, characters.c.player_id == p.c.player_id)
            )
            .where(where)
            .order_by(p.c.at, p.c.guild_id, p.c.player_id)
        )
        return [
            PendingRecord(r.guild_id, r.player_id, r.kind, r.at, r.guild_name, r.tag, r.player_name)
            for r in await self._conn.execute(query)
        ]

    async def pending_of_player(self, player_id: int) -> list[PendingRecord]:
        return await self._pending(guild_pending.c.player_id == player_id)

    async def pending_of_guild(self, guild_id: int, kind: str) -> list[PendingRecord]:
        return await self._pending(and_(guild_pending.c.guild_id == guild_id, guild_pending.c.kind == kind))

    # --- the bank ---------------------------------------------------------------------------------

    async def bank_items(self, guild_id: int) -> dict[str, int]:
        b = guild_bank_items
        query = select(b.c.item_id, b.c.quantity).where(b.c.guild_id == guild_id).order_by(b.c.item_id)
        return {row.item_id: row.quantity for row in await self._conn.execute(query)}

    async def set_bank_item(self, guild_id: int, item_id: str, quantity: int) -> None:
        b = guild_bank_items
        if quantity <= 0:
            await self._conn.execute(delete(b).where(b.c.guild_id == guild_id, b.c.item_id == item_id))
            return
        stmt = pg_insert(b).values(guild_id=guild_id, item_id=item_id, quantity=quantity)
        await self._conn.execute(
            stmt.on_conflict_do_update(index_elements=["guild_id", "item_id"], set_={"quantity": quantity})
        )

    async def add_ledger(
        self, guild_id: int, *, at: float, player_id: int | None, kind: str, item_id: str | None, quantity: int
    ) -> None:
        await self._conn.execute(
            insert(guild_ledger).values(
                guild_id=guild_id, at=at, player_id=player_id, kind=kind, item_id=item_id, quantity=quantity
            )
        )

    async def ledger(self, guild_id: int, *, offset: int, limit: int) -> tuple[list[LedgerRecord], int]:
        g = guild_ledger
        total = (await self._conn.execute(select(func.count()).where(g.c.guild_id == guild_id))).scalar_one()
        if limit <= 0:
            return [], int(total)
        query = (
            select(g, characters.c.name)
            .select_from(g.outerjoin(characters, characters.c.player_id == g.c.player_id))
            .where(g.c.guild_id == guild_id)
            .order_by(g.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        rows = [
            LedgerRecord(r.id, r.guild_id, r.at, r.player_id, r.name, r.kind, r.item_id, r.quantity)
            for r in await self._conn.execute(query)
        ]
        return rows, int(total)

    # --- the board and chat -----------------------------------------------------------------------

    async def top_guilds(self, limit: int) -> list[GuildBoardRecord]:
        counted = (
            select(guild_members.c.guild_id, func.count().label("members"))
            .group_by(guild_members.c.guild_id)
            .subquery()
        )
        query = (
            select(guilds, func.coalesce(counted.c.members, 0).label("members"))
            .select_from(guilds.outerjoin(counted, counted.c.guild_id == guilds.c.id))
            .order_by(guilds.c.level.desc(), guilds.c.xp.desc(), guilds.c.id)
            .limit(limit)
        )
        return [GuildBoardRecord(_guild(row), int(row.members)) for row in await self._conn.execute(query)]

    async def tags_of(self, player_ids: list[int]) -> dict[int, str]:
        if not player_ids:
            return {}
        query = (
            select(guild_members.c.player_id, guilds.c.tag)
            .select_from(guild_members.join(guilds, guilds.c.id == guild_members.c.guild_id))
            .where(guild_members.c.player_id.in_(player_ids))
        )
        return {row.player_id: row.tag for row in await self._conn.execute(query)}

    async def chat_recipients(self, guild_id: int, *, muted_category: str, exclude: int) -> list[int]:
        s, m = player_settings, guild_members
        wanted = or_(
            s.c.player_id.is_(None),
            and_(s.c.unreachable_since.is_(None), not_(literal(muted_category) == func.any(s.c.muted))),
        )
        query = (
            select(m.c.player_id)
            .select_from(m.outerjoin(s, s.c.player_id == m.c.player_id))
            .where(m.c.guild_id == guild_id, m.c.player_id != exclude, wanted)
            .order_by(m.c.player_id)
        )
        return list((await self._conn.execute(query)).scalars())
