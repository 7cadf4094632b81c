"""Monsters on one curve: the standard monster of each level, times what a monster's content says it is.

`standard_monster(level)` is the ordinary foe of a level. A monster's content gives its *archetype*:
multipliers of that curve (`"hp": 1.3, "attack": 0.9`; elites two to three times the HP), never raw
numbers. So a monster met at any level — in its zone, a rift, as a world boss — is the curve at that
level times its archetype, and the whole game's difficulty is tuned here, in the constants below.

Health and attack grow by a straight line with a gentle compounding on top: a player's own strength
grows by a straight line (stat points) plus gear, so a steeper curve would be a wall by level 30, and a
flatter one would let a zone four levels up be taken on without a thought.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.domain.content_models import MonsterDef

# --- the standard monster: value(level) = BASE × (1 + PER_LEVEL·(level−1)) × GROWTH^(level−1) ----
HP_BASE = 85.0
HP_PER_LEVEL = 0.35
HP_GROWTH = 1.03
ATTACK_BASE = 14.5
ATTACK_PER_LEVEL = 0.22
ATTACK_GROWTH = 1.035
# Defence and agility by a straight line; XP as the level to the power the XP curve uses.
DEFENCE_BASE = 2.5
DEFENCE_PER_LEVEL = 1.7
AGILITY_BASE = 3.0
AGILITY_PER_LEVEL = 0.4
XP_BASE = 7.0
XP_POWER = 1.5  # as `xp_to_next`: fights per level stay the same all the way to the cap
GOLD_LOW_BASE, GOLD_LOW_PER_LEVEL = 1.5, 1.2
GOLD_HIGH_BASE, GOLD_HIGH_PER_LEVEL = 3.5, 2.4


@dataclass(frozen=True)
class StandardMonster:
    """The ordinary foe of a level (its archetype multipliers all 1)."""

    level: int
    hp: float
    attack: float
    defence: float
    agility: float
    xp: float
    gold_low: float
    gold_high: float


def standard_curve(level: int) -> StandardMonster:
    """The curve itself, unrounded (what multipliers apply to)."""
    level = max(1, level)
    above = level - 1
    return StandardMonster(
        level=level,
        hp=HP_BASE * (1 + HP_PER_LEVEL * above) * HP_GROWTH**above,
        attack=ATTACK_BASE * (1 + ATTACK_PER_LEVEL * above) * ATTACK_GROWTH**above,
        defence=DEFENCE_BASE + DEFENCE_PER_LEVEL * above,
        agility=AGILITY_BASE + AGILITY_PER_LEVEL * above,
        xp=XP_BASE * level**XP_POWER,
        gold_low=GOLD_LOW_BASE + GOLD_LOW_PER_LEVEL * level,
        gold_high=GOLD_HIGH_BASE + GOLD_HIGH_PER_LEVEL * level,
    )


def standard_monster(level: int) -> MonsterStats:
    """The ordinary foe of `level`, rounded as a fight would meet it."""
    return _stats("standard", standard_curve(level), _Archetype())


@dataclass(frozen=True)
class MonsterStats:
    monster_id: str
    level: int
    hp: int
    attack: int
    defence: int
    agility: int
    crit_chance: float
    dodge_chance: float
    xp: int
    gold_low: int
    gold_high: int
    magic_resist: float = 0.0  # share of each spell's damage it shrugs off

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> MonsterStats:
        return cls(**data)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Archetype:
    """What a monster multiplies the curve by, and the chances it has of its own."""

    hp: float = 1.0
    attack: float = 1.0
    defence: float = 1.0
    agility: float = 1.0
    xp: float = 1.0
    gold: float = 1.0
    crit_chance: float = 0.05
    dodge_chance: float = 0.03
    magic_resist: float = 0.0


def monster_at_level(monster: MonsterDef, level: int) -> MonsterStats:
    """The monster met at `level`: the standard monster of that level × the monster's archetype."""
    archetype = _Archetype(
        hp=monster.hp,
        attack=monster.attack,
        defence=monster.defence,
        agility=monster.agility,
        xp=monster.xp,
        gold=monster.gold,
        crit_chance=monster.crit_chance,
        dodge_chance=monster.dodge_chance,
        magic_resist=monster.magic_resist,
    )
    return _stats(monster.id, standard_curve(level), archetype)


def _stats(monster_id: str, curve: StandardMonster, arch: _Archetype) -> MonsterStats:
    return MonsterStats(
        monster_id=monster_id,
        level=curve.level,
        hp=max(1, round(curve.hp * arch.hp)),
        attack=max(0, round(curve.attack * arch.attack)),
        defence=max(0, round(curve.defence * arch.defence)),
        agility=max(0, round(curve.agility * arch.agility)),
        crit_chance=arch.crit_chance,
        dodge_chance=arch.dodge_chance,
        xp=max(1, round(curve.xp * arch.xp)),
        gold_low=max(0, round(curve.gold_low * arch.gold)),
        gold_high=max(0, round(curve.gold_high * arch.gold)),
        magic_resist=arch.magic_resist,
    )
