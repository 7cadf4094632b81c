from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.domain.content import Content
from game.domain.equipment import Equipment, equip, starting_loadout, unequip
from game.domain.errors import (
    InventoryFull,
    LevelTooLow,
    NotEnoughItems,
    NotOwned,
    SlotEmpty,
    UnknownEntry,
    WrongSlot,
)
from game.domain.inventory import Inventory


def test_items_stack_up_to_their_limit(content: Content) -> None:
    stack = content.items["minor_healing_potion"].stack
    bag = Inventory(capacity=5).add("minor_healing_potion", stack + 1, content.items)
    assert bag.count("minor_healing_potion") == stack + 1
    assert bag.slots_used(content.items) == 2
    bag = bag.add("rusty_sword", 2, content.items)  # gear never stacks
    assert bag.slots_used(content.items) == 4 and bag.free_slots(content.items) == 1


def test_a_full_inventory_refuses_more(content: Content) -> None:
    bag = Inventory(capacity=1).add("iron_ore", 50, content.items)
    with pytest.raises(InventoryFull):
        bag.add("iron_ore", 1, content.items)
    bag.remove("iron_ore", 1).add("iron_ore", 1, content.items)  # room again


def test_removing_what_is_not_there_is_refused(content: Content) -> None:
    bag = Inventory().add("iron_ore", 2, content.items)
    with pytest.raises(NotOwned):
        bag.remove("copper_ore")
    with pytest.raises(NotEnoughItems) as err:
        bag.remove("iron_ore", 3)
    assert err.value.details == {"item": "iron_ore", "needed": 3, "available": 2}
    assert bag.remove("iron_ore", 2).items == {}


def test_unknown_items_are_refused(content: Content) -> None:
    with pytest.raises(UnknownEntry):
        Inventory().add("ghost", 1, content.items)


def test_apply_removes_before_adding_all_or_nothing(content: Content) -> None:
    bag = Inventory(capacity=1).add("iron_ore", 4, content.items)
    swapped = bag.apply(content.items, remove={"iron_ore": 4}, add={"iron_sword": 1})
    assert swapped.items == {"iron_sword": 1}
    with pytest.raises(InventoryFull):
        bag.apply(content.items, remove={"iron_ore": 1}, add={"iron_sword": 1})
    assert bag.items == {"iron_ore": 4}  # untouched


def test_inventory_round_trips_through_json(content: Content) -> None:
    bag = Inventory(capacity=12).add("iron_ore", 7, content.items).add("bread", 2, content.items)
    assert Inventory.from_dict(json.loads(json.dumps(bag.to_dict()))) == bag


ITEM_IDS = ["iron_ore", "bread", "rusty_sword", "frost_essence", "minor_healing_potion"]


@given(st.lists(st.tuples(st.booleans(), st.sampled_from(ITEM_IDS), st.integers(1, 30)), max_size=40))
def test_inventory_never_exceeds_capacity_nor_goes_negative(content: Content, ops: list[tuple[bool, str, int]]) -> None:
    bag = Inventory(capacity=6)
    for adding, item_id, quantity in ops:
        with contextlib.suppress(InventoryFull, NotOwned, NotEnoughItems):
            bag = bag.add(item_id, quantity, content.items) if adding else bag.remove(item_id, quantity)
        assert bag.slots_used(content.items) <= bag.capacity
        assert all(q >= 1 for q in bag.items.values())


def test_equipping_moves_the_item_and_swaps_the_old_one_back(content: Content) -> None:
    bag = Inventory().add("rusty_sword", 1, content.items).add("iron_sword", 1, content.items)
    worn = equip(Equipment(), bag, "rusty_sword", 1, content.items)
    assert worn.equipment.slots == {"weapon": "rusty_sword"} and worn.inventory.count("rusty_sword") == 0
    swapped = equip(worn.equipment, worn.inventory, "iron_sword", 3, content.items)
    assert swapped.equipment.slots == {"weapon": "iron_sword"}
    assert swapped.inventory.items == {"rusty_sword": 1}


def test_equip_rules(content: Content) -> None:
    bag = Inventory().add("iron_sword", 1, content.items).add("bread", 1, content.items)
    with pytest.raises(LevelTooLow) as err:
        equip(Equipment(), bag, "iron_sword", 2, content.items)
    assert err.value.details["required"] == 3
    with pytest.raises(WrongSlot):
        equip(Equipment(), bag, "bread", 5, content.items)
    with pytest.raises(NotOwned):
        equip(Equipment(), bag, "steel_sword", 9, content.items)


def test_a_swap_fits_even_in_a_full_bag(content: Content) -> None:
    bag = Inventory(capacity=1).add("iron_sword", 1, content.items)
    worn = equip(Equipment({"weapon": "rusty_sword"}), bag, "iron_sword", 3, content.items)
    assert worn.inventory.items == {"rusty_sword": 1}


def test_unequip_needs_room_and_something_worn(content: Content) -> None:
    worn = Equipment({"head": "leather_cap"})
    off = unequip(worn, Inventory(), "head", content.items)
    assert off.equipment.slots == {} and off.inventory.items == {"leather_cap": 1}
    with pytest.raises(SlotEmpty):
        unequip(off.equipment, off.inventory, "head", content.items)
    with pytest.raises(InventoryFull):
        unequip(worn, Inventory(capacity=0), "head", content.items)
    with pytest.raises(WrongSlot):
        unequip(worn, Inventory(), "tail", content.items)


def test_equipment_round_trips(content: Content) -> None:
    worn = Equipment({"weapon": "rusty_sword", "feet": "sandals"})
    assert Equipment.from_dict(json.loads(json.dumps(worn.to_dict()))) == worn
    assert [i.id for i in worn.item_defs(content.items)] == ["rusty_sword", "sandals"]


def test_each_class_starts_with_its_kit(content: Content) -> None:
    for class_def in content.classes.values():
        kit = starting_loadout(class_def, content.items)
        assert kit.equipment.slots == class_def.starting_equipment
        assert kit.inventory.items == class_def.starting_items
