"""EventBus on a Redis Stream with a consumer group, for any number of consumer processes.

A stream (not pub/sub) keeps events published while no consumer runs; the consumer group remembers
what was acknowledged. Each process reads as a consumer of its own name (`consumer_name()`), so
replicas share the events, each event going to one of them. An event taken but not acknowledged — its
handler failed, or its process died — stays pending; after `claim_idle_seconds` any consumer takes it
over (`XAUTOCLAIM`) and tries again. After `max_deliveries` failed deliveries it is moved to the
dead-letter stream (`<stream>:dead`), where an operator lists and replays it (`riftwalker events`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import socket
import time
import uuid
from collections.abc import Awaitable
from typing import Any, TypeVar

from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.typing import XReadGroupResponse

from shared.events import Event, UnknownEvent, event_from_json
from shared.ports.event_bus import Backlog, DeadLetter, EventHandler

log = logging.getLogger(__name__)

T = TypeVar("T")
EntryId = bytes | str
Fields = dict[bytes | str, bytes | str]

# A consumer gone this long with nothing pending is a replica that will not come back.
STALE_CONSUMER_MS = 3_600_000


def consumer_name() -> str:
    """This process's name in the consumer group: host, pid and a random part (pids are reused)."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def _entries(reply: XReadGroupResponse) -> list[tuple[EntryId, Fields]]:
    """The entries of the one stream read, from a RESP2 reply: `[[stream, [(id, fields), …]]]`."""
    if isinstance(reply, dict):
        raise TypeError("a RESP3 reply: the event bus reads RESP2, the client's default protocol")
    entries: list[tuple[EntryId, Fields]] = reply[0][1] if reply else []
    return entries


async def _finished(command: Awaitable[T]) -> T:
    """A read that runs to its end even when the consumer is cancelled meanwhile: a command cut in the
    middle of being sent or read can wedge the connection's stop. What it took stays pending, for
    this consumer's next start or another consumer."""
    future = asyncio.ensure_future(command)
    future.add_done_callback(_seen)
    return await asyncio.shield(future)


def _seen(future: asyncio.Future[Any]) -> None:
    """Mark a shielded read's failure as seen: when its consumer was stopped meanwhile (the connection
    closed under it at shutdown), nobody is left to hear of it, and asyncio would log it as an error."""
    if not future.cancelled():
        future.exception()


def _rows(reply: Any) -> list[tuple[EntryId, Fields]]:
    """The entries of an XRANGE reply (none for a missing stream)."""
    return [(entry_id, fields) for entry_id, fields in reply or [] if entry_id is not None and fields is not None]


