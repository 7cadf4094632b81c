"""The main menu, and the help."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import ExploreCb, NavCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import literal
from bot.views.keyboard import KeyboardBuilder
from game.api import CharacterSheet


def text(t: Translator, sheet: CharacterSheet) -> str:
    return t(
        "menu-title",
        name=literal(sheet.name),
        level=sheet.level,
        **{"class": t.pick(sheet.class_name)},
        hp=sheet.hp,
        max_hp=sheet.derived.max_hp,
        mana=sheet.mana,
        max_mana=sheet.derived.max_mana,
        stamina=sheet.stamina,
        max_stamina=sheet.max_stamina,
        gold=sheet.gold,
        location=t.pick(sheet.location_name),
    )


def markup(t: Translator, *, fighting: bool = False) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    if fighting:
        kb.button(text=t("btn-back-to-fight"), callback_data=NavCb(to="fight"))
    kb.button(text=t("btn-explore"), callback_data=ExploreCb())
    kb.button(text=t("btn-look"), callback_data=NavCb(to="look"))
    kb.button(text=t("btn-inventory"), callback_data=NavCb(to="bag"))
    kb.button(text=t("btn-skills"), callback_data=NavCb(to="skills"))
    kb.button(text=t("btn-town"), callback_data=NavCb(to="town"))
    kb.button(text=t("btn-character"), callback_data=NavCb(to="sheet"))
    kb.button(text=t("btn-leaderboard"), callback_data=NavCb(to="top"))
    kb.button(text=t("btn-settings"), callback_data=NavCb(to="settings"))
    kb.button(text=t("btn-rifts"), callback_data=NavCb(to="rifts"))
    kb.adjust(*([1] if fighting else []), 2, 2, 2, 2)
    return kb.as_markup()


def main(t: Translator, sheet: CharacterSheet, *, heading: str | None = None, offer_fight: bool = True) -> Screen:
    """The menu, under `heading` if there is one; with a way back to a running fight when `offer_fight`."""
    body = text(t, sheet)
    return Screen(
        f"{heading}\n\n{body}" if heading else body,
        markup(t, fighting=offer_fight and sheet.in_combat),
    )


def no_fight(t: Translator, sheet: CharacterSheet, *, notice: str | None = None) -> Screen:
    """Asked for a fight when there is none: the menu says so."""
    return main(t, sheet, heading="\n".join([*([notice] if notice else []), t("no-fight")]))


def help_screen(t: Translator) -> Screen:
    return Screen(t("help"))
