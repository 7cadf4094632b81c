"""The per-action hot path: what a player's action costs in round trips, and that the records each process
keeps are never served once another process changed them.

Two containers on the same PostgreSQL and Redis are two game processes (each its own game core, its own
copies of records); a change made through one is seen through the other on the very next action.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
import redis.asyncio.connection as redis_connection
from sqlalchemy import event, text

from bot.callbacks import FightCb
from bot.local_chat import LocalChat
from game.api import GameApi

pytestmark = pytest.mark.servers

PID = 901


async def sql(db, query: str, **params) -> None:
    async with db.begin() as conn:
        await conn.execute(text(query), params)


@pytest.fixture
async def other(settings) -> AsyncIterator:
    """A second process of the game: its own container (game core, pools, copies), the same servers."""
    from app.containers import Container

    container = Container(settings=settings, local_bot=True)
    await container.init_resources()
    yield container
    await container.shutdown_resources()


class Counted:
    """Redis round trips (one per request written to a connection: a pipeline or a script is one) and
    PostgreSQL statements and connection checkouts of one container's engine, while `counting`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, engine) -> None:
        self.counting = False
        self.redis: list[str] = []
        self.sql: list[str] = []
        self.checkouts = 0
        send = redis_connection.AbstractConnection.send_packed_command

        async def counted_send(connection, command, check_health=True):
            if self.counting:
                self.redis.append(repr(command)[:80])
            return await send(connection, command, check_health)

        monkeypatch.setattr(redis_connection.AbstractConnection, "send_packed_command", counted_send)

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def statement(conn, cursor, statement, *args):
            if self.counting:
                self.sql.append(statement)

        @event.listens_for(engine.sync_engine.pool, "checkout")
        def checkout(*args):
            if self.counting:
                self.checkouts += 1


async def into_a_fight(container, game: GameApi) -> tuple[str, int]:
    """The registered player out in the meadows, weak but tough (the fight lasts), in a fight: its id, turn."""
    store = await container.hot_state()
    for _ in range(100):
        hot = await store.get(PID)
        await store.put(PID, replace(hot, location_id="meadows", hp=10**6, stamina=100.0, stamina_at=time.time()))
        found = await game.explore(player_id=PID)
        if found.combat is not None:
            return found.combat.id, found.combat.turn
    raise AssertionError("no monster in 100 explorations")


async def test_a_fight_turn_in_steady_state_takes_three_redis_round_trips_and_no_postgresql(
    container, db, redis, monkeypatch
):
    game, dp, bot = await container.game(), await container.dispatcher(), await container.bot()
    chat = LocalChat(dp, bot, user_id=PID)
    await chat.send("/start")
    await chat.send("Counter")
    await chat.press_button("Warrior")
    await sql(db, "UPDATE characters SET strength = 1, vitality = 400 WHERE player_id = :p", p=PID)
    combat_id, turn = await into_a_fight(container, game)
    counted = Counted(monkeypatch, await container.engine())

    # The first turn after the change by hand reads the record again; the ones after are the steady state.
    for _ in range(3):
        screen = (await chat.press(FightCb(cid=combat_id, turn=turn, act="attack").pack()))[-1]
        attack = [d for _, d in screen.buttons() if d.startswith("f:") and FightCb.unpack(d).act == "attack"]
        assert attack, f"the fight ended: {screen.text}"
        turn = FightCb.unpack(attack[0]).turn

    counted.counting = True
    screen = (await chat.press(FightCb(cid=combat_id, turn=turn, act="attack").pack()))[-1]
    counted.counting = False

    assert any(FightCb.unpack(d).turn == turn + 1 for _, d in screen.buttons() if d.startswith("f:"))
    assert len(counted.redis) <= 3, counted.redis
    assert counted.sql == [] and counted.checkouts == 0


