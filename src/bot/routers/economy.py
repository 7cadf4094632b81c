"""The market (an order book per tradable item), my orders and trades, the price chart, the daily
reward, and the economy report for admins."""

from __future__ import annotations

import re
from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import DailyCb, MarketCb, NavCb, TradeCb
from bot.charts import price_chart
from bot.i18n import Translator
from bot.routers.admin import is_admin
from bot.screens import player_of, show, show_picture, toast
from bot.states import ExchangeOrder
from bot.views import Screen, fallback
from bot.views import economy as views
from game.api import DailiesApi, EconomyJobsApi, ExchangeApi, InvitationsApi, TradesApi
from game.api.wire import INT64_MAX

# "3 25", "3x25", "3 × 25": how many, then the price for each.
AMOUNTS = re.compile(r"^\s*(\d{1,30})\s*(?:[x×*]|\s)\s*(\d{1,30})\s*$")
SIDES = frozenset({"buy", "sell"})


class MarketGame(ExchangeApi, DailiesApi, Protocol):
    """The market's screens and the daily reward beside them."""


# --- the market -----------------------------------------------------------------------------------


async def index(event: Message | CallbackQuery, state: FSMContext, game: ExchangeApi, t: Translator) -> None:
    await state.set_state(None)
    await show(event, views.index(t, await game.market_index(player_id=player_of(event))))


async def item(
    query: CallbackQuery, callback_data: MarketCb, state: FSMContext, game: ExchangeApi, t: Translator
) -> None:
    await state.set_state(None)
    view = await game.market(player_id=query.from_user.id, item_id=callback_data.id or "")
    await show(query, views.market(t, view))


async def ask_amounts(
    query: CallbackQuery, callback_data: MarketCb, state: FSMContext, game: ExchangeApi, t: Translator
) -> None:
    if callback_data.side not in SIDES:
        await toast(query, fallback.stale_button(t), alert=True)
        return
    view = await game.market(player_id=query.from_user.id, item_id=callback_data.id or "")
    await state.set_state(ExchangeOrder.amounts)
    await state.update_data(order_item=view.item.id, order_side=callback_data.side)
    await show(query, views.ask_amounts(t, view, callback_data.side))


async def got_amounts(message: Message, state: FSMContext, game: ExchangeApi, t: Translator) -> None:
    found = AMOUNTS.match(message.text or "")
    if found is None:
        await show(message, views.bad_amounts(t))
        return
    data = await state.get_data()
    item_id, side = str(data.get("order_item", "")), str(data.get("order_side", ""))
    if side not in SIDES:
        await state.set_state(None)
        await show(message, Screen(fallback.stale_button(t)))
        return
    # Past what the game counts in (64 bits), a number is just too large: the exchange says what it takes.
    quantity, price = (min(int(found.group(n)), INT64_MAX) for n in (1, 2))
    placed = await game.place_order(
        player_id=player_of(message),
        item_id=item_id,
        side="buy" if side == "buy" else "sell",
        price=price,
        quantity=quantity,
    )
    await state.set_state(None)
    await show(message, views.market(t, placed.market, notice=views.placed(t, placed)))


async def quick(query: CallbackQuery, callback_data: MarketCb, game: ExchangeApi, t: Translator) -> None:
    """One unit at the price the button showed: a limit order, so a moved market never costs more."""
    if callback_data.side not in SIDES or callback_data.p < 1:
        await toast(query, fallback.stale_button(t), alert=True)
        return
    placed = await game.place_order(
        player_id=query.from_user.id,
        item_id=callback_data.id or "",
        side="buy" if callback_data.side == "buy" else "sell",
        price=callback_data.p,
        quantity=1,
    )
    await show(query, views.market(t, placed.market, notice=views.placed(t, placed)))


async def mine(query: CallbackQuery, state: FSMContext, game: ExchangeApi, t: Translator) -> None:
    await state.set_state(None)
    await show(query, views.my_orders(t, await game.my_orders(player_id=query.from_user.id)))


async def cancel(query: CallbackQuery, callback_data: MarketCb, game: ExchangeApi, t: Translator) -> None:
    view = await game.cancel_order(player_id=query.from_user.id, order_id=callback_data.o)
    await show(query, views.my_orders(t, view, notice=views.cancelled(t)))


async def collect(query: CallbackQuery, game: ExchangeApi, t: Translator) -> None:
    result = await game.collect(player_id=query.from_user.id)
    await show(query, views.my_orders(t, result.orders, notice=views.collected(t, result)))


async def trades(query: CallbackQuery, game: ExchangeApi, t: Translator) -> None:
    await show(query, views.my_trades(t, await game.my_trades(player_id=query.from_user.id)))


async def chart(query: CallbackQuery, callback_data: MarketCb, game: ExchangeApi, t: Translator) -> None:
    """The price history as a picture, with its figures in the caption."""
    view = await game.market(player_id=query.from_user.id, item_id=callback_data.id or "")
    caption = views.chart_caption(t, view)
    if not view.history:
        await toast(query, caption, alert=True)
        return
    png = price_chart([(p.at, p.price) for p in view.history])
    await show_picture(query, png, filename=f"{view.item.id}.png", caption=caption)


# --- the daily reward -----------------------------------------------------------------------------


async def daily(event: Message | CallbackQuery, game: DailiesApi, t: Translator) -> None:
    await show(event, views.daily(t, await game.daily(player_id=player_of(event))))


