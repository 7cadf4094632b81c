"""Exploring and fighting: an encounter, then turn after turn on the same message until it ends."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ExploreCb, FightCb, NavCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.views import combat, explore, menu, rifts, world
from game.api import AdventureApi, CharactersApi, RiftsApi

ACTIONS_WITH_ARG = {"skill": "skill_id", "item": "item_id"}


class FightOrMenuGame(AdventureApi, CharactersApi, Protocol):
    """The fight, or the character for the menu when there is none."""


class FightGame(AdventureApi, RiftsApi, Protocol):
    """A turn, and the run a rift's fight leads back to."""


async def show_fight_or_menu(
    event: Message | CallbackQuery, game: FightOrMenuGame, t: Translator, notice: str | None = None
) -> None:
    player_id = player_of(event)
    view = await game.get_combat(player_id=player_id)
    if view is not None:
        await show(event, combat.screen(t, view, notice=notice))
        return
    await show(event, menu.no_fight(t, await game.get_character(player_id=player_id), notice=notice))


async def refresh_fight(
    query: CallbackQuery, *, game: FightOrMenuGame, t: Translator, notice: str, **_: object
) -> None:
    """Redraws the fight after a refusal (a `refresh` flag, and the middleware's answer to `InCombat`)."""
    await show_fight_or_menu(query, game, t, notice)


async def open_fight(event: Message | CallbackQuery, game: FightOrMenuGame, t: Translator) -> None:
    await show_fight_or_menu(event, game, t)


async def do_explore(query: CallbackQuery, callback_data: ExploreCb, game: AdventureApi, t: Translator) -> None:
    if callback_data.loc is not None:
        here = await game.look(player_id=query.from_user.id)
        if here.id != callback_data.loc:
            # A button from a place the player has left: explore nothing, show where they are.
            notice = world.explore_elsewhere(t)
            await toast(query, notice)
            await show(query, world.location(t, here, notice=notice))
            return
    result = await game.explore(player_id=query.from_user.id)
    await toast(query, explore.toast(t, result))
    await show(query, explore.screen(t, result))


async def fight(query: CallbackQuery, callback_data: FightCb, game: FightGame, t: Translator) -> None:
    player_id = query.from_user.id
    extra = {}
    if callback_data.act in ACTIONS_WITH_ARG and callback_data.arg:
        extra[ACTIONS_WITH_ARG[callback_data.act]] = callback_data.arg
    view = await game.combat_action(
        player_id=player_id, combat_id=callback_data.cid, turn=callback_data.turn, action=callback_data.act, **extra
    )
    if view.outcome == "fled":
        # Back where the fight was, with how it went.
        here = await game.look(player_id=player_id)
        await show(query, world.location(t, here, notice=combat.fled(t, view)))
        return
    run = await game.rift_progress(player_id=player_id) if rifts.leads_back(view) else None
    await show(query, rifts.with_way_back(t, view, combat.screen(t, view), run))


def build_router() -> Router:
    router = Router(name="adventure")
    router.message.register(open_fight, Command("fight"))
    router.callback_query.register(open_fight, NavCb.filter(F.to == "fight"))
    router.callback_query.register(do_explore, ExploreCb.filter())
    router.callback_query.register(fight, FightCb.filter(), flags={"refresh": refresh_fight})
    return router
