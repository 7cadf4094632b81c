"""Inline keyboards; texts come localised through the translator."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ClassCb, LangCb, NavCb, TravelCb
from bot.i18n import Translator
from game.api import ClassInfo, LocationView


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-character"), callback_data=NavCb(to="sheet"))
    kb.button(text=t("btn-look"), callback_data=NavCb(to="look"))
    kb.button(text=t("btn-settings"), callback_data=NavCb(to="settings"))
    kb.adjust(2, 1)
    return kb.as_markup()


def back_to_menu(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    return kb.as_markup()


def classes(t: Translator, options: list[ClassInfo]) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for option in options:
        kb.button(text=t.pick(option.name), callback_data=ClassCb(class_id=option.id))
    kb.adjust(len(options))
    return kb.as_markup()


def location(t: Translator, view: LocationView) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    for road in view.exits:
        kb.button(
            text=t("btn-go", name=t.pick(road.name), level=road.level),
            callback_data=TravelCb(origin=view.id, dest=road.id),
        )
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(1)
    return kb.as_markup()


def settings(t: Translator) -> InlineKeyboardMarkup:
    kb = InlineKeyboardBuilder()
    kb.button(text=t("btn-lang-en"), callback_data=LangCb(code="en"))
    kb.button(text=t("btn-lang-ru"), callback_data=LangCb(code="ru"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(2, 1)
    return kb.as_markup()