async def claim(query: CallbackQuery, game: DailiesApi, t: Translator) -> None:
    result = await game.claim_daily(player_id=query.from_user.id)
    await show(query, views.daily(t, result.daily, notice=views.claimed(t, result)))


async def claim_bounty(query: CallbackQuery, callback_data: DailyCb, game: DailiesApi, t: Translator) -> None:
    result = await game.claim_bounty(player_id=query.from_user.id, bounty_id=callback_data.id or "")
    await show(query, views.daily(t, result.daily, notice=views.bounty_paid(t, result.bounty, result.gold)))


# --- direct trades --------------------------------------------------------------------------------


async def propose(message: Message, command: CommandObject, game: TradesApi, t: Translator) -> None:
    partner = (command.args or "").strip()
    if not partner:
        await show(message, views.trade_usage(t))
        return
    await show(message, views.trade(t, await game.propose_trade(player_id=player_of(message), partner=partner)))


async def trades_list(event: Message | CallbackQuery, game: TradesApi, t: Translator) -> None:
    await show(event, views.trades_list(t, await game.open_trades(player_id=player_of(event))))


async def trade_screen(query: CallbackQuery, callback_data: TradeCb, game: TradesApi, t: Translator) -> None:
    await show(query, views.trade(t, await game.trade_offer(player_id=query.from_user.id, trade_id=callback_data.t)))


async def trade_change(query: CallbackQuery, callback_data: TradeCb, game: TradesApi, t: Translator) -> None:
    """Add gold or one item to my side, or take all of mine back; on the version the button was drawn for."""
    player_id, trade_id = query.from_user.id, callback_data.t
    current = await game.trade_offer(player_id=player_id, trade_id=trade_id)
    gold = current.mine.gold
    items = {s.item.id: s.quantity for s in current.mine.items}
    if callback_data.act == "gold":
        if callback_data.g < 1:
            await toast(query, fallback.stale_button(t), alert=True)
            return
        gold = min(gold + callback_data.g, current.gold)
    elif callback_data.act == "item":
        item_id = callback_data.id or ""
        items[item_id] = items.get(item_id, 0) + 1
    else:
        gold, items = 0, {}
    view = await game.set_trade_offer(
        player_id=player_id, trade_id=trade_id, version=callback_data.v, gold=gold, items=items
    )
    await show(query, views.trade(t, view))


async def trade_confirm(query: CallbackQuery, callback_data: TradeCb, game: TradesApi, t: Translator) -> None:
    view = await game.confirm_trade(player_id=query.from_user.id, trade_id=callback_data.t, version=callback_data.v)
    await show(query, views.trade(t, view))


async def trade_cancel(query: CallbackQuery, callback_data: TradeCb, game: TradesApi, t: Translator) -> None:
    await show(query, views.trade(t, await game.cancel_trade(player_id=query.from_user.id, trade_id=callback_data.t)))


# --- invitations ---------------------------------------------------------------------------------


async def invite(event: Message | CallbackQuery, game: InvitationsApi, t: Translator) -> None:
    view = await game.invitation(player_id=player_of(event))
    username = (await event.bot.me()).username if event.bot is not None else None
    await show(event, views.invitation(t, view, bot_username=username))


# --- admins ---------------------------------------------------------------------------------------


async def economy(message: Message, game: EconomyJobsApi, t: Translator) -> None:
    await show(message, views.economy_report(t, await game.economy_report()))


def build_router() -> Router:
    router = Router(name="economy")
    router.message.register(economy, Command("economy"), is_admin)
    router.message.register(index, Command("market"))
    router.callback_query.register(index, NavCb.filter(F.to == "market"))
    router.callback_query.register(index, MarketCb.filter(F.act == "index"))
    router.callback_query.register(item, MarketCb.filter(F.act == "item"))
    router.callback_query.register(ask_amounts, MarketCb.filter(F.act == "order"))
    router.message.register(got_amounts, ExchangeOrder.amounts, F.text, ~F.text.startswith("/"))
    router.callback_query.register(quick, MarketCb.filter(F.act == "quick"))
    router.callback_query.register(mine, MarketCb.filter(F.act == "mine"))
    router.callback_query.register(cancel, MarketCb.filter(F.act == "cancel"))
    router.callback_query.register(collect, MarketCb.filter(F.act == "collect"))
    router.callback_query.register(trades, MarketCb.filter(F.act == "trades"))
    router.callback_query.register(chart, MarketCb.filter(F.act == "chart"))
    router.message.register(propose, Command("trade"))
    router.message.register(trades_list, Command("trades"))
    router.callback_query.register(trades_list, TradeCb.filter(F.act == "list"))
    router.callback_query.register(trade_screen, TradeCb.filter(F.act == "show"))
    router.callback_query.register(trade_change, TradeCb.filter(F.act.in_({"gold", "item", "clear"})))
    router.callback_query.register(trade_confirm, TradeCb.filter(F.act == "ok"))
    router.callback_query.register(trade_cancel, TradeCb.filter(F.act == "cancel"))
    router.message.register(invite, Command("invite"))
    router.callback_query.register(invite, NavCb.filter(F.to == "invite"))
    router.message.register(daily, Command("daily"))
    router.callback_query.register(daily, DailyCb.filter(F.act == "show"))
    router.callback_query.register(claim, DailyCb.filter(F.act == "claim"))
    router.callback_query.register(claim_bounty, DailyCb.filter(F.act == "bounty"))
    return router
