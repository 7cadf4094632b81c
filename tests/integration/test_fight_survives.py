"""A fight outlives a lost Redis: the snapshot keeps it in `accounts.fight`, re-hydration brings it back."""

from __future__ import annotations

import json

import pytest

from game.api import GameApi, InCombat
from tests.integration.test_play import fight_something, sql

PID = 5151


@pytest.fixture
async def hero(game: GameApi, db):
    """A warrior who lasts long and hits softly, so a fight runs for several turns."""
    await game.register(player_id=PID, name="Stayer", class_id="warrior")
    await sql(db, "UPDATE characters SET strength = 1, vitality = 60 WHERE player_id = :p", p=PID)
    return PID


async def attack(game: GameApi, combat):
    return await game.combat_action(player_id=PID, combat_id=combat.id, turn=combat.turn, action="attack")


async def a_fight_one_turn_in(game: GameApi):
    """A fight still going after its first turn."""
    for _ in range(10):
        combat = await fight_something(game, PID)
        combat = await attack(game, combat)
        if combat.outcome == "ongoing":
            return combat
    raise AssertionError("every fight ended in its first turn")


async def saved_fight(db) -> dict | None:
    value = (await sql(db, "SELECT fight FROM accounts WHERE player_id = :p", p=PID)).scalar_one()
    return json.loads(value) if isinstance(value, str) else value


async def test_a_fight_goes_on_after_redis_is_flushed(game: GameApi, hero, db, redis):
    combat = await a_fight_one_turn_in(game)
    await game.snapshot_hot_state()
    assert (await saved_fight(db))["combat"]["turn"] == combat.turn

    await redis.flushdb()

    restored = await game.get_combat(player_id=PID)
    assert restored is not None
    assert (restored.id, restored.turn) == (combat.id, combat.turn)
    assert (restored.player.hp, restored.monster.hp) == (combat.player.hp, combat.monster.hp)
    with pytest.raises(InCombat):  # the restored fight still holds the player
        await game.explore(player_id=PID)
    after = await attack(game, restored)  # the button drawn before the flush still works
    assert after.id == combat.id and (after.outcome != "ongoing" or after.turn == combat.turn + 1)
    assert (await game.get_character(player_id=PID)).hp == after.player.hp


async def test_a_flush_before_the_fight_is_first_pressed(game: GameApi, hero, db, redis):
    combat = await fight_something(game, PID)  # explore, which starts it, goes through the same path
    await game.snapshot_hot_state()
    await redis.flushdb()

    with pytest.raises(InCombat):  # asked before anything else re-hydrates the player
        await game.travel(player_id=PID, destination="ashford")
    restored = await game.get_combat(player_id=PID)
    assert (restored.id, restored.turn) == (combat.id, combat.turn)


async def test_turns_played_after_the_snapshot_replay_the_same(game: GameApi, hero, db, redis):
    combat = await a_fight_one_turn_in(game)
    await game.snapshot_hot_state()
    played = await attack(game, combat)  # never snapshotted

    await redis.flushdb()

    restored = await game.get_combat(player_id=PID)
    assert restored.turn == combat.turn  # back to the snapshot
    replayed = await attack(game, restored)
    assert replayed.model_dump() == played.model_dump()  # seeded by fight and turn: the same blow lands


async def test_a_fight_that_ended_before_the_snapshot_stays_ended(game: GameApi, hero, db, redis):
    combat = await a_fight_one_turn_in(game)
    await game.snapshot_hot_state()
    assert await saved_fight(db) is not None
    fled = combat
    while fled.outcome == "ongoing":
        fled = await game.combat_action(player_id=PID, combat_id=fled.id, turn=fled.turn, action="flee")
    await game.snapshot_hot_state()
    assert await saved_fight(db) is None

    await redis.flushdb()

    assert await game.get_combat(player_id=PID) is None
    # Not held by a fight (fleeing may also have failed until the hero fell and woke up in town).
    assert not (await game.get_character(player_id=PID)).in_combat


async def test_a_saved_fight_that_cannot_go_on_is_dropped(game: GameApi, hero, db, redis):
    await a_fight_one_turn_in(game)
    await game.snapshot_hot_state()
    await sql(db, """UPDATE accounts SET fight = '{"combat": {"id": "x"}}' WHERE player_id = :p""", p=PID)
    await redis.flushdb()

    assert await game.get_combat(player_id=PID) is None
    assert (await game.explore(player_id=PID)).kind
