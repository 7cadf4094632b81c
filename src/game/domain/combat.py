"""Turn-based fights against one monster: the state between button presses and the rules of a turn.

A turn is the player's phase, then the monster's. Within a fighter's phase: its damage over time
ticks, then it acts unless stunned, then its statuses and cooldowns count down — statuses it gave
itself during this very phase start counting next phase, so a 3-turn buff serves 3 actions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from game.domain.character import Derived
from game.domain.combat_state import (
    Action,
    Attack,
    Combat,
    Fighter,
    Flee,
    LogEntry,
    Outcome,
    Side,
    StatusEffect,
    UseItem,
    UseSkill,
)
from game.domain.content import Content
from game.domain.content_models import DAMAGE_OVER_TIME, StatusSpec
from game.domain.errors import CombatOver, NotUsable, SkillNotReady, UnknownEntry
from game.domain.monsters import MonsterStats

__all__ = [
    "Action",
    "Attack",
    "Combat",
    "Fighter",
    "Flee",
    "LogEntry",
    "StatusEffect",
    "UseItem",
    "UseSkill",
    "act",
    "flee_chance",
    "ready_skills",
    "start_combat",
    "strike",
]

CRIT_MULTIPLIER = 1.75
DAMAGE_SPREAD = 0.15  # each blow lands between 85% and 115% of the attack
MAGIC_IGNORES_DEFENCE = 0.5  # spells go through half the armour and cannot be dodged
FLEE_BASE, FLEE_PER_AGILITY, FLEE_MIN, FLEE_MAX = 0.4, 0.04, 0.1, 0.9
HARMFUL = frozenset({"bleed", "burn", "poison", "stun", "attack_down", "defence_down"})


def start_combat(
    combat_id: str,
    *,
    derived: Derived,
    hp: int,
    mana: int,
    agility: int,
    level: int,
    skills: tuple[str, ...] | list[str],
    monster: MonsterStats,
) -> Combat:
    """`derived` with gear and passives (`derive_full`); `agility` likewise counts gear."""
    player = Fighter(
        level=level,
        hp=min(hp, derived.max_hp),
        max_hp=derived.max_hp,
        attack=derived.attack,
        defence=derived.defence,
        crit_chance=derived.crit_chance,
        dodge_chance=derived.dodge_chance,
        agility=agility,
        mana=min(mana, derived.max_mana),
        max_mana=derived.max_mana,
        magic=derived.magic,
        skills=tuple(skills),
    )
    foe = Fighter(
        level=monster.level,
        hp=monster.hp,
        max_hp=monster.hp,
        attack=monster.attack,
        defence=monster.defence,
        crit_chance=monster.crit_chance,
        dodge_chance=monster.dodge_chance,
        agility=monster.agility,
    )
    return Combat(id=combat_id, monster_id=monster.monster_id, player=player, monster=foe)


def flee_chance(combat: Combat) -> float:
    return _flee_chance(combat.player, combat.monster)


def _flee_chance(player: Fighter, monster: Fighter) -> float:
    chance = FLEE_BASE + FLEE_PER_AGILITY * (player.agility - monster.agility)
    return round(min(FLEE_MAX, max(FLEE_MIN, chance)), 3)


def ready_skills(combat: Combat, content: Content) -> list[str]:
    """The player's skills usable this turn (known, cooled down, affordable)."""
    p = combat.player
    return [s for s in p.skills if s in content.skills and not p.cooldowns.get(s) and content.skills[s].mana <= p.mana]


def act(combat: Combat, action: Action, content: Content, rng: random.Random) -> Combat:
    """Play one turn: the player's action, then the monster's. Returns the new state; the old is untouched."""
    if combat.over:
        raise CombatOver("the fight is over", combat=combat.id, outcome=combat.outcome)
    _check_action(combat, action, content)
    turn = _Turn(combat.player, combat.monster, [], rng, content, combat.monster_id)
    outcome = turn.play(action)
    return replace(
        combat,
        player=turn.player,
        monster=turn.monster,
        turn=combat.turn + 1,
        outcome=outcome,
        log=tuple(turn.log),
        consumed_item=turn.consumed,
    )


def _check_action(combat: Combat, action: Action, content: Content) -> None:
    if isinstance(action, UseSkill):
        skill = content.skills.get(action.skill_id)
        if skill is None or action.skill_id not in combat.player.skills or skill.kind != "active":
            raise SkillNotReady("you do not know that skill", skill=action.skill_id, reason="unknown")
        if combat.player.cooldowns.get(action.skill_id):
            turns = combat.player.cooldowns[action.skill_id]
            raise SkillNotReady("not ready yet", skill=action.skill_id, reason="cooldown", turns=turns)
        if skill.mana > combat.player.mana:
            raise SkillNotReady("not enough mana", skill=action.skill_id, reason="mana", needed=skill.mana)
    elif isinstance(action, UseItem):
        item = content.items.get(action.item_id)
        if item is None:
            raise UnknownEntry(f"no item {action.item_id!r}", item=action.item_id)
        if item.use is None:
            raise NotUsable("that cannot be used", item=action.item_id)


