"""The bag: item counts, stacks and a capacity counted in slots."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.domain.content_models import ItemDef
from game.domain.errors import InventoryFull, NotEnoughItems, NotOwned, UnknownEntry

DEFAULT_CAPACITY = 30


def _slots_for(quantity: int, stack: int) -> int:
    return -(-quantity // stack)  # ceiling division


@dataclass(frozen=True)
class Inventory:
    """`items` maps item id → quantity (always ≥ 1). Each slot holds up to an item's `stack` units.

    Stored as counts rather than slot by slot: the stacks are always packed, so the slots follow
    from the counts and there is nothing to keep in sync.
    """

    items: Mapping[str, int] = field(default_factory=dict)
    capacity: int = DEFAULT_CAPACITY

    def count(self, item_id: str) -> int:
        return self.items.get(item_id, 0)

    def slots_used(self, catalog: Mapping[str, ItemDef]) -> int:
        return sum(_slots_for(q, _item(catalog, item_id).stack) for item_id, q in self.items.items())

    def free_slots(self, catalog: Mapping[str, ItemDef]) -> int:
        return self.capacity - self.slots_used(catalog)

    def add(self, item_id: str, quantity: int, catalog: Mapping[str, ItemDef]) -> Inventory:
        return self.apply(catalog, add={item_id: quantity})

    def remove(self, item_id: str, quantity: int = 1) -> Inventory:
        if quantity < 1:
            raise ValueError("quantity must be at least 1")
        held = self.count(item_id)
        if held == 0:
            raise NotOwned("you do not have that item", item=item_id)
        if held < quantity:
            raise NotEnoughItems("not enough of that item", item=item_id, needed=quantity, available=held)
        items = dict(self.items)
        if held == quantity:
            del items[item_id]
        else:
            items[item_id] = held - quantity
        return Inventory(items=items, capacity=self.capacity)

    def apply(
        self,
        catalog: Mapping[str, ItemDef],
        *,
        remove: Mapping[str, int] | None = None,
        add: Mapping[str, int] | None = None,
    ) -> Inventory:
        """Remove, then add, all or nothing: a craft or a swap frees room before it needs it."""
        result = self
        for item_id, quantity in (remove or {}).items():
            result = result.remove(item_id, quantity)
        items = dict(result.items)
        for item_id, quantity in (add or {}).items():
            if quantity < 1:
                raise ValueError("quantity must be at least 1")
            _item(catalog, item_id)
            items[item_id] = items.get(item_id, 0) + quantity
        result = Inventory(items=items, capacity=self.capacity)
        used = result.slots_used(catalog)
        if add and used > self.capacity:
            raise InventoryFull("the inventory is full", needed=used, capacity=self.capacity)
        return result

    def to_dict(self) -> dict[str, Any]:
        return {"items": dict(sorted(self.items.items())), "capacity": self.capacity}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Inventory:
        return cls(items={k: int(v) for k, v in data["items"].items()}, capacity=int(data["capacity"]))


def _item(catalog: Mapping[str, ItemDef], item_id: str) -> ItemDef:
    item = catalog.get(item_id)
    if item is None:
        raise UnknownEntry(f"no item {item_id!r}", item=item_id)
    return item
