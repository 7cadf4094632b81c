"""The arena: a duel against a ghost (a player's build played by the fight AI under PvE's combat rules,
with the arena's own few on top), Elo ratings with a provisional period, matchmaking bands, the daily cap,
weekly seasons and their reset.

Pure rules: the RNG and the time are passed in.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from game.domain.combat import Attack, Combat, Fighter, UseSkill, act_alone, ready_skills
from game.domain.combat_state import Action
from game.domain.content import Content
from game.domain.content_models import SkillDef
from game.domain.damage import skill_power
from game.domain.errors import RuleViolation

START_RATING = 1000
PROVISIONAL_GAMES = 10  # a player's first games move the rating faster, so it finds its level
K_PROVISIONAL = 40
K_SETTLED = 20
MIN_RATING = 100
DAILY_CAP = 10  # arena fights a player may start per day (UTC)
MAX_ROUNDS = 40  # a duel still going after this many rounds goes to whoever has more of their HP left
SEASON_SECONDS = 7 * 86400
_FIRST_MONDAY = 4 * 86400  # 1970-01-05 00:00 UTC: seasons run Monday to Monday
SEASON_PRIZES = (1000, 600, 400, 200, 200, 100, 100, 100, 100, 100)  # gold for the season's top ten
HEAL_BELOW = 0.4  # the fight AI heals when under this share of its HP
# Matchmaking: rating ± RATING_STEP·n and level ± LEVEL_STEP·n, widened step by step when nobody is near.
RATING_STEP = 100
LEVEL_STEP = 2
BAND_STEPS = 4


class ArenaRefused(RuleViolation):
    """`reason`: daily_cap | no_opponent | not_offered | self."""

    code = "arena_refused"


# --- Elo ------------------------------------------------------------------------------------------


def expected_score(rating: int, other: int) -> float:
    return 1.0 / (1.0 + 10 ** ((other - rating) / 400))


def k_factor(games: int) -> int:
    return K_PROVISIONAL if games < PROVISIONAL_GAMES else K_SETTLED


def provisional(games: int) -> bool:
    return games < PROVISIONAL_GAMES


def rated(winner: int, loser: int, winner_games: int, loser_games: int) -> tuple[int, int]:
    """New ratings after a win: each side moves by its own K (a provisional player's faster)."""
    gain = k_factor(winner_games) * (1 - expected_score(winner, loser))
    loss = k_factor(loser_games) * (0 - expected_score(loser, winner))
    return round(winner + gain), max(MIN_RATING, round(loser + loss))


# --- seasons and the day -----------------------------------------------------------------------------


def season_of(now: float) -> int:
    """The season (a week, Monday 00:00 UTC to the next) `now` falls in."""
    return math.floor((now - _FIRST_MONDAY) / SEASON_SECONDS)


def season_ends(season: int) -> float:
    return _FIRST_MONDAY + (season + 1) * SEASON_SECONDS


def day_of(now: float) -> int:
    return math.floor(now / 86400)


def soft_reset(rating: int) -> int:
    """A new season halves the distance to the starting rating (rounded toward it, as SQL's integer
    division does, so the one UPDATE that resets every rating agrees with this)."""
    return START_RATING + int((rating - START_RATING) / 2)


def prize(rank: int) -> int:
    return SEASON_PRIZES[rank - 1] if 1 <= rank <= len(SEASON_PRIZES) else 0


def fights_left(fights_today: int, day: int, today: int, cap: int = DAILY_CAP) -> int:
    return cap if day != today else max(0, cap - fights_today)


# --- matchmaking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    rating_low: int
    rating_high: int
    level_low: int
    level_high: int


def bands(rating: int, level: int) -> list[Band]:
    """Narrow to wide; the last takes anyone."""
    found = [
        Band(rating - RATING_STEP * n, rating + RATING_STEP * n, level - LEVEL_STEP * n, level + LEVEL_STEP * n)
        for n in range(1, BAND_STEPS + 1)
    ]
    return [*found, Band(-(10**9), 10**9, 0, 10**6)]


def pick(candidates: Sequence[int], rng: random.Random) -> int | None:
    return rng.choice(sorted(candidates)) if candidates else None


# --- the arena's rules ----------------------------------------------------------------------------------
# Fights between players keep PvE's combat rules and add these, as MMOs keep a ruleset for PvP; monsters
# never meet them. A player's build is tuned against monsters, so these even out what only a player meets:
ARENA_HEALTH = 2.0  # everyone has twice their health: a duel lasts long enough that one blow does not decide it
ARENA_HEALING = 0.5  # healing (skills and lifesteal) is halved: with twice the health, full heals would stall
FIRST_STRIKE = 0.5  # who acts first is a coin toss, not agility: a head start is worth too much between equals
# Each pairing of classes evened out, level by level (1 to 30): the classes' strengths come in at different
# levels (a skill, a passive, a weapon) and tell differently against each other (spells go through dodge and
# half the armour), so the table holds, for each pairing and level, how much stronger the first class is made
# against the second: the log of the ratio of their attack and spell power, split evenly between them.
# Measured by `benchmarks/arena.py --calibrate`, so that equal builds of the two classes win about half their
# duels; a class not in the table fights untouched.
MATCHUPS: Mapping[tuple[str, str], tuple[float, ...]] = {
    ("warrior", "rogue"): (
        0.122,
        -0.034,
        0.028,
        -0.022,
        0.122,
        -0.234,
        -0.184,
        -0.341,
        -0.303,
        -0.259,
        -0.291,
        -0.203,
        -0.247,
        0.103,
        0.047,
        0.016,
        -0.009,
        0.016,
        -0.003,
        0.047,
        -0.084,
        -0.091,
        -0.091,
        -0.091,
        0.028,
        0.009,
        -0.016,
        -0.016,
        -0.041,
        0.003,
    ),
    ("warrior", "mage"): (
        -0.028,
        0.034,
        0.016,
        0.022,
        -0.016,
        -0.441,
        -0.447,
        -0.303,
        -0.097,
        -0.041,
        -0.091,
        -0.103,
        -0.103,
        -0.053,
        -0.097,
        -0.134,
        0.028,
        0.041,
        0.066,
        0.034,
        -0.153,
        -0.172,
        -0.166,
        -0.122,
        -0.091,
        -0.128,
        -0.109,
        -0.103,
        -0.097,
        -0.091,
    ),
    ("rogue", "mage"): (
        -0.122,
        0.159,
        0.166,
        0.084,
        0.016,
        -0.159,
        0.028,
        0.122,
        0.234,
        0.303,
        0.366,
        0.147,
        0.159,
        -0.084,
        -0.041,
        -0.066,
        0.203,
        0.122,
        0.141,
        0.184,
        0.153,
        0.203,
        0.184,
        0.103,
        -0.172,
        -0.178,
        -0.159,
        -0.191,
        -0.166,
        -0.172,
    ),
}


def matchup(first: str, second: str, level: int) -> float:
    """How much stronger `first` is made against `second` at `level` (a log of the power ratio)."""
    if (first, second) not in MATCHUPS and (second, first) in MATCHUPS:
        return -matchup(second, first, level)
    table = MATCHUPS.get((first, second))
    if not table:
        return 0.0
    return table[min(max(level, 1), len(table)) - 1]


def arena_fighter(fighter: Fighter, power: float = 1.0) -> Fighter:
    """A build as the arena fights it: twice the health, its attack and spell power times `power`."""
    return replace(
        fighter,
        hp=round(fighter.hp * ARENA_HEALTH),
        max_hp=round(fighter.max_hp * ARENA_HEALTH),
        attack=round(fighter.attack * power),
        magic=round(fighter.magic * power),
    )


def arena_pair(
    challenger: Fighter, challenger_class: str, defender: Fighter, defender_class: str
) -> tuple[Fighter, Fighter]:
    """Both builds under the arena's rules, their pairing evened out (at the level between theirs)."""
    edge = matchup(challenger_class, defender_class, round((challenger.level + defender.level) / 2))
    return arena_fighter(challenger, math.exp(edge / 2)), arena_fighter(defender, math.exp(-edge / 2))


# --- the duel ------------------------------------------------------------------------------------------


Winner = Literal["challenger", "defender"]


@dataclass(frozen=True)
class Duel:
    winner: Winner
    rounds: int
    challenger_hp: int  # left at the end
    defender_hp: int


def choose_action(combat: Combat, content: Content) -> Action:
    """The fight AI: heal when low, else the hardest-hitting skill ready against the foe as it is now (a
    finisher counts the stacks it would consume, an execute its threshold), else a plain attack."""
    me, foe = combat.player, combat.monster
    ready = [content.skills[s] for s in ready_skills(combat, content)]
    if me.hp < me.max_hp * HEAL_BELOW:
        healing = [s for s in ready if s.heal]
        if healing:
            return UseSkill(max(healing, key=lambda s: s.heal).id)
    striking = [s for s in ready if s.damage]
    if striking:
        best = max(striking, key=lambda s: (_hits_for(s, foe), s.id))
        return UseSkill(best.id)
    buffs = [s for s in ready if s.self_status and not s.heal and not s.damage]
    if buffs and combat.turn == 1:
        return UseSkill(sorted(buffs, key=lambda s: s.id)[0].id)
    return Attack()


def _hits_for(skill: SkillDef, foe: Fighter) -> float:
    """A damaging skill's blows against `foe` now, in multiples of a plain blow."""
    if skill.damage is None:
        return 0.0
    power, _ = skill_power(skill.damage, foe)
    return power * skill.damage.hits


def duel(challenger: Fighter, defender: Fighter, content: Content, rng: random.Random, *, fight_id: str) -> Duel:
    """Both sides played by the fight AI, each acting in turn as PvE's player does, healing at the arena's
    rate; who acts first is drawn. The sides come from `arena_pair`."""
    sides = {"challenger": challenger, "defender": defender}
    order: tuple[Winner, Winner] = (
        ("challenger", "defender") if rng.random() < FIRST_STRIKE else ("defender", "challenger")
    )
    turns = {"challenger": 1, "defender": 1}
    for round_no in range(1, MAX_ROUNDS + 1):
        for actor in order:
            other: Winner = "defender" if actor == "challenger" else "challenger"
            combat = Combat(
                id=fight_id, monster_id="ghost", player=sides[actor], monster=sides[other], turn=turns[actor]
            )
            after = act_alone(combat, choose_action(combat, content), content, rng, healing=ARENA_HEALING)
            sides[actor], sides[other], turns[actor] = after.player, after.monster, after.turn
            if after.outcome == "won":
                return _ended(actor, round_no, sides)
            if after.outcome == "lost":
                return _ended(other, round_no, sides)
    share = {k: f.hp / max(1, f.max_hp) for k, f in sides.items()}
    return _ended("challenger" if share["challenger"] > share["defender"] else "defender", MAX_ROUNDS, sides)


def _ended(winner: Winner, rounds: int, sides: dict[str, Fighter]) -> Duel:
    return Duel(winner, rounds, max(0, sides["challenger"].hp), max(0, sides["defender"].hp))


def at_full(fighter: Fighter) -> Fighter:
    """An arena fight starts at full health and mana, whatever the hot state says."""
    return replace(fighter, hp=fighter.max_hp, mana=fighter.max_mana)
