"""The world-event use cases on real PostgreSQL and Redis, with the game's fights, for rift and boss tests."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from sqlalchemy import text

from app.game_core import GameCore
from game.adapters.content_files import load_content
from game.adapters.redis_hot_state import RedisHotStateStore
from game.adapters.redis_world_boss import RedisBossArena
from game.adapters.snapshot import RedisToPostgresSnapshotter
from game.adapters.sql_unit_of_work import SqlUnitOfWork
from game.api import GameApi
from tests.fakes.event_bus import InMemoryEventBus

CONTENT = load_content()


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.value = now

    def now(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


class Game:
    """The port as the game core's container serves it, plus the hot-state store tests reach into."""

    def __init__(self, api: GameApi, hot: RedisHotStateStore) -> None:
        self.api = api
        self.hot = hot
        self.content = CONTENT

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)


def build(
    engine,
    redis,
    clock: Clock,
    *,
    events: InMemoryEventBus | None = None,
    cooldown: float = 10.0,
    settle_at_once: bool = True,
) -> Game:
    """`settle_at_once=False`: a process that dies right after a boss's killing blow is answered, before its
    settlement starts (the settlement job finishes it)."""
    hot = RedisHotStateStore(redis)
    core = GameCore(
        content=CONTENT,
        uow_factory=functools.partial(SqlUnitOfWork, engine),
        hot_state=hot,
        player_locks=hot,  # as the app composes it: the lock comes with a read of the player's hash
        snapshotter=RedisToPostgresSnapshotter(redis, engine),
        events=events if events is not None else InMemoryEventBus(),
        clock=clock,
        seed=1234,
        boss_arena=RedisBossArena(redis),
        boss_cooldown_seconds=cooldown,
        boss_settle_at_once=settle_at_once,
    )
    return Game(core.game(), hot)


async def sql(engine, query: str, **params):
    async with engine.begin() as conn:
        return await conn.execute(text(query), params)


async def scalar(engine, query: str, **params):
    async with engine.connect() as conn:
        return (await conn.execute(text(query), params)).scalar()


async def register(game: Game, player_id: int, *, class_id: str = "warrior", name: str | None = None) -> int:
    await game.register(player_id=player_id, name=name or f"hero{player_id}", class_id=class_id)
    return player_id


async def move_to(game: Game, player_id: int, location_id: str) -> None:
    hot = await game.hot.get(player_id)
    assert hot is not None
    await game.hot.put(player_id, replace(hot, location_id=location_id))


async def set_hp(game: Game, player_id: int, hp: int) -> None:
    hot = await game.hot.get(player_id)
    assert hot is not None
    await game.hot.put(player_id, replace(hot, hp=hp))


async def empower(engine, player_id: int, *, level: int = 10) -> None:
    await sql(
        engine,
        "UPDATE characters SET level = :l, strength = 400, vitality = 400, agility = 30 WHERE player_id = :p",
        p=player_id,
        l=level,
    )


async def crowd(engine, first_id: int, count: int, location_id: str, *, strength: int = 10) -> list[int]:
    """`count` warriors standing in `location_id`, inserted at once (their hot state re-hydrates on first use)."""
    await sql(
        engine,
        """
        INSERT INTO characters (player_id, name, name_key, class_id, level, xp, gold, strength, agility, intellect,
                                vitality, stat_points, skill_points)
        SELECT g, 'c' || g, 'c' || g, 'warrior', 5, 0, 0, CAST(:s AS int), 8, 4, 10, 0, 0
        FROM generate_series(CAST(:a AS bigint), CAST(:b AS bigint)) AS g;
        """,
        a=first_id,
        b=first_id + count - 1,
        s=strength,
    )
    await sql(
        engine,
        """
        INSERT INTO accounts (player_id, location_id, hp, mana, stamina, stamina_at)
        SELECT g, CAST(:loc AS text), 100, 30, 100, 0 FROM generate_series(CAST(:a AS bigint), CAST(:b AS bigint)) AS g;
        """,
        a=first_id,
        b=first_id + count - 1,
        loc=location_id,
    )
    return list(range(first_id, first_id + count))
