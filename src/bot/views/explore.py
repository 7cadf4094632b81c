"""What exploring found: a fight (the combat screen), things picked up, or only the wind."""

from __future__ import annotations

from bot.callbacks import nav
from bot.i18n import Translator
from bot.views import Screen, combat, rewards
from bot.views.character import LOW, refill_lines
from bot.views.common import Text, duration, noun, stack_lines
from bot.views.keyboard import KeyboardBuilder
from bot.views.world import explore_button
from game.api import CharacterSheet, ExploreResult

# Flavour for an empty find; which one is picked is decoration, not a rule.
NOTHING: tuple[Text, ...] = (
    lambda t: t("explore-nothing-1"),
    lambda t: t("explore-nothing-2"),
    lambda t: t("explore-nothing-3"),
)


def stamina_line(t: Translator, stamina: int, max_stamina: int, sheet: CharacterSheet | None) -> str:
    """Stamina, and when the next exploration is possible if it is not now."""
    line = t("explore-stamina", stamina=stamina, max_stamina=max_stamina)
    wait = sheet.explore_in if sheet is not None else 0
    if wait > 0:
        return f"{line} · {t('explore-next-in', wait=duration(t, wait))}"
    if sheet is not None and sheet.stamina_full_in > 0 and stamina < max_stamina * LOW:  # low: when it is full
        return f"{line} · {t('refill-stamina', wait=duration(t, sheet.stamina_full_in))}"
    return line


def headline(t: Translator, result: ExploreResult) -> str:
    """The find in one line."""
    if result.combat is not None:
        return t(
            "explore-monster",
            **noun(t, "monster", result.combat.monster_name, result.combat.monster_forms, common=True),
        )
    if result.kind == "resource":
        return t("explore-resource")
    if result.kind == "treasure":
        return t("explore-treasure")
    return NOTHING[result.stamina % len(NOTHING)](t)


def screen(t: Translator, result: ExploreResult, sheet: CharacterSheet | None = None) -> Screen:
    """`sheet`: the character after exploring, for when the next exploration is possible."""
    stamina = stamina_line(t, result.stamina, result.max_stamina, sheet)
    if result.combat is not None:
        return combat.screen(t, result.combat, notice="\n".join([headline(t, result), stamina]), sheet=sheet)
    lines = [
        t("explore-where", **noun(t, "location", result.location_name, result.location_forms)),
        "",
        headline(t, result),
    ]
    if result.kind in ("resource", "treasure"):
        lines += stack_lines(t, result.found)
        lines += rewards.xp_and_gold(t, 0, result.gold)
        lines += rewards.left_behind(t, result.lost)
    lines += ["", stamina]
    if sheet is not None:
        lines += refill_lines(t, sheet, low_only=True, explore=False)
    kb = KeyboardBuilder()
    kb.add(explore_button(t, result.location_id, sheet.explore_in if sheet else 0, again=True))
    kb.button(text=t("btn-look"), callback_data=nav("look"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(1, 2)
    return Screen("\n".join(lines), kb.as_markup())
