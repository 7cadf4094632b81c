"""Exploring and fighting: an encounter, then turn after turn on the same message until it ends."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ExploreCb, FightCb, NavCb
from bot.i18n import Translator
from bot.routers.world import PlaceGame, show_place
from bot.screens import player_of, show, toast
from bot.views import combat, explore, menu, rifts, world
from bot.views.refusals import explain
from game.api import AdventureApi, CharactersApi, NotEnoughStamina, NotThere

ACTIONS_WITH_ARG = {"skill": "skill_id", "item": "item_id"}


class FightOrMenuGame(AdventureApi, CharactersApi, Protocol):
    """The fight, or the character for the menu when there is none."""


class FightGame(PlaceGame, Protocol):
    """A turn; then the run a rift's fight leads back to, or the place and its stamina."""


async def show_fight_or_menu(
    event: Message | CallbackQuery, game: FightOrMenuGame, t: Translator, notice: str | None = None
) -> None:
    player_id = player_of(event)
    view = await game.get_combat(player_id=player_id)
    if view is not None:
        await show(event, combat.screen(t, view, notice=notice))
        return
    sheet = await game.get_character(player_id=player_id)
    await show(event, menu.no_fight(t, sheet, await game.look(player_id=player_id), notice=notice))


async def refresh_fight(
    query: CallbackQuery, *, game: FightOrMenuGame, t: Translator, notice: str, **_: object
) -> None:
    """Redraws the fight after a refusal (a `refresh` flag, and the middleware's answer to `InCombat`)."""
    await show_fight_or_menu(query, game, t, notice)


async def open_fight(event: Message | CallbackQuery, game: FightOrMenuGame, t: Translator) -> None:
    await show_fight_or_menu(event, game, t)


async def refresh_explore(query: CallbackQuery, *, game: PlaceGame, t: Translator, notice: str, **_: object) -> None:
    """Redraws what a press already answered led to (the `refresh` flag for `StaleAction`): the fight it
    started, or the place as it is now."""
    if await game.get_combat(player_id=query.from_user.id) is not None:
        await show_fight_or_menu(query, game, t, notice)
        return
    await show_place(query, game, t, notice=notice)


async def do_explore(query: CallbackQuery, callback_data: ExploreCb, game: PlaceGame, t: Translator) -> None:
    player_id = query.from_user.id
    try:
        result = await game.explore(player_id=player_id, press=callback_data.t, at=callback_data.loc)
    except NotThere:
        # A button from a place the player has left: explore nothing, show where they are.
        await show_place(query, game, t, notice=world.explore_elsewhere(t))
        return
    except NotEnoughStamina as short:
        # Said with the time until the next exploration (the screen it came from did not know).
        wait = (await game.get_character(player_id=player_id)).explore_in
        details = {"seconds": wait, **short.details}
        await toast(query, explain(t, NotEnoughStamina(short.message, **details)), alert=True)
        return
    await show(query, explore.screen(t, result, result.sheet))


async def fight(query: CallbackQuery, callback_data: FightCb, game: FightGame, t: Translator) -> None:
    player_id = query.from_user.id
    extra = {}
    if callback_data.act in ACTIONS_WITH_ARG and callback_data.arg:
        extra[ACTIONS_WITH_ARG[callback_data.act]] = callback_data.arg
    view = await game.combat_action(
        player_id=player_id, combat_id=callback_data.cid, turn=callback_data.turn, action=callback_data.act, **extra
    )
    if view.part_of == "rift" and view.outcome != "ongoing":
        # A rift's fight leads back to the rift, however it ended; a flight straight to it.
        run = await game.rift_progress(player_id=player_id)
        if view.outcome == "fled" and run is not None:
            await show(query, rifts.progress(t, run, notice=combat.fled(t, view)))
            return
        await show(query, rifts.with_way_back(t, combat.screen(t, view), run))
        return
    if view.outcome == "fled":
        # Back where the fight was, with how it went.
        await show_place(query, game, t, notice=combat.fled(t, view))
        return
    await show(query, combat.screen(t, view, sheet=view.sheet))


def build_router() -> Router:
    router = Router(name="adventure")
    router.message.register(open_fight, Command("fight"))
    router.callback_query.register(open_fight, NavCb.filter(F.to == "fight"))
    router.callback_query.register(do_explore, ExploreCb.filter(), flags={"refresh": refresh_explore})
    router.callback_query.register(fight, FightCb.filter(), flags={"refresh": refresh_fight})
    return router
