"""An in-process EventBus: for unit tests and a single process without Redis."""

from __future__ import annotations

import asyncio

from shared.events import Event
from shared.ports.event_bus import EventHandler


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
        """Wait until every published event was handled (tests)."""
        await self._queue.join()
