"""Rifts: the open ones, a run through one floor by floor, and the way from a rift's fight back to it.

Nothing here decides a rule: it shows what the port returned and puts the ids and step counts it was
given into the buttons.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import ExploreCb, NavCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import Text, duration, literal, local, stack_lines, with_notice
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import RiftCb
from game.api import CombatView, ItemStack, Rewards
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


def _loot_lines(t: Translator, gold: int, items: Sequence[ItemStack]) -> list[str]:
    lines = [t("rift-looted", gold=gold)]
    if items:
        lines += [t("rift-looted-items"), *stack_lines(t, items)]
    return lines


def reward_lines(t: Translator, rewards: Rewards) -> list[str]:
    lines = [t("rift-chest"), t("rift-reward", xp=rewards.xp, gold=rewards.gold), *stack_lines(t, rewards.items)]
    if rewards.items_lost:
        lines += [t("rift-bag-full"), *stack_lines(t, rewards.items_lost)]
    if rewards.levels_gained:
        lines.append(t("rift-level-up", level=rewards.level))
    return lines


def rift_line(t: Translator, rift: RiftInfo, *, here: str | None = None) -> str:
    line = t(
        "rift-line",
        name=local(t, rift.name),
        location=local(t, rift.location_name),
        tier=rift.tier,
        min_level=rift.min_level,
        left=duration(t, rift.seconds_left),
    )
    return f"{line} {t('rift-here')}" if rift.location_id == here else line


def listing(
    t: Translator,
    open_rifts: Sequence[RiftInfo],
    *,
    here: str | None = None,
    run: RiftProgressView | None = None,
    notice: str | None = None,
) -> Screen:
    """The open rifts, those where the player stands first; a way back if a run is going on."""
    ordered = sorted(open_rifts, key=lambda r: (r.location_id != here, r.seconds_left))
    lines = [t("rifts-title"), ""]
    if not ordered:
        lines.append(t("rifts-none"))
    lines += [rift_line(t, r, here=here) for r in ordered]
    kb = KeyboardBuilder()
    rows = []
    if run is not None and run.status == "active":
        kb.button(text=t("btn-rift-current"), callback_data=RiftCb(act="show"))
        rows.append(1)
    else:
        walked = run.rift if run is not None else None  # one walk per rift: no second Enter
        if walked is not None and any(r.id == walked.id for r in ordered):
            kb.button(text=t("btn-rift-last", name=t.pick(walked.name)), callback_data=RiftCb(act="show"))
            rows.append(1)
        for rift in (r for r in ordered if walked is None or r.id != walked.id):
            kb.button(
                text=t("btn-rift-enter", name=t.pick(rift.name), location=t.pick(rift.location_name)),
                callback_data=RiftCb(act="enter", id=rift.id),
            )
            rows.append(1)
        if ordered and not any(r.location_id == here for r in ordered):
            lines += ["", t("rifts-hint")]
    kb.button(text=t("btn-refresh"), callback_data=RiftCb(act="list"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
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
    lines += _loot_lines(t, progress.looted_gold, progress.looted_items)
    ended = ENDED.get(progress.status)
    if ended is not None:
        lines += ["", ended(t)]
    if progress.status == "cleared" and progress.reward is not None:
        lines += reward_lines(t, progress.reward)
    elif progress.fighting:
        lines += ["", t("rift-fighting")]
    return lines


def progress_markup(t: Translator, progress: RiftProgressView) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    if progress.status == "active":
        if progress.fighting:
            kb.button(text=t("btn-rift-fight"), callback_data=NavCb(to="fight"))
        else:
            kb.button(text=t("btn-rift-go"), callback_data=RiftCb(act="go", n=progress.steps_done))
        kb.button(text=t("btn-rift-leave"), callback_data=RiftCb(act="leave", n=progress.steps_done))
        kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
        kb.adjust(1, 2)
    else:
        kb.button(text=t("btn-rifts"), callback_data=RiftCb(act="list"))
        kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
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
        if step.gold:
            lines.append(t("rift-step-gold", gold=step.gold))
        lines += stack_lines(t, step.found)
        if step.lost:
            lines += [t("rift-bag-full"), *stack_lines(t, step.lost)]
    elif step.kind == "trap":
        lines.append(t("rift-step-trap", hp=abs(step.hp_change)))
    elif step.kind == "shrine":
        lines.append(t("rift-step-shrine", hp=step.hp_change, mana=step.mana_change))
    if step.kind in ("trap", "shrine"):
        lines.append(t("rift-step-vitals", hp=step.hp, max_hp=step.max_hp, mana=step.mana, max_mana=step.max_mana))
    return lines


def advanced(t: Translator, moved: RiftAdvance) -> Screen:
    """A step without a fight, then where the run stands."""
    return Screen(
        "\n".join([*step_lines(t, moved.step), "", *progress_lines(t, moved.progress)]),
        progress_markup(t, moved.progress),
    )


def with_way_back(t: Translator, fight: CombatView, shown: Screen, run: RiftProgressView | None) -> Screen:
    """A finished fight's screen, with a button back to the rift when the fight was a step of `run`.

    The combat screen does not know where its fight came from; the run does.
    """
    if not leads_back(fight) or shown.markup is None:
        return shown
    if run is None or run.rift.status != "open" or run.status not in ("active", "cleared", "fallen") or run.fighting:
        return shown
    back = InlineKeyboardButton(text=t("btn-rift-back"), callback_data=RiftCb(act="show").pack())
    # Inside a rift the way on is the rift, not the wild: "explore again" would lead out of it.
    explore = ExploreCb().pack()
    rows = [[b for b in row if b.callback_data != explore] for row in shown.markup.inline_keyboard]
    return Screen(shown.text, InlineKeyboardMarkup(inline_keyboard=[[back], *(row for row in rows if row)]))


def leads_back(fight: CombatView) -> bool:
    """Whether a fight's end may lead back into a rift (only then is the run worth asking for)."""
    return fight.part_of == "rift" and fight.outcome in ("won", "lost")


# --- notices -------------------------------------------------------------------------------------


def entered(t: Translator) -> str:
    return t("rift-entered")


def stale(t: Translator) -> str:
    return t("rift-stale")


def elsewhere(t: Translator, rift: RiftInfo | None, location_id: str) -> str:
    """The rift is in another place: named in the player's language when it is still listed."""
    return t("rift-elsewhere", location=local(t, rift.location_name) if rift else literal(location_id))
