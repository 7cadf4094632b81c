"""Data crossing the port: frozen pydantic models that round-trip through JSON.

No domain object ever leaves `game`; these are copies shaped for callers.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from game.api.kinds import (
    EncounterKind,
    FightOutcome,
    FightPart,
    Gender,
    ItemKind,
    LogKind,
    NotificationCategory,
    Rarity,
    Side,
    SkillKind,
    Slot,
    SnapshotMode,
)

# Player-facing text in every language the game speaks: {"en": "...", "ru": "..."}.
LocalText = dict[str, str]


class Dto(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NameForms(Dto):
    """How a content name declines in one language, for the sentences it stands in: its grammatical
    gender (for the words that agree with it) and its case forms by name: `gen`, `dat`, `acc`, `ins`,
    `pre` (without a preposition); a place adds `at` (where: "в Эшфорде") and `to` (whither: "в Эшфорд"),
    with the preposition that place takes. The nominative is the name itself. `proper`: a proper name,
    whose capital stays inside a sentence (a common noun's is lowered there)."""

    gender: Gender
    cases: dict[str, str]
    proper: bool = False


# A name's forms in each language that declines it: {"ru": NameForms(...)}; a language not in it (English)
# uses the name as it is.
Grammar = dict[str, NameForms]


class Stats(Dto):
    strength: int
    agility: int
    intellect: int
    vitality: int


class DerivedStats(Dto):
    max_hp: int
    max_mana: int
    attack: int
    defence: int
    crit_chance: float
    dodge_chance: float
    magic: int = 0  # spell power: what magic skills scale with


class ClassInfo(Dto):
    id: str
    name: LocalText
    description: LocalText
    stats: Stats


class CharacterSheet(Dto):
    player_id: int
    name: str
    class_id: str
    class_name: LocalText
    level: int
    xp: int
    xp_to_next: int
    gold: int
    stats: Stats
    derived: DerivedStats
    hp: int
    mana: int
    stamina: int
    max_stamina: int
    location_id: str
    location_name: LocalText
    location_forms: Grammar = Field(default_factory=dict)
    stat_points: int
    skill_points: int
    version: int = 0  # pass back with a durable action (e.g. allocating a point)
    in_combat: bool = False
    # Out of combat HP, mana and stamina come back with time; the seconds until each is full (0: full).
    hp_full_in: int = 0
    mana_full_in: int = 0
    stamina_full_in: int = 0
    explore_cost: int = 0  # stamina one exploration of this location costs
    explore_in: int = 0  # seconds until there is stamina enough for one (0: now)


class ExitInfo(Dto):
    id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    level: int


class RiftHere(Dto):
    """An open rift, as a location screen mentions it."""

    id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    tier: int
    min_level: int
    seconds_left: int


class BossHere(Dto):
    """A world boss alive in a location, as its screen mentions it."""

    id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    hp: int
    max_hp: int
    seconds_left: int


class LocationView(Dto):
    id: str
    name: LocalText
    name_forms: Grammar = Field(default_factory=dict)
    description: LocalText
    level: int
    is_town: bool
    exits: tuple[ExitInfo, ...]
    # The player looking, so the screen can warn before a road too hard for them, or at low HP.
    player_level: int = 0
    hp: int = 0
    max_hp: int = 0
    rifts: tuple[RiftHere, ...] = ()  # open rifts in this location
    boss: BossHere | None = None  # a world boss alive here


class SnapshotReport(Dto):
    mode: SnapshotMode
    accounts_written: int
    seconds: float


# --- items ---------------------------------------------------------------------------------------


class ItemInfo(Dto):
    id: str
    name: LocalText
    description: LocalText
    kind: ItemKind
    slot: Slot | None  # equipment only
    rarity: Rarity
    level: int
    buy_price: int | None  # None: not sold in shops
    sell_price: int
    bonuses: dict[str, float]  # only the non-zero ones
    effects: dict[str, int]  # a consumable's: heal, mana, … (only the non-zero ones)
    name_forms: Grammar = Field(default_factory=dict)


class ItemStack(Dto):
    item: ItemInfo
    quantity: int


class InventoryEntry(Dto):
    item: ItemInfo
    quantity: int
    can_equip: bool
    can_use: bool


class InventoryView(Dto):
    version: int  # pass back with the next durable action: a repeated press is recognised
    gold: int
    capacity: int
    slots_used: int
    items: tuple[InventoryEntry, ...]
    equipment: dict[Slot, ItemInfo]
    derived: DerivedStats


class ItemUsed(Dto):
    item: ItemInfo
    hp: int
    max_hp: int
    mana: int
    max_mana: int
    inventory: InventoryView


# --- exploring and fighting ----------------------------------------------------------------------


class StatusView(Dto):
    effect: str
    turns: int


class FighterView(Dto):
    level: int
    hp: int
    max_hp: int
    mana: int
    max_mana: int
    effects: tuple[StatusView, ...]


class CombatLogLine(Dto):
    kind: LogKind
    actor: Side
    target: Side | None = None
    amount: int | None = None
    crit: bool = False
    skill: LocalText | None = None
    item: LocalText | None = None
    item_forms: Grammar = Field(default_factory=dict)
    effect: str | None = None
    turns: int | None = None


class SkillOption(Dto):
    id: str
    name: LocalText
    mana: int
    cooldown_left: int
    ready: bool


class Rewards(Dto):
    xp: int
    gold: int
    items: tuple[ItemStack, ...]
    items_lost: tuple[ItemStack, ...]  # loot that did not fit in the bag
    level: int
    levels_gained: int


class CombatView(Dto):
    id: str
    turn: int  # the turn the next action will be; buttons carry it
    outcome: FightOutcome
    monster_id: str
    monster_name: LocalText
    monster_forms: Grammar = Field(default_factory=dict)
    player: FighterView
    monster: FighterView
    log: tuple[CombatLogLine, ...]
    skills: tuple[SkillOption, ...]
    items: tuple[ItemStack, ...]  # consumables usable now
    flee_chance: float
    rewards: Rewards | None = None  # set once won
    gold_lost: int | None = None  # set once lost: the price of dying
    xp_lost: int = 0  # what dying cost of this level's progress, when the gold did not cover it
    respawn_location: LocalText | None = None
    respawn_forms: Grammar = Field(default_factory=dict)
    part_of: FightPart | None = None  # what the fight is a step of; None out in the wild
    # Once won: the character as the fight left them (when HP is back, when the next exploration is).
    sheet: CharacterSheet | None = None


class ExploreResult(Dto):
    kind: EncounterKind
    location_id: str
    location_name: LocalText
    location_forms: Grammar = Field(default_factory=dict)
    stamina: int
    max_stamina: int
    combat: CombatView | None = None
    found: tuple[ItemStack, ...] = ()
    lost: tuple[ItemStack, ...] = ()  # what did not fit in the bag
    gold: int = 0
    sheet: CharacterSheet | None = None  # the character after exploring (when the next exploration is)


# --- town ----------------------------------------------------------------------------------------


class ShopView(Dto):
    version: int
    gold: int
    offers: tuple[ItemInfo, ...]
    sellable: tuple[InventoryEntry, ...]
    player_level: int = 0  # gear above it is shown (what to save for) but not offered for sale yet


class InnView(Dto):
    price: int
    gold: int
    hp: int
    max_hp: int
    mana: int
    max_mana: int


class MaterialNeed(Dto):
    item: ItemInfo
    needed: int
    have: int


class RecipeView(Dto):
    id: str
    result: ItemInfo
    quantity: int
    gold: int
    level: int
    materials: tuple[MaterialNeed, ...]
    craftable: bool


class ForgeView(Dto):
    version: int
    gold: int
    level: int
    recipes: tuple[RecipeView, ...]


class Crafted(Dto):
    item: ItemInfo
    quantity: int
    forge: ForgeView


# --- skills and progress -------------------------------------------------------------------------


class SkillView(Dto):
    id: str
    name: LocalText
    description: LocalText
    kind: SkillKind
    level: int
    requires: tuple[str, ...]
    mana: int
    cooldown: int
    learned: bool
    learnable: bool


class SkillTreeView(Dto):
    version: int
    class_id: str
    level: int
    skill_points: int
    skills: tuple[SkillView, ...]


class LeaderboardRow(Dto):
    rank: int
    player_id: int
    name: str
    class_id: str
    level: int
    value: int  # what the board ranks by: level → total XP; boss damage → damage
    guild_tag: str | None = None  # shown next to the name


# --- notifications -------------------------------------------------------------------------------


class NotificationSettings(Dto):
    categories: tuple[NotificationCategory, ...]  # what can be muted
    muted: tuple[NotificationCategory, ...]
