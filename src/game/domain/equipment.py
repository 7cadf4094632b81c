"""What a character wears: one item per slot, moved to and from the inventory."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.domain.content_models import SLOTS, ClassDef, ItemDef
from game.domain.errors import LevelTooLow, NotOwned, SlotEmpty, UnknownEntry, WrongSlot
from game.domain.inventory import Inventory


@dataclass(frozen=True)
class Equipment:
    """`slots` maps a slot name (weapon, head, …) → the item id worn there; empty slots are absent."""

    slots: Mapping[str, str] = field(default_factory=dict)

    def item_defs(self, catalog: Mapping[str, ItemDef]) -> list[ItemDef]:
        """The worn items' definitions (for `derive_full`); ids the content no longer knows are skipped."""
        return [catalog[i] for i in self.slots.values() if i in catalog]

    def to_dict(self) -> dict[str, str]:
        return {slot: self.slots[slot] for slot in SLOTS if slot in self.slots}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Equipment:
        return cls(slots={str(k): str(v) for k, v in data.items()})


@dataclass(frozen=True)
class Loadout:
    """Equipment and inventory change together: a swap moves an item each way."""

    equipment: Equipment
    inventory: Inventory


def equip(
    equipment: Equipment, inventory: Inventory, item_id: str, level: int, catalog: Mapping[str, ItemDef]
) -> Loadout:
    item = catalog.get(item_id)
    if item is None:
        raise UnknownEntry(f"no item {item_id!r}", item=item_id)
    if item.kind != "equipment" or item.slot is None:
        raise WrongSlot("that cannot be worn", item=item_id)
    if inventory.count(item_id) < 1:
        raise NotOwned("you do not have that item", item=item_id)
    if level < item.level:
        raise LevelTooLow("your level is too low", item=item_id, required=item.level, level=level)
    previous = equipment.slots.get(item.slot)
    returned = {previous: 1} if previous else None
    inventory = inventory.apply(catalog, remove={item_id: 1}, add=returned)
    return Loadout(equipment=Equipment(slots={**equipment.slots, item.slot: item_id}), inventory=inventory)


def unequip(equipment: Equipment, inventory: Inventory, slot: str, catalog: Mapping[str, ItemDef]) -> Loadout:
    if slot not in SLOTS:
        raise WrongSlot(f"no slot {slot!r}", slot=slot)
    item_id = equipment.slots.get(slot)
    if item_id is None:
        raise SlotEmpty("nothing is worn there", slot=slot)
    inventory = inventory.add(item_id, 1, catalog)  # raises InventoryFull: the item stays worn
    slots = {s: i for s, i in equipment.slots.items() if s != slot}
    return Loadout(equipment=Equipment(slots=slots), inventory=inventory)


def starting_loadout(class_def: ClassDef, catalog: Mapping[str, ItemDef]) -> Loadout:
    """What a new character of the class wears and carries."""
    inventory = (
        Inventory().apply(catalog, add=dict(class_def.starting_items)) if class_def.starting_items else Inventory()
    )
    worn = {str(slot): item_id for slot, item_id in class_def.starting_equipment.items()}
    return Loadout(equipment=Equipment(slots=worn), inventory=inventory)
