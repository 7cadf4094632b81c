"""Items, stacks and the bag → DTOs."""

from __future__ import annotations

from collections.abc import Mapping

from game.api import InventoryEntry, InventoryView, ItemInfo, ItemStack
from game.application.ports.unit_of_work import PlayerRecord
from game.application.presenters.characters import derived_stats
from game.application.presenters.names import grammar
from game.domain.character import Derived
from game.domain.content import Content, ItemDef


def item_info(item: ItemDef) -> ItemInfo:
    bonuses = {k: v for k, v in item.bonuses.model_dump().items() if v}
    effects: dict[str, int] = {}
    if item.use is not None:
        effects = {k: int(v) for k, v in (("heal", item.use.heal), ("mana", item.use.mana)) if v}
        if item.use.cleanse:
            effects["cleanse"] = 1
        if item.use.status is not None:
            effects[item.use.status.effect] = item.use.status.turns
    return ItemInfo(
        id=item.id,
        name=item.name.as_dict(),
        description=item.description.as_dict(),
        kind=item.kind,
        slot=item.slot,
        rarity=item.rarity,
        level=item.level,
        buy_price=item.price or None,
        sell_price=item.sell_price,
        bonuses=bonuses,
        effects=effects,
        name_forms=grammar(item.ru),
    )


def stacks(content: Content, items: Mapping[str, int]) -> tuple[ItemStack, ...]:
    return tuple(
        ItemStack(item=item_info(content.items[i]), quantity=q) for i, q in sorted(items.items()) if i in content.items
    )


def _can_use(item: ItemDef) -> bool:
    return item.use is not None and bool(item.use.heal or item.use.mana)


def inventory_entries(content: Content, record: PlayerRecord) -> tuple[InventoryEntry, ...]:
    level = record.character.level
    entries = []
    for item_id, quantity in record.inventory.items.items():
        item = content.items.get(item_id)
        if item is None:  # removed from the content: kept in storage, not shown
            continue
        entries.append(
            InventoryEntry(
                item=item_info(item),
                quantity=quantity,
                can_equip=item.kind == "equipment" and level >= item.level,
                can_use=_can_use(item),
            )
        )
    order = {"equipment": 0, "consumable": 1, "material": 2}
    return tuple(sorted(entries, key=lambda e: (order.get(e.item.kind, 3), -e.item.level, e.item.id)))


def inventory_view(content: Content, record: PlayerRecord, derived: Derived) -> InventoryView:
    return InventoryView(
        version=record.version,
        gold=record.character.gold,
        capacity=record.inventory.capacity,
        slots_used=record.inventory.slots_used(content.items),
        items=inventory_entries(content, record),
        equipment={
            slot: item_info(content.items[item_id])
            for slot, item_id in record.equipment.slots.items()
            if item_id in content.items
        },
        derived=derived_stats(derived),
    )
