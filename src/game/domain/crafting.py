"""The forge: a recipe turns materials and gold into an item, all at once or not at all."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.domain.content_models import ItemDef, RecipeDef
from game.domain.errors import LevelTooLow, MissingMaterials, NotEnoughGold
from game.domain.inventory import Inventory


@dataclass(frozen=True)
class Craft:
    """The new inventory and gold, plus what changed, for the caller's one transaction and the UI."""

    inventory: Inventory
    gold: int
    removed: Mapping[str, int] = field(default_factory=dict)
    added: Mapping[str, int] = field(default_factory=dict)
    gold_spent: int = 0


def missing_materials(recipe: RecipeDef, inventory: Inventory) -> dict[str, int]:
    """Material id → how many more are needed; empty when everything is at hand."""
    return {
        item: needed - inventory.count(item)
        for item, needed in recipe.materials.items()
        if inventory.count(item) < needed
    }


def craft(recipe: RecipeDef, inventory: Inventory, gold: int, level: int, catalog: Mapping[str, ItemDef]) -> Craft:
    if level < recipe.level:
        raise LevelTooLow("your level is too low", recipe=recipe.id, required=recipe.level, level=level)
    missing = missing_materials(recipe, inventory)
    if missing:
        raise MissingMaterials(
            "missing materials",
            recipe=recipe.id,
            missing=[{"item": item, "quantity": quantity} for item, quantity in missing.items()],
        )
    if gold < recipe.gold:
        raise NotEnoughGold("not enough gold", recipe=recipe.id, needed=recipe.gold, available=gold)
    added = {recipe.result: recipe.quantity}
    inventory = inventory.apply(catalog, remove=recipe.materials, add=added)  # raises InventoryFull
    return Craft(
        inventory=inventory,
        gold=gold - recipe.gold,
        removed=dict(recipe.materials),
        added=added,
        gold_spent=recipe.gold,
    )
