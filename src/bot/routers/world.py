"""Looking around and travelling: the location message is edited in place.

A road to a zone far above the player, or out into the wild with little HP, asks first.
"""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import GoAnywayCb, NavCb, TravelCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import world
from game.api import AdventureApi, CharactersApi, LocationView, NotAdjacent, RiftsApi, UnknownLocation


class PlaceGame(AdventureApi, CharactersApi, RiftsApi, Protocol):
    """The place, when the player can explore it, and their rift run (a rift here may be theirs)."""


async def show_place(
    event: Message | CallbackQuery,
    game: PlaceGame,
    t: Translator,
    *,
    notice: str | None = None,
    view: LocationView | None = None,
    arrived: bool = False,
) -> None:
    """The place where the player stands (`view` if it was just read), under `notice`."""
    player_id = player_of(event)
    view = view or await game.look(player_id=player_id)
    sheet = await game.get_character(player_id=player_id)
    run = await game.rift_progress(player_id=player_id) if view.rifts else None
    if arrived:
        await show(event, world.travelled(t, view, explore_in=sheet.explore_in, run=run))
    else:
        shown = world.location(t, view, notice=notice, explore_in=sheet.explore_in, run=run, fighting=sheet.in_combat)
        await show(event, shown)


async def look(event: Message | CallbackQuery, game: PlaceGame, t: Translator) -> None:
    await show_place(event, game, t)


async def travel(query: CallbackQuery, callback_data: TravelCb, game: PlaceGame, t: Translator) -> None:
    here = await game.look(player_id=query.from_user.id)
    road = next((r for r in here.exits if r.id == callback_data.dest), None)
    if road is not None and callback_data.origin == here.id and world.risky(here, road):
        await show(query, world.travel_warning(t, here, road))
        return
    await _go(query, callback_data.origin, callback_data.dest, game, t)


async def go_anyway(query: CallbackQuery, callback_data: GoAnywayCb, game: PlaceGame, t: Translator) -> None:
    await _go(query, callback_data.origin, callback_data.dest, game, t)


async def _go(query: CallbackQuery, origin: str, destination: str, game: PlaceGame, t: Translator) -> None:
    try:
        view = await game.travel(player_id=query.from_user.id, destination=destination)
    except (NotAdjacent, UnknownLocation) as refused:
        # Not the generic refusal: the map is redrawn from where the player really is.
        here = await game.look(player_id=query.from_user.id)
        stale = isinstance(refused, NotAdjacent) and origin != here.id
        await show_place(query, game, t, notice=world.travel_refused(t, stale=stale), view=here)
        return
    await show_place(query, game, t, view=view, arrived=True)


def build_router() -> Router:
    router = Router(name="world")
    router.message.register(look, Command("look"))
    router.callback_query.register(look, NavCb.filter(F.to == "look"))
    router.callback_query.register(travel, TravelCb.filter())
    router.callback_query.register(go_anyway, GoAnywayCb.filter())
    return router
