"""UnitOfWork and repositories on SQLAlchemy Core over asyncpg."""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Self, cast

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Row,
    Select,
    Table,
    any_,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY, Insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from game.adapters.orm import accounts, characters, equipment, inventory_items, learned_skills, reward_claims
from game.adapters.sql_arena import SqlArenaRepository
from game.adapters.sql_exchange import SqlExchangeRepository
from game.adapters.sql_guilds import SqlGuildRepository
from game.adapters.sql_settings import SqlSettingsRepository
from game.adapters.sql_world import SqlWorldRepository
from game.api import AlreadyRegistered, NameTaken
from game.application.ports.unit_of_work import LeaderRecord, PlayerRecord, SavedHotState
from game.domain.character import Character, HotState, Stats
from game.domain.equipment import Equipment
from game.domain.inventory import Inventory
from game.domain.running_fight import RunningFight


def _character_from_row(row: Row[Any]) -> Character:
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


def _character_values(character: Character) -> dict[str, object]:
    s = character.stats
    return {
        "level": character.level,
        "xp": character.xp,
        "gold": character.gold,
        "strength": s.strength,
        "agility": s.agility,
        "intellect": s.intellect,
        "vitality": s.vitality,
        "stat_points": character.stat_points,
        "skill_points": character.skill_points,
    }


def _owned(table: Table) -> ColumnElement[bool]:
    return table.c.player_id == characters.c.player_id


def _bigints(values: Sequence[int]) -> Any:
    return bindparam(None, list(values), type_=ARRAY(BigInteger))


# The PostgreSQL array type of each column `save_many` sets (see `_character_values`).
_ARRAY_TYPES = {
    "player_id": "bigint[]",
    "level": "integer[]",
    "xp": "bigint[]",
    "gold": "bigint[]",
    "strength": "integer[]",
    "agility": "integer[]",
    "intellect": "integer[]",
    "vitality": "integer[]",
    "stat_points": "integer[]",
    "skill_points": "integer[]",
}


def _record_query() -> Select[Any]:
    """The whole player (`:pid`) in one round trip: the bag, the gear and the skills as aggregates of the
    character row."""
    bag = select(func.json_object_agg(inventory_items.c.item_id, inventory_items.c.quantity)).where(
        _owned(inventory_items)
    )
    worn = select(func.json_object_agg(equipment.c.slot, equipment.c.item_id)).where(_owned(equipment))
    known = select(func.array_agg(learned_skills.c.skill_id)).where(_owned(learned_skills))
    return select(
        characters,
        bag.scalar_subquery().label("bag"),
        worn.scalar_subquery().label("worn"),
        known.scalar_subquery().label("known"),
    ).where(characters.c.player_id == bindparam("pid"))


def _claim_and_record_query() -> Select[Any]:
    """The claim of `:source` for `:pid` as a data-modifying CTE of the locking read of the whole player (it runs
    whatever the read finds), and whether it was new (`claimed`)."""
    claim = (
        pg_insert(reward_claims)
        .values(player_id=bindparam("pid"), source_id=bindparam("source"))
        .on_conflict_do_nothing()
        .returning(reward_claims.c.source_id)
        .cte("claimed")
    )
    claimed = select(func.count()).select_from(claim).scalar_subquery().label("claimed")
    return _record_query().add_columns(claimed).with_for_update(of=characters)


# Built once: a player's record is read on most actions that change it, and building the statement cost
# more than SQLAlchemy's cached compilation of it.
_RECORD = _record_query()
_RECORD_FOR_UPDATE = _RECORD.with_for_update(of=characters)
_CLAIM_AND_RECORD = _claim_and_record_query()


def _record_from_row(row: Row[Any]) -> PlayerRecord:
    return PlayerRecord(
        character=_character_from_row(row),
        version=row.version,
        inventory=Inventory(items={k: int(v) for k, v in (row.bag or {}).items()}),
        equipment=Equipment(slots=dict(row.worn or {})),
        skills=frozenset(row.known or ()),
    )


