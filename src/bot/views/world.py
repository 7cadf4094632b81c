"""Where the player stands: the place, its roads, and what travelling there said."""

from __future__ import annotations

from bot.callbacks import ExploreCb, NavCb, TravelCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.keyboard import KeyboardBuilder
from game.api import LocationView


def location(t: Translator, view: LocationView, *, notice: str | None = None) -> Screen:
    lines = []
    if notice:
        lines += [notice, ""]
    lines.append(t("location", name=t.pick(view.name), level=view.level, description=t.pick(view.description)))
    if view.is_town:
        lines.append(t("location-town"))
    if view.exits:
        lines += ["", t("exits-title")]
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
        kb.button(text=t("btn-boss"), callback_data=NavCb(to="boss"))  # the boss here, if any
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(1)
    return Screen("\n".join(lines), kb.as_markup())


def travelled(t: Translator, view: LocationView) -> Screen:
    return location(t, view, notice=t("travelled", name=t.pick(view.name)))


def travel_refused(t: Translator, *, stale: bool) -> str:
    """A road from an old map (`stale`), or one that does not start here."""
    return t("travel-stale") if stale else t("travel-not-adjacent")


def explore_elsewhere(t: Translator) -> str:
    return t("explore-elsewhere")
