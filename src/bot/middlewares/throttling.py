"""Slows down a player who floods the bot, so that no one player can starve the others.

Registered first among the outer middlewares: a dropped update costs one Redis round-trip and touches
nothing else — no FSM, no game. The count lives behind the Throttle port (Redis in production), so the
limit holds across every bot process. The player hears about it once per throttled streak: a toast for a
button (it also stops that button's spinner), one reply for a message; later dropped updates stay silent,
since answering each of them would be a flood of our own.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.i18n import Translator, pick_locale
from bot.middlewares.locale import LOCALE_KEY
from bot.middlewares.observe import mark
from bot.screens import show, toast
from bot.views import fallback
from shared.ports.throttle import Decision, Throttle

log = logging.getLogger(__name__)

# Where an update's throttle decision is left when it was made earlier, along with the FSM's read
# (`bot.middlewares.fsm`): this middleware then makes no call of its own.
THROTTLE_DECISION = "throttle_decision"


def throttle_key(user_id: int) -> str:
    """A player's bucket: one per player, whichever way the hit is made."""
    return f"user:{user_id}"


class ThrottlingMiddleware(BaseMiddleware):
    def __init__(self, limiter: Throttle, *, rate: float, burst: int, default_locale: str = "en") -> None:
        self._limiter = limiter
        self._rate = rate
        self._burst = burst
        self._default_locale = default_locale

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        decision: Decision | None = data.pop(THROTTLE_DECISION, None)  # made with the FSM's read
        if decision is None:
            decision = await self._limiter.hit(throttle_key(user.id), rate=self._rate, burst=self._burst)
        if decision.allowed:
            return await handler(event, data)
        log.debug("throttled user %s for %.2fs", user.id, decision.retry_after)
        mark(data, "throttled")
        if decision.first_in_streak:
            await self._tell(event, data, user)
        return None

    async def _tell(self, event: TelegramObject, data: dict[str, Any], user: User) -> None:
        said = fallback.slow_down(await self._translator(data, user))
        try:
            # A toast for a button (which also stops its spinner), a reply for a message.
            if isinstance(event, CallbackQuery):
                await toast(event, said.text)
            elif isinstance(event, Message):
                await show(event, said)
        except TelegramAPIError as error:
            # The notice is a courtesy; the update is dropped either way.
            log.info("could not tell user %s to slow down: %s", user.id, error)

    async def _translator(self, data: dict[str, Any], user: User) -> Translator:
        # The locale middleware runs after this one, so the player's language is looked up here — on
        # the first refusal of a streak only, which keeps the dropped updates at one round-trip.
        state: FSMContext | None = data.get("state")
        locale = (await state.get_data()).get(LOCALE_KEY) if state is not None else None
        return Translator(locale or pick_locale(user.language_code, self._default_locale))
