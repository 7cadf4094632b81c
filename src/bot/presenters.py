"""DTO → message text. Texts only; buttons live in `bot.keyboards`."""

from __future__ import annotations

from bot.i18n import Translator
from game.api import CharacterSheet, ClassInfo, LocationView


def menu(t: Translator, sheet: CharacterSheet) -> str:
    return t(
        "menu-title",
        name=sheet.name,
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


def character(t: Translator, sheet: CharacterSheet, *, notice: str | None = None) -> str:
    d = sheet.derived
    text = t(
        "sheet",
        name=sheet.name,
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
        text += "\n\n" + t("sheet-points-hint")  # the +STR/+AGI/+INT/+VIT buttons are below
    return f"{notice}\n\n{text}" if notice else text


def location(t: Translator, view: LocationView, *, notice: str | None = None) -> str:
    lines = []
    if notice:
        lines += [notice, ""]
    lines.append(t("location", name=t.pick(view.name), level=view.level, description=t.pick(view.description)))
    if view.is_town:
        lines.append(t("location-town"))
    if view.exits:
        lines += ["", t("exits-title")]
    return "\n".join(lines)


def class_choice(t: Translator, name: str, options: list[ClassInfo]) -> str:
    lines = [t("ask-class", name=name), ""]
    for option in options:
        lines.append(
            t(
                "class-line",
                name=t.pick(option.name),
                description=t.pick(option.description),
                **option.stats.model_dump(),
            )
        )
    return "\n\n".join([lines[0], *lines[2:]])
