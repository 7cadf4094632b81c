"""Rifts: short dungeons generated from a seed, walked step by step, with a chest at the end.

Only the seed (with zone, tier and template) is ever stored: the same inputs always give the same rift.
Two kinds of draws are kept apart on purpose: the *layout* (what each step holds, which monster) comes
from a stream that never looks at the tier, and everything the tier scales (levels, gold, items) comes
from streams of their own. So one seed at a higher tier is the same rift, only harder and richer.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from game.domain.content import Content
from game.domain.content_models import ItemDef, LocationDef, MonsterSpawn, RiftTemplateDef
from game.domain.errors import RuleViolation, UnknownEntry
from game.domain.loot import Rewards
from game.domain.monsters import MonsterStats, monster_at_level
from game.domain.random_tables import pick_weighted

StepKind = Literal["monster", "elite", "treasure", "trap", "shrine", "boss"]
FIGHTS: frozenset[str] = frozenset({"monster", "elite", "boss"})
RunStatus = Literal["active", "cleared", "left", "collapsed", "fallen"]

# A rift is a gauntlet: fight after fight with no inn between. Its ordinary monsters are met at the tier,
# its elites and its boss are the zone's monsters made stronger than their level alone would make them;
# every third floor adds a level (`depth`), and each zone's `rift_toughness` scales all their HP. A run
# is a dozen steps on a few potions and one shrine, so the boss is a last stand, not a wall: measured with
# the balance harness at 50–80% clears.
MONSTER_LEVELS = 0
DEPTH_EVERY_FLOORS = 3
ELITE_LEVELS, ELITE_HP, ELITE_ATTACK, ELITE_PAY = 0, 1.15, 1.05, 1.5
BOSS_LEVELS, BOSS_HP, BOSS_ATTACK, BOSS_PAY = 1, 1.4, 1.05, 3.0
# Traps bite harder in deeper rifts but never kill: a step of bad luck should not end a run.
TRAP_BASE, TRAP_PER_TIER, TRAP_MAX = 0.10, 0.005, 0.20
SHRINE_RESTORES = 0.5  # of max HP and mana
TREASURE_GOLD_PER_TIER = (4, 9)
TREASURE_ITEM_CHANCE = 0.35
# How likely each rarity is among rolled items, growing with the tier: (base, per tier).
RARITY_WEIGHTS: Mapping[str, tuple[int, int]] = {
    "common": (100, 0),
    "uncommon": (25, 6),
    "rare": (5, 4),
    "epic": (1, 2),
    "legendary": (0, 1),
}
ITEM_LEVEL_WINDOW = 4  # items from (tier - 4) up to tier + 1


def rift_tier(location: LocationDef) -> int:
    """A rift opened in a zone is as deep as the zone is dangerous."""
    return max(1, location.level)


def min_level(tier: int) -> int:
    """The level a player needs to enter a rift of this tier: the tier's own."""
    return max(1, tier)


@dataclass(frozen=True)
class RiftStep:
    """One encounter. Only the fields of its `kind` are set."""

    kind: StepKind
    monster: MonsterStats | None = None
    gold: int = 0  # treasure
    items: Mapping[str, int] = field(default_factory=dict)  # treasure
    hp_share: float = 0.0  # trap: of max HP lost; shrine: of max HP and mana restored

    @property
    def is_fight(self) -> bool:
        return self.kind in FIGHTS


@dataclass(frozen=True)
class Rift:
    seed: int
    template_id: str
    location_id: str
    tier: int
    floors: tuple[tuple[RiftStep, ...], ...]
    reward: Rewards

    @property
    def min_level(self) -> int:
        return min_level(self.tier)

    @property
    def steps_per_floor(self) -> int:
        return len(self.floors[0])

    @property
    def total_steps(self) -> int:
        return sum(len(floor) for floor in self.floors)

    def step(self, floor: int, index: int) -> RiftStep:
        return self.floors[floor][index]

    def is_last(self, floor: int, index: int) -> bool:
        return floor == len(self.floors) - 1 and index == len(self.floors[floor]) - 1


def choose_template(
    content: Content, tier: int, rng: random.Random, *, avoid: frozenset[str] = frozenset()
) -> RiftTemplateDef:
    """A template fitting the tier; one not in `avoid` (the rifts open beside it) while there is one, so two
    rifts of one zone never share a name."""
    fitting = [(t, t.weight) for t in content.rifts.values() if t.min_tier <= tier <= t.max_tier]
    if not fitting:
        raise UnknownEntry("no rift fits this tier", tier=tier)
    fresh = [(t, w) for t, w in fitting if t.id not in avoid]
    return pick_weighted(fresh or fitting, rng)


