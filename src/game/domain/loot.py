"""What a won fight pays: XP, gold and items rolled from the monster's loot table.

Loot leans to the player's class: gear made for it turns up more often, gear made for another class
less often (materials, potions and gear for anyone keep their weight).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.domain.content_models import ItemDef, LootTable, MonsterDef, WeightedItem
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.random_tables import pick_weighted

# Killing what is far below you teaches little: from 3 levels under yours, each level takes a quarter off.
XP_GRACE_LEVELS = 2
XP_FALLOFF_PER_LEVEL = 0.25
XP_FLOOR = 0.1
# How the player's class bends a loot table, as factors of an entry's weight. Weights are whole numbers,
# so a leaned table counts in quarters: 4 = as written, 8 = twice, 2 = half.
OWN_CLASS_GEAR = 2.0
OTHER_CLASS_GEAR = 0.5
LEAN_SCALE = 4


@dataclass(frozen=True)
class Rewards:
    xp: int
    gold: int
    items: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"xp": self.xp, "gold": self.gold, "items": dict(sorted(self.items.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rewards:
        return cls(xp=data["xp"], gold=data["gold"], items=dict(data["items"]))


def xp_share(monster_level: int, player_level: int | None) -> float:
    if player_level is None:
        return 1.0
    beyond = player_level - monster_level - XP_GRACE_LEVELS
    return max(XP_FLOOR, 1.0 - XP_FALLOFF_PER_LEVEL * beyond) if beyond > 0 else 1.0


def class_factor(item: ItemDef | None, player_class: str) -> float:
    """How much more (or less) often `item` drops for a player of `player_class`."""
    if item is None or not item.classes:
        return 1.0
    return OWN_CLASS_GEAR if player_class in item.classes else OTHER_CLASS_GEAR


def loot_options(
    table: LootTable, *, items: Mapping[str, ItemDef] | None = None, player_class: str | None = None
) -> list[tuple[WeightedItem | None, int]]:
    """The weighted draws of one roll (None: nothing), leaned to `player_class` when it and `items` are given."""
    lean = items is not None and player_class is not None
    scale = LEAN_SCALE if lean else 1
    options: list[tuple[WeightedItem | None, int]] = []
    for entry in table.entries:
        factor = class_factor(items.get(entry.item), player_class) if items is not None and player_class else 1.0
        options.append((entry, max(1, round(entry.weight * scale * factor))))
    if table.nothing:
        options.append((None, table.nothing * scale))
    return options


def roll_loot(
    table: LootTable,
    rng: random.Random,
    *,
    items: Mapping[str, ItemDef] | None = None,
    player_class: str | None = None,
) -> dict[str, int]:
    """`table.rolls` draws. Without `player_class` (and the `items` to look the gear up in) the table is
    rolled as written."""
    looted: dict[str, int] = {}
    options = loot_options(table, items=items, player_class=player_class)
    if not options:
        return looted
    for _ in range(table.rolls):
        entry = pick_weighted(options, rng)
        if entry is not None:
            quantity = rng.randint(entry.quantity.low, entry.quantity.high)
            if quantity:
                looted[entry.item] = looted.get(entry.item, 0) + quantity
    return looted


def roll_rewards(
    monster: MonsterStats,
    loot: LootTable,
    rng: random.Random,
    *,
    player_level: int | None = None,
    player_class: str | None = None,
    items: Mapping[str, ItemDef] | None = None,
) -> Rewards:
    return Rewards(
        xp=max(1, round(monster.xp * xp_share(monster.level, player_level))),
        gold=rng.randint(monster.gold_low, monster.gold_high),
        items=roll_loot(loot, rng, items=items, player_class=player_class),
    )


def roll_monster_rewards(
    monster: MonsterDef,
    level: int,
    rng: random.Random,
    *,
    player_level: int | None = None,
    player_class: str | None = None,
    items: Mapping[str, ItemDef] | None = None,
) -> Rewards:
    """Rewards of a won fight, from what `Combat` keeps: the monster's id (→ its def) and level.

    Pass the player's class and the item catalog (`content.items`) for loot that leans to the class."""
    return roll_rewards(
        monster_at_level(monster, level),
        monster.loot,
        rng,
        player_level=player_level,
        player_class=player_class,
        items=items,
    )
