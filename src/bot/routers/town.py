"""The town's square, shop, inn and forge. Outside town the game refuses them (`NotInTown`)."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot import double_tap
from bot.callbacks import ForgeCb, InnCb, NavCb, ShopCb
from bot.i18n import Translator
from bot.routers.world import PlaceGame, show_place
from bot.screens import player_of, show, toast
from bot.views import fallback, refusals, town
from game.api import CharactersApi, MissingMaterials, NotInTown, TownApi


class SquareGame(TownApi, PlaceGame, Protocol):
    """The square, and the place where the player stands when that is not a town."""


async def square(event: Message | CallbackQuery, game: SquareGame, t: Translator) -> None:
    try:
        view = await game.inn(player_id=player_of(event))
    except NotInTown as error:
        # Not a bare refusal: the place where the player stands, with its roads (the way to town).
        await show_place(event, game, t, notice=refusals.explain(t, error))
        return
    await show(event, town.square(t, view))


# --- shop ------------------------------------------------------------------------------------------


async def shop_page(
    query: CallbackQuery, callback_data: ShopCb, state: FSMContext, game: TownApi, t: Translator
) -> None:
    await double_tap.looked(state)  # a screen of the player's choosing: the next trade is no double tap
    view = await game.shop(player_id=query.from_user.id)
    await show(query, town.shop(t, view, tab=callback_data.act, page=callback_data.p))


async def trade(query: CallbackQuery, callback_data: ShopCb, state: FSMContext, game: TownApi, t: Translator) -> None:
    player_id, item_id, quantity = query.from_user.id, callback_data.id or "", callback_data.q
    if quantity < 1:
        # Only a forged button asks for none or fewer: the game expects at least one.
        await toast(query, fallback.stale_button(t), alert=True)
        return
    if callback_data.act == "b":
        before = await game.shop(player_id=player_id)
        offer = next((o for o in before.offers if o.id == item_id), None)
        if offer is not None:
            reason = town.why_not(t, before, offer, quantity)
            if reason is not None:
                await toast(query, reason, alert=True)
                return
            if town.asks_before_buying(offer) and not callback_data.ok:
                row = town.offer_row(before, item_id, callback_data.p)
                await double_tap.looked(state)
                await show(query, town.confirm_buy(t, before, offer, page=callback_data.p, pressed_row=row))
                return
        if await double_tap.tapped_twice(state):
            await toast(query, town.double_tap(t))
            return
        view = await game.buy(player_id=player_id, item_id=item_id, quantity=quantity, version=callback_data.v)
        await double_tap.traded(state)
        if offer is not None and town.asks_before_buying(offer):
            await show(query, town.receipt(t, view, item_id, quantity, page=callback_data.p))
            return
        notice, tab = town.bought(t, view, item_id, quantity), "buy"
    else:
        if await double_tap.tapped_twice(state):
            await toast(query, town.double_tap(t))
            return
        before = await game.shop(player_id=player_id)
        view = await game.sell(player_id=player_id, item_id=item_id, quantity=quantity, version=callback_data.v)
        await double_tap.traded(state)
        notice, tab = town.sold(t, before, item_id, quantity, view.gold), "sell"
    await show(query, town.shop(t, view, tab=tab, page=callback_data.p, notice=notice))


async def refresh_shop(
    query: CallbackQuery, *, game: TownApi, t: Translator, notice: str, callback_data: ShopCb, **_: object
) -> None:
    view = await game.shop(player_id=query.from_user.id)
    tab = "sell" if callback_data.act == "s" else "buy"
    await show(query, town.shop(t, view, tab=tab, page=callback_data.p, notice=notice))


# --- inn -------------------------------------------------------------------------------------------


class InnGame(TownApi, CharactersApi, Protocol):
    """The inn, and the character for when HP and stamina are back by themselves."""


async def inn(query: CallbackQuery, game: InnGame, t: Translator) -> None:
    player_id = query.from_user.id
    view = await game.inn(player_id=player_id)
    await show(query, town.inn(t, view, sheet=await game.get_character(player_id=player_id)))


async def rest(query: CallbackQuery, game: InnGame, t: Translator) -> None:
    player_id = query.from_user.id
    view = await game.rest_at_inn(player_id=player_id)
    sheet = await game.get_character(player_id=player_id)
    await show(query, town.inn(t, view, notice=town.rested(t, view), sheet=sheet))


# --- forge -----------------------------------------------------------------------------------------


async def forge_page(query: CallbackQuery, callback_data: ForgeCb, game: TownApi, t: Translator) -> None:
    await show(query, town.forge(t, await game.forge(player_id=query.from_user.id), page=callback_data.p))


async def craft(query: CallbackQuery, callback_data: ForgeCb, game: TownApi, t: Translator) -> None:
    player_id, recipe_id = query.from_user.id, callback_data.id or ""
    try:
        made = await game.craft(player_id=player_id, recipe_id=recipe_id, version=callback_data.v)
    except MissingMaterials as refused:
        # The refusal names materials by id; the forge's view names them in the player's language.
        said = town.missing_materials(t, refused, await game.forge(player_id=player_id), recipe_id)
        if said is None:
            raise
        await toast(query, said, alert=True)
        return
    await show(query, town.forge(t, made.forge, page=callback_data.p, notice=town.crafted(t, made)))


async def refresh_forge(
    query: CallbackQuery, *, game: TownApi, t: Translator, notice: str, callback_data: ForgeCb, **_: object
) -> None:
    await show(
        query, town.forge(t, await game.forge(player_id=query.from_user.id), page=callback_data.p, notice=notice)
    )


def build_router() -> Router:
    router = Router(name="town")
    router.message.register(square, Command("town"))
    router.callback_query.register(square, NavCb.filter(F.to == "town"))
    router.callback_query.register(shop_page, ShopCb.filter(F.act.in_({"buy", "sell"})))
    router.callback_query.register(trade, ShopCb.filter(F.act.in_({"b", "s"})), flags={"refresh": refresh_shop})
    router.callback_query.register(inn, NavCb.filter(F.to == "inn"))
    router.callback_query.register(rest, InnCb.filter(F.act == "rest"))
    router.callback_query.register(forge_page, ForgeCb.filter(F.act == "page"))
    router.callback_query.register(craft, ForgeCb.filter(F.act == "craft"), flags={"refresh": refresh_forge})
    return router
