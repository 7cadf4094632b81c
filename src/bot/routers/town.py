"""The town's square, shop, inn and forge. Outside town the game refuses them (`NotInTown`)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import ForgeCb, InnCb, NavCb, ShopCb
from bot.i18n import Translator
from bot.screens import show
from bot.views import town
from bot.views.common import local
from game.api import GameApi, MissingMaterials, ShopView


async def square(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    shown = town.square(t, await game.inn(player_id=event.from_user.id))
    await show(event, shown.text, shown.markup)


# --- shop ------------------------------------------------------------------------------------------


async def shop_page(query: CallbackQuery, callback_data: ShopCb, game: GameApi, t: Translator) -> None:
    view = await game.shop(player_id=query.from_user.id)
    shown = town.shop(t, view, tab=callback_data.act, page=callback_data.p)
    await show(query, shown.text, shown.markup)


async def trade(query: CallbackQuery, callback_data: ShopCb, game: GameApi, t: Translator) -> None:
    player_id, item_id, quantity = query.from_user.id, callback_data.id or "", callback_data.q
    if quantity < 1:
        # Only a forged button asks for none or fewer: the game expects at least one.
        await query.answer(t("stale-button"), show_alert=True)
        return
    if callback_data.act == "b":
        view = await game.buy(player_id=player_id, item_id=item_id, quantity=quantity, version=callback_data.v)
        name = _offer_name(t, view, item_id)
        notice, tab = t("bought", name=name, quantity=quantity, gold=view.gold), "buy"
    else:
        before = await game.shop(player_id=player_id)
        view = await game.sell(player_id=player_id, item_id=item_id, quantity=quantity, version=callback_data.v)
        name = _sellable_name(t, before, item_id)
        notice, tab = t("sold-many", name=name, quantity=quantity, gold=view.gold), "sell"
    await query.answer(notice)
    shown = town.shop(t, view, tab=tab, page=callback_data.p, notice=notice)
    await show(query, shown.text, shown.markup)


def _offer_name(t: Translator, view: ShopView, item_id: str) -> str:
    return next((local(t, o.name) for o in view.offers if o.id == item_id), item_id)


def _sellable_name(t: Translator, view: ShopView, item_id: str) -> str:
    return next((local(t, e.item.name) for e in view.sellable if e.item.id == item_id), item_id)


async def refresh_shop(
    query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, callback_data: ShopCb, **_: object
) -> None:
    view = await game.shop(player_id=query.from_user.id)
    shown = town.shop(t, view, tab="sell" if callback_data.act == "s" else "buy", page=callback_data.p, notice=notice)
    await show(query, shown.text, shown.markup)


# --- inn -------------------------------------------------------------------------------------------


async def inn(query: CallbackQuery, game: GameApi, t: Translator) -> None:
    shown = town.inn(t, await game.inn(player_id=query.from_user.id))
    await show(query, shown.text, shown.markup)


async def rest(query: CallbackQuery, game: GameApi, t: Translator) -> None:
    view = await game.rest_at_inn(player_id=query.from_user.id)
    notice = t("rested", gold=view.gold)
    await query.answer(notice)
    shown = town.inn(t, view, notice=notice)
    await show(query, shown.text, shown.markup)


# --- forge -----------------------------------------------------------------------------------------


async def forge_page(query: CallbackQuery, callback_data: ForgeCb, game: GameApi, t: Translator) -> None:
    shown = town.forge(t, await game.forge(player_id=query.from_user.id), page=callback_data.p)
    await show(query, shown.text, shown.markup)


async def craft(query: CallbackQuery, callback_data: ForgeCb, game: GameApi, t: Translator) -> None:
    player_id, recipe_id = query.from_user.id, callback_data.id or ""
    try:
        made = await game.craft(player_id=player_id, recipe_id=recipe_id, version=callback_data.v)
    except MissingMaterials:
        # Named from the forge's own view of the recipe, in the player's language.
        view = await game.forge(player_id=player_id)
        recipe = next((r for r in view.recipes if r.id == recipe_id), None)
        if recipe is None:
            raise
        short = [f"{local(t, m.item.name)} {m.have}/{m.needed}" for m in recipe.materials if m.have < m.needed]
        await query.answer(t("missing-materials", materials=", ".join(short) or "—"), show_alert=True)
        return
    notice = t("crafted", name=local(t, made.item.name), quantity=made.quantity)
    await query.answer(notice)
    shown = town.forge(t, made.forge, page=callback_data.p, notice=notice)
    await show(query, shown.text, shown.markup)


async def refresh_forge(
    query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, callback_data: ForgeCb, **_: object
) -> None:
    shown = town.forge(t, await game.forge(player_id=query.from_user.id), page=callback_data.p, notice=notice)
    await show(query, shown.text, shown.markup)


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
