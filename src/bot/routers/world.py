"""Looking around and travelling: the location message is edited in place."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb, TravelCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.views import world
from game.api import AdventureApi, NotAdjacent, UnknownLocation


async def look(event: Message | CallbackQuery, game: AdventureApi, t: Translator) -> None:
    await show(event, world.location(t, await game.look(player_id=player_of(event))))


async def travel(query: CallbackQuery, callback_data: TravelCb, game: AdventureApi, t: Translator) -> None:
    try:
        view = await game.travel(player_id=query.from_user.id, destination=callback_data.dest)
    except (NotAdjacent, UnknownLocation) as refused:
        # Not the generic refusal: the map is redrawn from where the player really is.
        here = await game.look(player_id=query.from_user.id)
        stale = isinstance(refused, NotAdjacent) and callback_data.origin != here.id
        notice = world.travel_refused(t, stale=stale)
        await toast(query, notice, alert=not stale)
        await show(query, world.location(t, here, notice=notice))
        return
    await show(query, world.travelled(t, view))


def build_router() -> Router:
    router = Router(name="world")
    router.message.register(look, Command("look"))
    router.callback_query.register(look, NavCb.filter(F.to == "look"))
    router.callback_query.register(travel, TravelCb.filter())
    return router
