"""Status effects in a fight: how strong one is when applied, how it piles up, and how it wears off.

Percentage statuses (guard, dodge_up, crit_up, mana_shield) keep their share as a whole percentage
in `amount`; damage over time keeps the damage of one tick of all its stacks; buffs and debuffs the
points they add to or take from attack or defence.
"""

from __future__ import annotations

from dataclasses import replace

from game.domain.combat_state import Fighter, LogEntry, Side, StatusEffect
from game.domain.content_models import DAMAGE_OVER_TIME, PERCENT_EFFECTS, StatusSpec

# What an antidote washes away: everything a foe would want you to have.
HARMFUL = frozenset({"bleed", "burn", "poison", "stun", "freeze", "attack_down", "defence_down"})


def status_amount(spec: StatusSpec, source: Fighter, bearer: Fighter) -> int:
    """One application's strength: a tick of damage, points of attack or defence, or a percentage."""
    if spec.effect in DAMAGE_OVER_TIME:
        scale = source.magic if spec.effect == "burn" and source.magic > 0 else source.attack
        return max(1, round(scale * spec.power))
    if spec.effect in ("attack_up", "attack_down"):
        return max(1, round(bearer.attack * spec.power))
    if spec.effect in ("defence_up", "defence_down"):
        return max(1, round(bearer.defence * spec.power))
    if spec.effect in PERCENT_EFFECTS:
        return round(spec.power * 100)
    return 0  # stun, freeze


def applied(bearer: Fighter, spec: StatusSpec, amount: int) -> StatusEffect:
    """The status `bearer` ends up with: a fresh one, or one more stack of what it already has."""
    old = bearer.status(spec.effect)
    if old is None or spec.max_stacks <= 1:
        return StatusEffect(spec.effect, spec.turns, amount)
    if old.stacks >= spec.max_stacks:
        return replace(old, turns=spec.turns)  # at the cap: only the clock starts again
    return StatusEffect(spec.effect, spec.turns, old.amount + amount, old.stacks + 1)


def merge(effects: tuple[StatusEffect, ...], new: list[StatusEffect]) -> tuple[StatusEffect, ...]:
    """A status applied again replaces the old one (a stacking one arrives with its stacks counted)."""
    kinds = {e.effect for e in new}
    return tuple(e for e in effects if e.effect not in kinds) + tuple(new)


def without(fighter: Fighter, effect: str) -> Fighter:
    return replace(fighter, effects=tuple(e for e in fighter.effects if e.effect != effect))


def cleansed(fighter: Fighter) -> Fighter:
    return replace(fighter, effects=tuple(e for e in fighter.effects if e.effect not in HARMFUL))


def count_down(fighter: Fighter, fresh: list[StatusEffect], side: Side, log: list[LogEntry]) -> Fighter:
    """The end of a phase: statuses and cooldowns lose a turn; `fresh` ones (given this phase) start now."""
    kept: list[StatusEffect] = []
    for effect in fighter.effects:
        if effect.turns > 1:
            kept.append(replace(effect, turns=effect.turns - 1))
        else:
            log.append(LogEntry(kind="expired", actor=side, effect=effect.effect))
    cooldowns = {s: t - 1 for s, t in fighter.cooldowns.items() if t > 1}
    return replace(fighter, effects=merge(tuple(kept), fresh), cooldowns=cooldowns)
