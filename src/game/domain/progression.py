"""Levels, stat points and the price of dying."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.domain.character import Character, Stats, xp_to_next
from game.domain.content_models import STAT_NAMES
from game.domain.errors import NotEnoughStatPoints, RuleViolation, UnknownStat

MAX_LEVEL = 30
STAT_POINTS_PER_LEVEL = 3
SKILL_POINTS_PER_LEVEL = 1
# Dying costs a tenth of the gold carried, and never less than two rests at the inn: death must never be the
# cheap way to heal. Who cannot pay it loses part of the level's progress instead — never a level, never an item.
DEATH_GOLD_SHARE = 0.10
DEATH_COSTS_RESTS = 2
DEATH_XP_SHARE = 0.15


@dataclass(frozen=True)
class XpGain:
    character: Character
    levels_gained: int


def gain_xp(character: Character, amount: int) -> XpGain:
    """Add XP, levelling up as many times as it reaches; past `MAX_LEVEL` the XP is kept, unspent."""
    if amount < 0:
        raise ValueError("XP gained cannot be negative")
    level, xp = character.level, character.xp + amount
    while level < MAX_LEVEL and xp >= xp_to_next(level):
        xp -= xp_to_next(level)
        level += 1
    gained = level - character.level
    updated = replace(
        character,
        level=level,
        xp=xp,
        stat_points=character.stat_points + gained * STAT_POINTS_PER_LEVEL,
        skill_points=character.skill_points + gained * SKILL_POINTS_PER_LEVEL,
    )
    return XpGain(character=updated, levels_gained=gained)


def total_xp(character: Character) -> int:
    """All XP ever earned (the levels behind plus the progress into this one)."""
    return sum(xp_to_next(level) for level in range(1, character.level)) + character.xp


def allocate_stats(character: Character, points: Mapping[str, int]) -> Character:
    """Spend unspent stat points, e.g. `{"strength": 2, "vitality": 1}`."""
    unknown = [name for name in points if name not in STAT_NAMES]
    if unknown:
        raise UnknownStat(f"unknown stat {unknown[0]!r}", stat=unknown[0])
    if any(amount < 0 for amount in points.values()):
        raise RuleViolation("points cannot be taken back", points=dict(points))
    spent = sum(points.values())
    if spent > character.stat_points:
        raise NotEnoughStatPoints("not enough stat points", needed=spent, available=character.stat_points)
    s = character.stats
    stats = Stats(
        strength=s.strength + points.get("strength", 0),
        agility=s.agility + points.get("agility", 0),
        intellect=s.intellect + points.get("intellect", 0),
        vitality=s.vitality + points.get("vitality", 0),
    )
    return replace(character, stats=stats, stat_points=character.stat_points - spent)


@dataclass(frozen=True)
class Death:
    character: Character
    gold_lost: int
    xp_lost: int = 0


def die(character: Character, rest_price: int = 0) -> Death:
    """The penalty of a lost fight: gold — more than healing would have cost — or, short of it, part of this
    level's XP. The caller respawns the hot state in town, restored."""
    due = max(math.ceil(character.gold * DEATH_GOLD_SHARE), DEATH_COSTS_RESTS * rest_price)
    gold_lost = min(character.gold, due)
    xp_lost = 0
    if gold_lost < due:
        xp_lost = min(character.xp, math.ceil(xp_to_next(character.level) * DEATH_XP_SHARE * (1 - gold_lost / due)))
    paid = replace(character, gold=character.gold - gold_lost, xp=character.xp - xp_lost)
    return Death(character=paid, gold_lost=gold_lost, xp_lost=xp_lost)
