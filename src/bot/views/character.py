"""The character sheet, with a button per stat while points are unspent."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import NavCb, StatCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import STATS, Text, literal, named
from bot.views.keyboard import KeyboardBuilder
from game.api import CharacterSheet

STAT_BUTTONS: dict[str, Text] = {
    "strength": lambda t: t("btn-stat-strength"),
    "agility": lambda t: t("btn-stat-agility"),
    "intellect": lambda t: t("btn-stat-intellect"),
    "vitality": lambda t: t("btn-stat-vitality"),
}


def text(t: Translator, sheet: CharacterSheet) -> str:
    d = sheet.derived
    shown = t(
        "sheet",
        name=literal(sheet.name),
        **{"class": t.pick(sheet.class_name)},
        level=sheet.level,
        xp=sheet.xp,
        xp_next=sheet.xp_to_next,
        gold=sheet.gold,
        hp=sheet.hp,
        max_hp=d.max_hp,
        mana=sheet.mana,
        max_mana=d.max_mana,
        stamina=sheet.stamina,
        max_stamina=sheet.max_stamina,
        strength=sheet.stats.strength,
        agility=sheet.stats.agility,
        intellect=sheet.stats.intellect,
        vitality=sheet.stats.vitality,
        attack=d.attack,
        defence=d.defence,
        crit=round(d.crit_chance * 100, 1),
        dodge=round(d.dodge_chance * 100, 1),
        stat_points=sheet.stat_points,
        skill_points=sheet.skill_points,
        location=t.pick(sheet.location_name),
    )
    if sheet.stat_points > 0:
        shown += "\n\n" + t("sheet-points-hint")  # the +STR/+AGI/+INT/+VIT buttons are below
    return shown


def markup(t: Translator, sheet: CharacterSheet) -> InlineKeyboardMarkup:
    """One button per stat while points are unspent (with the sheet's version), then back."""
    kb = KeyboardBuilder()
    if sheet.stat_points > 0:
        for stat, label in STAT_BUTTONS.items():
            kb.button(text=label(t), callback_data=StatCb(stat=stat, v=sheet.version))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(*([4] if sheet.stat_points > 0 else []), 1)
    return kb.as_markup()


def screen(t: Translator, sheet: CharacterSheet, *, notice: str | None = None) -> Screen:
    body = text(t, sheet)
    return Screen(f"{notice}\n\n{body}" if notice else body, markup(t, sheet))


def stat_raised(t: Translator, stat: str) -> str:
    return t("stat-raised", stat=named(t, STATS, stat))
