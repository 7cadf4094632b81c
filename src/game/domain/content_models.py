"""The shape of each content entry, checked field by field when the files are loaded.

Cross-references between entries (a loot table naming an item, …) are checked in `content.py`.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator, model_validator

from game.domain.content_base import LANGUAGES as LANGUAGES
from game.domain.content_base import ContentModel as ContentModel
from game.domain.content_base import Range as Range
from game.domain.content_base import Text as Text
from game.domain.grammar import RuForms as RuForms
from game.domain.grammar import RuPlace as RuPlace

SLOTS = ("weapon", "head", "chest", "legs", "feet", "trinket")
Slot = Literal["weapon", "head", "chest", "legs", "feet", "trinket"]
Rarity = Literal["common", "uncommon", "rare", "epic", "legendary"]
RARITIES: tuple[str, ...] = get_args(Rarity)
STAT_NAMES = ("strength", "agility", "intellect", "vitality")
Effect = Literal[
    "bleed",
    "burn",
    "poison",
    "stun",
    "freeze",
    "attack_up",
    "defence_up",
    "attack_down",
    "defence_down",
    "guard",
    "dodge_up",
    "crit_up",
    "mana_shield",
]
EFFECTS: tuple[str, ...] = get_args(Effect)
DamageOverTime = Literal["bleed", "burn", "poison"]
DAMAGE_OVER_TIME = frozenset({"bleed", "burn", "poison"})
# Statuses whose `power` is a share written as a percentage on the status: guard (of damage taken away),
# dodge_up and crit_up (added chance), mana_shield (of each blow paid with mana instead of health).
PERCENT_EFFECTS = frozenset({"guard", "dodge_up", "crit_up", "mana_shield"})


class BaseStats(ContentModel):
    strength: int = Field(ge=1)
    agility: int = Field(ge=1)
    intellect: int = Field(ge=1)
    vitality: int = Field(ge=1)


class Bonuses(ContentModel):
    """Flat additions, from gear or passive skills. Stats feed the derived values; the rest add on top."""

    strength: int = 0
    agility: int = 0
    intellect: int = 0
    vitality: int = 0
    max_hp: int = 0
    max_mana: int = 0
    attack: int = 0
    defence: int = 0
    magic: int = 0
    crit_chance: float = Field(default=0.0, ge=-1, le=1)
    dodge_chance: float = Field(default=0.0, ge=-1, le=1)
    crit_damage: float = Field(default=0.0, ge=-1, le=3)  # added to the multiplier of a critical blow
    lifesteal: float = Field(default=0.0, ge=0, le=1)  # share of the damage dealt that heals the dealer
    damage_reduction: float = Field(default=0.0, ge=-1, le=1)  # share of each blow taken away
    mana_regen: int = Field(default=0, ge=-50, le=50)  # mana back at the start of each of your turns in a fight


class StatusSpec(ContentModel):
    """A status to apply. `power` scales the source's attack (magic for burn) into the tick or the buff;
    for the percentage statuses (`PERCENT_EFFECTS`) it is the share itself. A status applied again
    replaces the old one, unless it stacks (`max_stacks` > 1): then each application adds one more
    tick's worth, up to the cap, and starts its turns again."""

    effect: Effect
    turns: int = Field(ge=1, le=10)
    power: float = Field(default=0.0, ge=0)
    chance: float = Field(default=1.0, gt=0, le=1)
    max_stacks: int = Field(default=1, ge=1, le=10)

    @model_validator(mode="after")
    def _stacks_tick(self) -> StatusSpec:
        if self.max_stacks > 1 and self.effect not in DAMAGE_OVER_TIME:
            raise ValueError("only damage over time stacks")
        if self.effect in PERCENT_EFFECTS and not 0 < self.power <= 1:
            raise ValueError(f"{self.effect} needs a power between 0 and 1 (a share)")
        return self


class ClassDef(ContentModel):
    id: str
    name: Text
    description: Text
    stats: BaseStats
    starting_equipment: dict[Slot, str] = Field(default_factory=dict)
    starting_items: dict[str, int] = Field(default_factory=dict)


class MonsterSpawn(ContentModel):
    monster: str
    weight: int = Field(ge=1)


class ResourceNode(ContentModel):
    item: str
    weight: int = Field(ge=1)
    quantity: Range = Range(low=1, high=1)


class WeightedItem(ContentModel):
    item: str
    weight: int = Field(ge=1)
    quantity: Range = Range(low=1, high=1)


class ExploreTable(ContentModel):
    """Relative chances of what one exploration finds."""

    monster: int = Field(default=55, ge=0)
    resource: int = Field(default=25, ge=0)
    treasure: int = Field(default=8, ge=0)
    nothing: int = Field(default=12, ge=0)


class TreasureTable(ContentModel):
    gold: Range = Range(low=3, high=10)
    item_chance: float = Field(default=0.0, ge=0, le=1)
    items: tuple[WeightedItem, ...] = ()