def strike(
    attack: int, defence: int, crit_chance: float, rng: random.Random, *, magic: bool = False
) -> tuple[int, bool]:
    """Damage of one blow and whether it was critical. Never negative; a blow with any force hurts at least 1."""
    raw = max(0.0, attack * rng.uniform(1 - DAMAGE_SPREAD, 1 + DAMAGE_SPREAD))
    crit = rng.random() < crit_chance
    if crit:
        raw *= CRIT_MULTIPLIER
    armour = max(0, defence) * (MAGIC_IGNORES_DEFENCE if magic else 1.0)
    if raw <= 0:
        return 0, crit
    # Armour absorbs a share that shrinks as the blow grows: never negative, never immune.
    return max(1, round(raw * raw / (raw + armour))), crit


@dataclass
class _Turn:
    """The mutable scratchpad of one turn; `act` turns it back into a frozen `Combat`."""

    player: Fighter
    monster: Fighter
    log: list[LogEntry]
    rng: random.Random
    content: Content
    monster_id: str
    consumed: str | None = None

    def play(self, action: Action) -> Outcome:
        fled = self._player_phase(action)
        if fled:
            return "fled"
        if self.monster.hp <= 0:
            return self._end("won")
        if self.player.hp <= 0:
            return self._end("lost")
        self._monster_phase()
        if self.monster.hp <= 0:
            return self._end("won")
        if self.player.hp <= 0:
            return self._end("lost")
        return "ongoing"

    def _end(self, outcome: Outcome) -> Outcome:
        self.log.append(LogEntry(kind=outcome, actor="player"))
        return outcome

    # --- the phases ---------------------------------------------------------------------------

    def _player_phase(self, action: Action) -> bool:
        self.player = self._tick(self.player, "player")
        if self.player.hp <= 0:
            return False
        fresh: list[StatusEffect] = []
        fled = False
        if self.player.has("stun"):
            self.log.append(LogEntry(kind="stunned", actor="player"))
        elif isinstance(action, Attack):
            self._blow("player", self.player.current_attack, magic=False)
        elif isinstance(action, UseSkill):
            fresh = self._use_skill(action.skill_id)
        elif isinstance(action, UseItem):
            fresh = self._use_item(action.item_id)
        elif isinstance(action, Flee):
            fled = self._flee()
        self.player = _count_down(self.player, fresh, "player", self.log)
        return fled

    def _monster_phase(self) -> None:
        self.monster = self._tick(self.monster, "monster")
        if self.monster.hp <= 0:
            return
        if self.monster.has("stun"):
            self.log.append(LogEntry(kind="stunned", actor="monster"))
        else:
            hit = self._blow("monster", self.monster.current_attack, magic=False)
            monster_def = self.content.monsters.get(self.monster_id)
            for spec in monster_def.on_hit if hit and monster_def else ():
                self._apply_status(spec, source="monster", target="player")
        self.monster = _count_down(self.monster, [], "monster", self.log)

    # --- actions ------------------------------------------------------------------------------

    def _blow(self, actor: Side, attack: int, *, magic: bool, power: float = 1.0, skill: str | None = None) -> bool:
        target: Side = "monster" if actor == "player" else "player"
        attacker, defender = self._side(actor), self._side(target)
        if not magic and self.rng.random() < defender.dodge_chance:
            self.log.append(LogEntry(kind="miss", actor=actor, target=target, skill=skill))
            return False
        amount, crit = strike(
            round(attack * power), defender.current_defence, attacker.crit_chance, self.rng, magic=magic
        )
        self._set(target, replace(defender, hp=max(0, defender.hp - amount)))
        self.log.append(LogEntry(kind="hit", actor=actor, target=target, amount=amount, crit=crit, skill=skill))
        return True

    def _use_skill(self, skill_id: str) -> list[StatusEffect]:
        skill = self.content.skills[skill_id]
        p = self.player
        self.player = replace(p, mana=p.mana - skill.mana, cooldowns={**p.cooldowns, skill_id: skill.cooldown})
        self.log.append(LogEntry(kind="skill", actor="player", skill=skill_id))
        landed = True
        if skill.damage:
            magic = skill.damage.school == "magic"
            base = self.player.magic if magic else self.player.current_attack
            landed = self._blow("player", base, magic=magic, power=skill.damage.power, skill=skill_id)
        if skill.heal:
            self._heal(round(self.player.max_hp * skill.heal), skill=skill_id)
        if skill.target_status and landed:
            self._apply_status(skill.target_status, source="player", target="monster")
        if skill.self_status:
            return self._self_status(skill.self_status)
        return []

    def _use_item(self, item_id: str) -> list[StatusEffect]:
        use = self.content.items[item_id].use
        assert use is not None  # checked before the turn
        self.consumed = item_id
        self.log.append(LogEntry(kind="item", actor="player", item=item_id))
        if use.heal:
            self._heal(use.heal, item=item_id)
        if use.mana:
            gained = min(use.mana, self.player.max_mana - self.player.mana)
            self.player = replace(self.player, mana=self.player.mana + gained)
            self.log.append(LogEntry(kind="mana", actor="player", amount=gained, item=item_id))
        if use.cleanse:
            self.player = replace(self.player, effects=tuple(e for e in self.player.effects if e.effect not in HARMFUL))
            self.log.append(LogEntry(kind="cleanse", actor="player", item=item_id))
        return self._self_status(use.status) if use.status else []

    def _flee(self) -> bool:
        if self.rng.random() < _flee_chance(self.player, self.monster):
            self.log.append(LogEntry(kind="fled", actor="player"))
            return True
        self.log.append(LogEntry(kind="flee_failed", actor="player"))
        return False

    def _heal(self, amount: int, *, skill: str | None = None, item: str | None = None) -> None:
        gained = max(0, min(amount, self.player.max_hp - self.player.hp))
        self.player = replace(self.player, hp=self.player.hp + gained)
        self.log.append(LogEntry(kind="heal", actor="player", amount=gained, skill=skill, item=item))

    # --- statuses -----------------------------------------------------------------------------

    def _status_amount(self, spec: StatusSpec, source: Fighter, bearer: Fighter) -> int:
        if spec.effect in DAMAGE_OVER_TIME:
            scale = source.magic if spec.effect == "burn" and source.magic > 0 else source.attack
            return max(1, round(scale * spec.power))
        if spec.effect in ("attack_up", "attack_down"):
            return max(1, round(bearer.attack * spec.power))
        if spec.effect in ("defence_up", "defence_down"):
            return max(1, round(bearer.defence * spec.power))
        return 0  # stun

    def _apply_status(self, spec: StatusSpec, *, source: Side, target: Side) -> None:
        if self.rng.random() >= spec.chance:
            return
        bearer = self._side(target)
        status = StatusEffect(spec.effect, spec.turns, self._status_amount(spec, self._side(source), bearer))
        self._set(target, replace(bearer, effects=_merge(bearer.effects, [status])))
        self.log.append(
            LogEntry(
                kind="status", actor=source, target=target, effect=spec.effect, turns=spec.turns, amount=status.amount
            )
        )

    def _self_status(self, spec: StatusSpec) -> list[StatusEffect]:
        """A status the player gives itself: kept aside so this phase's countdown skips it."""
        if self.rng.random() >= spec.chance:
            return []
        status = StatusEffect(spec.effect, spec.turns, self._status_amount(spec, self.player, self.player))
        self.player = replace(self.player, effects=tuple(e for e in self.player.effects if e.effect != spec.effect))
        self.log.append(
            LogEntry(
                kind="status",
                actor="player",
                target="player",
                effect=spec.effect,
                turns=spec.turns,
                amount=status.amount,
            )
        )
        return [status]

    def _tick(self, fighter: Fighter, side: Side) -> Fighter:
        for effect in fighter.effects:
            if effect.effect in DAMAGE_OVER_TIME and fighter.hp > 0:
                amount = min(effect.amount, fighter.hp)
                fighter = replace(fighter, hp=fighter.hp - amount)
                self.log.append(LogEntry(kind="tick", actor=side, effect=effect.effect, amount=amount))
        return fighter

    def _side(self, side: Side) -> Fighter:
        return self.player if side == "player" else self.monster

    def _set(self, side: Side, fighter: Fighter) -> None:
        if side == "player":
            self.player = fighter
        else:
            self.monster = fighter


def _merge(effects: tuple[StatusEffect, ...], new: list[StatusEffect]) -> tuple[StatusEffect, ...]:
    """A status applied again replaces the old one rather than stacking."""
    kinds = {e.effect for e in new}
    return tuple(e for e in effects if e.effect not in kinds) + tuple(new)


def _count_down(fighter: Fighter, fresh: list[StatusEffect], side: Side, log: list[LogEntry]) -> Fighter:
    kept: list[StatusEffect] = []
    for effect in fighter.effects:
        if effect.turns > 1:
            kept.append(replace(effect, turns=effect.turns - 1))
        else:
            log.append(LogEntry(kind="expired", actor=side, effect=effect.effect))
    cooldowns = {s: t - 1 for s, t in fighter.cooldowns.items() if t > 1}
    return replace(fighter, effects=_merge(tuple(kept), fresh), cooldowns=cooldowns)
