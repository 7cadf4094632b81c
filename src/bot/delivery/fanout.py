"""One message to many chats: streamed, paced, each chat at most once per delivery id.

Recipients are read in batches (an iterator or async iterator, so 10k+ players never make a list);
the ledger is asked about a whole batch at once, so a restarted delivery skips what it already sent
without spending rate on it. A bounded number of sends are in flight; the limiter decides when each
one goes. Chats that another sender holds (a crashed process's claims) are tried once more after a
lease has passed, so a quick restart neither loses them nor sends them twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable, Iterable

from bot.delivery.ledger_guard import LedgerGuard
from bot.delivery.outcome import Outgoing, SendOutcome
from bot.delivery.report import DeliveryReport
from bot.delivery.sender import TelegramSender
from shared.ports.delivery_ledger import DeliveryLedger, DeliveryState

log = logging.getLogger(__name__)

Rendered = Outgoing | str | None
Render = Callable[[int], Awaitable[Rendered] | Rendered]
Recipients = AsyncIterable[int] | Iterable[int]


class FanOut:
    def __init__(
        self,
        sender: TelegramSender,
        ledger: DeliveryLedger,
        *,
        max_in_flight: int = 32,
        batch_size: int = 256,
        lease: float = 60.0,
        max_deferred: int = 1000,
    ) -> None:
        if max_in_flight < 1 or not 1 <= batch_size <= 1000:
            raise ValueError("max_in_flight must be >= 1 and batch_size within 1..1000")
        self._sender = sender
        self._ledger = ledger
        self._max_in_flight = max_in_flight
        self._batch_size = batch_size  # one ledger script call reads a batch: keep Redis unblocked
        self._lease = lease  # must outlast one request (the sender's request timeout) with room to spare
        self._max_deferred = max_deferred

    async def deliver(self, delivery_id: str, chat_ids: Recipients, render: Render) -> DeliveryReport:
        """Send `render(chat_id)` to every chat not yet reached by `delivery_id`; safe to repeat."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        report = DeliveryReport(delivery_id)
        deferred: list[int] = []
        await self._pass(delivery_id, chat_ids, render, report, deferred, count_recipients=True)
        if deferred:
            log.info(
                "delivery %s: %d chats held by another sender; retrying after the lease", delivery_id, len(deferred)
            )
            await asyncio.sleep(self._lease)
            await self._pass(delivery_id, deferred, render, report, None, count_recipients=False)
        report.seconds = loop.time() - started
        log.info("delivery %s done: %s", delivery_id, report.as_dict())
        return report

    async def _pass(
        self,
        delivery_id: str,
        chat_ids: Recipients,
        render: Render,
        report: DeliveryReport,
        deferred: list[int] | None,
        *,
        count_recipients: bool,
    ) -> None:
        slots = asyncio.Semaphore(self._max_in_flight)
        active: set[int] = set()  # chats this pass is sending to now: a repeated recipient is skipped, not deferred

        def done(chat_id: int) -> None:
            active.discard(chat_id)
            slots.release()

        def held_elsewhere(chat_id: int) -> None:
            if deferred is not None and len(deferred) < self._max_deferred:
                deferred.append(chat_id)
            else:
                report.in_flight_elsewhere += 1

        try:
            async with (
                asyncio.TaskGroup() as tasks,
                contextlib.aclosing(_batches(chat_ids, self._batch_size)) as batches,
            ):
                async for batch in batches:
                    if count_recipients:
                        report.recipients += len(batch)
                    states = await self._ledger.states(delivery_id, batch)
                    for chat_id, state in zip(batch, states, strict=True):
                        if state is DeliveryState.DELIVERED or chat_id in active:
                            report.skipped_already_delivered += 1
                        elif state is DeliveryState.UNREACHABLE:
                            report.skipped_unreachable += 1
                        elif state is DeliveryState.IN_FLIGHT:
                            held_elsewhere(chat_id)
                        else:
                            await slots.acquire()
                            active.add(chat_id)
                            tasks.create_task(self._one(delivery_id, chat_id, render, report, held_elsewhere, done))
        except BaseExceptionGroup as group:
            # One failure (the ledger unreachable, the token revoked) stops the fan-out: surface it plainly.
            raise group.exceptions[0] from group

    async def _one(
        self,
        delivery_id: str,
        chat_id: int,
        render: Render,
        report: DeliveryReport,
        held_elsewhere: Callable[[int], None],
        done: Callable[[int], None],
    ) -> None:
        try:
            try:
                message = render(chat_id)
                if inspect.isawaitable(message):
                    message = await message
            except Exception:
                log.exception("delivery %s: rendering for chat %s failed", delivery_id, chat_id)
                report.failed += 1
                return
            if message is None:
                report.not_rendered += 1
                return
            guard = LedgerGuard(self._ledger, delivery_id, chat_id, lease=self._lease)
            result = await self._sender.send(chat_id, message, guard=guard)
            report.count(result)
            if result.outcome is SendOutcome.SKIPPED:
                if guard.refused_by is DeliveryState.IN_FLIGHT:
                    held_elsewhere(chat_id)
                elif guard.refused_by is DeliveryState.UNREACHABLE:
                    report.skipped_unreachable += 1
                else:
                    report.skipped_already_delivered += 1
        finally:
            done(chat_id)


async def _batches(chat_ids: Recipients, size: int) -> AsyncGenerator[list[int], None]:
    batch: list[int] = []
    if isinstance(chat_ids, AsyncIterable):
        async for chat_id in chat_ids:
            batch.append(chat_id)
            if len(batch) == size:
                yield batch
                batch = []
    else:
        for chat_id in chat_ids:
            batch.append(chat_id)
            if len(batch) == size:
                yield batch
                batch = []
                await asyncio.sleep(0)  # a long plain iterable must not starve the loop
    if batch:
        yield batch