class LocationDef(ContentModel):
    id: str
    name: Text
    description: Text
    ru: RuPlace  # the Russian name's gender and case forms, and where/whither with the right preposition
    level: int = Field(ge=1)
    # How much sturdier a rift's monsters are than the zone's own (HP): tuned per zone with the balance
    # harness, since zones differ in how hard their monsters are for their level.
    rift_toughness: float = Field(default=1.0, ge=0.5, le=3.0)
    town: bool = False
    exits: tuple[str, ...]
    monsters: tuple[MonsterSpawn, ...] = ()
    resources: tuple[ResourceNode, ...] = ()
    explore: ExploreTable = ExploreTable()
    treasure: TreasureTable = TreasureTable()
    stamina_cost: int = Field(default=5, ge=0)

    @field_validator("exits")
    @classmethod
    def _no_duplicate_exits(cls, exits: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(exits)) != len(exits):
            raise ValueError("an exit is listed twice")
        return exits


class LootTable(ContentModel):
    """`rolls` draws; each picks one entry by weight, or nothing with weight `nothing`."""

    rolls: int = Field(default=1, ge=0, le=10)
    nothing: int = Field(default=0, ge=0)
    entries: tuple[WeightedItem, ...] = ()


class MonsterDef(ContentModel):
    """A monster's archetype: multipliers of the standard monster of the level it is met at
    (`monsters.standard_monster`), e.g. `"hp": 1.3, "attack": 0.9`; elites carry two to three times the HP."""

    id: str
    name: Text
    description: Text
    ru: RuForms
    level: int = Field(ge=1)
    hp: float = Field(default=1.0, gt=0, le=10)
    attack: float = Field(default=1.0, ge=0, le=5)
    defence: float = Field(default=1.0, ge=0, le=5)
    agility: float = Field(default=1.0, ge=0, le=5)
    xp: float = Field(default=1.0, ge=0, le=10)
    gold: float = Field(default=1.0, ge=0, le=10)
    crit_chance: float = Field(default=0.05, ge=0, le=1)
    dodge_chance: float = Field(default=0.03, ge=0, le=1)
    magic_resist: float = Field(default=0.0, ge=0, le=0.75)  # share of each spell's damage it shrugs off
    loot: LootTable = LootTable()
    on_hit: tuple[StatusSpec, ...] = ()
    elite: bool = False


class ConsumableEffect(ContentModel):
    heal: int = Field(default=0, ge=0)
    mana: int = Field(default=0, ge=0)
    cleanse: bool = False
    status: StatusSpec | None = None

    @model_validator(mode="after")
    def _does_something(self) -> ConsumableEffect:
        if not (self.heal or self.mana or self.cleanse or self.status):
            raise ValueError("a consumable must heal, restore mana, cleanse or apply a status")
        return self


class ItemDef(ContentModel):
    id: str
    name: Text
    description: Text
    ru: RuForms
    kind: Literal["equipment", "consumable", "material"]
    classes: tuple[str, ...] = ()  # the classes this gear is made for (loot leans to them); none: anyone's
    rarity: Rarity = "common"
    level: int = Field(default=1, ge=1)
    stack: int = Field(default=1, ge=1, le=999)
    price: int = Field(default=0, ge=0)  # what the shop asks; 0 when it is never sold
    sell_price: int = Field(default=0, ge=0)  # what the shop pays; 0 when it does not buy it
    slot: Slot | None = None
    bonuses: Bonuses = Bonuses()
    use: ConsumableEffect | None = None
    bound: bool = False  # bound to who earned it: never traded between players

    @property
    def tradable(self) -> bool:
        return not self.bound

    @model_validator(mode="after")
    def _consistent(self) -> ItemDef:
        if self.kind == "equipment":
            if self.slot is None:
                raise ValueError("equipment needs a slot")
            if self.stack != 1:
                raise ValueError("equipment does not stack")
        elif self.slot is not None or self.bonuses != Bonuses() or self.classes:
            raise ValueError("only equipment has a slot, bonuses and classes")
        if (self.kind == "consumable") != (self.use is not None):
            raise ValueError("consumables, and only they, have a `use` effect")
        if self.price and self.sell_price > self.price:
            raise ValueError("sells for more than it costs")
        return self


class RecipeDef(ContentModel):
    id: str
    result: str
    quantity: int = Field(default=1, ge=1)
    materials: dict[str, int] = Field(min_length=1)
    gold: int = Field(default=0, ge=0)
    level: int = Field(default=1, ge=1)

    @field_validator("materials")
    @classmethod
    def _positive(cls, materials: dict[str, int]) -> dict[str, int]:
        if any(q < 1 for q in materials.values()):
            raise ValueError("material quantities must be at least 1")
        return materials


