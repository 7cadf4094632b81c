"""An in-process EventBus: what was published, in order, and a consumer that hands it on."""

from __future__ import annotations

import asyncio
from typing import TypeVar

from shared.events import Event
from shared.ports.event_bus import EventHandler

E = TypeVar("E", bound=Event)


class InMemoryEventBus:
    def __init__(self) -> None:
        self._queue: asyncio.Queue[Event] = asyncio.Queue()
        self.published: list[Event] = []

    async def publish(self, event: Event) -> None:
        self.published.append(event)
        await self._queue.put(event)

    async def run_consumer(self, handler: EventHandler) -> None:
        while True:
            event = await self._queue.get()
            try:
                await handler(event)
            finally:
                self._queue.task_done()

    async def drain(self) -> None:
        """Wait until every published event was handled."""
        await self._queue.join()

    def of_type(self, kind: type[E]) -> list[E]:
        """The published events of one kind, in order."""
        return [e for e in self.published if isinstance(e, kind)]