def _field(fields: Fields, name: str) -> str:
    value = fields.get(name.encode()) or fields.get(name) or b""
    return _text(value)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisStreamEventBus:
    def __init__(
        self,
        redis: Redis,
        *,
        stream: str = "events",
        group: str = "bot",
        consumer: str | None = None,
        max_len: int = 100_000,
        block_ms: int = 1000,
        concurrency: int = 8,
        claim_idle_seconds: float = 60.0,
        max_deliveries: int = 5,
    ) -> None:
        self._redis = redis
        self._stream = stream
        self._dead_stream = f"{stream}:dead"
        self._failures = f"{stream}:failures"
        self._group = group
        self.consumer = consumer or consumer_name()
        self._max_len = max_len
        self._block_ms = block_ms
        self._claim_idle_ms = max(1, round(claim_idle_seconds * 1000))
        self._max_deliveries = max_deliveries
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
        log.info("event consumer %s started on %s", self.consumer, self._stream)
        while True:
            try:
                await self.ensure_group()
                # Our own pending entries first (taken before a crash, never acknowledged), then new ones,
                # taking over what other consumers left idle every half claim timeout.
                await self._consume(handler, start="0")
                next_claim = 0.0
                while True:
                    if time.monotonic() >= next_claim:
                        await self._reclaim(handler)
                        next_claim = time.monotonic() + self._claim_idle_ms / 2000
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
                # Unfinished events stay pending: another consumer, or this one restarted, takes them over.
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

    async def reclaim_once(self, handler: EventHandler) -> int:
        """Take over and handle the entries other consumers left idle past the claim timeout (tests, tools)."""
        await self.ensure_group()
        return await self._reclaim(handler)

    async def _consume(self, handler: EventHandler, *, start: EntryId, block: bool = True) -> int:
        handled = 0
        while True:
            reply = await _finished(
                self._redis.xreadgroup(
                    self._group,
                    self.consumer,
                    {self._stream: start},
                    count=100,
                    block=self._block_ms if (block and start == ">") else None,
                )
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
            deliveries = await self._deliveries(entries)
            for entry_id, fields in entries:
                await self._handle(handler, entry_id, fields, deliveries.get(_text(entry_id), 1))
                handled += 1
            start = entries[-1][0]

    async def _reclaim(self, handler: EventHandler) -> int:
        handled, start = 0, "0-0"
        while True:
            reply = await _finished(
                self._redis.xautoclaim(
                    self._stream,
                    self._group,
                    self.consumer,
                    min_idle_time=self._claim_idle_ms,
                    start_id=start,
                    count=100,
                )
            )
            next_start, entries = _text(reply[0]), [(i, f) for i, f in reply[1] if f is not None]
            if entries:
                log.info("took over %d idle event(s) from other consumers", len(entries))
                deliveries = await self._deliveries(entries)
                for entry_id, fields in entries:
                    await self._handle(handler, entry_id, fields, deliveries.get(_text(entry_id), 1))
                    handled += 1
            if next_start == "0-0":
                break
            start = next_start
        await self._forget_stale_consumers()
        return handled

    async def _deliveries(self, entries: list[tuple[EntryId, Fields]]) -> dict[str, int]:
        """How often each of our pending entries was delivered, this time included."""
        rows = await _finished(self._redis.xpending_range(
            self._stream, self._group, min=entries[0][0], max=entries[-1][0], count=len(entries) + 100,
            consumername=self.consumer,
        ))  # fmt: skip
        return {_text(row["message_id"]): int(row["times_delivered"]) for row in rows}

    async def _forget_stale_consumers(self) -> None:
        for info in await _finished(self._redis.xinfo_consumers(self._stream, self._group)):
            name = _text(info["name"])
            if name != self.consumer and int(info["pending"]) == 0 and int(info["idle"]) > STALE_CONSUMER_MS:
                await self._redis.xgroup_delconsumer(self._stream, self._group, name)

    async def _handle_in_slot(self, handler: EventHandler, entry_id: EntryId, fields: Fields) -> None:
        try:
            await self._handle(handler, entry_id, fields, 1)
        finally:
            self._slots.release()

    async def _handle(self, handler: EventHandler, entry_id: EntryId, fields: Fields, deliveries: int) -> None:
        raw = fields.get(b"event") or fields.get("event")
        try:
            event = event_from_json(raw or b"")  # an entry without the field is malformed too
        except UnknownEvent:
            log.error("dropping malformed event %s: %r", entry_id, raw)
            await self._redis.xack(self._stream, self._group, entry_id)
            return
        if deliveries > self._max_deliveries:
            await self._bury(entry_id, event, _text(raw), deliveries - 1)
            return
        try:
            await handler(event)
        except Exception as exc:
            # Left pending (not acknowledged): taken over again after the claim timeout.
            log.exception("handler failed for event %s (%s), delivery %d", entry_id, event.kind, deliveries)
            await _finished(self._redis.hset(self._failures, _text(entry_id), f"{type(exc).__name__}: {exc}"[:500]))
            return
        await _finished(self._acknowledge(entry_id, deliveries))

    async def _acknowledge(self, entry_id: EntryId, deliveries: int) -> None:
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xack(self._stream, self._group, entry_id)
            if deliveries > 1:
                pipe.hdel(self._failures, _text(entry_id))
            await pipe.execute()

    async def _bury(self, entry_id: EntryId, event: Event, raw: str, deliveries: int) -> None:
        error = _text(await self._redis.hget(self._failures, _text(entry_id)) or b"")
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.xadd(
                self._dead_stream,
                {"event": raw, "entry_id": _text(entry_id), "deliveries": deliveries, "error": error},
                maxlen=self._max_len,
                approximate=True,
            )
            pipe.xack(self._stream, self._group, entry_id)
            pipe.hdel(self._failures, _text(entry_id))
            await pipe.execute()
        log.error(
            "event %s (%s) failed %d deliveries: moved to %s (%s)",
            event.event_id,
            event.kind,
            deliveries,
            self._dead_stream,
            error,
        )

    # --- EventBusOperations -------------------------------------------------------------------------

    async def backlog(self) -> Backlog:
        await self.ensure_group()
        groups = await self._redis.xinfo_groups(self._stream)
        mine = next((g for g in groups if _text(g["name"]) == self._group), {})
        lag = mine.get("lag")
        if lag is None:
            # Redis cannot tell (the group was created behind entries already there): count what follows the
            # last delivered entry, up to a bound that is alarming enough.
            last = _text(mine.get("last-delivered-id") or b"0-0")
            lag = len(_rows(await self._redis.xrange(self._stream, f"({last}", "+", count=10_000)))
        return Backlog(
            pending=int(mine.get("pending") or 0),
            lag=int(lag),
            dead=int(await self._redis.xlen(self._dead_stream)),
        )

    async def dead_letters(self, *, limit: int = 100) -> list[DeadLetter]:
        letters: list[DeadLetter] = []
        for dead_id, fields in _rows(await self._redis.xrange(self._dead_stream, count=limit)):
            raw = _field(fields, "event")
            try:
                event = event_from_json(raw)
                kind, event_id = event.kind, event.event_id
            except UnknownEvent:
                kind, event_id = "?", "?"
            letters.append(
                DeadLetter(
                    id=_text(dead_id),
                    kind=kind,
                    event_id=event_id,
                    deliveries=int(_field(fields, "deliveries") or 0),
                    error=_field(fields, "error"),
                    raw=raw,
                )
            )
        return letters

    async def replay_dead_letters(self, ids: list[str] | None = None) -> int:
        replayed = 0
        if ids is None:
            rows = _rows(await self._redis.xrange(self._dead_stream))
        else:
            # An id that is no stream id names no dead letter.
            ids = [i for i in ids if re.fullmatch(r"[0-9]{1,20}-[0-9]{1,20}", i)]
            rows = [row for i in ids for row in _rows(await self._redis.xrange(self._dead_stream, i, i))]
        for dead_id, fields in rows:
            raw = _field(fields, "event")
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.xadd(self._stream, {"event": raw}, maxlen=self._max_len, approximate=True)
                pipe.xdel(self._dead_stream, dead_id)
                await pipe.execute()
            replayed += 1
        return replayed
