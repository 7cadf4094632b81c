from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

from shared.events import Event

# What a handler returns is its own business (a report, say): the bus only awaits it.
EventHandler = Callable[[Event], Awaitable[object]]


class EventBus(Protocol):
    """Publishes events and delivers them to subscribers.

    Delivery is at-least-once; handlers must be idempotent on `event.event_id`.
    """

    async def publish(self, event: Event) -> None: ...

    async def run_consumer(self, handler: EventHandler) -> None:
        """Deliver events to `handler` until cancelled."""
        ...


@dataclass(frozen=True)
class DeadLetter:
    """An event whose handler failed on each of its deliveries, set aside so the others go on."""

    id: str  # the dead letter's own id, to replay it
    kind: str
    event_id: str
    deliveries: int
    error: str
    raw: str  # the event as published


@dataclass(frozen=True)
class Backlog:
    """How far the consumers are behind: taken but not acknowledged, not yet taken, set aside."""

    pending: int
    lag: int
    dead: int


class EventBusOperations(Protocol):
    """What an operator does with a bus: see its backlog, list the dead letters, replay them."""

    async def backlog(self) -> Backlog: ...

    async def dead_letters(self, *, limit: int = 100) -> list[DeadLetter]: ...

    async def replay_dead_letters(self, ids: list[str] | None = None) -> int:
        """Publish the dead letters `ids` (all of them: None) again and remove them; how many were."""
        ...
