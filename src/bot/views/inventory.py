"""The bag (a page at a time, with equip/use/sell per item; in town Use and Sell side by side), what is
worn, one item in detail (where it can be dropped, after a confirmation for gear and rare things)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from bot.callbacks import DropCb, InvCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import (
    KINDS,
    RARITIES,
    RARITY_MARKS,
    SLOT_MARKS,
    SLOTS,
    bonuses_line,
    effects_of,
    item_label,
    item_noun,
    local,
    named,
    noun,
    times,
)
from bot.views.keyboard import KeyboardBuilder
from bot.views.pagination import nav_row, paginate
from game.api import DerivedStats, InventoryEntry, InventoryView, ItemInfo, ItemUsed
from game.api.kinds import Slot

PAGE_SIZE = 8
SLOT_ORDER: tuple[Slot, ...] = ("weapon", "head", "chest", "legs", "feet", "trinket")
PRECIOUS = frozenset({"rare", "epic", "legendary"})  # dropping these asks first, like any gear


def asks_before_drop(item: ItemInfo) -> bool:
    return item.kind == "equipment" or item.rarity in PRECIOUS


def usable(entry: InventoryEntry) -> bool:
    """Worth a Use button: the game allows it. A potion at full HP and mana keeps its button too (the
    game says, when pressed, that there is nothing to restore): the bag's buttons stay where they are,
    beside Sell in town, whatever the player's HP."""
    return entry.can_use


def derived_line(t: Translator, d: DerivedStats) -> str:
    return t(
        "derived-line",
        attack=d.attack,
        defence=d.defence,
        max_hp=d.max_hp,
        max_mana=d.max_mana,
        crit=round(d.crit_chance * 100, 1),
        dodge=round(d.dodge_chance * 100, 1),
    )


def entry_line(t: Translator, number: int, entry: InventoryEntry) -> str:
    item = entry.item
    count = times(t, entry.quantity)
    extra = ""
    if item.kind == "equipment":
        extra = t("item-slot-level", slot=named(t, SLOTS, item.slot or ""), level=item.level)
    return f"{number}. {RARITY_MARKS.get(item.rarity, '')} {local(t, item.name)}{count} {extra}".rstrip()


def screen(
    t: Translator,
    view: InventoryView,
    *,
    page: int = 0,
    in_town: bool = False,
    notice: str | None = None,
) -> Screen:
    bag = paginate(view.items, page, PAGE_SIZE)
    lines = [notice, ""] if notice else []
    lines += [
        t("inventory-title", used=view.slots_used, capacity=view.capacity, gold=view.gold),
        derived_line(t, view.derived),
        "",
        t("equipped-title"),
    ]
    for slot in SLOT_ORDER:
        worn = view.equipment.get(slot)
        name = local(t, worn.name) if worn else "—"
        lines.append(f"{SLOT_MARKS[slot]} {named(t, SLOTS, slot)}: {name}")
    lines += ["", t("bag-title", page=bag.number + 1, pages=bag.count)]
    if not view.items:
        lines.append(t("bag-empty"))
    first = bag.number * PAGE_SIZE + 1
    lines += [entry_line(t, first + i, e) for i, e in enumerate(bag.items)]
    if view.equipment and bag_full(view):
        lines += ["", t("unequip-bag-full")]
    if in_town:
        lines += ["", t("inventory-sell-hint")]

    kb = KeyboardBuilder()
    for i, entry in enumerate(bag.items):
        item = entry.item
        row = [
            InlineKeyboardButton(
                text=f"{first + i}. {item_label(t, item, entry.quantity)}",
                callback_data=InvCb(act="item", id=item.id, p=bag.number).pack(),
            )
        ]
        if entry.can_equip:
            row.append(action_button(t("btn-equip"), "equip", item.id, view.version, bag.number))
        if usable(entry):
            row.append(action_button(t("btn-use"), "use", item.id, view.version, bag.number))
        if in_town and item.sell_price > 0:
            row.append(action_button(t("btn-sell", price=item.sell_price), "sell", item.id, view.version, bag.number))
        kb.row(*row)
    worn_buttons = [
        action_button(t("btn-unequip", name=t.pick(view.equipment[slot].name)), "unequip", slot, view.version, 0)
        for slot in SLOT_ORDER
        if slot in view.equipment and not bag_full(view)
    ]
    for i in range(0, len(worn_buttons), 2):
        kb.row(*worn_buttons[i : i + 2])
    pages = nav_row(bag, lambda n: InvCb(act="page", p=n))
    if pages:
        kb.row(*pages)
    kb.row(InlineKeyboardButton(text=t("btn-menu"), callback_data=nav("menu")))
    return Screen("\n".join(lines), kb.as_markup())


def bag_full(view: InventoryView) -> bool:
    """No free slot: what is worn has nowhere to go, so taking it off is not offered (the line says why)."""
    return view.slots_used >= view.capacity


def action_button(label: str, act: str, target: str, version: int, page: int) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=label, callback_data=InvCb(act=act, id=target, v=version, p=page).pack())


