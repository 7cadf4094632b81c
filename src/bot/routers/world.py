"""Looking around and travelling: the location message is edited in place."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot import keyboards, presenters
from bot.callbacks import NavCb, TravelCb
from bot.i18n import Translator
from bot.screens import show
from game.api import GameApi, NotAdjacent, UnknownLocation


async def look(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    view = await game.look(player_id=event.from_user.id)
    await show(event, presenters.location(t, view), keyboards.location(t, view))


async def travel(query: CallbackQuery, callback_data: TravelCb, game: GameApi, t: Translator) -> None:
    try:
        view = await game.travel(player_id=query.from_user.id, destination=callback_data.dest)
    except (NotAdjacent, UnknownLocation) as refused:
        here = await game.look(player_id=query.from_user.id)
        stale = isinstance(refused, NotAdjacent) and callback_data.origin != here.id
        notice = t("travel-stale") if stale else t("travel-not-adjacent")
        await query.answer(notice, show_alert=not stale)
        await show(query, presenters.location(t, here, notice=notice), keyboards.location(t, here))
        return
    await show(
        query,
        presenters.location(t, view, notice=t("travelled", name=t.pick(view.name))),
        keyboards.location(t, view),
    )


def build_router() -> Router:
    router = Router(name="world")
    router.message.register(look, Command("look"))
    router.callback_query.register(look, NavCb.filter(F.to == "look"))
    router.callback_query.register(travel, TravelCb.filter())
    return router
