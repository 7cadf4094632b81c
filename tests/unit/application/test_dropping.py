"""Throwing things away: part of a stack or all of it, never what is worn, never twice for one press."""

from __future__ import annotations

import pytest

from game.api import NotEnoughItems, NotOwned, RuleRefused, StaleAction


async def test_dropping_part_of_a_stack_then_the_rest(game):
    await game.register(1)
    version = (await game.record(1)).version
    bag = await game.api.drop_item(player_id=1, item_id="minor_healing_potion", quantity=2, version=version)
    assert {e.item.id: e.quantity for e in bag.items} == {"minor_healing_potion": 1}
    with pytest.raises(StaleAction):  # the same press again drops nothing more
        await game.api.drop_item(player_id=1, item_id="minor_healing_potion", quantity=1, version=version)
    bag = await game.api.drop_item(player_id=1, item_id="minor_healing_potion", quantity=1, version=bag.version)
    assert bag.items == ()
    assert await game.bag(1) == {}


async def test_what_cannot_be_dropped_is_refused_and_nothing_changes(game):
    await game.register(1)
    record = await game.record(1)
    with pytest.raises(NotEnoughItems):
        await game.api.drop_item(player_id=1, item_id="minor_healing_potion", quantity=4, version=record.version)
    with pytest.raises(NotOwned):  # worn gear is not in the bag
        await game.api.drop_item(player_id=1, item_id="rusty_sword", quantity=1, version=record.version)
    for quantity in (0, -3):
        with pytest.raises(RuleRefused):
            await game.api.drop_item(player_id=1, item_id="minor_healing_potion", quantity=quantity, version=0)
    assert await game.record(1) == record
