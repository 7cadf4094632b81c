"""A monster at a given level: the content describes it at its own level, rifts and zones scale it."""

from __future__ import annotations

from dataclasses import dataclass

from game.domain.content_models import MonsterDef

# Per level above (or below) the monster's own: health grows fastest so that fights lengthen,
# which is what makes a zone four levels up deadly rather than merely slower.
HP_GROWTH = 1.16
ATTACK_GROWTH = 1.14
DEFENCE_GROWTH = 1.10
GOLD_GROWTH = 1.12


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

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> MonsterStats:
        return cls(**data)  # type: ignore[arg-type]


def monster_at_level(monster: MonsterDef, level: int) -> MonsterStats:
    level = max(1, level)
    steps = level - monster.level
    return MonsterStats(
        monster_id=monster.id,
        level=level,
        hp=max(1, round(monster.hp * HP_GROWTH**steps)),
        attack=max(0, round(monster.attack * ATTACK_GROWTH**steps)),
        defence=max(0, round(monster.defence * DEFENCE_GROWTH**steps)),
        agility=max(0, monster.agility + steps),
        crit_chance=monster.crit_chance,
        dodge_chance=monster.dodge_chance,
        xp=max(1, round(monster.xp * (level / monster.level) ** 1.5)),
        gold_low=round(monster.gold.low * GOLD_GROWTH**steps),
        gold_high=round(monster.gold.high * GOLD_GROWTH**steps),
    )
