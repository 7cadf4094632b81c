"""Ashford's shop, inn and forge."""

from __future__ import annotations

from dataclasses import replace

from game.api import (
    AlreadyRested,
    Crafted,
    ForgeView,
    InnView,
    MaterialNeed,
    NotInTown,
    RecipeView,
    RuleRefused,
    ShopView,
    UnknownEntry,
)
from game.application import presenters
from game.application.base import UseCaseBase
from game.application.ports.unit_of_work import PlayerRecord
from game.domain import shop as trade
from game.domain.character import HotState
from game.domain.content import ShopDef
from game.domain.crafting import craft, missing_materials


class TownUseCases(UseCaseBase):
    # --- shop -------------------------------------------------------------------------------

    async def shop(self, *, player_id: int) -> ShopView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        return self._shop_view(self._town(hot), record)

    async def buy(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        _check_quantity(quantity)

        def change(before, hot):
            deal = trade.buy(self._town(hot), before.inventory, before.character.gold, item_id, quantity, self._items)
            return replace(before, inventory=deal.inventory, character=replace(before.character, gold=deal.gold)), None

        after, hot = await self._change(player_id, version, change)
        return self._shop_view(self._town(hot), after)

    async def sell(self, *, player_id: int, item_id: str, quantity: int, version: int) -> ShopView:
        _check_quantity(quantity)

        def change(before, hot):
            self._town(hot)
            deal = trade.sell(before.inventory, before.character.gold, item_id, quantity, self._items)
            return replace(before, inventory=deal.inventory, character=replace(before.character, gold=deal.gold)), None

        after, hot = await self._change(player_id, version, change)
        return self._shop_view(self._town(hot), after)

    # --- inn --------------------------------------------------------------------------------

    async def inn(self, *, player_id: int) -> InnView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        return self._inn_view(self._town(hot), record, hot)

    async def rest_at_inn(self, *, player_id: int) -> InnView:
        # No version: a second press finds the player rested and is refused, so it never pays twice.
        def change(before, hot):
            town = self._town(hot)
            derived = self._derived(before)
            if hot.hp >= derived.max_hp and hot.mana >= derived.max_mana:
                raise AlreadyRested("already rested")
            rest = trade.rest_at_inn(town, hot, before.character.gold, before.character.level, derived)
            return replace(before, character=replace(before.character, gold=rest.gold)), rest.hot

        after, hot = await self._change(player_id, None, change)
        return self._inn_view(self._town(hot), after, hot)

    # --- forge ------------------------------------------------------------------------------

    async def forge(self, *, player_id: int) -> ForgeView:
        async with self._uow_factory(read_only=True) as uow:
            record = await self._player(uow, player_id)
            hot = await self._hot_state(uow, player_id)
        self._town(hot)
        return self._forge_view(record)

    async def craft(self, *, player_id: int, recipe_id: str, version: int) -> Crafted:
        recipe = self._content.recipes.get(recipe_id)
        if recipe is None:
            raise UnknownEntry(f"no recipe {recipe_id!r}", recipe=recipe_id)

        def change(before, hot):
            self._town(hot)
            made = craft(recipe, before.inventory, before.character.gold, before.character.level, self._items)
            return replace(before, inventory=made.inventory, character=replace(before.character, gold=made.gold)), None

        after, _ = await self._change(player_id, version, change)
        return Crafted(
            item=presenters.item_info(self._items[recipe.result]),
            quantity=recipe.quantity,
            forge=self._forge_view(after),
        )

    # --- helpers ----------------------------------------------------------------------------

    @property
    def _items(self):
        return self._content.items

    def _town(self, hot: HotState) -> ShopDef:
        town = self._content.shops.get(hot.location_id)
        if town is None:
            raise NotInTown("that is in town", location_id=hot.location_id)
        return town

    def _shop_view(self, town: ShopDef, record: PlayerRecord) -> ShopView:
        return ShopView(
            version=record.version,
            gold=record.character.gold,
            offers=tuple(presenters.item_info(self._items[i]) for i in town.stock if i in self._items),
            sellable=tuple(e for e in presenters.inventory_entries(self._content, record) if e.item.sell_price > 0),
        )

    def _inn_view(self, town: ShopDef, record: PlayerRecord, hot: HotState) -> InnView:
        derived = self._derived(record)
        return InnView(
            price=trade.inn_price(town, record.character.level),
            gold=record.character.gold,
            hp=min(hot.hp, derived.max_hp),
            max_hp=derived.max_hp,
            mana=min(hot.mana, derived.max_mana),
            max_mana=derived.max_mana,
        )

    def _forge_view(self, record: PlayerRecord) -> ForgeView:
        recipes = []
        for recipe in self._content.recipes.values():
            missing = missing_materials(recipe, record.inventory)
            recipes.append(
                RecipeView(
                    id=recipe.id,
                    result=presenters.item_info(self._items[recipe.result]),
                    quantity=recipe.quantity,
                    gold=recipe.gold,
                    level=recipe.level,
                    materials=tuple(
                        MaterialNeed(
                            item=presenters.item_info(self._items[m]), needed=n, have=record.inventory.count(m)
                        )
                        for m, n in recipe.materials.items()
                    ),
                    craftable=not missing
                    and record.character.gold >= recipe.gold
                    and record.character.level >= recipe.level,
                )
            )
        recipes.sort(key=lambda r: (not r.craftable, r.level, r.id))
        return ForgeView(
            version=record.version, gold=record.character.gold, level=record.character.level, recipes=tuple(recipes)
        )


def _check_quantity(quantity: int) -> None:
    if quantity < 1:
        raise RuleRefused("the quantity must be at least 1", quantity=quantity)
