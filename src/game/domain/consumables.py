"""Using a consumable outside a fight (in a fight, `combat.act` with `UseItem`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.domain.character import Derived, HotState
from game.domain.content_models import ItemDef
from game.domain.errors import NothingToRestore, NotUsable, UnknownEntry
from game.domain.inventory import Inventory


@dataclass(frozen=True)
class Use:
    inventory: Inventory
    hot: HotState


def use_outside_combat(
    inventory: Inventory, hot: HotState, item_id: str, derived: Derived, catalog: Mapping[str, ItemDef]
) -> Use:
    """Potions of healing and mana work anywhere; buffs and cleansing only mean something in a fight."""
    item = catalog.get(item_id)
    if item is None:
        raise UnknownEntry(f"no item {item_id!r}", item=item_id)
    if item.use is None or not (item.use.heal or item.use.mana):
        raise NotUsable("that can only be used in a fight" if item.use else "that cannot be used", item=item_id)
    inventory = inventory.remove(item_id, 1)  # not held: refused before anything else
    heals = item.use.heal and hot.hp < derived.max_hp
    restores = item.use.mana and hot.mana < derived.max_mana
    if not (heals or restores):
        raise NothingToRestore("that would restore nothing: already full", item=item_id)
    return Use(inventory=inventory, hot=hot.with_vitals(hot.hp + item.use.heal, hot.mana + item.use.mana, derived))
