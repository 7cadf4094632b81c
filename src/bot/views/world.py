"""Where the player stands: the place, its roads (with a warning before a risky one), the rift or boss
found there, and what travelling said."""

from __future__ import annotations

import secrets

from aiogram.types import InlineKeyboardButton

from bot.callbacks import ExploreCb, GoAnywayCb, TravelCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import bar, duration, local, noun, with_notice
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import BossCb, RiftCb
from game.api import ExitInfo, LocationView, RiftHere
from game.api.world import RiftProgressView

FAR_ABOVE = 2  # a zone more levels than this above the player is worth a warning
HURT = 0.35  # below this share of max HP, setting out into the wild is worth a warning


def explore_button(t: Translator, location_id: str | None, wait: int, *, again: bool = False) -> InlineKeyboardButton:
    """Explore (from `location_id`, or wherever the player is); while stamina is short, labelled with the
    time until it is not: pressed early, the game refuses and a toast says how long is left (the screen
    stays as it is); pressed once it is back, it explores."""
    if wait > 0:
        label = t("btn-explore-wait", wait=duration(t, wait))
    else:
        label = t("btn-explore-more") if again else t("btn-explore")
    press = secrets.token_urlsafe(6)  # once-only: the game explores once per drawn button
    return InlineKeyboardButton(text=label, callback_data=ExploreCb(loc=location_id, t=press).pack())


# --- risky roads -----------------------------------------------------------------------------------


def too_hard(view: LocationView, road: ExitInfo) -> bool:
    return view.player_level > 0 and road.level > view.player_level + FAR_ABOVE


def hurt(view: LocationView, road: ExitInfo) -> bool:
    """Low on HP and heading out: leaving town, or deeper into the wild (a road to an easier zone
    leads back towards town)."""
    if view.max_hp <= 0 or view.hp >= view.max_hp * HURT:
        return False
    return view.is_town or road.level > view.level


def risky(view: LocationView, road: ExitInfo) -> bool:
    return too_hard(view, road) or hurt(view, road)


def travel_warning(t: Translator, view: LocationView, road: ExitInfo) -> Screen:
    """Before a risky road: what the risk is, the way on anyway, and the better way if there is one."""
    lines = [t("travel-warning-title", **noun(t, "location", road.name, road.name_forms))]
    if too_hard(view, road):
        lines.append(t("travel-warning-level", zone_level=road.level, level=view.player_level))
    if hurt(view, road):
        lines.append(t("travel-warning-hp", hp=view.hp, max_hp=view.max_hp))
    kb = KeyboardBuilder()
    kb.button(text=t("btn-go-anyway"), callback_data=GoAnywayCb(origin=view.id, dest=road.id))
    if view.is_town and hurt(view, road):
        kb.button(text=t("btn-rest-first"), callback_data=nav("inn"))
    kb.button(text=t("btn-stay"), callback_data=nav("look"))
    kb.adjust(1)
    return Screen("\n".join(lines), kb.as_markup())


# --- the place -------------------------------------------------------------------------------------


def rift_here(
    t: Translator, rift: RiftHere, view: LocationView, run: RiftProgressView | None
) -> tuple[str, str | None]:
    """The line about an open rift here and, if there is something to do, the button's label."""
    line = t(
        "location-rift",
        name=local(t, rift.name),
        tier=rift.tier,
        min_level=rift.min_level,
        left=duration(t, rift.seconds_left),
    )
    if run is not None and run.rift.id == rift.id:
        if run.status == "active":
            return line, t("btn-rift-current")
        return f"{line}\n{t('rift-walked')}", None  # one walk per rift
    if view.player_level and view.player_level < rift.min_level:
        return f"{line}\n{t('location-rift-locked', min_level=rift.min_level)}", None
    return line, t("btn-rift-enter-here", name=t.pick(rift.name))


def location(
    t: Translator,
    view: LocationView,
    *,
    notice: str | None = None,
    explore_in: int = 0,
    run: RiftProgressView | None = None,
    fighting: bool = False,
) -> Screen:
    """`explore_in`: seconds until the player can explore here; `run`: their rift run, if any;
    `fighting`: a fight is on, and everything here waits for it (only the way back to it is offered)."""
    lines = [t("location", name=local(t, view.name), level=view.level, description=local(t, view.description))]
    if view.is_town:
        lines.append(t("location-town"))
    kb = KeyboardBuilder()
    if fighting:
        lines += ["", t("location-fighting")]
        kb.button(text=t("btn-back-to-fight"), callback_data=nav("fight"))
        kb.button(text=t("btn-menu"), callback_data=nav("menu"))
        kb.adjust(1)
        return Screen(with_notice(notice, lines), kb.as_markup())
    if view.boss is not None:
        boss = view.boss
        lines += [
            "",
            t("location-boss", **noun(t, "boss", boss.name, boss.name_forms), left=duration(t, boss.seconds_left)),
            f"❤️ {bar(t, boss.hp, boss.max_hp)}",
        ]
        kb.button(text=t("btn-boss-here", name=t.pick(boss.name)), callback_data=BossCb(act="show", id=boss.id))
    for rift in view.rifts:
        line, label = rift_here(t, rift, view, run)
        lines += ["", line]
        if label is not None:
            active = run is not None and run.rift.id == rift.id
            kb.button(text=label, callback_data=RiftCb(act="show") if active else RiftCb(act="enter", id=rift.id))
    if view.exits:
        lines += ["", t("exits-title")]
    for road in view.exits:
        label = t("btn-go", name=t.pick(road.name), level=road.level)
        kb.button(
            text=f"⚠️ {label}" if risky(view, road) else label,
            callback_data=TravelCb(origin=view.id, dest=road.id),
        )
    if view.is_town:
        kb.button(text=t("btn-town"), callback_data=nav("town"))
    else:
        kb.add(explore_button(t, view.id, explore_in))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(1)
    return Screen(with_notice(notice, lines), kb.as_markup())


def travelled(t: Translator, view: LocationView, *, explore_in: int = 0, run: RiftProgressView | None = None) -> Screen:
    notice = t("travelled", **noun(t, "location", view.name, view.name_forms))
    return location(t, view, notice=notice, explore_in=explore_in, run=run)


def travel_refused(t: Translator, *, stale: bool) -> str:
    """A road from an old map (`stale`), or one that does not start here."""
    return t("travel-stale") if stale else t("travel-not-adjacent")


def explore_elsewhere(t: Translator) -> str:
    return t("explore-elsewhere")
