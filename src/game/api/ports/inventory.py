from __future__ import annotations

from typing import Protocol, runtime_checkable

from game.api.dto import InventoryView, ItemUsed


@runtime_checkable
class InventoryApi(Protocol):
    """The bag and what the character wears."""

    async def inventory(self, *, player_id: int) -> InventoryView: ...

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView: ...

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView: ...

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed:
        """Refusals: `NotUsable`, `NothingToRestore` (HP and mana are full), `NotOwned`, `StaleAction`."""
        ...

    async def drop_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> InventoryView:
        """Throw away `quantity` of an item from the bag (never what is worn). Refusals: `NotEnoughItems`,
        `RuleRefused` (a quantity under 1), `StaleAction`, `InCombat`."""
        ...
