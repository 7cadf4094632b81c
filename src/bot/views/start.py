"""Registration: the welcome, the name, the choice of class; and the welcome back."""

from __future__ import annotations

from collections.abc import Sequence

from bot.callbacks import ClassCb
from bot.i18n import Translator
from bot.views import Screen, menu
from bot.views.common import literal
from bot.views.keyboard import KeyboardBuilder
from game.api import CharacterSheet, ClassInfo, LocationView


def welcome_new(t: Translator) -> Screen:
    return Screen(t("welcome-new"))


def welcome_back(t: Translator, sheet: CharacterSheet) -> Screen:
    return Screen(t("welcome-back", name=literal(sheet.name)))


def name_invalid(t: Translator) -> Screen:
    """For what cannot be a name before the game is asked (a command, a sticker)."""
    return Screen(t("name-invalid"))


def class_choice(t: Translator, name: str, options: Sequence[ClassInfo], *, resumed: bool = False) -> Screen:
    """`resumed`: the newcomer left after choosing the name and is back: told that it was kept."""
    lines = [t("registration-resumed", name=literal(name))] if resumed else []
    lines.append(t("ask-class", name=literal(name)))
    for option in options:
        lines.append(
            t(
                "class-line",
                name=t.pick(option.name),
                description=t.pick(option.description),
                **option.stats.model_dump(),
            )
        )
    kb = KeyboardBuilder()
    for option in options:
        kb.button(text=t.pick(option.name), callback_data=ClassCb(class_id=option.id))
    kb.adjust(len(options))
    return Screen("\n\n".join(lines), kb.as_markup())


def registered(t: Translator, sheet: CharacterSheet, here: LocationView, *, hint_skills: bool = False) -> Screen:
    heading = t(
        "registered",
        name=literal(sheet.name),
        location=t.pick(sheet.location_name),
        **{"class": t.pick(sheet.class_name)},
    )
    return menu.main(t, sheet, here, heading=heading, offer_fight=False, hint_skills=hint_skills)


def registration_expired(t: Translator) -> str:
    return t("registration-expired")
