"""One router per feature; the fallback router goes last.

Routers are built fresh for each Dispatcher (a router can belong to one parent only).
"""

from aiogram import Router

from bot.routers import (
    admin,
    adventure,
    arena,
    bosses,
    character,
    economy,
    fallback,
    guild,
    inventory,
    leaderboard,
    menu,
    rifts,
    settings,
    skills,
    start,
    town,
    world,
)


def feature_routers() -> list[Router]:
    return [
        module.build_router()
        for module in (
            # First: an admin's command works in any state; anyone else's falls through untouched.
            admin,
            start,
            menu,
            character,
            world,
            adventure,
            inventory,
            town,
            skills,
            leaderboard,
            rifts,
            bosses,
            # the player economy
            economy,
            settings,
            # players together
            guild,
            arena,
            fallback,
        )
    ]
