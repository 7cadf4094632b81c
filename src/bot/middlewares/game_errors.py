"""Turns the game's refusals into a clear reply, so no handler repeats the same try/except
and no refusal reaches the log as an error.

The words come from the one table of refusals (`bot.views.refusals`). A button gets an alert with the
reason; a stale button (`StaleAction`) gets the current screen under the reason instead (handlers name
how to draw it with the `refresh` flag); `Busy` gets a short toast; a refusal because of a running
fight shows that fight under the reason (drawn by `show_fight`, given by the dispatcher). A redrawn
screen says the reason itself, so no toast repeats it; if it cannot be drawn, the toast says it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Translator
from bot.middlewares.observe import mark
from bot.screens import show, toast
from bot.views import Screen
from bot.views.refusals import explain
from game.api import BadRequest, Busy, GameError, InCombat, StaleAction

log = logging.getLogger(__name__)

# How a handler's screen is redrawn after a refusal: called with the query, then `game`, `t`,
# `notice` (the refusal's text) and `callback_data` as keywords.
Refresh = Callable[..., Awaitable[None]]


class GameErrorMiddleware(BaseMiddleware):
    def __init__(self, *, show_fight: Refresh) -> None:
        self._show_fight = show_fight

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
            mark(data, "refused")
            if isinstance(error, BadRequest) and isinstance(event, CallbackQuery):
                # Our buttons carry only what the game accepts: one it refuses as malformed was tampered
                # with (or drawn by a bot that knew other bounds) — as good as stale.
                error = StaleAction("malformed button", reason=error.message)
            t: Translator = data["t"]
            text = explain(t, error)
            if isinstance(event, CallbackQuery):
                await self._answer_button(event, data, error, text)
            elif isinstance(event, Message):
                await show(event, Screen(text))
            return None

    async def _answer_button(self, query: CallbackQuery, data: dict[str, Any], error: GameError, text: str) -> None:
        refresh: Refresh | None = get_flag(data, "refresh")
        if isinstance(error, StaleAction) and refresh is not None:
            if not await self._redraw(refresh, query, data, text):
                await toast(query, text)
            return
        if isinstance(error, InCombat) and await self._redraw(self._show_fight, query, data, text):
            return
        await toast(query, text, alert=not isinstance(error, Busy))

    @staticmethod
    async def _redraw(refresh: Refresh, query: CallbackQuery, data: dict[str, Any], text: str) -> bool:
        """Whether the current screen could be drawn under the refusal's text."""
        try:
            await refresh(query, game=data["game"], t=data["t"], notice=text, callback_data=data.get("callback_data"))
        except GameError as error:
            # The current screen could not be drawn either (e.g. no longer in town): a toast says it.
            log.info("could not redraw after a refusal: %s %s", error.code, error.details)
            return False
        return True
