"""The bag and the gear: equipping, taking off, drinking a potion outside a fight."""

from __future__ import annotations

import pytest

from game.api import LevelTooLow, NotOwned, NotUsable, SlotEmpty, StaleAction, WrongSlot


async def test_the_bag_shows_what_the_player_holds_and_wears(game):
    await game.register(1)
    bag = await game.items.inventory(player_id=1)
    assert {e.item.id: e.quantity for e in bag.items} == {"minor_healing_potion": 3}
    assert {slot: item.id for slot, item in bag.equipment.items()} == {"weapon": "rusty_sword", "chest": "padded_vest"}
    assert bag.gold == 20 and bag.version == (await game.record(1)).version


async def test_gear_moves_between_the_bag_and_the_body(game):
    await game.register(1)
    edited = await game.edit(1, items={"leather_cap": 1})
    before = await game.characters.get_character(player_id=1)
    worn = await game.items.equip(player_id=1, item_id="leather_cap", version=edited.version)
    assert worn.equipment["head"].id == "leather_cap"
    assert "leather_cap" not in {e.item.id for e in worn.items}
    assert worn.derived.defence > before.derived.defence
    with pytest.raises(StaleAction):  # pressed again: nothing more happens
        await game.items.equip(player_id=1, item_id="leather_cap", version=edited.version)
    off = await game.items.unequip(player_id=1, slot="head", version=worn.version)
    assert "head" not in off.equipment and {e.item.id for e in off.items} >= {"leather_cap"}
    with pytest.raises(SlotEmpty):
        await game.items.unequip(player_id=1, slot="head", version=off.version)
    assert (await game.record(1)).equipment.slots == {"weapon": "rusty_sword", "chest": "padded_vest"}


async def test_gear_the_player_lacks_cannot_wear_or_is_too_high_for_is_refused(game):
    await game.register(1)
    version = (await game.record(1)).version
    with pytest.raises(NotOwned):
        await game.items.equip(player_id=1, item_id="leather_cap", version=version)
    with pytest.raises(WrongSlot):
        await game.items.equip(player_id=1, item_id="minor_healing_potion", version=version)
    edited = await game.edit(1, items={"copper_ring": 1})
    with pytest.raises(LevelTooLow):
        await game.items.equip(player_id=1, item_id="copper_ring", version=edited.version)
    assert (await game.record(1)).equipment.slots == {"weapon": "rusty_sword", "chest": "padded_vest"}


async def test_a_potion_heals_outside_a_fight_and_is_gone(game):
    await game.register(1)
    await game.set_hot(1, hp=10)
    version = (await game.record(1)).version
    used = await game.items.use_item(player_id=1, item_id="minor_healing_potion", version=version)
    assert used.hp > 10 and used.hp == (await game.hot_state(1)).hp
    assert (await game.bag(1))["minor_healing_potion"] == 2
    with pytest.raises(StaleAction):
        await game.items.use_item(player_id=1, item_id="minor_healing_potion", version=version)
    assert (await game.bag(1))["minor_healing_potion"] == 2


async def test_what_only_works_in_a_fight_is_kept_for_one(game):
    await game.register(1)
    edited = await game.edit(1, items={"elixir_of_fury": 1})
    with pytest.raises(NotUsable):
        await game.items.use_item(player_id=1, item_id="elixir_of_fury", version=edited.version)
    with pytest.raises(NotOwned):
        await game.items.use_item(player_id=1, item_id="healing_potion", version=edited.version)
    assert (await game.bag(1))["elixir_of_fury"] == 1
