"""The town: its square, the shop (buy and sell tabs), the inn and the forge."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from bot.callbacks import ForgeCb, InnCb, NavCb, ShopCb
from bot.i18n import Translator
from bot.keyboards.builder import KeyboardBuilder
from bot.pagination import nav_row, paginate
from bot.views import Screen
from bot.views.common import RARITY_MARKS, SLOTS, bonuses_line, effects_of, item_label, local, named
from game.api import ForgeView, InnView, ItemInfo, RecipeView, ShopView

SHOP_PAGE = 6
FORGE_PAGE = 5
BULK = 5  # the bigger buy button of a consumable


def _with_notice(notice: str | None, lines: list[str]) -> str:
    return "\n".join(([notice, ""] if notice else []) + lines)


def square(t: Translator, inn: InnView) -> Screen:
    lines = [t("town-title"), t("town-purse", gold=inn.gold, hp=inn.hp, max_hp=inn.max_hp)]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-shop"), callback_data=ShopCb(act="buy"))
    kb.button(text=t("btn-inn"), callback_data=NavCb(to="inn"))
    kb.button(text=t("btn-forge"), callback_data=ForgeCb(act="page"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(3, 1)
    return Screen("\n".join(lines), kb.as_markup())


# --- shop ------------------------------------------------------------------------------------------


def offer_line(t: Translator, item: ItemInfo) -> str:
    what = named(t, SLOTS, item.slot) if item.slot else effects_of(t, item)
    bonus = f" · {bonuses_line(t, item.bonuses)}" if item.bonuses else ""
    return t(
        "shop-offer",
        mark=RARITY_MARKS.get(item.rarity, ""),
        name=local(t, item.name),
        price=item.buy_price or 0,
        level=item.level,
        what=what + bonus,
    )


def shop(t: Translator, view: ShopView, *, tab: str = "buy", page: int = 0, notice: str | None = None) -> Screen:
    kb = KeyboardBuilder()
    lines = [t("shop-title", gold=view.gold)]
    if tab == "sell":
        goods = paginate(view.sellable, page, SHOP_PAGE)
        lines += [t("shop-sell-title"), ""]
        if not view.sellable:
            lines.append(t("shop-nothing-to-sell"))
        for entry in goods.items:
            item = entry.item
            lines.append(t("shop-sellable", name=local(t, item.name), quantity=entry.quantity, price=item.sell_price))
            row = [
                _shop_button(t("btn-sell-one", name=t.pick(item.name), price=item.sell_price), "s", item, 1, view, page)
            ]
            if entry.quantity > 1:
                total = item.sell_price * entry.quantity
                row.append(_shop_button(t("btn-sell-all", total=total), "s", item, entry.quantity, view, page))
            kb.row(*row)
    else:
        goods = paginate(view.offers, page, SHOP_PAGE)
        lines += [t("shop-buy-title"), ""]
        for item in goods.items:
            lines.append(offer_line(t, item))
            price = item.buy_price or 0
            row = [_shop_button(t("btn-buy-one", name=t.pick(item.name), price=price), "b", item, 1, view, page)]
            if item.kind == "consumable":
                row.append(_shop_button(t("btn-buy-many", count=BULK, price=price * BULK), "b", item, BULK, view, page))
            kb.row(*row)
    nav = nav_row(goods, lambda n: ShopCb(act=tab, p=n))
    if nav:
        kb.row(*nav)
    other = "buy" if tab == "sell" else "sell"
    kb.row(
        InlineKeyboardButton(
            text=t("btn-shop-buy") if other == "buy" else t("btn-shop-sell"),
            callback_data=ShopCb(act=other).pack(),
        ),
        InlineKeyboardButton(text=t("btn-town"), callback_data=NavCb(to="town").pack()),
    )
    return Screen(_with_notice(notice, lines), kb.as_markup())


def _shop_button(
    label: str, act: str, item: ItemInfo, quantity: int, view: ShopView, page: int
) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=label, callback_data=ShopCb(act=act, id=item.id, q=quantity, v=view.version, p=page).pack()
    )


# --- inn -------------------------------------------------------------------------------------------


def inn(t: Translator, view: InnView, *, notice: str | None = None) -> Screen:
    lines = [
        t("inn-title"),
        t("inn-offer", price=view.price),
        "",
        t("inn-vitals", hp=view.hp, max_hp=view.max_hp, mana=view.mana, max_mana=view.max_mana, gold=view.gold),
    ]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-rest", price=view.price), callback_data=InnCb(act="rest"))
    kb.button(text=t("btn-town"), callback_data=NavCb(to="town"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(1, 2)
    return Screen(_with_notice(notice, lines), kb.as_markup())


# --- forge -----------------------------------------------------------------------------------------


def recipe_lines(t: Translator, recipe: RecipeView, forge: ForgeView) -> list[str]:
    mark = "✅" if recipe.craftable else "🔒"
    count = f" ×{recipe.quantity}" if recipe.quantity > 1 else ""
    lines = [f"{mark} <b>{local(t, recipe.result.name)}</b>{count}"]
    needs = [
        t("forge-gold", gold=recipe.gold) + ("" if forge.gold >= recipe.gold else " ❌"),
        t("forge-level", level=recipe.level) + ("" if forge.level >= recipe.level else " ❌"),
    ]
    lines.append("   " + " · ".join(needs))
    materials = [
        f"{local(t, m.item.name)} {m.have}/{m.needed}" + (" ✓" if m.have >= m.needed else " ❌")
        for m in recipe.materials
    ]
    lines.append("   " + ", ".join(materials))
    return lines


def forge(t: Translator, view: ForgeView, *, page: int = 0, notice: str | None = None) -> Screen:
    recipes = paginate(view.recipes, page, FORGE_PAGE)
    lines = [t("forge-title", gold=view.gold, level=view.level), ""]
    for recipe in recipes.items:
        lines += recipe_lines(t, recipe, view)
    kb = KeyboardBuilder()
    for recipe in recipes.items:
        label = item_label(t, recipe.result, recipe.quantity)
        kb.row(
            InlineKeyboardButton(
                text=t("btn-craft", name=label) if recipe.craftable else t("btn-craft-locked", name=label),
                callback_data=ForgeCb(act="craft", id=recipe.id, v=view.version, p=recipes.number).pack(),
            )
        )
    nav = nav_row(recipes, lambda n: ForgeCb(act="page", p=n))
    if nav:
        kb.row(*nav)
    kb.row(
        InlineKeyboardButton(text=t("btn-town"), callback_data=NavCb(to="town").pack()),
        InlineKeyboardButton(text=t("btn-menu"), callback_data=NavCb(to="menu").pack()),
    )
    return Screen(_with_notice(notice, lines), kb.as_markup())
