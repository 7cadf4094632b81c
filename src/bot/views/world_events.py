"""Screens of the living world: open rifts, a run through one, world bosses and their leaderboard,
and the texts of the notifications about them.

Like every view, nothing here decides a rule: it shows what the port returned and puts the ids and
step counts it was given into the buttons.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.keyboards.builder import KeyboardBuilder
from bot.views import Screen
from bot.views.common import bar, local, stack_lines
from bot.world_callbacks import BossCb, RiftCb
from game.api import ClassInfo, ItemStack, LeaderboardRow, Rewards
from game.api.world import BossAttackResult, BossView, RiftAdvance, RiftInfo, RiftProgressView, RiftStepView

MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}
FIGHT_STEPS = {
    "monster": lambda t: t("rift-step-monster"),
    "elite": lambda t: t("rift-step-elite"),
    "boss": lambda t: t("rift-step-boss"),
}
ENDED = {
    "cleared": lambda t: t("rift-status-cleared"),
    "left": lambda t: t("rift-status-left"),
    "collapsed": lambda t: t("rift-status-collapsed"),
    "fallen": lambda t: t("rift-status-fallen"),
}


def duration(t: Translator, seconds: float) -> str:
    """`1 h 5 min`, `12 min`, `40 s`: as precise as a player needs."""
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return t("time-hours", h=seconds // 3600, m=seconds % 3600 // 60)
    if seconds >= 60:
        return t("time-minutes", m=-(-seconds // 60))  # rounded up: "1 min" until the last minute
    return t("time-seconds", s=seconds)


def _text(notice: str | None, lines: Sequence[str]) -> str:
    return "\n".join(([notice, ""] if notice else []) + list(lines))


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


# --- rifts ---------------------------------------------------------------------------------------


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


def rifts(
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
        walked = run.rift.id if run is not None else None  # one walk per rift: no second Enter
        if walked is not None and any(r.id == walked for r in ordered):
            kb.button(text=t("btn-rift-last", name=t.pick(run.rift.name)), callback_data=RiftCb(act="show"))
            rows.append(1)
        for rift in (r for r in ordered if r.id != walked):
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
    return Screen(_text(notice, lines), kb.as_markup())


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
    return Screen(_text(notice, progress_lines(t, view)), progress_markup(t, view))


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


# --- world bosses --------------------------------------------------------------------------------


def boss_lines(t: Translator, boss: BossView) -> list[str]:
    lines = [
        t("boss-title", name=local(t, boss.name), level=boss.level, location=local(t, boss.location_name)),
        t("boss-hp", bar=bar(boss.hp, boss.max_hp)),
    ]
    if boss.status == "alive":
        lines.append(t("boss-left", left=duration(t, boss.seconds_left)))
    lines.append(t("boss-my-damage", damage=boss.my_damage))
    if boss.status == "alive":
        if boss.my_cooldown_left > 0:
            lines.append(t("boss-cooldown", seconds=f"{boss.my_cooldown_left:g}"))
        else:
            lines.append(t("boss-ready"))
    return lines


def bosses(t: Translator, alive: Sequence[BossView], *, here: str | None, notice: str | None = None) -> Screen:
    """The boss where the player stands (with its Attack button), then the ones elsewhere."""
    local_ones = [b for b in alive if b.location_id == here]
    others = [b for b in alive if b.location_id != here]
    lines: list[str] = []
    kb = KeyboardBuilder()
    rows = []
    for boss in local_ones:
        lines += [*boss_lines(t, boss), ""]
        kb.button(text=t("btn-boss-attack"), callback_data=BossCb(act="hit", id=boss.id))
        kb.button(text=t("btn-refresh"), callback_data=BossCb(act="show", id=boss.id))
        rows.append(2)
    if not alive:
        lines.append(t("boss-none"))
    elif not local_ones:
        lines.append(t("boss-not-here"))
    if others:
        lines += ["", t("boss-elsewhere-title")]
        lines += [
            t(
                "boss-elsewhere",
                name=local(t, b.name),
                location=local(t, b.location_name),
                left=duration(t, b.seconds_left),
            )
            for b in others
        ]
    kb.button(text=t("btn-boss-top"), callback_data=BossCb(act="top"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(*rows, 2)
    return Screen(_text(notice, lines).rstrip(), kb.as_markup())


def attack_notice(t: Translator, result: BossAttackResult) -> str:
    if result.killed:
        return t("boss-killed", name=local(t, result.boss.name), damage=result.damage)
    if result.damage:
        return t("boss-hit", damage=result.damage)
    return t("boss-miss")


def after_attack(t: Translator, result: BossAttackResult, others: Sequence[BossView]) -> Screen:
    """The struck boss as the attack left it (even if this blow killed it), and the rest."""
    boss = result.boss
    if boss.status == "alive":
        return bosses(t, [boss, *others], here=boss.location_id, notice=attack_notice(t, result))
    lines = [attack_notice(t, result), "", *boss_lines(t, boss)]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-boss-top"), callback_data=BossCb(act="top"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


def boss_top(
    t: Translator, rows: Sequence[LeaderboardRow], classes: Sequence[ClassInfo], *, me: int | None = None
) -> Screen:
    names = {c.id: t.pick(c.name) for c in classes}
    lines = [t("boss-top-title"), ""]
    if not rows:
        lines.append(t("boss-top-empty"))
    for row in rows:
        line = t(
            "boss-top-row",
            rank=MEDALS.get(row.rank, f"{row.rank}."),
            name=html.escape(row.name, quote=False),
            class_name=names.get(row.class_id, row.class_id),
            level=row.level,
            damage=row.value,
        )
        lines.append(f"<b>{line}</b>" if row.player_id == me else line)
    kb = KeyboardBuilder()
    kb.button(text=t("btn-boss-back"), callback_data=BossCb(act="show"))
    kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())
