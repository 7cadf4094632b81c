"""The shop, the inn and the forge → DTOs."""

from __future__ import annotations

from game.api import ForgeView, InnView, MaterialNeed, RecipeView, ShopView
from game.application.ports.unit_of_work import PlayerRecord
from game.application.presenters.items import inventory_entries, item_info
from game.domain import shop as trade
from game.domain.character import Derived, HotState
from game.domain.content import Content, ShopDef
from game.domain.crafting import missing_materials


def shop_view(content: Content, town: ShopDef, record: PlayerRecord) -> ShopView:
    return ShopView(
        version=record.version,
        gold=record.character.gold,
        offers=tuple(
            item_info(content.items[i])
            for i in trade.shelves(
                town, content.items, class_id=record.character.class_id, level=record.character.level
            )
        ),
        sellable=tuple(e for e in inventory_entries(content, record) if e.item.sell_price > 0),
        player_level=record.character.level,
    )


def inn_view(town: ShopDef, record: PlayerRecord, hot: HotState, derived: Derived) -> InnView:
    return InnView(
        price=trade.inn_price(town, record.character.level),
        gold=record.character.gold,
        hp=min(hot.hp, derived.max_hp),
        max_hp=derived.max_hp,
        mana=min(hot.mana, derived.max_mana),
        max_mana=derived.max_mana,
    )


def forge_view(content: Content, record: PlayerRecord) -> ForgeView:
    character, bag = record.character, record.inventory
    recipes = []
    for recipe in content.recipes.values():
        missing = missing_materials(recipe, bag)
        recipes.append(
            RecipeView(
                id=recipe.id,
                result=item_info(content.items[recipe.result]),
                quantity=recipe.quantity,
                gold=recipe.gold,
                level=recipe.level,
                materials=tuple(
                    MaterialNeed(item=item_info(content.items[m]), needed=n, have=bag.count(m))
                    for m, n in recipe.materials.items()
                ),
                craftable=not missing and character.gold >= recipe.gold and character.level >= recipe.level,
            )
        )
    recipes.sort(key=lambda r: (not r.craftable, r.level, r.id))
    return ForgeView(version=record.version, gold=character.gold, level=character.level, recipes=tuple(recipes))
