"""Builds the Dispatcher: routers, middlewares, and the game port handed to every handler."""

from __future__ import annotations

from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseStorage

from bot.middlewares.game_errors import GameErrorMiddleware
from bot.middlewares.locale import LocaleMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.routers import feature_routers
from game.api import GameApi
from shared.ports.rate_limiter import RateLimiter


def build_dispatcher(
    *,
    game: GameApi,
    storage: BaseStorage,
    default_locale: str = "en",
    rate_limiter: RateLimiter | None = None,
    throttle_rate: float = 3.0,
    throttle_burst: int = 6,
    **extra: object,
) -> Dispatcher:
    # Keyword arguments of the Dispatcher reach handlers by name: `game` is how the bot sees the game.
    dp = Dispatcher(storage=storage, game=game, **extra)
    throttling = (
        ThrottlingMiddleware(rate_limiter, rate=throttle_rate, burst=throttle_burst, default_locale=default_locale)
        if rate_limiter is not None
        else None
    )
    for observer in (dp.message, dp.callback_query):
        if throttling is not None:
            # First, so that a dropped update costs one round-trip and reaches nothing else.
            observer.outer_middleware(throttling)
        observer.outer_middleware(LocaleMiddleware(default_locale))
        observer.middleware(GameErrorMiddleware())
    dp.include_routers(*feature_routers())
    return dp
