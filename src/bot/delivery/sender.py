"""Sends one message through the Bot API, within the limits, until Telegram has it or never will.

- 429 `retry_after`: the whole limiter pauses (Telegram's flood control is per bot), then we retry.
- 403 or "chat not found": the chat is unreachable; `on_unreachable(chat_id)` is told once, no retry.
- Network and 5xx errors: retried with exponential backoff and jitter, a bounded number of times.
- Cancelled while the request is on the wire: we wait for Telegram's answer (up to `settle_timeout`)
  and let the guard record it before the cancellation goes on, so a graceful stop repeats nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter
from aiogram.types import Message

from bot.delivery.errors import HANDLED, Verdict, classify
from bot.delivery.limiter import RateLimiter
from bot.delivery.outcome import Outgoing, SendOutcome, SendResult

log = logging.getLogger(__name__)

OnUnreachable = Callable[[int], Awaitable[None]]


class SendGuard(Protocol):
    """Bookkeeping around one send, e.g. a delivery ledger."""

    async def begin(self) -> bool:
        """Called before every attempt, ahead of the limiter; False: do not send (done, or someone else's)."""
        ...

    async def settle(self, outcome: SendOutcome) -> None:
        """Called once with the final outcome, unless the outcome is unknown (a request left on the wire)."""
        ...


class TelegramSender:
    def __init__(
        self,
        bot: Bot,
        limiter: RateLimiter,
        *,
        on_unreachable: OnUnreachable | None = None,
        max_flood_waits: int = 10,
        max_retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 30.0,
        request_timeout: int = 20,
        settle_timeout: float = 25.0,
    ) -> None:
        self._bot = bot
        self._limiter = limiter
        self._on_unreachable = on_unreachable
        self._max_flood_waits = max_flood_waits
        self._max_retries = max_retries
        self._backoff = backoff
        self._max_backoff = max_backoff
        self._request_timeout = request_timeout
        self._settle_timeout = settle_timeout

    @property
    def limiter(self) -> RateLimiter:
        return self._limiter

    async def send(self, chat_id: int, message: Outgoing | str, *, guard: SendGuard | None = None) -> SendResult:
        outgoing = Outgoing(message) if isinstance(message, str) else message
        tracked = _Tracked(guard)
        flood_waits = retries = 0
        try:
            while True:
                # Claimed before queueing: a chat taken elsewhere costs no rate, and nothing stands
                # between the limiter letting a message go and the request leaving.
                if not await tracked.begin():
                    return SendResult(chat_id, SendOutcome.SKIPPED, flood_waits, retries)
                await self._limiter.acquire(chat_id)
                try:
                    sent = await self._on_the_wire(chat_id, outgoing, tracked)
                except TelegramRetryAfter as exc:
                    flood_waits += 1
                    self._limiter.pause(exc.retry_after)
                    log.info("flood control: pausing all sends for %ss (chat %s)", exc.retry_after, chat_id)
                    if flood_waits > self._max_flood_waits:
                        return await self._finish(chat_id, SendOutcome.FAILED, tracked, flood_waits, retries, exc)
                    continue
                except HANDLED as exc:
                    verdict = classify(exc)
                    if verdict is Verdict.TRANSIENT and retries < self._max_retries:
                        retries += 1
                        await asyncio.sleep(self._delay(retries))
                        continue
                    if verdict is Verdict.FATAL:
                        raise
                    outcome = SendOutcome.UNREACHABLE if verdict is Verdict.UNREACHABLE else SendOutcome.FAILED
                    return await self._finish(chat_id, outcome, tracked, flood_waits, retries, exc)
                return SendResult(chat_id, SendOutcome.SENT, flood_waits, retries, message_id=sent.message_id)
        except BaseException:
            # Cancelled or failing while holding a claim Telegram never acted on: give it back.
            if tracked.holds_claim:
                await tracked.settle(SendOutcome.CANCELLED)
            raise

    async def _on_the_wire(self, chat_id: int, outgoing: Outgoing, tracked: _Tracked) -> Message:
        attempt = asyncio.ensure_future(self._request(chat_id, outgoing, tracked))
        try:
            return await asyncio.shield(attempt)
        except asyncio.CancelledError:
            # Telegram may be delivering it right now: learn the answer before stopping. If it was taken,
            # `_request` has recorded it; if it was refused, the claim is released on the way out.
            done, _ = await asyncio.wait({attempt}, timeout=self._settle_timeout)
            if not done:
                attempt.cancel()
                tracked.abandon()  # the answer never came: leave the claim to lapse, never guess
            else:
                attempt.exception()  # consumed: a refusal here needs no traceback
            raise

    async def _request(self, chat_id: int, outgoing: Outgoing, tracked: _Tracked) -> Message:
        sent = await self._bot.send_message(
            chat_id=chat_id,
            text=outgoing.text,
            reply_markup=outgoing.reply_markup,
            disable_notification=outgoing.disable_notification,
            request_timeout=self._request_timeout,
        )
        # Inside the shield: a cancelled fan-out still records what Telegram accepted.
        await tracked.settle(SendOutcome.SENT)
        return sent

    async def _finish(
        self,
        chat_id: int,
        outcome: SendOutcome,
        tracked: _Tracked,
        flood_waits: int,
        retries: int,
        error: Exception,
    ) -> SendResult:
        await tracked.settle(outcome)
        if outcome is SendOutcome.UNREACHABLE:
            await self._tell_unreachable(chat_id)
        else:
            log.warning("giving up on chat %s: %s", chat_id, error)
        return SendResult(chat_id, outcome, flood_waits, retries, error=str(error))

    async def _tell_unreachable(self, chat_id: int) -> None:
        if self._on_unreachable is None:
            return
        try:
            await self._on_unreachable(chat_id)
        except Exception:
            # The game failing to note it must not fail the delivery; we will learn it again next time.
            log.exception("on_unreachable failed for chat %s", chat_id)

    def _delay(self, retry: int) -> float:
        return min(self._max_backoff, self._backoff * 2.0 ** (retry - 1)) * random.uniform(0.5, 1.0)


class _Tracked:
    """A guard (or none) that knows whether it holds an unsettled claim."""

    def __init__(self, guard: SendGuard | None) -> None:
        self._guard = guard
        self.holds_claim = False

    async def begin(self) -> bool:
        if self._guard is None:
            return True
        claim = asyncio.ensure_future(self._guard.begin())
        try:
            self.holds_claim = await asyncio.shield(claim)
        except asyncio.CancelledError:
            # The claim may have landed all the same: learn whether it did, so the way out gives it back.
            with contextlib.suppress(Exception):
                self.holds_claim = await claim
            raise
        return self.holds_claim

    async def settle(self, outcome: SendOutcome) -> None:
        if self._guard is not None and self.holds_claim:
            self.holds_claim = False
            await self._guard.settle(outcome)

    def abandon(self) -> None:
        self.holds_claim = False
