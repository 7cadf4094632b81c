"""The bag: pages of items with equip/use/sell, worn gear with unequip, one item in detail, dropping."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot import double_tap
from bot.callbacks import DropCb, InvCb, NavCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.views import fallback, inventory, town
from game.api import AdventureApi, InventoryApi, InventoryView, TownApi


class BagGame(InventoryApi, AdventureApi, Protocol):
    """The bag, and whether the player stands in town (where the shop buys from it)."""


class BagAndShopGame(BagGame, TownApi, Protocol):
    """The bag's actions: selling from the bag is the shop's."""


async def _show_bag(
    event: Message | CallbackQuery,
    game: BagGame,
    t: Translator,
    *,
    page: int = 0,
    view: InventoryView | None = None,
    notice: str | None = None,
) -> None:
    player_id = player_of(event)
    view = view or await game.inventory(player_id=player_id)
    # Selling is a town affair: the sell buttons only appear where the shop is.
    in_town = (await game.look(player_id=player_id)).is_town
    await show(event, inventory.screen(t, view, page=page, in_town=in_town, notice=notice))


async def open_bag(event: Message | CallbackQuery, state: FSMContext, game: BagGame, t: Translator) -> None:
    await double_tap.looked(state)
    await _show_bag(event, game, t)


async def page(query: CallbackQuery, callback_data: InvCb, state: FSMContext, game: BagGame, t: Translator) -> None:
    await double_tap.looked(state)
    await _show_bag(query, game, t, page=callback_data.p)


async def item(query: CallbackQuery, callback_data: InvCb, game: BagGame, t: Translator) -> None:
    player_id = query.from_user.id
    view = await game.inventory(player_id=player_id)
    in_town = (await game.look(player_id=player_id)).is_town
    shown = inventory.detail(t, view, callback_data.id or "", page=callback_data.p, in_town=in_town)
    if shown is None:
        await _show_bag(query, game, t, page=callback_data.p, view=view, notice=inventory.not_in_bag(t))
        return
    await show(query, shown)


async def act(
    query: CallbackQuery, callback_data: InvCb, state: FSMContext, game: BagAndShopGame, t: Translator
) -> None:
    player_id, target, version = query.from_user.id, callback_data.id or "", callback_data.v
    if callback_data.act == "equip":
        view = await game.equip(player_id=player_id, item_id=target, version=version)
        notice = inventory.equipped(t, view, target)
    elif callback_data.act == "unequip":
        view = await game.unequip(player_id=player_id, slot=target, version=version)
        notice = inventory.unequipped(t)
    elif callback_data.act == "use":
        used = await game.use_item(player_id=player_id, item_id=target, version=version)
        view = used.inventory
        notice = inventory.used(t, used)
    elif callback_data.act == "sell":
        if await double_tap.tapped_twice(state):  # the row under the finger may be another item's now
            await toast(query, town.double_tap(t))
            return
        before = await game.inventory(player_id=player_id)
        shop = await game.sell(player_id=player_id, item_id=target, quantity=1, version=version)
        await double_tap.traded(state)
        view = await game.inventory(player_id=player_id)
        notice = inventory.sold(t, before, target, shop.gold)
    else:
        await toast(query, fallback.stale_button(t), alert=True)
        return
    await _show_bag(query, game, t, page=callback_data.p, view=view, notice=notice)


async def drop(query: CallbackQuery, callback_data: DropCb, game: BagGame, t: Translator) -> None:
    """Asked (`ok` unset): the confirmation, or why there is nothing to drop. Confirmed: dropped."""
    player_id, item_id, quantity = query.from_user.id, callback_data.id, callback_data.q
    if quantity < 1:
        # Only a forged button asks for none or fewer.
        await toast(query, fallback.stale_button(t), alert=True)
        return
    before = await game.inventory(player_id=player_id)
    if not callback_data.ok:
        entry = next((e for e in before.items if e.item.id == item_id), None)
        if entry is None:
            worn = any(worn.id == item_id for worn in before.equipment.values())
            notice = inventory.worn_not_dropped(t) if worn else inventory.not_in_bag(t)
            await _show_bag(query, game, t, page=callback_data.p, view=before, notice=notice)
            return
        shown = inventory.confirm_drop(t, entry, min(quantity, entry.quantity), callback_data.v, callback_data.p)
        await show(query, shown)
        return
    view = await game.drop_item(player_id=player_id, item_id=item_id, quantity=quantity, version=callback_data.v)
    notice = inventory.dropped(t, before, item_id, quantity)
    await _show_bag(query, game, t, page=callback_data.p, view=view, notice=notice)


async def refresh(
    query: CallbackQuery, *, game: BagGame, t: Translator, notice: str, callback_data: InvCb | DropCb, **_: object
) -> None:
    await _show_bag(query, game, t, page=callback_data.p, notice=notice)


def build_router() -> Router:
    router = Router(name="inventory")
    router.message.register(open_bag, Command("inventory", "bag"))
    router.callback_query.register(open_bag, NavCb.filter(F.to == "bag"))
    router.callback_query.register(page, InvCb.filter(F.act == "page"))
    router.callback_query.register(item, InvCb.filter(F.act == "item"))
    router.callback_query.register(act, InvCb.filter(), flags={"refresh": refresh})
    router.callback_query.register(drop, DropCb.filter(), flags={"refresh": refresh})
    return router
