"""The bag and what the character wears."""

from __future__ import annotations

from dataclasses import replace

from game.api import InventoryView, ItemUsed
from game.application import presenters
from game.application.base import UseCaseBase
from game.domain import equipment as gear
from game.domain.consumables import use_outside_combat


class ItemUseCases(UseCaseBase):
    async def inventory(self, *, player_id: int) -> InventoryView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
        return presenters.inventory_view(self._content, record, self._derived(record))

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView:
        def change(before, hot):
            loadout = gear.equip(
                before.equipment, before.inventory, item_id, before.character.level, self._content.items
            )
            return replace(before, equipment=loadout.equipment, inventory=loadout.inventory), None

        after, _ = await self._change(player_id, version, change)
        return presenters.inventory_view(self._content, after, self._derived(after))

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView:
        def change(before, hot):
            loadout = gear.unequip(before.equipment, before.inventory, slot, self._content.items)
            return replace(before, equipment=loadout.equipment, inventory=loadout.inventory), None

        after, _ = await self._change(player_id, version, change)
        return presenters.inventory_view(self._content, after, self._derived(after))

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed:
        def change(before, hot):
            used = use_outside_combat(before.inventory, hot, item_id, self._derived(before), self._content.items)
            return replace(before, inventory=used.inventory), used.hot

        after, hot = await self._change(player_id, version, change)
        derived = self._derived(after)
        return ItemUsed(
            item=presenters.item_info(self._content.items[item_id]),
            hp=hot.hp,
            max_hp=derived.max_hp,
            mana=hot.mana,
            max_mana=derived.max_mana,
            inventory=presenters.inventory_view(self._content, after, derived),
        )
