"""Turns the game's refusals into a clear reply, so no handler repeats the same try/except
and no refusal reaches the log as an error."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Translator
from game.api import GameError, NotAdjacent, NotRegistered, ServiceUnavailable, UnknownLocation

log = logging.getLogger(__name__)

_KNOWN = {
    NotRegistered: "not-registered",
    NotAdjacent: "travel-not-adjacent",
    UnknownLocation: "location-unknown",
    ServiceUnavailable: "service-unavailable",
}


def explain(t: Translator, error: GameError) -> str:
    for cls, key in _KNOWN.items():
        if isinstance(error, cls):
            return t(key)
    return t("game-error", reason=error.message)


class GameErrorMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        try:
            return await handler(event, data)
        except GameError as error:
            log.info("refused: %s %s", error.code, error.details)
            text = explain(data["t"], error)
            if isinstance(event, CallbackQuery):
                await event.answer(text, show_alert=True)
            elif isinstance(event, Message):
                await event.answer(text)
            return None
