"""EventBus on a Redis Stream with a consumer group.

A stream (not pub/sub) keeps events published while no consumer runs; the consumer group
remembers what was acknowledged, so a restarted consumer resumes where it stopped and first
re-reads what it had taken but not acknowledged.
"""

from __future__ import annotations

import asyncio
import logging

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.typing import XReadGroupResponse

from shared.events import Event, UnknownEvent, event_from_json
from shared.ports.event_bus import EventHandler

log = logging.getLogger(__name__)

EntryId = bytes | str
Fields = dict[bytes | str, bytes | str]


def _entries(reply: XReadGroupResponse) -> list[tuple[EntryId, Fields]]:
    """The entries of the one stream read, from a RESP2 reply: `[[stream, [(id, fields), …]]]`."""
    if isinstance(reply, dict):
        raise TypeError("a RESP3 reply: the event bus reads RESP2, the client's default protocol")
    entries: list[tuple[EntryId, Fields]] = reply[0][1] if reply else []
    return entries


class RedisStreamEventBus:
    def __init__(
        self,
        redis: Redis,
        *,
        stream: str = "events",
        group: str = "bot",
        consumer: str = "bot-1",
        max_len: int = 100_000,
        block_ms: int = 1000,
        concurrency: int = 8,
    ) -> None:
        self._redis = redis
        self._stream = stream
        self._group = group
        self._consumer = consumer
        self._max_len = max_len
        self._block_ms = block_ms
        # A broadcast to thousands takes minutes at Telegram's pace: other events must not queue behind it.
        self._slots = asyncio.Semaphore(concurrency)
        self._running: set[asyncio.Task[None]] = set()

    async def publish(self, event: Event) -> None:
        await self._redis.xadd(self._stream, {"event": event.to_json()}, maxlen=self._max_len, approximate=True)

    async def ensure_group(self) -> None:
        try:
            # "0": a group created after events were published still delivers them.
            await self._redis.xgroup_create(self._stream, self._group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def run_consumer(self, handler: EventHandler) -> None:
        backoff = 0.5
        while True:
            try:
                await self.ensure_group()
                # Our own pending entries first (taken before a crash, never acknowledged), then new ones.
                await self._consume(handler, start="0")
                while True:
                    await self._consume(handler, start=">")
                    backoff = 0.5
            except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
                log.warning("event stream unreachable (%s); retrying in %.1fs", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
            except ResponseError as exc:
                if "NOGROUP" not in str(exc):  # Redis was flushed: recreate the group.
                    raise
                await asyncio.sleep(0.1)
            except asyncio.CancelledError:
                # Unfinished events stay pending, so the next start handles them again.
                for task in self._running:
                    task.cancel()
                raise

    async def consume_pending_once(self, handler: EventHandler) -> int:
        """Process what is waiting now and return how many events were handled (tests, tools)."""
        await self.ensure_group()
        handled = await self._consume(handler, start="0")
        handled += await self._consume(handler, start=">", block=False)
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
        return handled

    async def _consume(self, handler: EventHandler, *, start: EntryId, block: bool = True) -> int:
        handled = 0
        while True:
            reply = await self._redis.xreadgroup(
                self._group,
                self._consumer,
                {self._stream: start},
                count=100,
                block=self._block_ms if (block and start == ">") else None,
            )
            entries = _entries(reply)
            if not entries:
                return handled
            if start == ">":
                for entry_id, fields in entries:
                    await self._slots.acquire()
                    task = asyncio.create_task(self._handle_in_slot(handler, entry_id, fields))
                    self._running.add(task)
                    task.add_done_callback(self._running.discard)
                return handled + len(entries)
            # Our own pending entries, one at a time and in order; a failing one is passed over (stays pending).
            for entry_id, fields in entries:
                await self._handle(handler, entry_id, fields)
                handled += 1
            start = entries[-1][0]

    async def _handle_in_slot(self, handler: EventHandler, entry_id: EntryId, fields: Fields) -> None:
        try:
            await self._handle(handler, entry_id, fields)
        finally:
            self._slots.release()

    async def _handle(self, handler: EventHandler, entry_id: EntryId, fields: Fields) -> None:
        raw = fields.get(b"event") or fields.get("event")
        try:
            event = event_from_json(raw or b"")  # an entry without the field is malformed too
        except UnknownEvent:
            log.error("dropping malformed event %s: %r", entry_id, raw)
            await self._redis.xack(self._stream, self._group, entry_id)
            return
        try:
            await handler(event)
        except Exception:
            # Left pending (not acknowledged): re-read when the consumer starts again.
            log.exception("handler failed for event %s (%s)", entry_id, event.kind)
            return
        await self._redis.xack(self._stream, self._group, entry_id)