def item_text(t: Translator, item: ItemInfo) -> list[str]:
    """An item's card: also used by the shop and the forge."""
    lines = [
        f"{RARITY_MARKS.get(item.rarity, '')} <b>{local(t, item.name)}</b>",
        f"<i>{local(t, item.description)}</i>",
        t(
            "item-kind",
            kind=named(t, KINDS, item.kind),
            kind_code=item.kind,
            rarity=named(t, RARITIES, item.rarity),
            rarity_code=item.rarity,
            level=item.level,
        ),
    ]
    if item.slot:
        lines.append(t("item-slot", slot=named(t, SLOTS, item.slot)))
    if item.bonuses:
        lines.append(t("item-bonuses", bonuses=bonuses_line(t, item.bonuses)))
    if item.effects:
        lines.append(t("item-effects", effects=effects_of(t, item)))
    if item.buy_price:
        lines.append(t("item-buy-price", price=item.buy_price))
    lines.append(t("item-sell-price", price=item.sell_price) if item.sell_price else t("item-not-sellable"))
    return lines


def detail(
    t: Translator,
    view: InventoryView,
    item_id: str,
    *,
    page: int = 0,
    in_town: bool = False,
) -> Screen | None:
    """One item of the bag or of the worn gear, with what can be done with it (dropping what is in
    the bag: one, or all); None when the player has no such item (any more)."""
    entry = next((e for e in view.items if e.item.id == item_id), None)
    worn_slot = next((slot for slot, item in view.equipment.items() if item.id == item_id), None)
    if entry is None and worn_slot is None:
        return None
    item = entry.item if entry is not None else view.equipment[worn_slot]  # type: ignore[index]
    lines = item_text(t, item)
    if entry is not None:
        lines.append(t("item-owned", quantity=entry.quantity))
        if item.kind == "equipment" and not entry.can_equip:  # too high a level: say so, not only leave it out
            lines.append(t("item-equip-level", level=item.level))
    if worn_slot is not None:
        lines.append(t("item-worn"))
        if bag_full(view):
            lines.append(t("unequip-bag-full"))
    kb = KeyboardBuilder()
    if entry is not None:
        if entry.can_equip:
            kb.add(action_button(t("btn-equip"), "equip", item.id, view.version, page))
        if usable(entry):
            kb.add(action_button(t("btn-use"), "use", item.id, view.version, page))
        if in_town and item.sell_price > 0:
            kb.add(action_button(t("btn-sell", price=item.sell_price), "sell", item.id, view.version, page))
        ok = not asks_before_drop(item)
        drops = [InlineKeyboardButton(text=t("btn-drop-one"), callback_data=_drop(item, 1, view, page, ok))]
        if entry.quantity > 1:
            label = t("btn-drop-all", quantity=entry.quantity)
            drops.append(InlineKeyboardButton(text=label, callback_data=_drop(item, entry.quantity, view, page, ok)))
        kb.row(*drops)
    if worn_slot is not None and not bag_full(view):
        kb.add(action_button(t("btn-unequip", name=t.pick(item.name)), "unequip", worn_slot, view.version, page))
    kb.row(InlineKeyboardButton(text=t("btn-back"), callback_data=InvCb(act="page", p=page).pack()))
    return Screen("\n".join(lines), kb.as_markup())


def _drop(item: ItemInfo, quantity: int, view: InventoryView, page: int, ok: bool) -> str:
    return DropCb(id=item.id, q=quantity, v=view.version, ok=ok, p=page).pack()


def confirm_drop(t: Translator, entry: InventoryEntry, quantity: int, version: int, page: int) -> Screen:
    """Gear or a rare thing: asked once more, since a dropped item is gone for good."""
    item = entry.item
    lines = [*item_text(t, item), "", t("drop-confirm", **item_noun(t, "name", item), count=times(t, quantity))]
    kb = KeyboardBuilder()
    yes = DropCb(id=item.id, q=quantity, v=version, ok=True, p=page)
    kb.button(text=t("btn-drop-confirm", quantity=quantity), callback_data=yes)
    kb.button(text=t("btn-drop-cancel"), callback_data=InvCb(act="item", id=item.id, p=page))
    kb.adjust(1)
    return Screen("\n".join(lines), kb.as_markup())


# --- what an action said ---------------------------------------------------------------------------


def item_name(t: Translator, view: InventoryView, item_id: str) -> dict[str, str]:
    """An item of the bag or of the worn gear as the `name` of a sentence (`noun`); its id if the player
    has none (any more)."""
    for known in [*view.equipment.values(), *(e.item for e in view.items)]:
        if known.id == item_id:
            return item_noun(t, "name", known)
    return noun(t, "name", {"en": item_id})


def equipped(t: Translator, view: InventoryView, item_id: str) -> str:
    """`view`: the bag after equipping, which wears the item now."""
    slot = next((slot for slot, worn in view.equipment.items() if worn.id == item_id), "")
    return t("equipped", **item_name(t, view, item_id), slot=slot)


def unequipped(t: Translator) -> str:
    return t("unequipped")


def used(t: Translator, result: ItemUsed) -> str:
    return t(
        "item-used",
        **item_noun(t, "name", result.item),
        hp=result.hp,
        max_hp=result.max_hp,
        mana=result.mana,
        max_mana=result.max_mana,
    )


def sold(t: Translator, before: InventoryView, item_id: str, gold: int) -> str:
    """`before`: the bag as it was, which still holds what was sold."""
    return t("sold", **item_name(t, before, item_id), gold=gold)


def dropped(t: Translator, before: InventoryView, item_id: str, quantity: int) -> str:
    """`before`: the bag as it was, which still holds what was dropped."""
    return t("dropped", **item_name(t, before, item_id), count=times(t, quantity))


def not_in_bag(t: Translator) -> str:
    return t("item-not-in-bag")


def worn_not_dropped(t: Translator) -> str:
    return t("drop-worn")
