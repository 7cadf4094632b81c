"""The arithmetic of one blow: spread, critical hits, armour, damage reduction, a mana shield, and
what a skill's power comes to against its target."""

from __future__ import annotations

import random

from game.domain.character import BASE_CRIT_DAMAGE
from game.domain.combat_state import Fighter
from game.domain.content_models import SkillDamage

CRIT_MULTIPLIER = BASE_CRIT_DAMAGE  # unless the attacker's own crit damage says otherwise
DAMAGE_SPREAD = 0.15  # each blow lands between 85% and 115% of the attack
MAGIC_IGNORES_DEFENCE = 0.5  # spells go through half the armour and cannot be dodged
FROZEN_DAMAGE_TAKEN = 1.25  # a frozen target shatters a little: blows against it hit this much harder
MANA_SHIELD_DAMAGE_PER_MANA = 1  # each point of mana a mana shield spends stops this much damage


def strike(
    attack: int,
    defence: int,
    crit_chance: float,
    rng: random.Random,
    *,
    magic: bool = False,
    crit_damage: float = CRIT_MULTIPLIER,
) -> tuple[int, bool]:
    """Damage of one blow and whether it was critical. Never negative; a blow with any force hurts at least 1."""
    raw = max(0.0, attack * rng.uniform(1 - DAMAGE_SPREAD, 1 + DAMAGE_SPREAD))
    crit = rng.random() < crit_chance
    if crit:
        raw *= crit_damage
    armour = max(0, defence) * (MAGIC_IGNORES_DEFENCE if magic else 1.0)
    if raw <= 0:
        return 0, crit
    # Armour absorbs a share that shrinks as the blow grows: never negative, never immune.
    return max(1, round(raw * raw / (raw + armour))), crit


def reduced(amount: int, reduction: float) -> int:
    """A blow less the target's damage reduction: a blow that hurt still hurts at least 1."""
    if amount <= 0:
        return 0
    return max(1, round(amount * (1 - max(0.0, reduction))))


def shielded(amount: int, share: float, mana: int) -> tuple[int, int]:
    """(damage to health, mana spent) under a mana shield taking `share` of the blow while mana lasts."""
    wanted = round(amount * share)
    absorbed = min(wanted, mana * MANA_SHIELD_DAMAGE_PER_MANA)
    spent = -(-absorbed // MANA_SHIELD_DAMAGE_PER_MANA)  # a point of mana started is spent
    return amount - absorbed, spent


def skill_power(damage: SkillDamage, target: Fighter) -> tuple[float, int]:
    """The power of a skill's blows against `target` now, and the stacks of the status it consumes."""
    power = damage.power
    if damage.execute_below and target.hp <= target.max_hp * damage.execute_below:
        power *= damage.execute_power
    consumed = target.status(damage.consumes) if damage.consumes else None
    stacks = consumed.stacks if consumed else 0
    return power + damage.per_stack * stacks, stacks
