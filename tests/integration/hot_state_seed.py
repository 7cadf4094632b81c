"""Bulk seeding of characters, their saved hot state (PostgreSQL) and live hot state (Redis) for tests."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

import redis.asyncio as aioredis
from sqlalchemy.ext.asyncio import AsyncEngine

from game.adapters.redis_hot_state import CHANGED_SET, account_key

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
# A fight was running at the last snapshot; a hot state without one has ended it.
SAVED_FIGHT = '{"combat": {"id": "saved", "turn": 2}, "context": {}}'
SAVED = {
    "location": "town", "hp": 10, "mana": 5, "stamina": 50.0, "stamina_at": 1000.0, "activity": "combat",
    "fight": SAVED_FIGHT,
}  # fmt: skip

CHARACTER_COLUMNS = (
    "player_id", "name", "name_key", "class_id", "level", "xp", "gold",
    "strength", "agility", "intellect", "vitality", "stat_points", "skill_points",
)  # fmt: skip
SAVED_KEYS = ("location", "hp", "mana", "stamina", "stamina_at", "activity", "fight")
ACCOUNT_COLUMNS = (
    "player_id", "location_id", "hp", "mana", "stamina", "stamina_at", "activity", "fight", "saved_at",
)  # fmt: skip


async def seed_saved(
    engine: AsyncEngine, ids: Iterable[int], saved: dict = SAVED, saved_at: datetime = LONG_AGO
) -> None:
    """Characters and their `accounts` rows, by COPY."""
    ids = list(ids)
    async with engine.connect() as conn:
        pg = (await conn.get_raw_connection()).driver_connection
        async with pg.transaction():
            await pg.copy_records_to_table(
                "characters",
                records=[(i, f"p{i}", f"p{i}", "warrior", 1, 0, 0, 5, 5, 5, 5, 0, 0) for i in ids],
                columns=CHARACTER_COLUMNS,
            )
            await pg.copy_records_to_table(
                "accounts",
                records=[(i, *(saved.get(key) for key in SAVED_KEYS), saved_at) for i in ids],
                columns=ACCOUNT_COLUMNS,
            )


def hot(player_id: int) -> dict[str, str]:
    """A live hot state that differs from SAVED and from other players'; every third player is mid-fight."""
    state = {
        "location": f"loc-{player_id % 7}",
        "hp": str(100 + player_id % 50),
        "mana": str(player_id % 30),
        "stamina": repr(player_id / 3),
        "stamina_at": repr(1_795_700_000.0 + player_id / 7),
        "activity": "walking",
    }
    if player_id % 3 == 0:
        state["activity"] = "combat"
        state["fight"] = fight(player_id)
    return state


def fight(player_id: int, turn: int = 1) -> str:
    """A running fight as `RedisHotStateStore.put_fight` writes it."""
    combat = {"id": f"fight-{player_id}", "turn": turn, "player": {"hp": player_id % 90, "crit_chance": 0.05}}
    return json.dumps({"combat": combat, "context": {}}, separators=(",", ":"))


async def seed_hot(
    redis: aioredis.Redis, states: dict[int, dict[str, str]], *, mark: bool = True, batch: int = 5000
) -> None:
    """Redis hashes (and changed marks), pipelined."""
    items = list(states.items())
    for start in range(0, len(items), batch):
        async with redis.pipeline(transaction=False) as pipe:
            for player_id, state in items[start : start + batch]:
                pipe.hset(account_key(player_id), mapping=state)
            if mark:
                pipe.sadd(CHANGED_SET, *(player_id for player_id, _ in items[start : start + batch]))
            await pipe.execute()


async def saved_rows(engine: AsyncEngine) -> dict[int, tuple]:
    async with engine.connect() as conn:
        pg = (await conn.get_raw_connection()).driver_connection
        rows = await pg.fetch(
            "SELECT player_id, location_id, hp, mana, stamina, stamina_at, activity, fight, saved_at FROM accounts"
        )
    return {r["player_id"]: (*tuple(r)[1:7], _fight(r["fight"]), r["saved_at"]) for r in rows}


def _fight(value: str | dict | None) -> dict | None:
    # jsonb comes back decoded (or reformatted, depending on the connection's codecs): compared as values
    return json.loads(value) if isinstance(value, str) else value


def as_saved(state: dict[str, str]) -> tuple:
    return (
        state["location"],
        int(state["hp"]),
        int(state["mana"]),
        float(state["stamina"]),
        float(state["stamina_at"]),
        state.get("activity", "idle"),
        _fight(state.get("fight")),
    )