async def test_a_pressed_explore_that_meets_a_monster_is_three_redis_round_trips_and_no_postgresql(
    container, db, redis, monkeypatch
):
    """The button's once-only token is claimed in the player's hot hash, written with the stamina spent and
    the fight begun: the throttle with the FSM's read, the lock with the player's, the writes with the
    release. The same press again explores nothing."""
    dp, bot = await container.dispatcher(), await container.bot()
    store = await container.hot_state()
    chat = LocalChat(dp, bot, user_id=PID)
    await chat.send("/start")
    await chat.send("Counter")
    await chat.press_button("Warrior")
    await chat.send("/look")  # the record is read once, then kept
    counted = Counted(monkeypatch, await container.engine())
    for _ in range(30):
        hot = await store.get(PID)
        await store.put_fight(
            PID, None, replace(hot, location_id="meadows", hp=10**6, stamina=100.0, stamina_at=time.time())
        )
        screen = (await chat.send("/look"))[-1]
        [explore] = [d for _, d in screen.buttons() if d.startswith("ex:")]
        counted.redis, counted.sql, counted.checkouts = [], [], 0
        counted.counting = True
        after = (await chat.press(explore))[-1]
        counted.counting = False
        if any(d.startswith("f:") for _, d in after.buttons()):
            break
    else:
        raise AssertionError("no monster in 30 explorations")
    assert counted.sql == [] and counted.checkouts == 0
    assert len(counted.redis) <= 3, counted.redis

    stamina = (await store.get(PID)).stamina
    again = (await chat.press(explore))[-1]
    assert any(d.startswith("f:") for _, d in again.buttons())  # the same fight, shown again
    assert (await store.get(PID)).stamina == stamina


async def test_a_change_made_through_one_process_is_seen_by_the_other_on_the_next_action(container, other, db, redis):
    one, two = await container.game(), await other.game()
    await one.register(player_id=PID, name="Twofold", class_id="warrior")
    await sql(db, "UPDATE characters SET stat_points = 2 WHERE player_id = :p", p=PID)

    # The second process reads the character and keeps it; reading again costs it no PostgreSQL.
    before = await two.get_character(player_id=PID)
    assert before.stat_points == 2
    counted = Counted(pytest.MonkeyPatch(), await other.engine())
    counted.counting = True
    assert await two.get_character(player_id=PID) == before
    counted.counting = False
    assert counted.sql == [] and counted.checkouts == 0

    # A durable change through the first process: the second sees it on its next read, and so the other way.
    after = await one.allocate_stat(player_id=PID, stat="strength", version=before.version)
    seen = await two.get_character(player_id=PID)
    assert (seen.stat_points, seen.stats.strength) == (1, before.stats.strength + 1)
    assert seen.version == after.version
    again = await two.allocate_stat(player_id=PID, stat="vitality", version=seen.version)
    back = await one.get_character(player_id=PID)
    assert (back.stat_points, back.stats.vitality, back.version) == (0, before.stats.vitality + 1, again.version)

    # The world too: a rift opened through one process is on the location screen of the other at once.
    store = await container.hot_state()
    await store.put(PID, replace(await store.get(PID), location_id="meadows"))
    assert (await two.look(player_id=PID)).rifts == ()
    rift = await one.admin_open_rift(location_id="meadows", tier=1)
    assert [r.id for r in (await two.look(player_id=PID)).rifts] == [rift.id]


async def test_a_boss_share_paid_through_one_process_is_seen_by_the_other(container, other, db, redis):
    """Shares are paid in bulk (many characters in one statement): each still publishes its version."""
    from game.adapters.redis_world_boss import boss_key, cooldown_key

    one, two = await container.game(), await other.game()
    await one.register(player_id=PID, name="Bountiful", class_id="mage")
    await sql(db, "UPDATE characters SET intellect = 100000 WHERE player_id = :p", p=PID)
    kept = await two.get_character(player_id=PID)  # the second process keeps its copy
    boss = await one.admin_spawn_boss(location_id="meadows", boss_def_id="old_tusk")
    store = await container.hot_state()
    await store.put(PID, replace(await store.get(PID), location_id="meadows"))
    await one.attack_boss(player_id=PID, boss_id=boss.id)
    await redis.hset(boss_key(boss.id), "hp", 1)  # worn down: the next blow fells it
    await redis.delete(cooldown_key(boss.id, PID))
    assert (await one.attack_boss(player_id=PID, boss_id=boss.id)).killed
    await one.settle_bosses()
    paid = await two.get_character(player_id=PID)
    assert paid.gold > kept.gold and paid.version > kept.version
