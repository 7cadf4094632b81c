"""What exploring found: a fight (the combat screen), things picked up, or only the wind."""

from __future__ import annotations

from bot.callbacks import ExploreCb, NavCb
from bot.i18n import Translator
from bot.views import Screen, combat
from bot.views.common import Text, local, stack_lines
from bot.views.keyboard import KeyboardBuilder
from game.api import ExploreResult

# Flavour for an empty find; which one is picked is decoration, not a rule.
NOTHING: tuple[Text, ...] = (
    lambda t: t("explore-nothing-1"),
    lambda t: t("explore-nothing-2"),
    lambda t: t("explore-nothing-3"),
)


def stamina_line(t: Translator, result: ExploreResult) -> str:
    return t("explore-stamina", stamina=result.stamina, max_stamina=result.max_stamina)


def headline(t: Translator, result: ExploreResult) -> str:
    """The find in one line (also the toast: two empty finds in a row may leave the message unchanged)."""
    if result.combat is not None:
        return t("explore-monster", monster=t.pick(result.combat.monster_name))
    if result.kind == "resource":
        return t("explore-resource")
    if result.kind == "treasure":
        return t("explore-treasure")
    return NOTHING[result.stamina % len(NOTHING)](t)


def toast(t: Translator, result: ExploreResult) -> str:
    return headline(t, result).rstrip(":")


def screen(t: Translator, result: ExploreResult) -> Screen:
    if result.combat is not None:
        notice = "\n".join(
            [t("explore-monster", monster=local(t, result.combat.monster_name)), stamina_line(t, result)]
        )
        return combat.screen(t, result.combat, notice=notice)
    lines = [t("explore-where", location=local(t, result.location_name)), "", headline(t, result)]
    if result.kind in ("resource", "treasure"):
        lines += stack_lines(t, result.found)
        if result.gold:
            lines.append(t("explore-gold", gold=result.gold))
        if result.lost:
            lines += [t("loot-lost"), *stack_lines(t, result.lost)]
    lines += ["", stamina_line(t, result)]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-explore-more"), callback_data=ExploreCb(loc=result.location_id))
    kb.button(text=t("btn-look"), callback_data=NavCb(to="look"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(1, 2)
    return Screen("\n".join(lines), kb.as_markup())