class SqlCharacterRepository:
    def __init__(self, conn: AsyncConnection) -> None:
        self._conn = conn

    async def get(self, player_id: int) -> Character | None:
        query = select(characters).where(characters.c.player_id == player_id)
        row = (await self._conn.execute(query)).first()
        return _character_from_row(row) if row else None

    async def load(self, player_id: int, *, for_update: bool = False) -> PlayerRecord | None:
        query = _RECORD_FOR_UPDATE if for_update else _RECORD
        row = (await self._conn.execute(query, {"pid": player_id})).first()
        return _record_from_row(row) if row is not None else None

    async def claim_and_load(self, player_id: int, source_id: str) -> tuple[bool, PlayerRecord | None]:
        row = (await self._conn.execute(_CLAIM_AND_RECORD, {"pid": player_id, "source": source_id})).first()
        if row is None:
            return True, None  # no such character (a claim for one is refused by its foreign key anyway)
        if not row.claimed:
            return False, None
        return True, _record_from_row(row)

    async def save(self, before: PlayerRecord, after: PlayerRecord) -> int:
        pid = after.character.player_id
        version = (
            await self._conn.execute(
                update(characters)
                .where(characters.c.player_id == pid)
                .values(**_character_values(after.character), version=characters.c.version + 1)
                .returning(characters.c.version)
            )
        ).scalar_one()
        await self._sync_pairs(
            inventory_items, "item_id", "quantity", pid, before.inventory.items, after.inventory.items
        )
        await self._sync_pairs(equipment, "slot", "item_id", pid, before.equipment.slots, after.equipment.slots)
        added = after.skills - before.skills
        if added:
            await self._conn.execute(insert(learned_skills), [{"player_id": pid, "skill_id": s} for s in added])
        return int(version)

    async def _sync_pairs(
        self, table: Table, key: str, value: str, pid: int, before: Mapping[str, Any], after: Mapping[str, Any]
    ) -> None:
        gone = [k for k in before if k not in after]
        if gone:
            await self._conn.execute(delete(table).where(table.c.player_id == pid, table.c[key].in_(gone)))
        changed = [{"player_id": pid, key: k, value: v} for k, v in after.items() if before.get(k) != v]
        if changed:
            await self._conn.execute(_upsert(table, key, value), changed)

    async def claim(self, player_id: int, source_id: str) -> bool:
        stmt = (
            pg_insert(reward_claims)
            .values(player_id=player_id, source_id=source_id)
            .on_conflict_do_nothing()
            .returning(reward_claims.c.source_id)
        )
        return (await self._conn.execute(stmt)).first() is not None

    # --- many players at once (a boss's payouts): one statement each, whatever the batch's size ---------

    async def names(self, player_ids: Collection[int]) -> dict[int, str]:
        if not player_ids:
            return {}
        query = select(characters.c.player_id, characters.c.name).where(
            characters.c.player_id == any_(_bigints(sorted(set(player_ids))))
        )
        return {row.player_id: row.name for row in await self._conn.execute(query)}

    async def load_many(self, player_ids: Collection[int], *, for_update: bool = False) -> dict[int, PlayerRecord]:
        # As `load`, for every id at once; locked in id order (ORDER BY under FOR UPDATE), so two batches
        # that share players never wait on each other in a circle.
        if not player_ids:
            return {}
        ids = sorted(set(player_ids))
        bag = select(func.json_object_agg(inventory_items.c.item_id, inventory_items.c.quantity)).where(
            _owned(inventory_items)
        )
        worn = select(func.json_object_agg(equipment.c.slot, equipment.c.item_id)).where(_owned(equipment))
        known = select(func.array_agg(learned_skills.c.skill_id)).where(_owned(learned_skills))
        query = (
            select(
                characters,
                bag.scalar_subquery().label("bag"),
                worn.scalar_subquery().label("worn"),
                known.scalar_subquery().label("known"),
            )
            .where(characters.c.player_id == any_(_bigints(ids)))
            .order_by(characters.c.player_id)
        )
        if for_update:
            query = query.with_for_update(of=characters)
        return {
            row.player_id: PlayerRecord(
                character=_character_from_row(row),
                version=row.version,
                inventory=Inventory(items={k: int(v) for k, v in (row.bag or {}).items()}),
                equipment=Equipment(slots=dict(row.worn or {})),
                skills=frozenset(row.known or ()),
            )
            for row in await self._conn.execute(query)
        }

    async def claim_many(self, source_id: str, player_ids: Collection[int]) -> set[int]:
        if not player_ids:
            return set()
        # Inserted in id order: two settlers racing over the same batch wait on the same first key.
        stmt = (
            pg_insert(reward_claims)
            .values([{"player_id": pid, "source_id": source_id} for pid in sorted(set(player_ids))])
            .on_conflict_do_nothing()
            .returning(reward_claims.c.player_id)
        )
        return {row.player_id for row in await self._conn.execute(stmt)}

    async def save_many(self, changes: Sequence[tuple[PlayerRecord, PlayerRecord]]) -> dict[int, int]:
        if not changes:
            return {}
        ordered = sorted(changes, key=lambda change: change[1].character.player_id)
        columns = ["player_id", *_character_values(ordered[0][1].character)]
        arrays: dict[str, list[object]] = {name: [] for name in columns}
        for _, after in ordered:
            values = {"player_id": after.character.player_id, **_character_values(after.character)}
            for name in columns:
                arrays[name].append(values[name])
        # Every character of the batch in one UPDATE, from arrays (one per column) unnested side by side.
        sets = ", ".join(f"{name} = v.{name}" for name in columns[1:])
        unnest = ", ".join(f"CAST(:{name} AS {_ARRAY_TYPES[name]})" for name in columns)
        versions = await self._conn.execute(
            text(
                f"UPDATE characters AS c SET {sets}, version = c.version + 1 "
                f"FROM unnest({unnest}) AS v({', '.join(columns)}) WHERE c.player_id = v.player_id "
                "RETURNING c.player_id, c.version"
            ),
            arrays,
        )
        saved = {int(pid): int(version) for pid, version in versions.all()}
        await self._sync_many(
            inventory_items, "item_id", "quantity", [(b.inventory.items, a.inventory.items, a) for b, a in ordered]
        )
        await self._sync_many(
            equipment, "slot", "item_id", [(b.equipment.slots, a.equipment.slots, a) for b, a in ordered]
        )
        learned = [
            {"player_id": a.character.player_id, "skill_id": s} for b, a in ordered for s in sorted(a.skills - b.skills)
        ]
        if learned:
            await self._conn.execute(insert(learned_skills), learned)
        return saved

    async def _sync_many(
        self,
        table: Table,
        key: str,
        value: str,
        pairs: Sequence[tuple[Mapping[str, Any], Mapping[str, Any], PlayerRecord]],
    ) -> None:
        """`_sync_pairs` for many players: one DELETE and one upsert at most."""
        gone = [(a.character.player_id, k) for before, after, a in pairs for k in sorted(before) if k not in after]
        if gone:
            await self._conn.execute(delete(table).where(tuple_(table.c.player_id, table.c[key]).in_(gone)))
        changed = [
            {"player_id": a.character.player_id, key: k, value: v}
            for before, after, a in pairs
            for k, v in sorted(after.items())
            if before.get(k) != v
        ]
        if changed:
            stmt = pg_insert(table).values(changed)
            await self._conn.execute(
                stmt.on_conflict_do_update(index_elements=["player_id", key], set_={value: stmt.excluded[value]})
            )

    async def id_by_name(self, name_key: str) -> int | None:
        query = select(characters.c.player_id).where(characters.c.name_key == name_key)
        return (await self._conn.execute(query)).scalar_one_or_none()

    async def name_taken(self, name_key: str) -> bool:
        query = select(characters.c.player_id).where(characters.c.name_key == name_key)
        return (await self._conn.execute(query)).first() is not None

    async def add(self, character: Character, *, name_key: str, hot: HotState) -> None:
        try:
            async with self._conn.begin_nested():
                await self._conn.execute(
                    insert(characters).values(
                        player_id=character.player_id,
                        name=character.name,
                        name_key=name_key,
                        class_id=character.class_id,
                        **_character_values(character),
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

    async def get_saved_hot_state(self, player_id: int) -> SavedHotState | None:
        row = (await self._conn.execute(select(accounts).where(accounts.c.player_id == player_id))).first()
        if row is None:
            return None
        state = HotState(
            location_id=row.location_id,
            hp=row.hp,
            mana=row.mana,
            stamina=row.stamina,
            stamina_at=row.stamina_at,
            activity=row.activity,
        )
        return SavedHotState(state=state, fight=_saved_fight(row.fight))

    async def top_by_level(self, limit: int) -> list[LeaderRecord]:
        query = (
            select(
                characters.c.player_id, characters.c.name, characters.c.class_id, characters.c.level, characters.c.xp
            )
            .order_by(characters.c.level.desc(), characters.c.xp.desc(), characters.c.created_at)
            .limit(limit)
        )
        return [LeaderRecord(*row) for row in await self._conn.execute(query)]


class _ConnectionOnDemand:
    """What a read-only unit of work's repositories execute on: the connection is taken from the pool, in
    autocommit, at the first statement, so a unit of work whose reads were all answered from elsewhere (the
    process's copy of a record) never touches PostgreSQL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self.conn: AsyncConnection | None = None

    async def execute(self, statement: Any, parameters: Any = None) -> Any:
        if self.conn is None:
            conn = await self._engine.connect()
            # A read needs no transaction: in autocommit each statement is one round trip, no BEGIN/ROLLBACK.
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            self.conn = conn
        return await self.conn.execute(statement, parameters)


class SqlUnitOfWork:
    def __init__(self, engine: AsyncEngine, *, read_only: bool = False) -> None:
        self._engine = engine
        self._read_only = read_only
        self._conn: AsyncConnection | None = None
        self._on_demand: _ConnectionOnDemand | None = None

    async def __aenter__(self) -> Self:
        if self._read_only:
            self._on_demand = _ConnectionOnDemand(self._engine)
            self._use(cast(AsyncConnection, self._on_demand))
            return self
        conn = await self._engine.connect()
        await conn.begin()
        self._conn = conn
        self._use(conn)
        return self

    def _use(self, conn: AsyncConnection) -> None:
        self.characters = SqlCharacterRepository(conn)
        self.settings = SqlSettingsRepository(conn)
        self.world = SqlWorldRepository(conn)
        self.guilds = SqlGuildRepository(conn)
        self.arena = SqlArenaRepository(conn)
        self.exchange = SqlExchangeRepository(conn)

    async def __aexit__(self, *exc: object) -> None:
        if self._on_demand is not None:
            conn, self._on_demand = self._on_demand.conn, None
            if conn is not None:
                await conn.close()
            return
        assert self._conn is not None
        try:
            if self._conn.in_transaction():
                await self._conn.rollback()  # whatever was not committed is dropped
        finally:
            await self._conn.close()
            self._conn = None

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        assert self._conn is not None
        await self._conn.commit()


def _saved_fight(raw: object) -> RunningFight | None:
    if not isinstance(raw, dict):
        return None
    try:
        return RunningFight.from_dict(raw)
    except ValueError:
        return None  # damaged: the player is simply out of the fight


@functools.cache
def _upsert(table: Table, key: str, value: str) -> Insert:
    """A player's `key` → `value` row, inserted or updated: built once, run with a list of rows, so compiled once
    (a statement holding its rows' values would be compiled anew at every call)."""
    stmt = pg_insert(table)
    return stmt.on_conflict_do_update(index_elements=["player_id", key], set_={value: stmt.excluded[value]})
