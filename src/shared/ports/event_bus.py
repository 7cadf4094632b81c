from __future__ import annotations

from collections.abc import Awaitable, Callable
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
