"""Trading with the town: the shop's stock, selling loot, and a room at the inn."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.domain.character import Derived, HotState
from game.domain.content_models import ItemDef, ShopDef
from game.domain.errors import NotEnoughGold, NotSellable, UnknownEntry
from game.domain.inventory import Inventory


@dataclass(frozen=True)
class Trade:
    inventory: Inventory
    gold: int


def shelves(shop: ShopDef, catalog: Mapping[str, ItemDef], *, class_id: str, level: int) -> tuple[str, ...]:
    """The stock in the order a player reads it: supplies, then gear made for them from their level down,
    then their gear above their level (what to save for), then what other classes wear."""

    def shelf(item_id: str) -> tuple[int, int]:
        item = catalog[item_id]
        if item.kind != "equipment":
            return 0, 0
        if item.classes and class_id not in item.classes:
            return 3, item.level
        if item.level <= level:
            return 1, -item.level
        return 2, item.level

    known = [i for i in shop.stock if i in catalog]
    return tuple(sorted(known, key=shelf))


def buy(
    shop: ShopDef, inventory: Inventory, gold: int, item_id: str, quantity: int, catalog: Mapping[str, ItemDef]
) -> Trade:
    if item_id not in shop.stock or item_id not in catalog:
        raise UnknownEntry("the shop does not sell that", item=item_id)
    if quantity < 1:
        raise ValueError("quantity must be at least 1")
    cost = catalog[item_id].price * quantity
    if cost > gold:
        raise NotEnoughGold("not enough gold", needed=cost, available=gold)
    return Trade(inventory=inventory.add(item_id, quantity, catalog), gold=gold - cost)


def sell(inventory: Inventory, gold: int, item_id: str, quantity: int, catalog: Mapping[str, ItemDef]) -> Trade:
    item = catalog.get(item_id)
    if item is None:
        raise UnknownEntry(f"no item {item_id!r}", item=item_id)
    if item.sell_price <= 0:
        raise NotSellable("the shop does not buy that", item=item_id)
    return Trade(inventory=inventory.remove(item_id, quantity), gold=gold + item.sell_price * quantity)


def inn_price(shop: ShopDef, level: int) -> int:
    return shop.inn_price + shop.inn_price_per_level * (level - 1)


@dataclass(frozen=True)
class Rest:
    hot: HotState
    gold: int


def rest_at_inn(shop: ShopDef, hot: HotState, gold: int, level: int, derived: Derived) -> Rest:
    price = inn_price(shop, level)
    if price > gold:
        raise NotEnoughGold("not enough gold for a room", needed=price, available=gold)
    return Rest(hot=hot.restored(derived), gold=gold - price)