class SkillDamage(ContentModel):
    """A skill's blow(s). Physical blows can be dodged; magic ones cannot and go through part of the armour."""

    power: float = Field(gt=0)  # multiplier of the attack (physical) or magic
    school: Literal["physical", "magic"] = "physical"
    hits: int = Field(default=1, ge=1, le=6)  # blows in a row, each rolled (and its status applied) on its own
    crit_bonus: float = Field(default=0.0, ge=0, le=1)  # added to the crit chance of these blows
    lifesteal: float = Field(default=0.0, ge=0, le=1)  # share of the damage dealt that heals you
    execute_below: float = Field(default=0.0, ge=0, lt=1)  # a target at or under this share of its HP …
    execute_power: float = Field(default=1.0, ge=1, le=5)  # … takes the power times this
    consumes: DamageOverTime | None = None  # ends this status on the target (if the blow lands) …
    per_stack: float = Field(default=0.0, ge=0, le=3)  # … for this much more power per stack it had

    @model_validator(mode="after")
    def _consistent(self) -> SkillDamage:
        if (self.execute_below > 0) != (self.execute_power > 1):
            raise ValueError("an execute needs both execute_below and an execute_power above 1")
        if (self.consumes is None) != (self.per_stack == 0):
            raise ValueError("consuming a status needs both consumes and per_stack")
        return self


class SkillDef(ContentModel):
    id: str
    class_id: str
    name: Text
    description: Text
    kind: Literal["active", "passive"]
    level: int = Field(default=1, ge=1)
    requires: tuple[str, ...] = ()
    cost: int = Field(default=1, ge=1)  # skill points
    mana: int = Field(default=0, ge=0)
    cooldown: int = Field(default=1, ge=1)  # usable once every `cooldown` turns
    damage: SkillDamage | None = None
    heal: float = Field(default=0.0, ge=0)  # fraction of max HP
    mana_gain: float = Field(default=0.0, ge=0, le=1)  # fraction of max mana restored
    target_status: StatusSpec | None = None
    self_status: StatusSpec | None = None
    bonuses: Bonuses = Bonuses()

    @model_validator(mode="after")
    def _consistent(self) -> SkillDef:
        acts = self.damage or self.heal or self.mana_gain or self.target_status or self.self_status
        if self.kind == "active" and not acts:
            raise ValueError("an active skill must deal damage, heal, restore mana or apply a status")
        if self.kind == "active" and self.bonuses != Bonuses():
            raise ValueError("only passives have bonuses")
        if self.kind == "passive" and (acts or self.mana):
            raise ValueError("a passive only has bonuses")
        return self


class ShopDef(ContentModel):
    """The shop, forge and inn of a town; `id` is the town's location id."""

    id: str
    stock: tuple[str, ...]
    inn_price: int = Field(ge=0)
    inn_price_per_level: int = Field(default=0, ge=0)


# --- rifts and world bosses ----------------------------------------------------------------------


class RiftEncounters(ContentModel):
    """Relative chances of what a rift step (other than the boss) holds."""

    monster: int = Field(default=50, ge=0)
    elite: int = Field(default=12, ge=0)
    treasure: int = Field(default=16, ge=0)
    trap: int = Field(default=12, ge=0)
    shrine: int = Field(default=10, ge=0)

    @model_validator(mode="after")
    def _has_outcome(self) -> RiftEncounters:
        if self.monster + self.elite + self.treasure + self.trap + self.shrine == 0:
            raise ValueError("a rift step needs at least one possible encounter")
        return self


class RiftRewardDef(ContentModel):
    """The chest at the end, per tier: gold and XP are multiplied by the tier, items rolled from its pool."""

    gold_per_tier: Range
    xp_per_tier: int = Field(ge=0)
    item_rolls: int = Field(default=2, ge=0, le=5)


class RiftTemplateDef(ContentModel):
    id: str
    name: Text
    description: Text
    ru: RuForms
    weight: int = Field(default=1, ge=1)
    min_tier: int = Field(default=1, ge=1)
    max_tier: int = Field(default=30, ge=1)
    floors: int = Field(ge=1, le=10)
    steps_per_floor: int = Field(ge=2, le=10)
    encounters: RiftEncounters = RiftEncounters()
    boss: str | None = None  # a monster id; None: the strongest monster of the rift's zone
    reward: RiftRewardDef

    @model_validator(mode="after")
    def _tiers_ordered(self) -> RiftTemplateDef:
        if self.min_tier > self.max_tier:
            raise ValueError("min_tier is above max_tier")
        return self


class WorldBossDef(ContentModel):
    """A monster that appears in one of `locations` with a shared HP pool many players whittle down."""

    id: str
    monster: str
    name: Text | None = None  # a title of its own; else the monster's name
    ru: RuForms | None = None  # the title's Russian forms: given with a title, and only then
    locations: tuple[str, ...] = Field(min_length=1)
    weight: int = Field(default=1, ge=1)
    level_bonus: int = Field(default=2, ge=0)  # above the zone's level
    hp_multiplier: float = Field(ge=1)  # the pool: the monster's HP at its level × this
    xp_multiplier: float = Field(default=20, ge=0)  # XP shared by contribution: the monster's XP × this
    gold_multiplier: float = Field(default=20, ge=0)  # likewise its top gold
    loot_rolls: int = Field(default=2, ge=0, le=10)  # rolls of the monster's loot for the top hitter and the killer

    @model_validator(mode="after")
    def _title_declined(self) -> WorldBossDef:
        if (self.name is None) != (self.ru is None):
            raise ValueError("a boss's own title comes with its Russian forms (ru), and only a title does")
        return self
