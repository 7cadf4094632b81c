"""Pacing: HP, mana and stamina come back with time (never in a fight), the sheet says when, a level-up heals,
and a potion that would do nothing is kept."""

from __future__ import annotations

import pytest

from game.api import NothingToRestore
from game.domain.character import xp_to_next
from tests.unit.application.play import meet, play_out


async def test_hp_and_mana_come_back_slowly_out_of_a_fight(game):
    await game.register(1)
    full = await game.characters.get_character(player_id=1)
    await game.set_hot(1, hp=full.derived.max_hp // 4, mana=0)
    hurt = await game.characters.get_character(player_id=1)
    assert hurt.hp == full.derived.max_hp // 4 and hurt.hp_full_in > 0 and hurt.mana_full_in > 0
    game.clock.advance(hurt.hp_full_in / 2)
    halfway = await game.characters.get_character(player_id=1)
    assert hurt.hp < halfway.hp < full.derived.max_hp
    assert 0 < halfway.hp_full_in < hurt.hp_full_in
    game.clock.advance(hurt.hp_full_in)
    rested = await game.characters.get_character(player_id=1)
    assert (rested.hp, rested.mana) == (full.derived.max_hp, full.derived.max_mana)
    assert rested.hp_full_in == rested.mana_full_in == 0


async def test_nothing_comes_back_while_fighting(game):
    await game.register(1)
    combat = await meet(game, 1)
    game.clock.advance(600)
    sheet = await game.characters.get_character(player_id=1)
    assert sheet.in_combat and sheet.hp == combat.player.hp


async def test_stamina_says_when_the_next_exploration_is_possible(game):
    await game.register(1)
    await game.place(1, "meadows")
    await game.set_hot(1, stamina=0.0, stamina_at=game.clock.now())
    sheet = await game.characters.get_character(player_id=1)
    assert sheet.explore_cost > 0 and sheet.explore_in > 0 and sheet.stamina_full_in >= sheet.explore_in
    game.clock.advance(sheet.explore_in)
    assert (await game.characters.get_character(player_id=1)).explore_in == 0


async def test_a_level_up_heals(game):
    await game.register(1)
    await game.empower(1, level=1)
    await game.edit(1, xp=xp_to_next(1) - 1)
    combat = await meet(game, 1)
    await game.set_hot(1, hp=combat.player.hp)  # whatever the fight leaves, the level-up fills it
    done = await play_out(game, 1, combat)
    assert done.outcome == "won" and done.rewards.levels_gained == 1
    sheet = await game.characters.get_character(player_id=1)
    assert sheet.level == 2 and sheet.hp == sheet.derived.max_hp and sheet.mana == sheet.derived.max_mana


async def test_a_potion_that_would_do_nothing_is_kept(game):
    await game.register(1)
    version = (await game.record(1)).version
    with pytest.raises(NothingToRestore):
        await game.items.use_item(player_id=1, item_id="minor_healing_potion", version=version)
    assert (await game.bag(1))["minor_healing_potion"] == 3
    sheet = await game.characters.get_character(player_id=1)
    await game.set_hot(1, hp=sheet.derived.max_hp - 5)
    used = await game.items.use_item(player_id=1, item_id="minor_healing_potion", version=version)
    assert used.hp == sheet.derived.max_hp and (await game.bag(1))["minor_healing_potion"] == 2
