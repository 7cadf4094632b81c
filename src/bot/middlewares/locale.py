"""Gives every handler `t`, a translator in the player's language.

The language chosen in settings lives in the FSM data (Redis); until then Telegram's language_code decides.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import TelegramObject, User

from bot.i18n import Translator, pick_locale

LOCALE_KEY = "locale"


class LocaleMiddleware(BaseMiddleware):
    def __init__(self, default_locale: str = "en") -> None:
        self._default = default_locale

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        state: FSMContext | None = data.get("state")
        user: User | None = data.get("event_from_user")
        locale = None
        if state is not None:
            locale = (await state.get_data()).get(LOCALE_KEY)
        if locale is None:
            locale = pick_locale(user.language_code if user else None, self._default)
            if state is not None and user is not None:
                # Remembered once, so notifications sent outside a conversation speak it too.
                await state.update_data({LOCALE_KEY: locale})
        data["t"] = Translator(locale)
        return await handler(event, data)


async def remember_locale(state: FSMContext, locale: str) -> None:
    await state.update_data({LOCALE_KEY: locale})
