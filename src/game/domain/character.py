"""Characters: identity, stats and the values derived from them.

Durable part (`Character`) lives in PostgreSQL; the hot part (`HotState`) in Redis.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from game.domain.content_models import Bonuses, ClassDef, ItemDef, SkillDef
from game.domain.errors import NotEnoughStamina

NAME_PATTERN = re.compile(r"^[\w-]{3,16}$")

MAX_STAMINA = 150
STAMINA_REGEN_PER_MINUTE = 1.7
# Out of a fight HP comes back by itself, slowly: a potion or the inn is the quick way. Mana comes back
# faster (full in about eight minutes), so that every class opens most fights with its skills.
HP_REGEN_SHARE_PER_MINUTE = 0.02
MANA_REGEN_SHARE_PER_MINUTE = 0.12


# Letters of other alphabets that look like Latin ones: "Аlaric" (a Cyrillic А) is "Alaric" to the eye, so it
# is to the name check. Pairs of (look-alike, Latin), lower case.
LOOK_ALIKES = str.maketrans("аеорсухкмтвнізјѕԁɡοαβεικνρτυχ", "aeopcyxkmtbhi3jsdgoabeikvptux")


def normalize_name(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip()


def name_key(name: str) -> str:
    """Names are unique regardless of case and of letters that only look different."""
    return normalize_name(name).casefold().translate(LOOK_ALIKES)


def is_valid_name(name: str) -> bool:
    """3–16 letters, digits, `_` or `-`, with at least one letter, all of one alphabet."""
    name = normalize_name(name)
    if not NAME_PATTERN.fullmatch(name):
        return False
    scripts = {unicodedata.name(c, "?").split(" ")[0] for c in name if c.isalpha()}
    return len(scripts) == 1


@dataclass(frozen=True)
class Stats:
    strength: int
    agility: int
    intellect: int
    vitality: int


BASE_CRIT_DAMAGE = 1.75  # a critical blow does this many times the damage
MAX_CRIT = 0.4
MAX_DODGE = 0.25
MAX_LIFESTEAL = 0.25
MAX_DAMAGE_REDUCTION = 0.5
# Mana back at the start of each of your turns in a fight: one, and a point more per 5 levels and per
# 12 intellect — so a Warrior's small pool still pays for a skill every few turns.
BASE_MANA_REGEN = 1
LEVELS_PER_MANA_REGEN = 5
INTELLECT_PER_MANA_REGEN = 12


@dataclass(frozen=True)
class Derived:
    max_hp: int
    max_mana: int
    attack: int
    defence: int
    crit_chance: float
    dodge_chance: float
    magic: int = 0  # spell power: what magic skills scale with, as attack is for weapons
    crit_damage: float = BASE_CRIT_DAMAGE  # the multiplier of a critical blow
    lifesteal: float = 0.0  # share of the damage you deal that heals you
    damage_reduction: float = 0.0  # share of each blow you take that is taken away
    mana_regen: int = 0  # mana back at the start of each of your turns in a fight


def derive(stats: Stats, level: int) -> Derived:
    return Derived(
        max_hp=40 + stats.vitality * 10 + level * 5,
        max_mana=10 + stats.intellect * 6 + level * 2,
        attack=2 + stats.strength * 2 + stats.agility + level,
        defence=stats.vitality + stats.agility // 3 + level // 2,
        crit_chance=round(min(0.05 + stats.agility * 0.006, MAX_CRIT), 3),
        dodge_chance=round(min(0.03 + stats.agility * 0.004, MAX_DODGE), 3),
        magic=2 + stats.intellect * 2 + level,
        mana_regen=BASE_MANA_REGEN + level // LEVELS_PER_MANA_REGEN + stats.intellect // INTELLECT_PER_MANA_REGEN,
    )


def derive_full(
    stats: Stats,
    level: int,
    equipment_items: Iterable[ItemDef] = (),
    passive_skills: Iterable[SkillDef] = (),
) -> Derived:
    """Derived values with gear and passives: their stat bonuses feed the formulas, the rest adds on top."""
    bonuses = [i.bonuses for i in equipment_items] + [s.bonuses for s in passive_skills if s.kind == "passive"]
    total = sum_bonuses(bonuses)
    boosted = Stats(
        strength=stats.strength + total.strength,
        agility=stats.agility + total.agility,
        intellect=stats.intellect + total.intellect,
        vitality=stats.vitality + total.vitality,
    )
    base = derive(boosted, level)
    return Derived(
        max_hp=max(1, base.max_hp + total.max_hp),
        max_mana=max(0, base.max_mana + total.max_mana),
        attack=max(0, base.attack + total.attack),
        defence=max(0, base.defence + total.defence),
        crit_chance=round(min(max(base.crit_chance + total.crit_chance, 0.0), MAX_CRIT), 3),
        dodge_chance=round(min(max(base.dodge_chance + total.dodge_chance, 0.0), MAX_DODGE), 3),
        magic=max(0, base.magic + total.magic),
        crit_damage=round(max(1.0, base.crit_damage + total.crit_damage), 3),
        lifesteal=round(min(max(base.lifesteal + total.lifesteal, 0.0), MAX_LIFESTEAL), 3),
        damage_reduction=round(min(max(base.damage_reduction + total.damage_reduction, 0.0), MAX_DAMAGE_REDUCTION), 3),
        mana_regen=max(0, base.mana_regen + total.mana_regen),
    )


def sum_bonuses(bonuses: Iterable[Bonuses]) -> Bonuses:
    fields = Bonuses.model_fields
    totals: dict[str, float] = dict.fromkeys(fields, 0)
    for bonus in bonuses:
        for name in fields:
            totals[name] += getattr(bonus, name)
    return Bonuses(**{name: round(value, 3) if isinstance(value, float) else value for name, value in totals.items()})


# Fights a level takes grow after the first few: the first hour is quick, then each level is a session's
# work, and the last ones a long game (the monsters' XP grows as level^1.5, like the base of this curve).
XP_SLOWDOWN_FROM, XP_SLOWDOWN_PER_LEVEL = 1, 0.7


def xp_to_next(level: int) -> int:
    """XP needed to go from `level` to `level + 1`."""
    return int(100 * level**1.5 * (1 + XP_SLOWDOWN_PER_LEVEL * max(0, level - XP_SLOWDOWN_FROM)))


@dataclass(frozen=True)
class Character:
    player_id: int
    name: str
    class_id: str
    level: int
    xp: int
    gold: int
    stats: Stats
    stat_points: int
    skill_points: int

    @property
    def derived(self) -> Derived:
        return derive(self.stats, self.level)


@dataclass(frozen=True)
class HotState:
    """What changes every few seconds: lives in Redis, reaches PostgreSQL through the snapshot."""

    location_id: str
    hp: int
    mana: int
    stamina: float
    # When stamina, HP and mana were measured: what comes back with time is computed from it when read.
    stamina_at: float
    activity: str = "idle"
    # What came back of HP and mana short of a whole point, kept for the next measure.
    hp_carry: float = 0.0
    mana_carry: float = 0.0

    def stamina_now(self, now: float) -> float:
        regen = max(0.0, now - self.stamina_at) / 60.0 * STAMINA_REGEN_PER_MINUTE
        return min(float(MAX_STAMINA), self.stamina + regen)

    def settled(self, now: float, derived: Derived) -> HotState:
        """Stamina, HP and mana as they are at `now` (banked, measured anew): what came back since the last
        measure is counted — HP and mana only out of a fight. Settle before changing any of them."""
        if now <= self.stamina_at:
            return replace(self, hp=min(self.hp, derived.max_hp), mana=min(self.mana, derived.max_mana))
        minutes = (now - self.stamina_at) / 60.0
        hp, mana, hp_carry, mana_carry = self.hp, self.mana, self.hp_carry, self.mana_carry
        if self.activity != "combat":
            hp, hp_carry = _regained(hp, derived.max_hp, HP_REGEN_SHARE_PER_MINUTE * minutes, hp_carry)
            mana, mana_carry = _regained(mana, derived.max_mana, MANA_REGEN_SHARE_PER_MINUTE * minutes, mana_carry)
        return replace(
            self,
            hp=hp,
            mana=mana,
            stamina=self.stamina_now(now),
            stamina_at=now,
            hp_carry=hp_carry,
            mana_carry=mana_carry,
        )

    def seconds_until_full(self, derived: Derived) -> tuple[int, int, int]:
        """(HP, mana, stamina): seconds until each is full again by itself, from a settled state."""
        return (
            _seconds_to_fill(derived.max_hp - self.hp, derived.max_hp * HP_REGEN_SHARE_PER_MINUTE),
            _seconds_to_fill(derived.max_mana - self.mana, derived.max_mana * MANA_REGEN_SHARE_PER_MINUTE),
            _seconds_to_fill(MAX_STAMINA - self.stamina, STAMINA_REGEN_PER_MINUTE),
        )

    def seconds_until_stamina(self, amount: float) -> int:
        """From a settled state: seconds until `amount` of stamina is there (0: now)."""
        return _seconds_to_fill(amount - self.stamina, STAMINA_REGEN_PER_MINUTE)

    def moved_to(self, location_id: str) -> HotState:
        return replace(self, location_id=location_id)

    def spend_stamina(self, amount: float, now: float) -> HotState:
        """Regeneration so far is banked, then `amount` is taken; not enough raises `NotEnoughStamina`."""
        available = self.stamina_now(now)
        if amount > available:
            raise NotEnoughStamina("not enough stamina", needed=amount, available=int(available))
        return replace(self, stamina=available - amount, stamina_at=now)

    def with_vitals(self, hp: int, mana: int, derived: Derived) -> HotState:
        """HP and mana after a fight or a potion, kept inside 0..max."""
        return replace(self, hp=min(max(hp, 0), derived.max_hp), mana=min(max(mana, 0), derived.max_mana))

    def restored(self, derived: Derived) -> HotState:
        """Full HP and mana (the inn, a respawn)."""
        return replace(self, hp=derived.max_hp, mana=derived.max_mana)


def _regained(value: int, maximum: int, share: float, carry: float) -> tuple[int, float]:
    """The value after regaining `share` of `maximum` (and what was carried), and the new carry."""
    if value >= maximum:
        return min(value, maximum), 0.0
    gained = maximum * share + carry
    whole = math.floor(gained)
    if value + whole >= maximum:
        return maximum, 0.0
    return value + whole, gained - whole


def _seconds_to_fill(missing: float, per_minute: float) -> int:
    if missing <= 0 or per_minute <= 0:
        return 0
    return math.ceil(missing / per_minute * 60)


def new_character(*, player_id: int, name: str, class_def: ClassDef) -> Character:
    s = class_def.stats
    return Character(
        player_id=player_id,
        name=normalize_name(name),
        class_id=class_def.id,
        level=1,
        xp=0,
        gold=20,
        stats=Stats(strength=s.strength, agility=s.agility, intellect=s.intellect, vitality=s.vitality),
        stat_points=0,
        skill_points=1,  # enough for the first skill of the class tree
    )


def fresh_hot_state(character: Character, *, location_id: str, now: float) -> HotState:
    d = character.derived
    return HotState(location_id=location_id, hp=d.max_hp, mana=d.max_mana, stamina=MAX_STAMINA, stamina_at=now)
