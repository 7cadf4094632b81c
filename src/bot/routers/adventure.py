"""Exploring and fighting: an encounter, then turn after turn on the same message until it ends."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot import keyboards, presenters
from bot.callbacks import ExploreCb, FightCb, NavCb
from bot.i18n import Translator
from bot.routers import rifts
from bot.screens import show
from bot.views import combat, explore
from bot.views.ongoing import refresh_fight, show_fight_or_menu
from game.api import GameApi

ACTIONS_WITH_ARG = {"skill": "skill_id", "item": "item_id"}


async def open_fight(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    await show_fight_or_menu(event, game, t)


async def do_explore(query: CallbackQuery, callback_data: ExploreCb, game: GameApi, t: Translator) -> None:
    if callback_data.loc is not None:
        here = await game.look(player_id=query.from_user.id)
        if here.id != callback_data.loc:
            # A button from a place the player has left: explore nothing, show where they are.
            notice = t("explore-elsewhere")
            await query.answer(notice)
            await show(query, presenters.location(t, here, notice=notice), keyboards.location(t, here))
            return
    result = await game.explore(player_id=query.from_user.id)
    await query.answer(explore.headline(t, result).rstrip(":"))
    shown = explore.screen(t, result)
    await show(query, shown.text, shown.markup)


async def fight(query: CallbackQuery, callback_data: FightCb, game: GameApi, t: Translator) -> None:
    extra = {}
    if callback_data.act in ACTIONS_WITH_ARG and callback_data.arg:
        extra[ACTIONS_WITH_ARG[callback_data.act]] = callback_data.arg
    view = await game.combat_action(
        player_id=query.from_user.id,
        combat_id=callback_data.cid,
        turn=callback_data.turn,
        action=callback_data.act,
        **extra,
    )
    if view.outcome == "fled":
        # Back where the fight was, with how it went.
        here = await game.look(player_id=query.from_user.id)
        notice = "\n".join([*combat.log_lines(t, view), t("combat-fled")])
        await show(query, presenters.location(t, here, notice=notice), keyboards.location(t, here))
        return
    shown = await rifts.with_way_back(game, t, query.from_user.id, view, combat.screen(t, view))
    await show(query, shown.text, shown.markup)


def build_router() -> Router:
    router = Router(name="adventure")
    router.message.register(open_fight, Command("fight"))
    router.callback_query.register(open_fight, NavCb.filter(F.to == "fight"))
    router.callback_query.register(do_explore, ExploreCb.filter())
    router.callback_query.register(fight, FightCb.filter(), flags={"refresh": refresh_fight})
    return router
