"""Rifts: the open ones, a run through one floor by floor, and the way from a rift's fight back to it.

Nothing here decides a rule: it shows what the port returned and puts the ids and step counts it was
given into the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import ExploreCb, TravelCb, nav
from bot.i18n import Translator
from bot.views import Screen, rewards
from bot.views.common import Text, duration, local, noun, signed, stack_lines, with_notice
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import RiftCb
from game.api import ItemStack, LocationView
from game.api.world import RiftAdvance, RiftInfo, RiftProgressView, RiftStepView

FIGHT_STEPS: dict[str, Text] = {
    "monster": lambda t: t("rift-step-monster"),
    "elite": lambda t: t("rift-step-elite"),
    "boss": lambda t: t("rift-step-boss"),
}
ENDED: dict[str, Text] = {
    "cleared": lambda t: t("rift-status-cleared"),
    "left": lambda t: t("rift-status-left"),
    "collapsed": lambda t: t("rift-status-collapsed"),
    "fallen": lambda t: t("rift-status-fallen"),
}


def treasure_lines(t: Translator, gold: int, items: Sequence[ItemStack]) -> list[str]:
    """What the rift's treasures gave so far (each fight lists its own rewards where it is won)."""
    if not gold and not items:
        return [t("rift-treasure-none")]
    lines = [t("rift-treasure-so-far")]
    lines += rewards.xp_and_gold(t, 0, gold)
    return lines + stack_lines(t, items)


def rift_line(t: Translator, rift: RiftInfo, *, here: str | None = None, walked: bool = False) -> str:
    line = t(
        "rift-line",
        name=local(t, rift.name),
        location=local(t, rift.location_name),
        tier=rift.tier,
        min_level=rift.min_level,
        left=duration(t, rift.seconds_left),
    )
    if rift.location_id == here:
        line = f"{line} {t('rift-here')}"
    return f"{line}\n{t('rift-walked')}" if walked else line


def way_in(t: Translator, rift: RiftInfo, here: LocationView) -> tuple[str, RiftCb | TravelCb] | None:
    """The button a listed rift gets: enter it where the player stands, travel there when it is one
    road away, nothing when neither would work (too low a level, or too far)."""
    if here.player_level and here.player_level < rift.min_level:
        return None
    if rift.location_id == here.id:
        return t("btn-rift-enter-here", name=t.pick(rift.name)), RiftCb(act="enter", id=rift.id)
    if any(road.id == rift.location_id for road in here.exits):
        where = noun(t, "location", rift.location_name, rift.location_forms, html=False)
        return t("btn-rift-travel", **where), TravelCb(origin=here.id, dest=rift.location_id)
    return None


