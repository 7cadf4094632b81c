"""The fight: both sides' bars, statuses, the last turn in words, and one button per possible action.

Every button carries the combat id and the turn it was drawn for, so a stale or repeated press is
recognised by the game and changes nothing.
"""

from __future__ import annotations

from typing import assert_never

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import ExploreCb, FightCb, NavCb
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import EFFECTS, bar, effects_line, in_pairs, item_label, local, named, stack_lines
from bot.views.keyboard import KeyboardBuilder
from game.api import CombatLogLine, CombatView, Rewards


def log_line(t: Translator, line: CombatLogLine, monster: str) -> str:
    """One thing that happened, in the player's words."""
    kind, by_player = line.kind, line.actor == "player"
    skill = t.pick(line.skill) if line.skill else ""
    item = t.pick(line.item) if line.item else ""
    effect = named(t, EFFECTS, line.effect or "")
    amount, turns = line.amount or 0, line.turns or 0
    if kind == "hit":
        if by_player and skill:
            if line.crit:
                return t("log-skill-crit", skill=skill, monster=monster, amount=amount)
            return t("log-skill-hit", skill=skill, monster=monster, amount=amount)
        if by_player:
            return (
                t("log-crit-player", monster=monster, amount=amount)
                if line.crit
                else t("log-hit-player", monster=monster, amount=amount)
            )
        return (
            t("log-crit-monster", monster=monster, amount=amount)
            if line.crit
            else t("log-hit-monster", monster=monster, amount=amount)
        )
    if kind == "miss":
        if by_player:
            return t("log-skill-miss", skill=skill, monster=monster) if skill else t("log-miss-player", monster=monster)
        return t("log-miss-monster", monster=monster)
    if kind == "skill":
        return t("log-skill", skill=skill)
    if kind == "item":
        return t("log-item", item=item)
    if kind == "heal":
        return t("log-heal", amount=amount)
    if kind == "mana":
        return t("log-mana", amount=amount)
    if kind == "cleanse":
        return t("log-cleanse")
    if kind == "status":
        if line.target == "monster":
            return t("log-status-monster", monster=monster, effect=effect, turns=turns)
        if by_player:
            return t("log-status-self", effect=effect, turns=turns)
        return t("log-status-player", monster=monster, effect=effect, turns=turns)
    if kind == "tick":
        if by_player:
            return t("log-tick-player", effect=effect, amount=amount)
        return t("log-tick-monster", monster=monster, effect=effect, amount=amount)
    if kind == "expired":
        if by_player:
            return t("log-expired-player", effect=effect)
        return t("log-expired-monster", monster=monster, effect=effect)
    if kind == "stunned":
        return t("log-stunned-player") if by_player else t("log-stunned-monster", monster=monster)
    if kind == "flee_failed":
        return t("log-flee-failed", monster=monster)
    if kind == "fled":
        return t("log-fled")
    if kind == "won":
        return t("log-won", monster=monster)
    if kind == "lost":
        return t("log-lost")
    assert_never(kind)  # every kind of the port has its words


def log_lines(t: Translator, view: CombatView) -> list[str]:
    monster = local(t, view.monster_name)
    return [log_line(t, line, monster) for line in view.log]


def fled(t: Translator, view: CombatView) -> str:
    """How the fight went, for the place the player fled back to."""
    return "\n".join([*log_lines(t, view), t("combat-fled")])


def rewards_lines(t: Translator, rewards: Rewards) -> list[str]:
    lines = [t("combat-rewards", xp=rewards.xp, gold=rewards.gold)]
    if rewards.items:
        lines += [t("combat-loot"), *stack_lines(t, rewards.items)]
    if rewards.items_lost:
        lines += [t("loot-lost"), *stack_lines(t, rewards.items_lost)]
    if rewards.levels_gained:
        lines.append(t("level-up", level=rewards.level))
    return lines


def text(t: Translator, view: CombatView, *, notice: str | None = None) -> str:
    p, m = view.player, view.monster
    lines = [notice, ""] if notice else []
    lines.append(t("combat-monster", name=local(t, view.monster_name), level=m.level))
    lines.append(f"❤️ {bar(m.hp, m.max_hp)}")
    if m.effects:
        lines.append(f"   {effects_line(t, m.effects)}")
    lines += ["", t("combat-you", level=p.level), f"❤️ {bar(p.hp, p.max_hp)}"]
    if p.max_mana:
        lines.append(f"🔷 {bar(p.mana, p.max_mana)}")
    if p.effects:
        lines.append(f"   {effects_line(t, p.effects)}")
    log = log_lines(t, view)
    if log:
        # `turn` is the next one to play: the log tells of the one before it.
        lines += ["", t("combat-turn", turn=view.turn - 1), *log]
    if view.outcome == "won":
        lines += ["", t("combat-won")]
        if view.rewards is not None:
            lines += rewards_lines(t, view.rewards)
    elif view.outcome == "lost":
        lines += ["", t("combat-lost")]
        if view.respawn_location is not None:
            lines.append(t("combat-respawn", location=local(t, view.respawn_location)))
        lines.append(t("combat-gold-lost", gold=view.gold_lost or 0))
    elif view.outcome == "fled":
        lines += ["", t("combat-fled")]
    else:
        lines += ["", t("combat-your-move")]
    return "\n".join(lines)


def markup(t: Translator, view: CombatView) -> InlineKeyboardMarkup:
    kb = KeyboardBuilder()
    if view.outcome != "ongoing":
        if view.outcome == "won":
            kb.button(text=t("btn-explore-more"), callback_data=ExploreCb())
        kb.button(text=t("btn-look"), callback_data=NavCb(to="look"))
        kb.button(text=t("btn-menu"), callback_data=NavCb(to="menu"))
        kb.adjust(1)
        return kb.as_markup()

    def act(name: str, arg: str | None = None) -> FightCb:
        return FightCb(cid=view.id, turn=view.turn, act=name, arg=arg)

    rows = [1]
    kb.button(text=t("btn-attack"), callback_data=act("attack"))
    for skill in view.skills:
        name = t.pick(skill.name)
        if skill.ready:
            label = t("btn-skill", name=name, mana=skill.mana)
        elif skill.cooldown_left:
            label = t("btn-skill-cooling", name=name, turns=skill.cooldown_left)
        else:
            label = t("btn-skill-no-mana", name=name, mana=skill.mana)
        kb.button(text=label, callback_data=act("skill", skill.id))
    rows += in_pairs(len(view.skills))
    for stack in view.items:
        kb.button(text=item_label(t, stack.item, stack.quantity), callback_data=act("item", stack.item.id))
    rows += in_pairs(len(view.items))
    kb.button(text=t("btn-flee", chance=round(view.flee_chance * 100)), callback_data=act("flee"))
    rows.append(1)
    kb.adjust(*rows)
    return kb.as_markup()


def screen(t: Translator, view: CombatView, *, notice: str | None = None) -> Screen:
    return Screen(text(t, view, notice=notice), markup(t, view))
