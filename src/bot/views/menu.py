"""The main menu, and the help."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import DailyCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.character import refill_lines, with_points
from bot.views.common import literal
from bot.views.keyboard import KeyboardBuilder
from bot.views.world import explore_button
from game.api import CharacterSheet, LocationView


def text(t: Translator, sheet: CharacterSheet, *, hint_skills: bool = False) -> str:
    """`hint_skills`: the first time a skill point is free, where to spend it."""
    lines = [
        t(
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
        ),
        *refill_lines(t, sheet, low_only=True),
    ]
    if hint_skills:
        lines += ["", t("hint-skill-point")]
    return "\n".join(lines)


def markup(
    t: Translator, sheet: CharacterSheet, here: LocationView | None, *, fighting: bool = False
) -> InlineKeyboardMarkup:
    """Explore in the wild (or the time until stamina allows it), the town's services in town; the
    character and skills marked while points wait to be spent."""
    kb = KeyboardBuilder()
    if fighting:
        kb.button(text=t("btn-back-to-fight"), callback_data=nav("fight"))
    if (here is None or not here.is_town) and not sheet.in_combat:
        kb.add(explore_button(t, None, sheet.explore_in))
    if here is None or here.is_town:
        kb.button(text=t("btn-town"), callback_data=nav("town"))
    kb.button(text=t("btn-look"), callback_data=nav("look"))
    kb.button(text=t("btn-inventory"), callback_data=nav("bag"))
    kb.button(text=with_points(t("btn-character"), sheet.stat_points), callback_data=nav("sheet"))
    kb.button(text=with_points(t("btn-skills"), sheet.skill_points), callback_data=nav("skills"))
    kb.button(text=t("btn-rifts"), callback_data=nav("rifts"))
    kb.button(text=t("btn-leaderboard"), callback_data=nav("top"))
    # Players together.
    kb.button(text=t("btn-guild"), callback_data=nav("guild"))
    kb.button(text=t("btn-arena"), callback_data=nav("arena"))
    # the player economy
    kb.button(text=t("btn-market"), callback_data=nav("market"))
    kb.button(text=t("btn-daily"), callback_data=DailyCb(act="show"))
    kb.button(text=t("btn-settings"), callback_data=nav("settings"))
    kb.adjust(*([1] if fighting else []), 2)
    return kb.as_markup()


def main(
    t: Translator,
    sheet: CharacterSheet,
    here: LocationView | None,
    *,
    heading: str | None = None,
    offer_fight: bool = True,
    hint_skills: bool = False,
) -> Screen:
    """The menu, under `heading` if there is one; with a way back to a running fight when `offer_fight`.
    `here`: where the player stands (None when unknown: then both the wild's and the town's entries)."""
    body = text(t, sheet, hint_skills=hint_skills)
    return Screen(
        f"{heading}\n\n{body}" if heading else body,
        markup(t, sheet, here, fighting=offer_fight and sheet.in_combat),
    )


def no_fight(t: Translator, sheet: CharacterSheet, here: LocationView | None, *, notice: str | None = None) -> Screen:
    """Asked for a fight when there is none: the menu says so."""
    return main(t, sheet, here, heading="\n".join([*([notice] if notice else []), t("no-fight")]))


def help_screen(t: Translator) -> Screen:
    return Screen(t("help"))
