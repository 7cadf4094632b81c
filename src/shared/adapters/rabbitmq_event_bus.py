"""EventBus on RabbitMQ (aio-pika), the alternative transport (`EVENT_TRANSPORT=rabbitmq`).

Events go to a durable fanout exchange; each subscribing group has a durable quorum queue bound to it,
which keeps events published while no consumer runs. The group's consumers (one per process, any
number of replicas) compete on that queue, so each event reaches one of them. A message is acknowledged
once its handler succeeds; a failing handler's message is returned (after a short pause) and delivered
again; one whose consumer dies is returned by the broker at once. After `max_deliveries` deliveries the
quorum queue's delivery limit moves it, through a dead-letter exchange, to `<queue>.dead`, where an
operator lists and replays it (`riftwalker events`). Messages are persistent and published with
publisher confirms, so an event the broker acknowledged survives its restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import aio_pika
from aio_pika.abc import (
    AbstractChannel,
    AbstractExchange,
    AbstractIncomingMessage,
    AbstractQueue,
    AbstractRobustConnection,
)
from aio_pika.exceptions import AMQPError

from shared.events import Event, UnknownEvent, event_from_json
from shared.ports.event_bus import Backlog, DeadLetter, EventHandler

log = logging.getLogger(__name__)


class RabbitMqEventBus:
    def __init__(
        self,
        url: str,
        *,
        exchange: str = "riftwalker.events",
        group: str = "bot",
        concurrency: int = 8,
        max_deliveries: int = 5,
        retry_delay_seconds: float = 2.0,
    ) -> None:
        self._url = url
        self._exchange_name = exchange
        self._queue_name = f"{exchange}.{group}"
        self._dead_exchange_name = f"{self._queue_name}.dead"
        self._dead_queue_name = f"{self._queue_name}.dead"
        self._concurrency = concurrency
        self._max_deliveries = max_deliveries
        self._retry_delay = retry_delay_seconds
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None
        self._connecting = asyncio.Lock()
        self._running: set[asyncio.Task[None]] = set()

    # --- the connection and the topology ------------------------------------------------------------

    async def _publishing_channel(self) -> tuple[AbstractChannel, AbstractExchange]:
        async with self._connecting:
            if self._channel is None or self._exchange is None or self._channel.is_closed:
                try:
                    if self._connection is None or self._connection.is_closed:
                        self._connection = await aio_pika.connect_robust(self._url, timeout=10)
                    self._channel = await self._connection.channel(publisher_confirms=True)
                    self._exchange, _, _ = await self._declare(self._channel)
                except (AMQPError, OSError) as exc:
                    raise ConnectionError(f"RabbitMQ unreachable: {exc}") from exc
            return self._channel, self._exchange

    async def _declare(self, channel: AbstractChannel) -> tuple[AbstractExchange, AbstractQueue, AbstractQueue]:
        exchange = await channel.declare_exchange(self._exchange_name, aio_pika.ExchangeType.FANOUT, durable=True)
        dead_exchange = await channel.declare_exchange(
            self._dead_exchange_name, aio_pika.ExchangeType.FANOUT, durable=True
        )
        queue = await channel.declare_queue(
            self._queue_name,
            durable=True,
            arguments={
                "x-queue-type": "quorum",
                "x-delivery-limit": self._max_deliveries - 1,  # redeliveries after the first
                "x-dead-letter-exchange": self._dead_exchange_name,
            },
        )
        await queue.bind(exchange)
        dead = await channel.declare_queue(self._dead_queue_name, durable=True)
        await dead.bind(dead_exchange)
        return exchange, queue, dead

    async def ensure_group(self) -> None:
        """Declare the exchange and this group's queues, so events published from now on are kept."""
        await self._publishing_channel()

    async def close(self) -> None:
        for task in list(self._running):
            task.cancel()
        if self._connection is not None:
            await self._connection.close()
        self._connection = self._channel = self._exchange = None

    # --- EventBus ------------------------------------------------------------------------------------

    async def publish(self, event: Event) -> None:
        _, exchange = await self._publishing_channel()
        message = aio_pika.Message(
            event.to_json().encode(),
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            message_id=event.event_id,
            type=event.kind,
        )
        try:
            await exchange.publish(message, routing_key="")
        except (AMQPError, OSError) as exc:
            raise ConnectionError(f"RabbitMQ did not take the event: {exc}") from exc

    async def run_consumer(self, handler: EventHandler) -> None:
        backoff = 0.5
        while True:
            try:
                await self._consume(handler)
            except (AMQPError, OSError) as exc:
                log.warning("RabbitMQ unreachable (%s); retrying in %.1fs", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _consume(self, handler: EventHandler) -> None:
        connection = await aio_pika.connect_robust(self._url, timeout=10)
        try:
            channel = await connection.channel()
            await channel.set_qos(prefetch_count=self._concurrency)
            _, queue, _ = await self._declare(channel)
            log.info("event consumer started on %s", self._queue_name)
            async with queue.iterator() as messages:
                async for message in messages:
                    task = asyncio.create_task(self._handle(handler, message))
                    self._running.add(task)
                    task.add_done_callback(self._running.discard)
        finally:
            # Unacknowledged messages go back to the queue when the connection closes.
            for task in list(self._running):
                task.cancel()
            with contextlib.suppress(Exception):
                await connection.close()

    async def consume_pending_once(self, handler: EventHandler) -> int:
        """Handle what is waiting now and return how many events were handled (tests, tools)."""
        channel, _ = await self._publishing_channel()
        queue = await channel.get_queue(self._queue_name, ensure=False)
        handled = 0
        while (message := await queue.get(fail=False)) is not None:
            await self._handle(handler, message)
            handled += 1
        return handled

    async def _handle(self, handler: EventHandler, message: AbstractIncomingMessage) -> None:
        try:
            event = event_from_json(message.body)
        except UnknownEvent:
            log.error("dropping malformed event %s: %r", message.message_id, message.body[:200])
            await message.ack()
            return
        deliveries = int(_header(message, "x-delivery-count") or 0) + 1
        try:
            await handler(event)
        except Exception:
            log.exception("handler failed for event %s (%s), delivery %d", event.event_id, event.kind, deliveries)
            if deliveries >= self._max_deliveries:
                log.error("event %s (%s) failed %d deliveries: moved to %s", event.event_id, event.kind,
                          deliveries, self._dead_queue_name)  # fmt: skip
            else:
                await asyncio.sleep(self._retry_delay)
            await message.nack(requeue=True)
            return
        await message.ack()

    # --- EventBusOperations --------------------------------------------------------------------------

    async def backlog(self) -> Backlog:
        channel, _ = await self._publishing_channel()
        counts = []
        for name in (self._queue_name, self._dead_queue_name):
            queue = await channel.declare_queue(name, passive=True)
            counts.append(int((await queue.declare()).message_count or 0))  # declared again: counted now
        # AMQP tells the messages ready in a queue; the ones out with consumers are this process's own.
        return Backlog(pending=len(self._running), lag=counts[0], dead=counts[1])

    async def dead_letters(self, *, limit: int = 100) -> list[DeadLetter]:
        letters: list[DeadLetter] = []

        def keep(letter: DeadLetter) -> bool:
            letters.append(letter)
            return False  # listed, left where it is

        await self._each_dead_letter(keep, limit=limit)
        return letters

    async def replay_dead_letters(self, ids: list[str] | None = None) -> int:
        _, exchange = await self._publishing_channel()
        wanted = None if ids is None else set(ids)
        replayed: list[DeadLetter] = []

        def pick(letter: DeadLetter) -> bool:
            if wanted is None or letter.id in wanted:
                replayed.append(letter)
                return True
            return False

        await self._each_dead_letter(pick, republish_to=exchange)
        return len(replayed)

    async def _each_dead_letter(
        self,
        visit: Callable[[DeadLetter], bool],
        *,
        limit: int | None = None,
        republish_to: AbstractExchange | None = None,
    ) -> None:
        """Visit the dead letters in order; those `visit` returns True for are published again (to
        `republish_to`) and removed, the others go back to the dead-letter queue untouched."""
        async with (await self._connection_for_tools()).channel() as channel:
            queue = await channel.get_queue(self._dead_queue_name, ensure=False)
            held: list[AbstractIncomingMessage] = []
            try:
                while limit is None or len(held) < limit:
                    message = await queue.get(fail=False)
                    if message is None:
                        break
                    letter = _letter(message, self._max_deliveries)
                    if visit(letter) and republish_to is not None:
                        await republish_to.publish(
                            aio_pika.Message(
                                message.body,
                                content_type="application/json",
                                delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
                                message_id=message.message_id,
                                type=message.type,
                            ),
                            routing_key="",
                        )
                        await message.ack()
                    else:
                        held.append(message)
            finally:
                for message in held:
                    await message.nack(requeue=True)

    async def _connection_for_tools(self) -> AbstractRobustConnection:
        await self._publishing_channel()
        assert self._connection is not None
        return self._connection


def _header(message: AbstractIncomingMessage, name: str) -> Any:
    return (message.headers or {}).get(name)


def _letter(message: AbstractIncomingMessage, max_deliveries: int) -> DeadLetter:
    deaths = _header(message, "x-death") or []
    first = deaths[0] if deaths and isinstance(deaths[0], dict) else {}
    try:
        event = event_from_json(message.body)
        kind, event_id = event.kind, event.event_id
    except UnknownEvent:
        kind, event_id = message.type or "?", message.message_id or "?"
    return DeadLetter(
        id=message.message_id or event_id,
        kind=kind,
        event_id=event_id,
        # Dead-lettered by the queue's delivery limit: delivered that many times, each one failed.
        deliveries=max_deliveries if first.get("reason") == "delivery_limit" else int(first.get("count") or 0),
        error=f"handler failed on every delivery ({first.get('reason') or 'delivery_limit'})",
        raw=message.body.decode(errors="replace"),
    )
