"""The character sheet, with a button per stat while points are unspent, and when HP, mana and stamina
are back."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import StatCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import STATS, Text, duration, literal, named
from bot.views.keyboard import KeyboardBuilder
from game.api import CharacterSheet

STAT_BUTTONS: dict[str, Text] = {
    "strength": lambda t: t("btn-stat-strength"),
    "agility": lambda t: t("btn-stat-agility"),
    "intellect": lambda t: t("btn-stat-intellect"),
    "vitality": lambda t: t("btn-stat-vitality"),
}
LOW = 0.5  # below this share, HP or mana is low enough for the menu to say when it is back


def with_points(label: str, points: int) -> str:
    """`🧍 Character •2`: a button marked while points wait to be spent behind it."""
    return f"{label} •{points}" if points > 0 else label


def refill_lines(t: Translator, sheet: CharacterSheet, *, low_only: bool = False, explore: bool = True) -> list[str]:
    """When HP and mana are full again and when the next exploration is possible, for what is not
    (`low_only`: only what is low: under half, or stamina short of an exploration; `explore`: False
    where the screen says when the next exploration is already)."""
    d = sheet.derived
    waits = []
    if sheet.hp_full_in > 0 and sheet.hp < d.max_hp and (not low_only or sheet.hp < d.max_hp * LOW):
        waits.append(t("refill-hp", wait=duration(t, sheet.hp_full_in)))
    if sheet.mana_full_in > 0 and sheet.mana < d.max_mana and (not low_only or sheet.mana < d.max_mana * LOW):
        waits.append(t("refill-mana", wait=duration(t, sheet.mana_full_in)))
    if explore and sheet.explore_in > 0:
        waits.append(t("refill-explore", wait=duration(t, sheet.explore_in)))
    elif not low_only and sheet.stamina_full_in > 0 and sheet.stamina < sheet.max_stamina:
        waits.append(t("refill-stamina", wait=duration(t, sheet.stamina_full_in)))
    return [" · ".join(waits)] if waits else []


def text(t: Translator, sheet: CharacterSheet, *, hint_skills: bool = False) -> str:
    d = sheet.derived
    lines = [
        t(
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
        ),
        *refill_lines(t, sheet),
        "",
        t(
            "sheet-stats",
            strength=sheet.stats.strength,
            agility=sheet.stats.agility,
            intellect=sheet.stats.intellect,
            vitality=sheet.stats.vitality,
            attack=d.attack,
            defence=d.defence,
            magic=d.magic,
            crit=round(d.crit_chance * 100, 1),
            dodge=round(d.dodge_chance * 100, 1),
        ),
    ]
    if sheet.stat_points and sheet.skill_points:
        lines.append(t("sheet-unspent", stat_points=sheet.stat_points, skill_points=sheet.skill_points))
    elif sheet.stat_points:
        lines.append(t("sheet-unspent-stat", stat_points=sheet.stat_points))
    elif sheet.skill_points:
        lines.append(t("sheet-unspent-skill", skill_points=sheet.skill_points))
    lines.append(t("sheet-location", location=t.pick(sheet.location_name)))
    if sheet.stat_points > 0:
        lines += ["", t("sheet-points-hint")]  # the +STR/+AGI/+INT/+VIT buttons are below
    if hint_skills:
        lines += ["", t("hint-skill-point")]
    return "\n".join(lines)


def markup(t: Translator, sheet: CharacterSheet) -> InlineKeyboardMarkup:
    """One button per stat while points are unspent (with the sheet's version); the skills, marked
    while skill points wait; then back."""
    kb = KeyboardBuilder()
    if sheet.stat_points > 0:
        for stat, label in STAT_BUTTONS.items():
            kb.button(text=label(t), callback_data=StatCb(stat=stat, v=sheet.version))
    kb.button(text=with_points(t("btn-skills"), sheet.skill_points), callback_data=nav("skills"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*([4] if sheet.stat_points > 0 else []), 2)
    return kb.as_markup()


def screen(t: Translator, sheet: CharacterSheet, *, notice: str | None = None, hint_skills: bool = False) -> Screen:
    body = text(t, sheet, hint_skills=hint_skills)
    return Screen(f"{notice}\n\n{body}" if notice else body, markup(t, sheet))


def stat_raised(t: Translator, stat: str) -> str:
    return t("stat-raised", stat=named(t, STATS, stat))
