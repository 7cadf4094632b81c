"""The town's shop, inn and forge."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.api import AlreadyRested, Crafted, ForgeView, InnView, NotInTown, RuleRefused, ShopView, UnknownEntry
from game.application.actions import Actions
from game.application.players import Players
from game.application.ports.unit_of_work import PlayerRecord, UnitOfWorkFactory
from game.application.presenters.items import item_info
from game.application.presenters.town import forge_view, inn_view, shop_view
from game.domain import shop as trade
from game.domain.character import HotState
from game.domain.content import Content, ItemDef, ShopDef
from game.domain.crafting import craft
from shared.events import ItemCrafted
from shared.ports import EventBus


@dataclass(frozen=True, kw_only=True)
class Town:
    content: Content
    uow_factory: UnitOfWorkFactory
    players: Players
    actions: Actions
    events: EventBus | None = None  # crafts are told (daily bounties count them)

    @property
    def _items(self) -> Mapping[str, ItemDef]:
        return self.content.items

    # --- shop -------------------------------------------------------------------------------

    async def shop(self, *, player_id: int) -> ShopView:
        record, hot = await self._read(player_id)
        return shop_view(self.content, self._town(hot), record)

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        _check_quantity(quantity)

        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            deal = trade.buy(self._town(hot), before.inventory, before.character.gold, item_id, quantity, self._items)
            return replace(before, inventory=deal.inventory, character=replace(before.character, gold=deal.gold)), None

        after, hot = await self.actions.change(player_id, version, change, flow="shop_buys")
        return shop_view(self.content, self._town(hot), after)

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        _check_quantity(quantity)

        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            self._town(hot)
            deal = trade.sell(before.inventory, before.character.gold, item_id, quantity, self._items)
            return replace(before, inventory=deal.inventory, character=replace(before.character, gold=deal.gold)), None

        after, hot = await self.actions.change(player_id, version, change, flow="shop_sales")
        return shop_view(self.content, self._town(hot), after)

    # --- inn --------------------------------------------------------------------------------

    async def inn(self, *, player_id: int) -> InnView:
        record, hot = await self._read(player_id)
        hot = self.players.settled(record, hot)
        return inn_view(self._town(hot), record, hot, self.players.derived(record))

    async def rest_at_inn(self, *, player_id: int) -> InnView:
        # No version: a second press finds the player rested and is refused, so it never pays twice.
        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, HotState]:
            town = self._town(hot)
            derived = self.players.derived(before)
            if hot.hp >= derived.max_hp and hot.mana >= derived.max_mana:
                raise AlreadyRested("already rested")
            rest = trade.rest_at_inn(town, hot, before.character.gold, before.character.level, derived)
            return replace(before, character=replace(before.character, gold=rest.gold)), rest.hot

        after, hot = await self.actions.change(player_id, None, change, flow="inn")
        return inn_view(self._town(hot), after, hot, self.players.derived(after))

    # --- forge ------------------------------------------------------------------------------

    async def forge(self, *, player_id: int) -> ForgeView:
        record, hot = await self._read(player_id)
        self._town(hot)
        return forge_view(self.content, record)

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted:
        recipe = self.content.recipes.get(recipe_id)
        if recipe is None:
            raise UnknownEntry(f"no recipe {recipe_id!r}", recipe=recipe_id)

        def change(before: PlayerRecord, hot: HotState) -> tuple[PlayerRecord, None]:
            self._town(hot)
            made = craft(recipe, before.inventory, before.character.gold, before.character.level, self._items)
            return replace(before, inventory=made.inventory, character=replace(before.character, gold=made.gold)), None

        after, _ = await self.actions.change(player_id, version, change, flow="forge")
        if self.events is not None:
            await self.events.publish(ItemCrafted(player_id=player_id, recipe_id=recipe_id, quantity=recipe.quantity))
        return Crafted(
            item=item_info(self._items[recipe.result]),
            quantity=recipe.quantity,
            forge=forge_view(self.content, after),
        )

    # --- helpers ----------------------------------------------------------------------------

    async def _read(self, player_id: int) -> tuple[PlayerRecord, HotState]:
        async with self.uow_factory(read_only=True) as uow:
            return await self.players.record(uow, player_id), await self.players.hot_state(uow, player_id)

    def _town(self, hot: HotState) -> ShopDef:
        town = self.content.shops.get(hot.location_id)
        if town is None:
            raise NotInTown("that is in town", location_id=hot.location_id)
        return town


def _check_quantity(quantity: int) -> None:
    if quantity < 1:
        raise RuleRefused("the quantity must be at least 1", quantity=quantity)