def listing(
    t: Translator,
    open_rifts: Sequence[RiftInfo],
    here: LocationView,
    *,
    run: RiftProgressView | None = None,
    notice: str | None = None,
) -> Screen:
    """The open rifts, those where the player stands first, each with the way in if there is one; the
    way back if a run is going on. A run that ended is no longer the player's: its rift is marked
    walked (one walk per rift), with no button."""
    ordered = sorted(open_rifts, key=lambda r: (r.location_id != here.id, r.seconds_left))
    walked = run.rift.id if run is not None and run.status != "active" else None
    lines = [t("rifts-title"), ""]
    if not ordered:
        lines.append(t("rifts-none"))
    lines += [rift_line(t, r, here=here.id, walked=r.id == walked) for r in ordered]
    kb = KeyboardBuilder()
    rows = []
    if run is not None and run.status == "active":
        kb.button(text=t("btn-rift-current"), callback_data=RiftCb(act="show"))
        rows.append(1)
    else:
        for rift in ordered:
            way = way_in(t, rift, here) if rift.id != walked else None
            if way is not None:
                kb.button(text=way[0], callback_data=way[1])
                rows.append(1)
        if ordered and not any(r.location_id == here.id for r in ordered):
            lines += ["", t("rifts-hint")]
    kb.button(text=t("btn-refresh"), callback_data=RiftCb(act="list"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*rows, 2)
    return Screen(with_notice(notice, lines), kb.as_markup())


def progress_lines(t: Translator, progress: RiftProgressView) -> list[str]:
    rift = progress.rift
    lines = [
        t(
            "rift-progress",
            name=local(t, rift.name),
            tier=rift.tier,
            location=local(t, rift.location_name),
            floor=progress.floor,
            floors=rift.floors,
            step=progress.step,
            steps=rift.steps_per_floor,
            done=progress.steps_done,
            total=progress.steps_total,
        )
    ]
    if progress.status == "active":
        lines.append(t("rift-time-left", left=duration(t, rift.seconds_left)))
    lines += treasure_lines(t, progress.looted_gold, progress.looted_items)
    ended = ENDED.get(progress.status)
    if ended is not None:
        lines += ["", ended(t)]
    if progress.status == "cleared" and progress.reward is not None:
        lines += [t("rift-chest"), *rewards.lines(t, progress.reward)]
    elif progress.fighting:
        lines += ["", t("rift-fighting")]
    if progress.status != "active":
        lines += ["", *total_lines(t, progress)]
    return lines


def total_lines(t: Translator, progress: RiftProgressView) -> list[str]:
    """A run's whole earnings once it is over: its fights, its treasures and its chest."""
    chest = progress.reward if progress.status == "cleared" else None
    xp = progress.fights_xp + (chest.xp if chest else 0)
    gold = progress.fights_gold + progress.looted_gold + (chest.gold if chest else 0)
    items: dict[str, ItemStack] = {}
    for stack in (*progress.fights_items, *progress.looted_items, *(chest.items if chest else ())):
        known = items.get(stack.item.id)
        items[stack.item.id] = (
            stack if known is None else ItemStack(item=stack.item, quantity=known.quantity + stack.quantity)
        )
    earned = [*rewards.xp_and_gold(t, xp, gold), *stack_lines(t, items.values())]
    return [t("rift-total"), *(earned or [t("reward-nothing")])]


def progress_markup(t: Translator, progress: RiftProgressView) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    if progress.status == "active":
        if progress.fighting:
            kb.button(text=t("btn-rift-fight"), callback_data=nav("fight"))
        else:
            kb.button(text=t("btn-rift-go"), callback_data=RiftCb(act="go", n=progress.steps_done))
        kb.button(text=t("btn-rift-leave"), callback_data=RiftCb(act="leave", n=progress.steps_done))
        kb.button(text=t("btn-menu"), callback_data=nav("menu"))
        kb.adjust(1, 2)
    else:
        kb.button(text=t("btn-rifts"), callback_data=RiftCb(act="list"))
        kb.button(text=t("btn-menu"), callback_data=nav("menu"))
        kb.adjust(2)
    return kb.as_markup()


def progress(t: Translator, view: RiftProgressView, *, notice: str | None = None) -> Screen:
    return Screen(with_notice(notice, progress_lines(t, view)), progress_markup(t, view))


def step_heading(t: Translator, step: RiftStepView) -> str:
    head = t("rift-step", floor=step.floor, step=step.step)
    fight = FIGHT_STEPS.get(step.kind)
    return f"{head} {fight(t)}" if fight else head


def step_lines(t: Translator, step: RiftStepView) -> list[str]:
    """What a step without a fight did."""
    lines = [t("rift-step", floor=step.floor, step=step.step)]
    if step.kind == "treasure":
        lines.append(t("rift-step-treasure"))
        lines += rewards.xp_and_gold(t, 0, step.gold)
        lines += stack_lines(t, step.found)
        lines += rewards.left_behind(t, step.lost)
    elif step.kind == "trap":
        lines.append(t("rift-step-trap", hp=abs(step.hp_change)))
    elif step.kind == "shrine":
        lines.append(t("rift-step-shrine", hp=signed(t, step.hp_change), mana=signed(t, step.mana_change)))
    if step.kind in ("trap", "shrine"):
        lines.append(t("rift-step-vitals", hp=step.hp, max_hp=step.max_hp, mana=step.mana, max_mana=step.max_mana))
    return lines


def advanced(t: Translator, moved: RiftAdvance) -> Screen:
    """A step without a fight, then where the run stands."""
    return Screen(
        "\n".join([*step_lines(t, moved.step), "", *progress_lines(t, moved.progress)]),
        progress_markup(t, moved.progress),
    )


WAY_BACK: dict[str, Text] = {
    "active": lambda t: t("btn-rift-back"),
    "cleared": lambda t: t("btn-rift-chest"),
}


def with_way_back(t: Translator, shown: Screen, run: RiftProgressView | None) -> Screen:
    """A rift fight's end, with the way to the rift's screen: back into the run while it goes on, to
    the chest once cleared, to how it ended otherwise. Never "explore again": that leads out of it."""
    if run is None or shown.markup is None:
        return shown
    said = WAY_BACK.get(run.status)
    label = said(t) if said is not None else t("btn-rift-outcome")
    back = InlineKeyboardButton(text=label, callback_data=RiftCb(act="show").pack())
    rows = [
        [b for b in row if not (b.callback_data or "").startswith(f"{ExploreCb.__prefix__}:")]
        for row in shown.markup.inline_keyboard
    ]
    return Screen(shown.text, InlineKeyboardMarkup(inline_keyboard=[[back], *(row for row in rows if row)]))


# --- notices -------------------------------------------------------------------------------------


def entered(t: Translator) -> str:
    return t("rift-entered")


def stale(t: Translator) -> str:
    return t("rift-stale")


def elsewhere(t: Translator, rift: RiftInfo | None, location_id: str) -> str:
    """The rift is in another place: named in the player's language when it is still listed."""
    if rift is None:
        return t("rift-elsewhere", **noun(t, "location", {"en": location_id}))
    return t("rift-elsewhere", **noun(t, "location", rift.location_name, rift.location_forms))
