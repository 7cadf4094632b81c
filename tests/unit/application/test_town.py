"""Ashford: the shop, the inn and the forge — in town only, for the gold the player has, once per press."""

from __future__ import annotations

import pytest

from game.api import (
    AlreadyRested,
    LevelTooLow,
    MissingMaterials,
    NotEnoughGold,
    NotInTown,
    NotOwned,
    RuleRefused,
    StaleAction,
    UnknownEntry,
)


async def test_buying_takes_gold_and_fills_the_bag(game):
    await game.register(1)
    shop = await game.town.shop(player_id=1)
    assert shop.gold == 20 and "minor_healing_potion" in {o.id for o in shop.offers}
    after = await game.town.buy(player_id=1, item_id="minor_healing_potion", quantity=1, version=shop.version)
    assert after.gold == 20 - 15 and after.version == shop.version + 1
    assert (await game.bag(1))["minor_healing_potion"] == 4
    # The same button again: drawn for the old version, so nothing is bought twice.
    with pytest.raises(StaleAction):
        await game.town.buy(player_id=1, item_id="minor_healing_potion", quantity=1, version=shop.version)
    assert await game.gold(1) == 5


async def test_the_shop_refuses_what_the_player_cannot_pay_or_it_does_not_sell(game):
    await game.register(1)
    version = (await game.town.shop(player_id=1)).version
    with pytest.raises(NotEnoughGold) as poor:
        await game.town.buy(player_id=1, item_id="minor_healing_potion", quantity=2, version=version)
    assert poor.value.details == {"needed": 30, "available": 20}
    with pytest.raises(UnknownEntry):
        await game.town.buy(player_id=1, item_id="frostbrand", quantity=1, version=version)
    with pytest.raises(RuleRefused):
        await game.town.buy(player_id=1, item_id="bread", quantity=0, version=version)
    assert await game.gold(1) == 20 and (await game.record(1)).version == version


async def test_selling_pays_and_empties_the_bag(game):
    await game.register(1)
    version = (await game.town.shop(player_id=1)).version
    after = await game.town.sell(player_id=1, item_id="minor_healing_potion", quantity=3, version=version)
    assert after.gold == 20 + 3 * 3
    assert "minor_healing_potion" not in await game.bag(1)
    with pytest.raises(NotOwned):
        await game.town.sell(player_id=1, item_id="minor_healing_potion", quantity=1, version=after.version)


async def test_shop_inn_and_forge_are_in_town_only(game):
    await game.register(1)
    version = (await game.record(1)).version
    await game.exploration.travel(player_id=1, destination="meadows")
    for call in (
        game.town.shop(player_id=1),
        game.town.inn(player_id=1),
        game.town.forge(player_id=1),
        game.town.buy(player_id=1, item_id="bread", quantity=1, version=version),
        game.town.sell(player_id=1, item_id="minor_healing_potion", quantity=1, version=version),
        game.town.rest_at_inn(player_id=1),
        game.town.craft(player_id=1, recipe_id="forge_minor_healing_potion", version=version),
    ):
        with pytest.raises(NotInTown):
            await call
    assert await game.gold(1) == 20 and await game.bag(1) == {"minor_healing_potion": 3}


async def test_a_night_at_the_inn_heals_for_gold_once(game):
    await game.register(1)
    await game.set_hot(1, hp=5, mana=0)
    inn = await game.town.inn(player_id=1)
    assert (inn.price, inn.hp, inn.mana) == (10, 5, 0)
    rested = await game.town.rest_at_inn(player_id=1)
    assert (rested.hp, rested.mana, rested.gold) == (rested.max_hp, rested.max_mana, 10)
    assert (await game.hot_state(1)).hp == rested.max_hp
    with pytest.raises(AlreadyRested):  # a second press pays nothing
        await game.town.rest_at_inn(player_id=1)
    assert await game.gold(1) == 10


async def test_the_inn_wants_its_price_which_grows_with_level(game):
    await game.register(1)
    await game.edit(1, level=5, gold=20)
    await game.set_hot(1, hp=5)
    assert (await game.town.inn(player_id=1)).price == 10 + 4 * 4
    with pytest.raises(NotEnoughGold):
        await game.town.rest_at_inn(player_id=1)
    assert (await game.hot_state(1)).hp == 5 and await game.gold(1) == 20


async def test_the_forge_turns_materials_and_gold_into_an_item(game):
    await game.register(1)
    forge = await game.town.forge(player_id=1)
    recipe = next(r for r in forge.recipes if r.id == "forge_minor_healing_potion")
    assert not recipe.craftable
    with pytest.raises(MissingMaterials):
        await game.town.craft(player_id=1, recipe_id="forge_minor_healing_potion", version=forge.version)
    edited = await game.edit(1, items={"healing_herb": 3})
    crafted = await game.town.craft(player_id=1, recipe_id="forge_minor_healing_potion", version=edited.version)
    assert crafted.item.id == "minor_healing_potion" and crafted.quantity == 1
    assert crafted.forge.gold == 20 - 3
    assert await game.bag(1) == {"minor_healing_potion": 4, "healing_herb": 1}
    with pytest.raises(StaleAction):
        await game.town.craft(player_id=1, recipe_id="forge_minor_healing_potion", version=edited.version)
    assert await game.bag(1) == {"minor_healing_potion": 4, "healing_herb": 1}


async def test_the_forge_refuses_a_recipe_above_the_players_level_or_purse(game):
    await game.register(1)
    edited = await game.edit(1, items={"iron_ore": 4, "oak_wood": 1})
    with pytest.raises(LevelTooLow):
        await game.town.craft(player_id=1, recipe_id="forge_iron_sword", version=edited.version)
    edited = await game.edit(1, level=3, gold=10)
    with pytest.raises(NotEnoughGold):
        await game.town.craft(player_id=1, recipe_id="forge_iron_sword", version=edited.version)
    with pytest.raises(UnknownEntry):
        await game.town.craft(player_id=1, recipe_id="forge_excalibur", version=edited.version)
    assert (await game.bag(1))["iron_ore"] == 4 and await game.gold(1) == 10
