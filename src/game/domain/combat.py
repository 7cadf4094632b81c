"""Turn-based fights against one monster: the state between button presses and the rules of a turn.

A turn is the player's phase, then the monster's. Within a fighter's phase: its damage over time
ticks, its mana comes back (`mana_regen`), then it acts unless stunned or frozen, then its statuses
and cooldowns count down — statuses it gave itself during this very phase start counting next phase,
so a 3-turn buff serves 3 actions.

A blow: dodged (physical only), else the attack × power with a spread, maybe critical (× the
attacker's crit damage), through the armour (half of it for magic), × 1.25 on a frozen target, less
the target's magic resistance (spells only) and damage reduction (guard included), part of what is
left paid with mana under a mana shield; then the attacker's lifesteal heals it by a share of the
damage done.
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
from game.domain.content_models import DAMAGE_OVER_TIME, SkillDamage, StatusSpec
from game.domain.damage import FROZEN_DAMAGE_TAKEN, reduced, shielded, skill_power, strike
from game.domain.errors import CombatOver, NotUsable, SkillNotReady, UnknownEntry
from game.domain.monsters import MonsterStats
from game.domain.statuses import applied, cleansed, count_down, merge, status_amount, without

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
    "act_alone",
    "flee_chance",
    "player_fighter",
    "ready_skills",
    "start_combat",
    "strike",
]

FLEE_BASE, FLEE_PER_AGILITY, FLEE_MIN, FLEE_MAX = 0.4, 0.04, 0.1, 0.9


def player_fighter(
    *, derived: Derived, hp: int, mana: int, agility: int, level: int, skills: tuple[str, ...] | list[str]
) -> Fighter:
    """A player's side of a fight: `derived` with gear and passives (`derive_full`); `agility` likewise."""
    return Fighter(
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
        crit_damage=derived.crit_damage,
        lifesteal=derived.lifesteal,
        damage_reduction=derived.damage_reduction,
        mana_regen=derived.mana_regen,
        skills=tuple(skills),
    )


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
    player = player_fighter(derived=derived, hp=hp, mana=mana, agility=agility, level=level, skills=skills)
    foe = Fighter(
        level=monster.level,
        hp=monster.hp,
        max_hp=monster.hp,
        attack=monster.attack,
        defence=monster.defence,
        crit_chance=monster.crit_chance,
        dodge_chance=monster.dodge_chance,
        agility=monster.agility,
        magic_resist=monster.magic_resist,
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


def act_alone(combat: Combat, action: Action, content: Content, rng: random.Random, *, healing: float = 1.0) -> Combat:
    """Only the player's phase of a turn: the other side does not answer. A duel between two players is
    played with this, each in turn taking the player's side, so both act under the very rules of PvE —
    but for `healing`, the share of every heal (skills and lifesteal) that lands, which the arena lowers."""
    if combat.over:
        raise CombatOver("the fight is over", combat=combat.id, outcome=combat.outcome)
    _check_action(combat, action, content)
    turn = _Turn(combat.player, combat.monster, [], rng, content, combat.monster_id, healing=healing)
    fled = turn._player_phase(action)
    outcome: Outcome = "ongoing"
    if fled:
        outcome = "fled"
    elif turn.monster.hp <= 0:
        outcome = turn._end("won")
    elif turn.player.hp <= 0:
        outcome = turn._end("lost")
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
    healing: float = 1.0  # the share of each heal that lands: whole in PvE

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
        p = self.player
        if p.mana_regen:
            self.player = replace(p, mana=max(0, min(p.max_mana, p.mana + p.mana_regen)))
        fresh: list[StatusEffect] = []
        fled = False
        if self.player.cannot_act:
            self._log_stunned("player")
        elif isinstance(action, Attack):
            self._blow("player", self.player.current_attack, magic=False)
        elif isinstance(action, UseSkill):
            fresh = self._use_skill(action.skill_id)
        elif isinstance(action, UseItem):
            fresh = self._use_item(action.item_id)
        elif isinstance(action, Flee):
            fled = self._flee()
        self.player = count_down(self.player, fresh, "player", self.log)
        return fled

    def _monster_phase(self) -> None:
        self.monster = self._tick(self.monster, "monster")
        if self.monster.hp <= 0:
            return
        if self.monster.cannot_act:
            self._log_stunned("monster")
        else:
            hit = self._blow("monster", self.monster.current_attack, magic=False) is not None
            monster_def = self.content.monsters.get(self.monster_id)
            for spec in monster_def.on_hit if hit and monster_def else ():
                self._apply_status(spec, source="monster", target="player")
        self.monster = count_down(self.monster, [], "monster", self.log)

    def _log_stunned(self, side: Side) -> None:
        frozen = not self._side(side).has("stun")
        self.log.append(LogEntry(kind="stunned", actor=side, effect="freeze" if frozen else None))

    # --- actions ------------------------------------------------------------------------------

    def _blow(
        self,
        actor: Side,
        attack: int,
        *,
        magic: bool,
        power: float = 1.0,
        skill: str | None = None,
        crit_bonus: float = 0.0,
        lifesteal: float = 0.0,
    ) -> int | None:
        """One blow: the damage it did to health, or None when it was dodged."""
        target: Side = "monster" if actor == "player" else "player"
        attacker, defender = self._side(actor), self._side(target)
        if not magic and self.rng.random() < defender.current_dodge_chance:
            self.log.append(LogEntry(kind="miss", actor=actor, target=target, skill=skill))
            return None
        amount, crit = strike(
            round(attack * power),
            defender.current_defence,
            attacker.current_crit_chance + crit_bonus,
            self.rng,
            magic=magic,
            crit_damage=attacker.crit_damage,
        )
        if defender.has("freeze"):
            amount = round(amount * FROZEN_DAMAGE_TAKEN)
        if magic:
            amount = reduced(amount, defender.magic_resist)
        amount = reduced(amount, defender.current_reduction)
        spent = 0
        if defender.mana_shield and defender.mana > 0:
            amount, spent = shielded(amount, defender.mana_shield, defender.mana)
        self._set(target, replace(defender, hp=max(0, defender.hp - amount), mana=defender.mana - spent))
        self.log.append(LogEntry(kind="hit", actor=actor, target=target, amount=amount, crit=crit, skill=skill))
        drain = attacker.lifesteal + lifesteal
        if actor == "player" and drain > 0 and amount > 0:
            self._heal(round(amount * drain), skill=skill)
        return amount

    def _use_skill(self, skill_id: str) -> list[StatusEffect]:
        skill = self.content.skills[skill_id]
        p = self.player
        self.player = replace(p, mana=p.mana - skill.mana, cooldowns={**p.cooldowns, skill_id: skill.cooldown})
        self.log.append(LogEntry(kind="skill", actor="player", skill=skill_id))
        landed = True
        if skill.damage:
            landed = self._skill_blows(skill_id, skill.damage, skill.target_status)
        if skill.heal:
            self._heal(round(self.player.max_hp * skill.heal), skill=skill_id)
        if skill.mana_gain:
            self._gain_mana(round(self.player.max_mana * skill.mana_gain), skill=skill_id)
        if skill.target_status and landed and not (skill.damage and skill.damage.hits > 1):
            self._apply_status(skill.target_status, source="player", target="monster")
        if skill.self_status:
            return self._self_status(skill.self_status)
        return []

    def _skill_blows(self, skill_id: str, damage: SkillDamage, status: StatusSpec | None) -> bool:
        """A damaging skill's blows; whether any landed. With several blows, each one landed applies the
        skill's status (so they stack); a consumed status ends once a blow lands."""
        magic = damage.school == "magic"
        power, stacks = skill_power(damage, self.monster)
        landed = False
        for _ in range(damage.hits):
            if self.monster.hp <= 0:
                break
            base = self.player.magic if magic else self.player.current_attack
            dealt = self._blow(
                "player",
                base,
                magic=magic,
                power=power,
                skill=skill_id,
                crit_bonus=damage.crit_bonus,
                lifesteal=damage.lifesteal,
            )
            landed = landed or dealt is not None
            if dealt is not None and status and damage.hits > 1:
                self._apply_status(status, source="player", target="monster")
        if landed and stacks and damage.consumes:
            self.monster = without(self.monster, damage.consumes)
            self.log.append(LogEntry(kind="expired", actor="monster", effect=damage.consumes))
        return landed

    def _use_item(self, item_id: str) -> list[StatusEffect]:
        use = self.content.items[item_id].use
        assert use is not None  # checked before the turn
        self.consumed = item_id
        self.log.append(LogEntry(kind="item", actor="player", item=item_id))
        if use.heal:
            self._heal(use.heal, item=item_id)
        if use.mana:
            self._gain_mana(use.mana, item=item_id)
        if use.cleanse:
            self.player = cleansed(self.player)
            self.log.append(LogEntry(kind="cleanse", actor="player", item=item_id))
        return self._self_status(use.status) if use.status else []

    def _flee(self) -> bool:
        if self.rng.random() < _flee_chance(self.player, self.monster):
            self.log.append(LogEntry(kind="fled", actor="player"))
            return True
        self.log.append(LogEntry(kind="flee_failed", actor="player"))
        return False

    def _heal(self, amount: int, *, skill: str | None = None, item: str | None = None) -> None:
        if self.healing != 1.0:
            amount = round(amount * self.healing)
        gained = max(0, min(amount, self.player.max_hp - self.player.hp))
        self.player = replace(self.player, hp=self.player.hp + gained)
        self.log.append(LogEntry(kind="heal", actor="player", amount=gained, skill=skill, item=item))

    def _gain_mana(self, amount: int, *, skill: str | None = None, item: str | None = None) -> None:
        gained = max(0, min(amount, self.player.max_mana - self.player.mana))
        self.player = replace(self.player, mana=self.player.mana + gained)
        self.log.append(LogEntry(kind="mana", actor="player", amount=gained, skill=skill, item=item))

    # --- statuses -----------------------------------------------------------------------------

    def _apply_status(self, spec: StatusSpec, *, source: Side, target: Side) -> None:
        if self.rng.random() >= spec.chance:
            return
        bearer = self._side(target)
        status = applied(bearer, spec, status_amount(spec, self._side(source), bearer))
        self._set(target, replace(bearer, effects=merge(bearer.effects, [status])))
        self.log.append(
            LogEntry(
                kind="status", actor=source, target=target, effect=spec.effect, turns=spec.turns, amount=status.amount
            )
        )

    def _self_status(self, spec: StatusSpec) -> list[StatusEffect]:
        """A status the player gives itself: kept aside so this phase's countdown skips it."""
        if self.rng.random() >= spec.chance:
            return []
        status = StatusEffect(spec.effect, spec.turns, status_amount(spec, self.player, self.player))
        self.player = without(self.player, spec.effect)
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
