"""Builds the Dispatcher: routers, middlewares, and the game port handed to every handler."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.handler import CallableObject
from aiogram.fsm.storage.base import BaseStorage

from bot import errors
from bot.middlewares.fsm import StateAndDataStorage, ThrottleAlong, read_once_fsm
from bot.middlewares.game_errors import GameErrorMiddleware
from bot.middlewares.locale import LocaleMiddleware
from bot.middlewares.observe import ObserveMiddleware
from bot.middlewares.once import OnceMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.routers import adventure, feature_routers
from game.api import GameApi
from shared.ports.event_bus import EventBus
from shared.ports.throttle import Throttle, ThrottleWithRead
from shared.ports.update_guard import UpdateGuard


def build_dispatcher(
    *,
    game: GameApi,
    storage: BaseStorage,
    default_locale: str = "en",
    throttle: Throttle | None = None,
    throttle_rate: float = 3.0,
    throttle_burst: int = 6,
    admin_ids: Iterable[int] = (),
    events: EventBus | None = None,
    update_guard: UpdateGuard | None = None,
    **extra: Any,
) -> Dispatcher:
    # Keyword arguments of the Dispatcher reach handlers by name: `game` is how the bot sees the game,
    # `events` how an admin's broadcast reaches the notifier, `admin_ids` who may give admin commands.
    one_trip = isinstance(storage, StateAndDataStorage)
    dp = Dispatcher(
        storage=storage, disable_fsm=one_trip, game=game, admin_ids=frozenset(admin_ids), events=events, **extra
    )
    # Outermost of ours: the request id, the log context and the update's metrics.
    dp.update.outer_middleware(ObserveMiddleware())
    if update_guard is not None:
        # Before everything else: a re-delivered copy of an update is dropped unseen (see OnceMiddleware),
        # costing the player no throttle token.
        dp.update.outer_middleware(OnceMiddleware(update_guard))
    if one_trip:
        # The FSM state and data of an update in one round trip (see `bot.middlewares.fsm`), the same one as
        # the throttle's hit where the throttle can read along (it must be the storage's Redis: the container
        # gives both the same client).
        along = (
            ThrottleAlong(throttle, throttle_rate, throttle_burst) if isinstance(throttle, ThrottleWithRead) else None
        )
        read_once_fsm(dp, along=along)
    throttling = (
        ThrottlingMiddleware(throttle, rate=throttle_rate, burst=throttle_burst, default_locale=default_locale)
        if throttle is not None
        else None
    )
    for observer in (dp.message, dp.callback_query):
        if throttling is not None:
            # First, so that a dropped update costs one round-trip and reaches nothing else.
            observer.outer_middleware(throttling)
        observer.outer_middleware(LocaleMiddleware(default_locale))
        # A refusal because of a running fight shows that fight, drawn by the fight's own router.
        observer.middleware(GameErrorMiddleware(show_fight=adventure.refresh_fight))
    dp.include_routers(*feature_routers(), errors.build_router())
    filters_inline(dp)
    return dp


def filters_inline(router: Router) -> None:
    """Make the plain (not async) filters of `router` and its routers run on the event loop.

    aiogram runs a filter that is a plain function in a worker thread (`asyncio.to_thread`): a state
    (`Registration.name`), a magic filter (`F.text`), `is_admin`. Each is a comparison or two, yet each hop
    to a thread and back cost an update more than the check itself; and every press of a button passed
    some (a state filter of the routers before the one that handles it). Filters are quick checks, never
    I/O: they are called directly instead.
    """
    for observer in router.observers.values():
        for handler in observer.handlers:
            for flt in handler.filters or ():
                _inline(flt)
        for flt in observer._handler.filters or ():
            _inline(flt)
    for sub_router in router.sub_routers:
        filters_inline(sub_router)


def _inline(flt: CallableObject) -> None:
    if flt.awaitable:
        return
    check = flt.callback

    async def inline(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    # Its parameters stay those of the check (`flt.params`, read from its signature when registered).
    flt.callback = inline
    flt.awaitable = True
