"""One router per feature; the fallback router goes last.

Routers are built fresh for each Dispatcher (a router can belong to one parent only).
"""

from aiogram import Router

from bot.routers import fallback, menu, settings, start, world


def feature_routers() -> list[Router]:
    return [module.build_router() for module in (start, menu, world, settings, fallback)]
