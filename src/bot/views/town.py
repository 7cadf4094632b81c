"""The town: its square, the shop (buy and sell tabs), the inn and the forge.

Only what can be done has a button: what the purse cannot pay for, a rest at full HP and mana, a
recipe short of something are shown, with what is missing, but not offered.
"""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from bot.callbacks import ForgeCb, InnCb, ShopCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.character import refill_lines
from bot.views.common import (
    RARITY_MARKS,
    SLOTS,
    bonuses_line,
    effects_of,
    item_label,
    item_noun,
    local,
    named,
    noun,
    num,
    times,
    with_notice,
)
from bot.views.keyboard import KeyboardBuilder
from bot.views.pagination import nav_row, paginate
from bot.views.refusals import explain
from game.api import CharacterSheet, Crafted, ForgeView, InnView, ItemInfo, MissingMaterials, RecipeView, ShopView

SHOP_PAGE = 6
FORGE_PAGE = 5
BULK = 5  # the bigger buy button of a consumable


def square(t: Translator, inn: InnView) -> Screen:
    lines = [t("town-title"), t("town-purse", gold=inn.gold, hp=inn.hp, max_hp=inn.max_hp)]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-shop"), callback_data=ShopCb(act="buy"))
    kb.button(text=t("btn-inn"), callback_data=nav("inn"))
    kb.button(text=t("btn-forge"), callback_data=ForgeCb(act="page"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
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


def why_not(t: Translator, view: ShopView, item: ItemInfo, quantity: int = 1) -> str | None:
    """Why `quantity` of an offer cannot be bought now (gear above the player's level: it would only sit
    in the bag; a purse too light); None when it can."""
    if item.kind == "equipment" and view.player_level and item.level > view.player_level:
        return t("shop-too-low", **item_noun(t, "name", item, html=False), level=item.level, you=view.player_level)
    price = (item.buy_price or 0) * quantity
    if price > view.gold:
        return t(
            "shop-too-poor",
            **item_noun(t, "name", item, html=False),
            price=price,
            gold=view.gold,
            short=price - view.gold,
        )
    return None


def asks_before_buying(item: ItemInfo) -> bool:
    """Gear is asked about once more before it is bought: it is the dear part of the shop."""
    return item.kind == "equipment"


def shop(t: Translator, view: ShopView, *, tab: str = "buy", page: int = 0, notice: str | None = None) -> Screen:
    """Every offer of a page keeps its row whatever the purse holds: what cannot be bought now shows
    (marked, saying why when pressed) rather than disappearing, so a quick second tap never lands on
    another item."""

    def to_page(number: int) -> ShopCb:
        return ShopCb(act=tab, p=number)

    kb = KeyboardBuilder()
    lines = [t("shop-title", gold=view.gold)]
    if tab == "sell":
        sellable = paginate(view.sellable, page, SHOP_PAGE)
        pages = nav_row(sellable, to_page)
        lines += [t("shop-sell-title"), ""]
        if not view.sellable:
            lines.append(t("shop-nothing-to-sell"))
        for entry in sellable.items:
            item = entry.item
            lines.append(t("shop-sellable", name=local(t, item.name), quantity=entry.quantity, price=item.sell_price))
            row = [
                _shop_button(
                    t("btn-sell-one", **item_noun(t, "name", item, html=False), price=item.sell_price),
                    "s",
                    item,
                    1,
                    view,
                    page,
                )
            ]
            if entry.quantity > 1:
                total = item.sell_price * entry.quantity
                row.append(_shop_button(t("btn-sell-all", total=total), "s", item, entry.quantity, view, page))
            kb.row(*row)
    else:
        offers = paginate(view.offers, page, SHOP_PAGE)
        pages = nav_row(offers, to_page)
        lines += [t("shop-buy-title"), ""]
        marks: set[str] = set()
        for item in offers.items:
            lines.append(offer_line(t, item))
            row = [_shop_button(offer_label(t, view, item, 1), "b", item, 1, view, page)]
            if item.kind == "consumable":
                row.append(_shop_button(offer_label(t, view, item, BULK), "b", item, BULK, view, page))
            marks.update(mark for mark in ("💸", "⬆️") for button in row if button.text.startswith(mark))
            kb.row(*row)
        legend = [
            text for mark, text in (("💸", t("shop-legend-gold")), ("⬆️", t("shop-legend-level"))) if mark in marks
        ]
        if legend:
            lines += ["", t("shop-legend", marks=" · ".join(legend))]
    if pages:
        kb.row(*pages)
    other = "buy" if tab == "sell" else "sell"
    kb.row(
        InlineKeyboardButton(
            text=t("btn-shop-buy") if other == "buy" else t("btn-shop-sell"),
            callback_data=ShopCb(act=other).pack(),
        ),
        InlineKeyboardButton(text=t("btn-town"), callback_data=nav("town")),
    )
    return Screen(with_notice(notice, lines), kb.as_markup())


def offer_label(t: Translator, view: ShopView, item: ItemInfo, quantity: int) -> str:
    """`Buy Bread (4💰)`, `×5 (20💰)`; marked `💸` when the purse is too light, `⬆️` for gear above the
    player's level."""
    price = (item.buy_price or 0) * quantity
    low = item.kind == "equipment" and view.player_level and item.level > view.player_level
    if quantity > 1:
        mark = "💸 " if price > view.gold else ""
        return mark + t("btn-buy-many", count=quantity, price=price)
    if low:
        return t("btn-buy-too-low", **item_noun(t, "name", item, html=False), level=item.level)
    if price > view.gold:
        return t("btn-buy-too-poor", **item_noun(t, "name", item, html=False), price=price)
    return t("btn-buy-one", **item_noun(t, "name", item, html=False), price=price)


def _shop_button(
    label: str, act: str, item: ItemInfo, quantity: int, view: ShopView, page: int, *, ok: bool = False
) -> InlineKeyboardButton:
    data = ShopCb(act=act, id=item.id, q=quantity, v=view.version, p=page, ok=ok)
    return InlineKeyboardButton(text=label, callback_data=data.pack())


def confirm_buy(t: Translator, view: ShopView, item: ItemInfo, *, page: int, pressed_row: int) -> Screen:
    """Gear, asked once more. The Yes never sits on the row of the button that asked (`pressed_row`),
    so a double tap on that button lands on No or on nothing."""
    price = item.buy_price or 0
    lines = [
        *item_card(t, item),
        "",
        t("shop-confirm", **item_noun(t, "name", item), price=price, left=view.gold - price),
    ]
    yes = _shop_button(t("btn-buy-confirm", price=price), "b", item, 1, view, page, ok=True)
    no = InlineKeyboardButton(text=t("btn-buy-cancel"), callback_data=ShopCb(act="buy", p=page).pack())
    kb = KeyboardBuilder()
    for button in (no, yes) if pressed_row == 0 else (yes, no):
        kb.row(button)
    return Screen("\n".join(lines), kb.as_markup())


def receipt(t: Translator, view: ShopView, item_id: str, quantity: int, *, page: int) -> Screen:
    """After gear is bought: what was bought, with only ways on (no buying), so a second tap on the
    confirmation's Yes buys nothing more."""
    kb = KeyboardBuilder()
    kb.row(InlineKeyboardButton(text=t("btn-back-to-shop"), callback_data=ShopCb(act="buy", p=page).pack()))
    kb.row(InlineKeyboardButton(text=t("btn-open-bag"), callback_data=nav("bag")))
    return Screen("\n\n".join([bought(t, view, item_id, quantity), t("shop-receipt-bag")]), kb.as_markup())


def item_card(t: Translator, item: ItemInfo) -> list[str]:
    what = named(t, SLOTS, item.slot) if item.slot else effects_of(t, item)
    lines = [f"{RARITY_MARKS.get(item.rarity, '')} <b>{local(t, item.name)}</b> · {what}"]
    if item.bonuses:
        lines.append(bonuses_line(t, item.bonuses))
    if item.level > 1:
        lines.append(t("shop-card-level", level=item.level))
    return lines


# --- inn -------------------------------------------------------------------------------------------


def inn(t: Translator, view: InnView, *, notice: str | None = None, sheet: CharacterSheet | None = None) -> Screen:
    """`sheet`: the character, for when HP, mana and stamina come back without paying."""
    lines = [
        t("inn-title"),
        t("inn-offer", price=view.price),
        "",
        t("inn-vitals", hp=view.hp, max_hp=view.max_hp, mana=view.mana, max_mana=view.max_mana, gold=view.gold),
        *(refill_lines(t, sheet, explore=False) if sheet is not None else []),
    ]
    kb = KeyboardBuilder()
    rows = []
    if view.hp >= view.max_hp and view.mana >= view.max_mana:
        lines.append(t("inn-rested"))
    elif view.gold < view.price:
        lines.append(t("inn-too-poor", price=view.price))
    else:
        kb.button(text=t("btn-rest", price=view.price), callback_data=InnCb(act="rest"))
        rows.append(1)
    kb.button(text=t("btn-town"), callback_data=nav("town"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*rows, 2)
    return Screen(with_notice(notice, lines), kb.as_markup())


# --- forge -----------------------------------------------------------------------------------------


# What stands between the player and a recipe, by the mark at the head of its line, in the order they
# are told: the level (it takes time), the materials (found or bought), the gold. The legend says which.
FORGE_MARKS = {"ready": "✅", "level": "⬆️", "materials": "🪨", "gold": "💸"}


def recipe_blocker(recipe: RecipeView, forge: ForgeView) -> str:
    """`ready`, or the first of `level`, `materials`, `gold` that the player is short of."""
    if recipe.craftable:
        return "ready"
    if forge.level < recipe.level:
        return "level"
    if any(m.have < m.needed for m in recipe.materials):
        return "materials"
    if forge.gold < recipe.gold:
        return "gold"
    return "materials"  # the game says no for a reason this view does not show: the likeliest


def recipe_lines(t: Translator, recipe: RecipeView, forge: ForgeView) -> list[str]:
    mark = FORGE_MARKS[recipe_blocker(recipe, forge)]
    count = f" ×{num(t, recipe.quantity)}" if recipe.quantity > 1 else ""
    lines = [f"{mark} <b>{local(t, recipe.result.name)}</b>{count}"]
    needs = [
        t("forge-gold", gold=recipe.gold) + (" ✓" if forge.gold >= recipe.gold else " ❌"),
        t("forge-level", level=recipe.level) + (" ✓" if forge.level >= recipe.level else " ❌"),
    ]
    lines.append("   " + " · ".join(needs))
    materials = [
        f"{local(t, m.item.name)} {num(t, m.have)}/{num(t, m.needed)}" + (" ✓" if m.have >= m.needed else " ❌")
        for m in recipe.materials
    ]
    lines.append("   " + ", ".join(materials))
    return lines


def forge(t: Translator, view: ForgeView, *, page: int = 0, notice: str | None = None) -> Screen:
    recipes = paginate(view.recipes, page, FORGE_PAGE)
    lines = [t("forge-title", gold=view.gold, level=view.level), t("forge-legend"), ""]
    for recipe in recipes.items:
        lines += recipe_lines(t, recipe, view)
    kb = KeyboardBuilder()
    for recipe in (r for r in recipes.items if r.craftable):
        label = item_label(t, recipe.result, recipe.quantity)
        kb.row(
            InlineKeyboardButton(
                text=t("btn-craft", name=label),
                callback_data=ForgeCb(act="craft", id=recipe.id, v=view.version, p=recipes.number).pack(),
            )
        )
    pages = nav_row(recipes, lambda n: ForgeCb(act="page", p=n))
    if pages:
        kb.row(*pages)
    kb.row(
        InlineKeyboardButton(text=t("btn-town"), callback_data=nav("town")),
        InlineKeyboardButton(text=t("btn-menu"), callback_data=nav("menu")),
    )
    return Screen(with_notice(notice, lines), kb.as_markup())


# --- what an action said ---------------------------------------------------------------------------


def bought(t: Translator, view: ShopView, item_id: str, quantity: int) -> str:
    offer = next((o for o in view.offers if o.id == item_id), None)
    name = item_noun(t, "name", offer) if offer else noun(t, "name", {"en": item_id})
    return t("bought", **name, count=times(t, quantity), gold=view.gold)


def sold(t: Translator, before: ShopView, item_id: str, quantity: int, gold: int) -> str:
    """`before`: the shop as it was, whose sellable list still holds what was sold."""
    item = next((e.item for e in before.sellable if e.item.id == item_id), None)
    name = item_noun(t, "name", item) if item else noun(t, "name", {"en": item_id})
    return t("sold-many", **name, count=times(t, quantity), gold=gold)


def double_tap(t: Translator) -> str:
    return t("shop-double-tap")


def offer_row(view: ShopView, item_id: str, page: int) -> int:
    """The keyboard row of an offer on its page of the shop (-1: not on that page)."""
    offers = paginate(view.offers, page, SHOP_PAGE)
    return next((i for i, o in enumerate(offers.items) if o.id == item_id), -1)


def rested(t: Translator, view: InnView) -> str:
    return t("rested", gold=view.gold)


def crafted(t: Translator, made: Crafted) -> str:
    return t("crafted", **item_noun(t, "name", made.item), count=times(t, made.quantity))


def missing_materials(t: Translator, refused: MissingMaterials, forge: ForgeView, recipe_id: str) -> str | None:
    """The refusal with the materials named in the player's language, from the forge's own view of
    the recipe; None if the forge does not know the recipe."""
    recipe = next((r for r in forge.recipes if r.id == recipe_id), None)
    if recipe is None:
        return None
    short = [
        f"{local(t, m.item.name)} {num(t, m.have)}/{num(t, m.needed)}" for m in recipe.materials if m.have < m.needed
    ]
    return explain(t, refused, materials=", ".join(short) or "—")