def rift_zones(content: Content) -> list[LocationDef]:
    """Where rifts may open: zones with monsters to fill them."""
    return [loc for loc in content.locations.values() if not loc.town and loc.monsters]


def generate_rift(content: Content, *, seed: int, location_id: str, tier: int, template_id: str) -> Rift:
    template = content.rifts.get(template_id)
    if template is None:
        raise UnknownEntry(f"no rift template {template_id!r}", template=template_id)
    location = content.locations.get(location_id)
    if location is None or not location.monsters:
        raise UnknownEntry(f"no rift can open in {location_id!r}", location=location_id)
    tier = max(1, tier)
    layout = random.Random(f"{seed}:layout")
    weights = template.encounters
    kinds: list[tuple[StepKind, int]] = [
        ("monster", weights.monster),
        ("elite", weights.elite),
        ("treasure", weights.treasure),
        ("trap", weights.trap),
        ("shrine", weights.shrine),
    ]
    pool = _item_pool(content, tier)
    spawns = _rift_spawns(content, location)
    floors: list[tuple[RiftStep, ...]] = []
    for f in range(template.floors):
        steps: list[RiftStep] = []
        for s in range(template.steps_per_floor):
            last_floor = f == template.floors - 1
            if last_floor and s == template.steps_per_floor - 1:
                kind: StepKind = "boss"
            elif last_floor and s == template.steps_per_floor - 2:
                kind = "shrine"  # a breath before the boss
            else:
                kind = pick_weighted(kinds, layout)
            # Every step draws its monster, fight or not, so the layout stream never drifts with the kinds.
            spawn = pick_weighted([(m, m.weight) for m in spawns], layout)
            scaled = random.Random(f"{seed}:step:{f}:{s}")
            steps.append(_step(content, kind, spawn.monster, template, location, tier, f, scaled, pool))
        floors.append(tuple(steps))
    reward = _reward(template, tier, random.Random(f"{seed}:reward"), pool)
    return Rift(
        seed=seed, template_id=template.id, location_id=location.id, tier=tier, floors=tuple(floors), reward=reward
    )


def _step(
    content: Content,
    kind: StepKind,
    monster_id: str,
    template: RiftTemplateDef,
    location: LocationDef,
    tier: int,
    floor: int,
    rng: random.Random,
    pool: list[tuple[str, int]],
) -> RiftStep:
    depth = floor // DEPTH_EVERY_FLOORS  # deeper floors field stronger monsters
    if kind == "monster":
        base = monster_at_level(content.monsters[monster_id], tier + depth + MONSTER_LEVELS)
        return RiftStep(kind, monster=_toughen(base, location.rift_toughness, 1.0, 1.0))
    if kind == "elite":
        base = monster_at_level(content.monsters[monster_id], tier + depth + ELITE_LEVELS)
        return RiftStep(kind, monster=_toughen(base, location.rift_toughness * ELITE_HP, ELITE_ATTACK, ELITE_PAY))
    if kind == "boss":
        boss_id = template.boss or _strongest(content, location)
        base = monster_at_level(content.monsters[boss_id], tier + depth + BOSS_LEVELS)
        return RiftStep(kind, monster=_toughen(base, location.rift_toughness * BOSS_HP, BOSS_ATTACK, BOSS_PAY))
    if kind == "treasure":
        gold = rng.randint(*TREASURE_GOLD_PER_TIER) * tier
        chance = rng.random()
        items = {}
        if chance < TREASURE_ITEM_CHANCE and pool:
            items = {pick_weighted(pool, rng): 1}
        return RiftStep(kind, gold=gold, items=items)
    if kind == "trap":
        return RiftStep(kind, hp_share=min(TRAP_MAX, TRAP_BASE + TRAP_PER_TIER * tier))
    return RiftStep(kind, hp_share=SHRINE_RESTORES)


def _toughen(monster: MonsterStats, hp: float, attack: float, pay: float) -> MonsterStats:
    return replace(
        monster,
        hp=max(1, round(monster.hp * hp)),
        attack=round(monster.attack * attack),
        xp=max(1, round(monster.xp * pay)),
        gold_low=round(monster.gold_low * pay),
        gold_high=round(monster.gold_high * pay),
    )


def _rift_spawns(content: Content, location: LocationDef) -> list[MonsterSpawn]:
    """The zone's ordinary monsters: a rift toughens its own elites and boss, and a zone's elite, toughened
    again, would be a wall rather than a step."""
    return [s for s in location.monsters if not content.monsters[s.monster].elite] or list(location.monsters)


def _strongest(content: Content, location: LocationDef) -> str:
    """The zone's toughest ordinary monster (its elite, met as the boss, would be toughened twice)."""
    monsters = [content.monsters[s.monster] for s in location.monsters]
    ordinary = [m for m in monsters if not m.elite] or monsters
    return max(ordinary, key=lambda m: (m.level, m.hp * m.attack, m.id)).id


