"""A fight in progress and what it is part of: out in the wild, or a step of a rift.

It lives with the hot state (and is saved by the snapshot) as a JSON object
`{"combat": …, "context": {"kind": …, …}}`; `from_dict` refuses anything else with `ValueError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from game.domain.combat import Combat


@dataclass(frozen=True)
class WildFight:
    """An encounter while exploring: nothing more happens when it ends."""

    kind: ClassVar[Literal["wild"]] = "wild"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind}


@dataclass(frozen=True)
class RiftFight:
    """The fight of one step of a rift run: winning it moves the run on."""

    kind: ClassVar[Literal["rift"]] = "rift"
    rift_id: str
    floor: int
    step: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "rift_id": self.rift_id, "floor": self.floor, "step": self.step}


FightContext = WildFight | RiftFight


def context_from_dict(data: Mapping[str, Any] | None) -> FightContext:
    kind = (data or {}).get("kind", "wild")
    if kind == "wild":
        return WildFight()
    if kind == "rift" and data is not None:
        try:
            return RiftFight(rift_id=str(data["rift_id"]), floor=int(data["floor"]), step=int(data["step"]))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"a damaged rift fight context: {exc}") from exc
    raise ValueError(f"unknown fight context {kind!r}")


@dataclass(frozen=True)
class RunningFight:
    combat: Combat
    context: FightContext

    @property
    def id(self) -> str:
        return self.combat.id

    def to_dict(self) -> dict[str, Any]:
        return {"combat": self.combat.to_dict(), "context": self.context.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> RunningFight:
        if not isinstance(data, Mapping) or not isinstance(data.get("combat"), Mapping):
            raise ValueError("a running fight is an object with a combat")
        try:
            combat = Combat.from_dict(data["combat"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"a damaged combat: {exc}") from exc
        return cls(combat=combat, context=context_from_dict(data.get("context")))
