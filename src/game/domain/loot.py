"""What a won fight pays: XP, gold and items rolled from the monster's loot table."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from game.domain.content_models import LootTable, MonsterDef
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.random_tables import pick_weighted

# Killing what is far below you teaches little: from 3 levels under yours, each level takes a quarter off.
XP_GRACE_LEVELS = 2
XP_FALLOFF_PER_LEVEL = 0.25
XP_FLOOR = 0.1


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


def roll_loot(table: LootTable, rng: random.Random) -> dict[str, int]:
    items: dict[str, int] = {}
    options: list[tuple[Any, int]] = [(entry, entry.weight) for entry in table.entries]
    if table.nothing:
        options.append((None, table.nothing))
    if not options:
        return items
    for _ in range(table.rolls):
        entry = pick_weighted(options, rng)
        if entry is not None:
            quantity = rng.randint(entry.quantity.low, entry.quantity.high)
            if quantity:
                items[entry.item] = items.get(entry.item, 0) + quantity
    return items


def roll_rewards(
    monster: MonsterStats, loot: LootTable, rng: random.Random, *, player_level: int | None = None
) -> Rewards:
    return Rewards(
        xp=max(1, round(monster.xp * xp_share(monster.level, player_level))),
        gold=rng.randint(monster.gold_low, monster.gold_high),
        items=roll_loot(loot, rng),
    )


def roll_monster_rewards(
    monster: MonsterDef, level: int, rng: random.Random, *, player_level: int | None = None
) -> Rewards:
    """Rewards of a won fight, from what `Combat` keeps: the monster's id (→ its def) and level."""
    return roll_rewards(monster_at_level(monster, level), monster.loot, rng, player_level=player_level)
