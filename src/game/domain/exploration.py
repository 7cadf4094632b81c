"""Exploring a zone: one random encounter from the location's tables."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Literal

from game.domain.content import Content
from game.domain.content_models import LocationDef, LootTable
from game.domain.errors import NotUsable
from game.domain.loot import roll_loot
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.random_tables import pick_weighted

# A monster is met at its zone's level or one either side, so a zone is never quite the same twice and a
# player of the zone's level is never outmatched by one creature that happens to live deeper.
LEVEL_SPREAD = ((-1, 1), (0, 2), (1, 1))

EncounterKind = Literal["monster", "resource", "treasure", "nothing"]


@dataclass(frozen=True)
class Encounter:
    """What exploration found. Only the fields of its `kind` are set."""

    kind: EncounterKind
    location_id: str
    monster: MonsterStats | None = None
    item: str | None = None  # the resource's material
    quantity: int = 0
    gold: int = 0
    items: dict[str, int] = field(default_factory=dict)  # treasure

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "location_id": self.location_id,
            "monster": self.monster.to_dict() if self.monster else None,
            "item": self.item,
            "quantity": self.quantity,
            "gold": self.gold,
            "items": dict(sorted(self.items.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Encounter:
        return cls(
            kind=data["kind"],
            location_id=data["location_id"],
            monster=MonsterStats.from_dict(data["monster"]) if data["monster"] else None,
            item=data["item"],
            quantity=data["quantity"],
            gold=data["gold"],
            items=dict(data["items"]),
        )


def explore(location: LocationDef, content: Content, rng: random.Random) -> Encounter:
    """Roll one encounter. Stamina is the caller's: `hot.spend_stamina(location.stamina_cost, now)` first."""
    if location.town:
        raise NotUsable("there is nothing to explore in town", location=location.id)
    table = location.explore
    kind: EncounterKind = pick_weighted(
        [
            ("monster", table.monster),
            ("resource", table.resource),
            ("treasure", table.treasure),
            ("nothing", table.nothing),
        ],
        rng,
    )
    if kind == "monster":
        return Encounter(kind=kind, location_id=location.id, monster=meet_monster(location, content, rng))
    if kind == "resource":
        node = pick_weighted([(n, n.weight) for n in location.resources], rng)
        quantity = rng.randint(node.quantity.low, node.quantity.high)
        return Encounter(kind=kind, location_id=location.id, item=node.item, quantity=quantity)
    if kind == "treasure":
        gold = rng.randint(location.treasure.gold.low, location.treasure.gold.high)
        items: dict[str, int] = {}
        if location.treasure.items and rng.random() < location.treasure.item_chance:
            items = roll_loot(LootTable(entries=location.treasure.items), rng)
        return Encounter(kind=kind, location_id=location.id, gold=gold, items=items)
    return Encounter(kind="nothing", location_id=location.id)


def meet_monster(location: LocationDef, content: Content, rng: random.Random) -> MonsterStats:
    spawn = pick_weighted([(s, s.weight) for s in location.monsters], rng)
    monster = content.monsters[spawn.monster]
    return monster_at_level(monster, max(1, location.level + pick_weighted(LEVEL_SPREAD, rng)))
