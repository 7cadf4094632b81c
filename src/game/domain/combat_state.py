"""The state of a fight between button presses: both fighters, their statuses, what the last turn
caused, and the actions a player may take. Everything round-trips through plain dicts (JSON), since a
running fight lives with the hot state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from game.domain.character import BASE_CRIT_DAMAGE

Side = Literal["player", "monster"]
Outcome = Literal["ongoing", "won", "lost", "fled"]

# However the buffs pile up, a fight keeps some chance to hit, to be hurt and to be merely lucky.
MAX_CRIT_IN_FIGHT = 0.75
MAX_DODGE_IN_FIGHT = 0.5
MAX_REDUCTION_IN_FIGHT = 0.75


@dataclass(frozen=True)
class StatusEffect:
    effect: str
    turns: int  # phases of its bearer still affected
    amount: int = 0  # damage per tick (all stacks), the change to attack/defence, or a percentage
    stacks: int = 1  # applications piled up (damage over time that stacks)

    def to_dict(self) -> dict[str, Any]:
        return {"effect": self.effect, "turns": self.turns, "amount": self.amount, "stacks": self.stacks}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatusEffect:
        return cls(effect=data["effect"], turns=data["turns"], amount=data["amount"], stacks=data.get("stacks", 1))


@dataclass(frozen=True)
class Fighter:
    """A side of the fight: a snapshot of what the rules need, taken when the fight starts."""

    level: int
    hp: int
    max_hp: int
    attack: int
    defence: int
    crit_chance: float
    dodge_chance: float
    agility: int
    mana: int = 0
    max_mana: int = 0
    magic: int = 0
    crit_damage: float = BASE_CRIT_DAMAGE
    lifesteal: float = 0.0
    damage_reduction: float = 0.0
    mana_regen: int = 0
    magic_resist: float = 0.0  # share of each spell's damage shrugged off
    skills: tuple[str, ...] = ()  # active skills it may use
    cooldowns: Mapping[str, int] = field(default_factory=dict)  # skill → turns until ready; ready ones absent
    effects: tuple[StatusEffect, ...] = ()

    def has(self, effect: str) -> bool:
        return any(e.effect == effect for e in self.effects)

    def status(self, effect: str) -> StatusEffect | None:
        return next((e for e in self.effects if e.effect == effect), None)

    def _percent(self, effect: str) -> float:
        return sum(e.amount for e in self.effects if e.effect == effect) / 100

    @property
    def cannot_act(self) -> bool:
        return self.has("stun") or self.has("freeze")

    @property
    def current_crit_chance(self) -> float:
        return min(MAX_CRIT_IN_FIGHT, self.crit_chance + self._percent("crit_up"))

    @property
    def current_dodge_chance(self) -> float:
        return min(MAX_DODGE_IN_FIGHT, self.dodge_chance + self._percent("dodge_up"))

    @property
    def current_reduction(self) -> float:
        return min(MAX_REDUCTION_IN_FIGHT, self.damage_reduction + self._percent("guard"))

    @property
    def mana_shield(self) -> float:
        """The share of each blow paid with mana while the shield holds (and mana lasts)."""
        return min(1.0, self._percent("mana_shield"))

    def _shift(self, up: str, down: str) -> int:
        return sum(e.amount for e in self.effects if e.effect == up) - sum(
            e.amount for e in self.effects if e.effect == down
        )

    @property
    def current_attack(self) -> int:
        return max(0, self.attack + self._shift("attack_up", "attack_down"))

    @property
    def current_defence(self) -> int:
        return max(0, self.defence + self._shift("defence_up", "defence_down"))

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("skills", "cooldowns", "effects")}
        data["skills"] = list(self.skills)
        data["cooldowns"] = dict(sorted(self.cooldowns.items()))
        data["effects"] = [e.to_dict() for e in self.effects]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fighter:
        plain = {k: v for k, v in data.items() if k not in ("skills", "cooldowns", "effects")}
        return cls(
            **plain,
            skills=tuple(data["skills"]),
            cooldowns={str(k): int(v) for k, v in data["cooldowns"].items()},
            effects=tuple(StatusEffect.from_dict(e) for e in data["effects"]),
        )


@dataclass(frozen=True)
class LogEntry:
    """One thing that happened, for the UI to put into words in the player's language.

    kinds: skill, item, hit, miss, heal, mana, status, tick, expired, cleanse, stunned, flee_failed,
    fled, won, lost. `actor` did it; `target` is who it happened to, when that is someone else.
    """

    kind: str
    actor: Side
    target: Side | None = None
    amount: int | None = None
    crit: bool = False
    skill: str | None = None
    item: str | None = None
    effect: str | None = None
    turns: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "actor": self.actor}
        for name in ("target", "amount", "skill", "item", "effect", "turns"):
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.crit:
            data["crit"] = True
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogEntry:
        return cls(**data)


@dataclass(frozen=True)
class Combat:
    id: str
    monster_id: str
    player: Fighter
    monster: Fighter
    turn: int = 1  # the turn the next action will be; buttons carry it so a stale press is recognised
    outcome: Outcome = "ongoing"
    log: tuple[LogEntry, ...] = ()  # what the last action caused
    consumed_item: str | None = None  # the consumable the last action used up: remove one from the bag

    @property
    def over(self) -> bool:
        return self.outcome != "ongoing"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "monster_id": self.monster_id,
            "player": self.player.to_dict(),
            "monster": self.monster.to_dict(),
            "turn": self.turn,
            "outcome": self.outcome,
            "log": [entry.to_dict() for entry in self.log],
            "consumed_item": self.consumed_item,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Combat:
        return cls(
            id=data["id"],
            monster_id=data["monster_id"],
            player=Fighter.from_dict(data["player"]),
            monster=Fighter.from_dict(data["monster"]),
            turn=data["turn"],
            outcome=data["outcome"],
            log=tuple(LogEntry.from_dict(e) for e in data["log"]),
            consumed_item=data["consumed_item"],
        )


@dataclass(frozen=True)
class Attack:
    pass


@dataclass(frozen=True)
class UseSkill:
    skill_id: str


@dataclass(frozen=True)
class UseItem:
    """The caller checks the item is in the bag; `Combat.consumed_item` then says to remove one."""

    item_id: str


@dataclass(frozen=True)
class Flee:
    pass


Action = Attack | UseSkill | UseItem | Flee
