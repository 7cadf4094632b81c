"""Builds the Dispatcher: routers, middlewares, and the game port handed to every handler."""

from __future__ import annotations

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseStorage

from bot.middlewares.game_errors import GameErrorMiddleware
from bot.middlewares.locale import LocaleMiddleware
from bot.routers import feature_routers
from game.api import GameApi


def build_dispatcher(*, game: GameApi, storage: BaseStorage, default_locale: str = "en", **extra: object) -> Dispatcher:
    # Keyword arguments of the Dispatcher reach handlers by name: `game` is how the bot sees the game.
    dp = Dispatcher(storage=storage, game=game, **extra)
    for observer in (dp.message, dp.callback_query):
        observer.outer_middleware(LocaleMiddleware(default_locale))
        observer.middleware(GameErrorMiddleware())
    dp.include_routers(*feature_routers())
    return dp
