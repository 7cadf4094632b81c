"""Placing a registered player for the rift and boss flows: where they stand, how strong they are.

The game has no player-facing way to jump levels or teleport, so tests set the stored state directly:
hot state (location) in Redis, the character in PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text

from bot.callbacks import FightCb
from bot.local_chat import LocalChat
from bot.local_session import ShownMessage
from game.adapters.redis_world_boss import damage_key


async def move_to(container, player_id: int, location_id: str) -> None:
    store = await container.hot_state()
    hot = await store.get(player_id)
    assert hot is not None
    await store.put(player_id, replace(hot, location_id=location_id))


async def full_health(container, player_id: int) -> None:
    """HP as high as the hero's (empowered) maximum allows: the hot state keeps the HP of before."""
    store = await container.hot_state()
    hot = await store.get(player_id)
    assert hot is not None
    await store.put(player_id, replace(hot, hp=10**6))


async def on_the_boss_board(redis, boss_id: str, player_ids) -> None:
    """Put players on a boss's damage board (nothing dealt yet), as after a restore: their first blows are then
    not a newcomer's, and the pool keeps the size it spawned with instead of growing with their shares."""
    await redis.hset(damage_key(boss_id), mapping={str(pid): 0 for pid in player_ids})


async def empower(engine, player_id: int, *, level: int = 10) -> None:
    async with engine.begin() as conn:
        await conn.execute(
            text("UPDATE characters SET level = :l, strength = 400, vitality = 400, agility = 30 WHERE player_id = :p"),
            {"p": player_id, "l": level},
        )


def button_data(message: ShownMessage, prefix: str) -> list[str]:
    return [data for _, data in message.buttons() if data.startswith(prefix)]


def is_fight(message: ShownMessage) -> bool:
    return any(FightCb.unpack(d).act == "attack" for d in button_data(message, "f:"))


async def win_fight(chat: LocalChat, *, limit: int = 60) -> ShownMessage:
    """Press Attack on the fight screen until it is over; the last screen."""
    screen = chat.last
    for _ in range(limit):
        attack = [d for d in button_data(screen, "f:") if FightCb.unpack(d).act == "attack"]
        if not attack:
            return screen
        screen = (await chat.press(attack[0], message=screen))[-1]
    raise AssertionError("the fight did not end")
