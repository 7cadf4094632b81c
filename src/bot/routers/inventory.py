"""The bag: pages of items with equip/use/sell, worn gear with unequip, one item in detail."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import InvCb, NavCb
from bot.i18n import Translator
from bot.screens import show
from bot.views import inventory
from bot.views.common import local
from game.api import GameApi, InventoryView


async def _show_bag(
    event: Message | CallbackQuery,
    game: GameApi,
    t: Translator,
    *,
    page: int = 0,
    view: InventoryView | None = None,
    notice: str | None = None,
) -> None:
    player_id = event.from_user.id
    view = view or await game.inventory(player_id=player_id)
    # Selling is a town affair: the sell buttons only appear where the shop is.
    in_town = (await game.look(player_id=player_id)).is_town
    shown = inventory.screen(t, view, page=page, in_town=in_town, notice=notice)
    await show(event, shown.text, shown.markup)


async def open_bag(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    await _show_bag(event, game, t)


async def page(query: CallbackQuery, callback_data: InvCb, game: GameApi, t: Translator) -> None:
    await _show_bag(query, game, t, page=callback_data.p)


async def item(query: CallbackQuery, callback_data: InvCb, game: GameApi, t: Translator) -> None:
    player_id = query.from_user.id
    view = await game.inventory(player_id=player_id)
    in_town = (await game.look(player_id=player_id)).is_town
    shown = inventory.detail(t, view, callback_data.id or "", page=callback_data.p, in_town=in_town)
    if shown is None:
        notice = t("item-not-in-bag")
        await query.answer(notice)
        await _show_bag(query, game, t, page=callback_data.p, view=view, notice=notice)
        return
    await show(query, shown.text, shown.markup)


async def act(query: CallbackQuery, callback_data: InvCb, game: GameApi, t: Translator) -> None:
    player_id, target, version = query.from_user.id, callback_data.id or "", callback_data.v
    if callback_data.act == "equip":
        view = await game.equip(player_id=player_id, item_id=target, version=version)
        notice = t("equipped", name=_name(t, view, target))
    elif callback_data.act == "unequip":
        view = await game.unequip(player_id=player_id, slot=target, version=version)
        notice = t("unequipped")
    elif callback_data.act == "use":
        used = await game.use_item(player_id=player_id, item_id=target, version=version)
        view = used.inventory
        notice = t(
            "item-used",
            name=local(t, used.item.name),
            hp=used.hp,
            max_hp=used.max_hp,
            mana=used.mana,
            max_mana=used.max_mana,
        )
    elif callback_data.act == "sell":
        before = await game.inventory(player_id=player_id)
        shop = await game.sell(player_id=player_id, item_id=target, quantity=1, version=version)
        view = await game.inventory(player_id=player_id)
        notice = t("sold", name=_name(t, before, target), gold=shop.gold)
    else:
        await query.answer(t("stale-button"), show_alert=True)
        return
    await query.answer(notice.split("\n")[0])
    await _show_bag(query, game, t, page=callback_data.p, view=view, notice=notice)


def _name(t: Translator, view: InventoryView, item_id: str) -> str:
    for known in [*view.equipment.values(), *(e.item for e in view.items)]:
        if known.id == item_id:
            return local(t, known.name)
    return item_id


async def refresh(
    query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, callback_data: InvCb, **_: object
) -> None:
    await _show_bag(query, game, t, page=callback_data.p, notice=notice)


def build_router() -> Router:
    router = Router(name="inventory")
    router.message.register(open_bag, Command("inventory", "bag"))
    router.callback_query.register(open_bag, NavCb.filter(F.to == "bag"))
    router.callback_query.register(page, InvCb.filter(F.act == "page"))
    router.callback_query.register(item, InvCb.filter(F.act == "item"))
    router.callback_query.register(act, InvCb.filter(), flags={"refresh": refresh})
    return router
