"""Fights in the wild: won, lost, fled; every payout and every charge exactly once, whatever is pressed again."""

from __future__ import annotations

import asyncio

import pytest

from game.api import Busy, InCombat, NotOwned, StaleAction, UnknownEntry

from .play import meet, play_out, press


async def test_a_won_fight_pays_once_and_lets_the_player_go(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    before = await game.characters.get_character(player_id=1)
    done = await play_out(game, 1, combat)
    assert done.outcome == "won" and done.rewards is not None
    after = await game.characters.get_character(player_id=1)
    assert after.gold == before.gold + done.rewards.gold
    assert (after.level, after.xp) != (before.level, before.xp)
    assert game.claims(1, "fight:") == [f"fight:{combat.id}"]
    assert not after.in_combat and after.location_id == "meadows"
    assert await game.fights.get_combat(player_id=1) is None
    # The last button pressed again does nothing.
    with pytest.raises(StaleAction):
        await game.fights.combat_action(player_id=1, combat_id=done.id, turn=done.turn - 1, action="attack")
    assert await game.gold(1) == after.gold


async def test_the_winning_blow_replayed_after_a_crash_pays_nothing_more(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    while True:
        # What Redis held before this press: a crash after the payout but before the fight was put away.
        saved = (await game.hot.get_fight(1), await game.hot_state(1))
        bag, gold = await game.bag(1), await game.gold(1)
        done = await press(game, 1, combat)
        if done.outcome != "ongoing":
            break
        combat = done
    assert done.outcome == "won"
    paid_bag, paid_gold = await game.bag(1), await game.gold(1)
    assert paid_gold == gold + done.rewards.gold

    await game.hot.put_fight(1, *saved)
    replayed = await press(game, 1, combat)
    assert replayed.outcome == "won" and replayed.rewards.gold == done.rewards.gold  # the same blow, the same end
    assert await game.gold(1) == paid_gold and await game.bag(1) == paid_bag
    assert paid_bag != bag or done.rewards.items == ()
    assert game.claims(1, "fight:") == [f"fight:{combat.id}"]


async def test_a_lost_fight_costs_gold_once_and_wakes_the_player_in_town(game):
    await game.register(1)
    await game.edit(1, gold=100)
    await game.weaken(1)
    combat = await meet(game, 1)
    done = await play_out(game, 1, combat)
    assert done.outcome == "lost" and done.rewards is None
    assert done.gold_lost > 0 and await game.gold(1) == 100 - done.gold_lost
    assert done.respawn_location["en"] == "Ashford"
    sheet = await game.characters.get_character(player_id=1)
    assert sheet.location_id == "ashford" and sheet.hp == sheet.derived.max_hp and not sheet.in_combat
    assert game.claims(1, "death:") == [f"death:{combat.id}"]
    assert game.claims(1, "fight:") == []


async def test_fleeing_ends_the_fight_with_nothing_paid_or_charged(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    gold, bag = await game.gold(1), await game.bag(1)
    done = await play_out(game, 1, combat, action="flee")
    assert done.outcome == "fled" and done.rewards is None and not done.gold_lost
    assert await game.gold(1) == gold and await game.bag(1) == bag
    assert game.claims(1, "fight:") == [] and game.claims(1, "death:") == []
    sheet = await game.characters.get_character(player_id=1)
    assert sheet.location_id == "meadows" and not sheet.in_combat


async def test_buttons_of_another_fight_or_turn_do_nothing(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    with pytest.raises(StaleAction):
        await game.fights.combat_action(player_id=1, combat_id="someone-elses", turn=combat.turn, action="attack")
    with pytest.raises(StaleAction):
        await game.fights.combat_action(player_id=1, combat_id=combat.id, turn=combat.turn + 5, action="attack")
    with pytest.raises(UnknownEntry):
        await press(game, 1, combat, "summon_dragon")
    with pytest.raises(NotOwned):
        await press(game, 1, combat, "item", item_id="greater_healing_potion")
    unchanged = await game.fights.get_combat(player_id=1)
    assert (unchanged.turn, unchanged.monster.hp) == (combat.turn, combat.monster.hp)
    with pytest.raises(StaleAction):
        await game.fights.combat_action(player_id=2, combat_id=combat.id, turn=combat.turn, action="attack")


async def test_a_potion_drunk_in_a_fight_is_taken_from_the_bag_once(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    sheet = await game.characters.get_character(player_id=1)
    await game.hot.put_fight(1, await game.hot.get_fight(1), await game.set_hot(1, hp=sheet.derived.max_hp // 4))
    saved = (await game.hot.get_fight(1), await game.hot_state(1))
    drunk = await press(game, 1, combat, "item", item_id="minor_healing_potion")
    assert (await game.bag(1))["minor_healing_potion"] == 2
    assert game.claims(1, "use:") == [f"use:{combat.id}:{combat.turn}"]
    assert any(e.kind == "item" for e in drunk.log)

    await game.hot.put_fight(1, *saved)  # the same turn replayed after a crash
    await press(game, 1, combat, "item", item_id="minor_healing_potion")
    assert (await game.bag(1))["minor_healing_potion"] == 2


async def test_the_bag_and_gear_wait_while_skills_and_stats_do_not(game):
    await game.register(1)
    await game.empower(1)
    record = await game.edit(1, stat_points=1)
    await meet(game, 1)
    with pytest.raises(InCombat):
        await game.items.use_item(player_id=1, item_id="minor_healing_potion", version=record.version)
    with pytest.raises(InCombat):
        await game.items.unequip(player_id=1, slot="weapon", version=record.version)
    sheet = await game.characters.allocate_stat(player_id=1, stat="vitality", version=record.version)
    assert sheet.stat_points == 0
    tree = await game.skills.learn_skill(player_id=1, skill_id="power_strike", version=sheet.version)
    assert next(s for s in tree.skills if s.id == "power_strike").learned


async def test_a_press_while_the_last_is_still_running_finds_the_player_busy(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    async with game.locks.hold(1):  # another action of this player, in flight
        with pytest.raises(Busy):
            await press(game, 1, combat)
    assert (await game.fights.get_combat(player_id=1)).turn == combat.turn


async def test_the_same_press_fired_many_times_at_once_plays_once(game):
    await game.register(1)
    await game.empower(1)
    combat = await meet(game, 1)
    results = await asyncio.gather(*(press(game, 1, combat) for _ in range(10)), return_exceptions=True)
    played = [r for r in results if not isinstance(r, BaseException)]
    assert len(played) == 1, results
    assert all(isinstance(r, Busy | StaleAction) for r in results if isinstance(r, BaseException))
    assert len(game.claims(1, "fight:")) == (1 if played[0].outcome == "won" else 0)