def rarity_weight(rarity: str, tier: int) -> int:
    base, per_tier = RARITY_WEIGHTS.get(rarity, (0, 0))
    return base + per_tier * tier


def _item_pool(content: Content, tier: int) -> list[tuple[str, int]]:
    """Gear and consumables a rift of this tier may hold, weighted by rarity (sorted: stable across runs)."""

    def fits(item: ItemDef) -> bool:
        return item.kind != "material" and tier - ITEM_LEVEL_WINDOW <= item.level <= tier + 1

    pool = [(i.id, rarity_weight(i.rarity, tier)) for i in sorted(content.items.values(), key=lambda i: i.id)]
    return [(item_id, w) for item_id, w in pool if w > 0 and fits(content.items[item_id])]


def _reward(template: RiftTemplateDef, tier: int, rng: random.Random, pool: list[tuple[str, int]]) -> Rewards:
    spec = template.reward
    gold = rng.randint(spec.gold_per_tier.low, spec.gold_per_tier.high) * tier
    items: dict[str, int] = {}
    for _ in range(spec.item_rolls if pool else 0):
        item_id = pick_weighted(pool, rng)
        items[item_id] = items.get(item_id, 0) + 1
    return Rewards(xp=spec.xp_per_tier * tier, gold=gold, items=items)


# --- a player's way through a rift -------------------------------------------------------------


class RiftRefused(RuleViolation):
    """The run does not allow this step now (it ended, or a fight is pending elsewhere)."""

    code = "rift_refused"


@dataclass(frozen=True)
class RiftRun:
    """Where a player is in a rift and what the rift itself has given them so far.

    `floor`/`step` point at the next encounter; `fighting` means its fight was started and not yet won.
    """

    rift_id: str
    player_id: int
    floor: int = 0
    step: int = 0
    status: RunStatus = "active"
    fighting: bool = False
    gold: int = 0
    items: Mapping[str, int] = field(default_factory=dict)
    reward_paid: bool = False
    # What the run's won fights paid (they pay on their own): the run's total is told when it ends.
    fights_xp: int = 0
    fights_gold: int = 0
    fights_items: Mapping[str, int] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return self.status == "active"

    def steps_done(self, rift: Rift) -> int:
        if self.status == "cleared":
            return rift.total_steps
        return self.floor * rift.steps_per_floor + self.step

    def to_dict(self) -> dict[str, Any]:
        return {
            "floor": self.floor,
            "step": self.step,
            "status": self.status,
            "fighting": self.fighting,
            "gold": self.gold,
            "items": dict(sorted(self.items.items())),
            "reward_paid": self.reward_paid,
            "fights_xp": self.fights_xp,
            "fights_gold": self.fights_gold,
            "fights_items": dict(sorted(self.fights_items.items())),
        }


def next_step(rift: Rift, run: RiftRun) -> RiftStep:
    if not run.active:
        raise RiftRefused("this run is over", status=run.status)
    return rift.step(run.floor, run.step)


def step_done(rift: Rift, run: RiftRun, *, gold: int = 0, items: Mapping[str, int] | None = None) -> RiftRun:
    """The run after its current step is behind it: on to the next, or cleared after the last."""
    if not run.active:
        raise RiftRefused("this run is over", status=run.status)
    looted = dict(run.items)
    for item_id, quantity in (items or {}).items():
        looted[item_id] = looted.get(item_id, 0) + quantity
    done = replace(run, fighting=False, gold=run.gold + gold, items=looted)
    if rift.is_last(run.floor, run.step):
        return replace(done, status="cleared")
    if run.step + 1 < len(rift.floors[run.floor]):
        return replace(done, step=run.step + 1)
    return replace(done, floor=run.floor + 1, step=0)


def fight_paid(run: RiftRun, *, xp: int, gold: int, items: Mapping[str, int]) -> RiftRun:
    """The run once one of its fights has paid `xp`, `gold` and `items` (those that went into the bag)."""
    earned = dict(run.fights_items)
    for item_id, quantity in items.items():
        earned[item_id] = earned.get(item_id, 0) + quantity
    return replace(run, fights_xp=run.fights_xp + xp, fights_gold=run.fights_gold + gold, fights_items=earned)


def trap_hp(hp: int, max_hp: int, share: float) -> int:
    """HP after a trap: a share of the maximum, but never the last point."""
    return max(1, min(hp, max_hp) - max(1, round(max_hp * share)))


def shrine_vitals(hp: int, mana: int, max_hp: int, max_mana: int, share: float) -> tuple[int, int]:
    return (
        min(max_hp, max(hp, 0) + round(max_hp * share)),
        min(max_mana, max(mana, 0) + round(max_mana * share)),
    )
