"""Event contracts: what the game announces and the bot turns into messages.

Events are frozen dataclasses with a `kind` tag so they cross a process boundary as JSON.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar
from uuid import uuid4


def _new_id() -> str:
    return uuid4().hex


@dataclass(frozen=True, kw_only=True)
class Event:
    kind: ClassVar[str] = "event"
    event_id: str = field(default_factory=_new_id)

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, **dataclasses.asdict(self)}, ensure_ascii=False)


@dataclass(frozen=True, kw_only=True)
class CharacterCreated(Event):
    """A new character entered the world: the bot greets its player."""

    kind: ClassVar[str] = "character_created"
    player_id: int
    name: str
    class_id: str
    location_id: str


@dataclass(frozen=True, kw_only=True)
class PlayerLeveledUp(Event):
    kind: ClassVar[str] = "player_leveled_up"
    player_id: int
    level: int


@dataclass(frozen=True, kw_only=True)
class RiftOpened(Event):
    kind: ClassVar[str] = "rift_opened"
    rift_id: str
    location_id: str
    tier: int
    closes_at: float


@dataclass(frozen=True, kw_only=True)
class RiftCollapsed(Event):
    kind: ClassVar[str] = "rift_collapsed"
    rift_id: str
    location_id: str
    evicted_player_ids: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class BossSpawned(Event):
    kind: ClassVar[str] = "boss_spawned"
    boss_id: str
    monster_id: str
    location_id: str
    hp: int
    deadline: float


@dataclass(frozen=True, kw_only=True)
class BossDefeated(Event):
    kind: ClassVar[str] = "boss_defeated"
    boss_id: str
    monster_id: str
    location_id: str
    contributors: tuple[int, ...] = ()
    killer_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class BossEscaped(Event):
    kind: ClassVar[str] = "boss_escaped"
    boss_id: str
    monster_id: str
    location_id: str
    contributors: tuple[int, ...] = ()  # who fought it (their damage still counts on the leaderboard)


@dataclass(frozen=True, kw_only=True)
class Broadcast(Event):
    kind: ClassVar[str] = "broadcast"
    text: str


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        CharacterCreated,
        PlayerLeveledUp,
        RiftOpened,
        RiftCollapsed,
        BossSpawned,
        BossDefeated,
        BossEscaped,
        Broadcast,
    )
}


class UnknownEvent(ValueError):
    pass


def event_from_json(raw: str | bytes) -> Event:
    data: dict[str, Any] = json.loads(raw)
    kind = data.pop("kind", None)
    cls = EVENT_TYPES.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise UnknownEvent(f"unknown event kind: {kind!r}")
    for f in dataclasses.fields(cls):
        if f.name in data and isinstance(data[f.name], list):
            data[f.name] = tuple(data[f.name])
    return cls(**data)
