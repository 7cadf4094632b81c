"""Inline keyboards; texts come localised through the translator."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import ClassCb, ExploreCb, LangCb, NavCb, StatCb, TravelCb
from bot.i18n import Translator
from bot.keyboards.builder import KeyboardBuilder
from game.api import CharacterSheet, ClassInfo, LocationView

STAT_BUTTONS = ("strength", "agility", "intellect", "vitality")


def main_menu(t: Translator, sheet: CharacterSheet | None = None) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    fighting = sheet is not None and sheet.in_combat
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
    kb.button(text=t("btn-rifts"), callback_data=NavCb(to="rifts"))  # routers/rifts.py
    kb.adjust(*([1] if fighting else []), 2, 2, 2, 2)
    return kb.as_markup()


def character(t: Translator, sheet: CharacterSheet) -> InlineKeyboardMarkup:
    """The sheet's buttons: one per stat while points are unspent (with the sheet's version), then back."""
    kb = KeyboardBuilder()
    labels = {
        "strength": t("btn-stat-strength"),
        "agility": t("btn-stat-agility"),
        "intellect": t("btn-stat-intellect"),
        "vitality": t("btn-stat-vitality"),
    }
    if sheet.stat_points > 0:
        for stat in STAT_BUTTONS:
            kb.button(text=labels[stat], callback_data=StatCb(stat=stat, v=sheet.version))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(*([4] if sheet.stat_points > 0 else []), 1)
    return kb.as_markup()


def back_to_menu(t: Translator) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    return kb.as_markup()


def classes(t: Translator, options: list[ClassInfo]) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    for option in options:
        kb.button(text=t.pick(option.name), callback_data=ClassCb(class_id=option.id))
    kb.adjust(len(options))
    return kb.as_markup()


def location(t: Translator, view: LocationView) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    for road in view.exits:
        kb.button(
            text=t("btn-go", name=t.pick(road.name), level=road.level),
            callback_data=TravelCb(origin=view.id, dest=road.id),
        )
    if view.is_town:
        kb.button(text=t("btn-town"), callback_data=NavCb(to="town"))
    else:
        kb.button(text=t("btn-explore"), callback_data=ExploreCb(loc=view.id))
        kb.button(text=t("btn-boss"), callback_data=NavCb(to="boss"))  # routers/bosses.py: the boss here, if any
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(1)
    return kb.as_markup()


def settings(t: Translator) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    kb.button(text=t("btn-lang-en"), callback_data=LangCb(code="en"))
    kb.button(text=t("btn-lang-ru"), callback_data=LangCb(code="ru"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(2, 1)
    return kb.as_markup()
