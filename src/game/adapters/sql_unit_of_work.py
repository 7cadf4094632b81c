"""UnitOfWork and repositories on SQLAlchemy Core over asyncpg."""

from __future__ import annotations

from typing import Self

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from game.adapters.orm import accounts, characters
from game.api import AlreadyRegistered, NameTaken
from game.domain.character import Character, HotState, Stats


def _character_from_row(row) -> Character:
    return Character(
        player_id=row.player_id,
        name=row.name,
        class_id=row.class_id,
        level=row.level,
        xp=row.xp,
        gold=row.gold,
        stats=Stats(row.strength, row.agility, row.intellect, row.vitality),
        stat_points=row.stat_points,
        skill_points=row.skill_points,
    )


class SqlCharacterRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, player_id: int) -> Character | None:
        row = (await self._conn.execute(select(characters).where(characters.c.player_id == player_id))).first()
        return _character_from_row(row) if row else None

    async def name_taken(self, name_key: str) -> bool:
        row = await self._conn.execute(select(characters.c.player_id).where(characters.c.name_key == name_key))
        return row.first() is not None

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        s = character.stats
        try:
            async with self._conn.begin_nested():
                await self._conn.execute(
                    insert(characters).values(
                        player_id=character.player_id,
                        name=character.name,
                        name_key=name_key,
                        class_id=character.class_id,
                        level=character.level,
                        xp=character.xp,
                        gold=character.gold,
                        strength=s.strength,
                        agility=s.agility,
                        intellect=s.intellect,
                        vitality=s.vitality,
                        stat_points=character.stat_points,
                        skill_points=character.skill_points,
                    )
                )
                await self._conn.execute(
                    insert(accounts).values(
                        player_id=character.player_id,
                        location_id=hot.location_id,
                        hp=hot.hp,
                        mana=hot.mana,
                        stamina=hot.stamina,
                        stamina_at=hot.stamina_at,
                        activity=hot.activity,
                    )
                )
        except IntegrityError as exc:
            # Two registrations racing: the constraint, not the earlier check, has the last word.
            if "name_key" in str(exc.orig):
                raise NameTaken("that name is taken", name=character.name) from None
            raise AlreadyRegistered("this player already has a character") from None

    async def get_saved_hot_state(self, player_id: int) -> HotState | None:
        row = (await self._conn.execute(select(accounts).where(accounts.c.player_id == player_id))).first()
        if row is None:
            return None
        return HotState(
            location_id=row.location_id,
            hp=row.hp,
            mana=row.mana,
            stamina=row.stamina,
            stamina_at=row.stamina_at,
            activity=row.activity,
        )


class SqlUnitOfWork:
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._conn: AsyncConnection | None = None

    async def __aenter__(self) -> Self:
        self._conn = await self._engine.connect()
        await self._conn.begin()
        self.characters = SqlCharacterRepository(self._conn)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._conn is not None
        try:
            if self._conn.in_transaction():
                await self._conn.rollback()  # whatever was not committed is dropped
        finally:
            await self._conn.close()
            self._conn = None

    async def commit(self) -> None:
        assert self._conn is not None
        await self._conn.commit()
