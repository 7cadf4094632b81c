"""The bag and what the character wears."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.api import InventoryView, ItemUsed, RuleRefused
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.items import inventory_view, item_info
from game.domain import equipment as gear
from game.domain.character import HotState
from game.domain.consumables import use_outside_combat
from game.domain.content import Content


@dataclass(frozen=True, kw_only=True)
class Items:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions

    async def inventory(self, *, player_id: int) -> InventoryView:
        async with self.uow_factory(read_only=True) as uow:
            record = await self.players.record(uow, player_id)
        return self._view(record)

    async def equip(self, *, player_id: int, item_id: str, version: int) -> InventoryView:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            loadout = gear.equip(
                before.equipment, before.inventory, item_id, before.character.level, self.content.items
            )
            return replace(before, equipment=loadout.equipment, inventory=loadout.inventory), None

        after, _ = await self.actions.change(player_id, version, change)
        return self._view(after)

    async def unequip(self, *, player_id: int, slot: str, version: int) -> InventoryView:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            loadout = gear.unequip(before.equipment, before.inventory, slot, self.content.items)
            return replace(before, equipment=loadout.equipment, inventory=loadout.inventory), None

        after, _ = await self.actions.change(player_id, version, change)
        return self._view(after)

    async def use_item(self, *, player_id: int, item_id: str, version: int) -> ItemUsed:
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, HotState]:
            used = use_outside_combat(before.inventory, hot, item_id, self.players.derived(before), self.content.items)
            return replace(before, inventory=used.inventory), used.hot

        after, hot = await self.actions.change(player_id, version, change)
        derived = self.players.derived(after)
        return ItemUsed(
            item=item_info(self.content.items[item_id]),
            hp=hot.hp,
            max_hp=derived.max_hp,
            mana=hot.mana,
            max_mana=derived.max_mana,
            inventory=inventory_view(self.content, after, derived),
        )

    async def drop_item(self, *, player_id: int, item_id: str, quantity: int, version: int) -> InventoryView:
        if quantity < 1:
            raise RuleRefused("the quantity must be at least 1", quantity=quantity)

        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            return replace(before, inventory=before.inventory.remove(item_id, quantity)), None

        after, _ = await self.actions.change(player_id, version, change)
        return self._view(after)

    def _view(self, record: PlayerRecord) -> InventoryView:
        return inventory_view(self.content, record, self.players.derived(record))
