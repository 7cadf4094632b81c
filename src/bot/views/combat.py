"""The fight: both sides' bars, statuses, the last turn in words, and one button per possible action.

Every button carries the combat id and the turn it was drawn for, so a stale or repeated press is
recognised by the game and changes nothing. Only what can be done now has a button: a skill cooling
down or short of mana is named in the text, and a potion that would restore nothing is not offered.
"""

from __future__ import annotations

from typing import assert_never

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import FightCb, nav
from bot.i18n import Translator
from bot.views import Screen, rewards
from bot.views.character import refill_lines
from bot.views.common import (
    AILMENTS,
    EFFECTS,
    bar,
    effects_line,
    in_pairs,
    item_label,
    local,
    named,
    noun,
    restores_nothing,
)
from bot.views.keyboard import KeyboardBuilder
from bot.views.world import explore_button
from game.api import CharacterSheet, CombatLogLine, CombatView, SkillOption

# What hurts each turn, by its look: a bleed is no fire.
TICK_ICONS = {"bleed": "🩸", "burn": "🔥", "poison": "🤢"}


def log_line(t: Translator, line: CombatLogLine, monster: dict[str, str]) -> str:
    """One thing that happened, in the player's words; `monster`: the monster's `noun` arguments."""
    kind, by_player = line.kind, line.actor == "player"
    skill = local(t, line.skill) if line.skill else ""
    item = noun(t, "item", line.item, line.item_forms, common=True) if line.item else noun(t, "item", {"en": ""})
    effect = named(t, EFFECTS, line.effect or "")
    amount, turns = line.amount or 0, line.turns or 0
    if kind == "hit":
        if by_player and skill:
            if line.crit:
                return t("log-skill-crit", skill=skill, **monster, amount=amount)
            return t("log-skill-hit", skill=skill, **monster, amount=amount)
        if by_player:
            return (
                t("log-crit-player", **monster, amount=amount)
                if line.crit
                else t("log-hit-player", **monster, amount=amount)
            )
        return (
            t("log-crit-monster", **monster, amount=amount)
            if line.crit
            else t("log-hit-monster", **monster, amount=amount)
        )
    if kind == "miss":
        if by_player:
            return t("log-skill-miss", skill=skill, **monster) if skill else t("log-miss-player", **monster)
        return t("log-miss-monster", **monster)
    if kind == "skill":
        return t("log-skill", skill=skill)
    if kind == "item":
        return t("log-item", **item)
    if kind == "heal":
        return t("log-heal", amount=amount)
    if kind == "mana":
        return t("log-mana", amount=amount)
    if kind == "cleanse":
        return t("log-cleanse")
    if kind == "status":
        if line.target == "monster":
            return t("log-status-monster", **monster, effect=effect, turns=turns)
        if by_player:
            return t("log-status-self", effect=effect, turns=turns)
        return t("log-status-player", **monster, effect=effect, turns=turns)
    if kind == "tick":
        icon = TICK_ICONS.get(line.effect or "", "🔥")
        if by_player:
            return t("log-tick-player", icon=icon, effect=effect, amount=amount)
        return t("log-tick-monster", **monster, icon=icon, effect=effect, amount=amount)
    if kind == "expired":
        if by_player:
            return t("log-expired-player", effect=effect)
        return t("log-expired-monster", **monster, effect=effect)
    if kind == "stunned":
        return t("log-stunned-player") if by_player else t("log-stunned-monster", **monster)
    if kind == "flee_failed":
        return t("log-flee-failed", **monster)
    if kind == "fled":
        return t("log-fled")
    if kind == "won":
        return t("log-won", **monster)
    if kind == "lost":
        return t("log-lost")
    assert_never(kind)  # every kind of the port has its words


def log_lines(t: Translator, view: CombatView) -> list[str]:
    monster = noun(t, "monster", view.monster_name, view.monster_forms, common=True)
    return [log_line(t, line, monster) for line in view.log]


def fled(t: Translator, view: CombatView) -> str:
    """How the fight went, for the place the player fled back to: the last turn, which ends in the
    getaway (said once)."""
    told = log_lines(t, view)
    if not any(line.kind == "fled" for line in view.log):
        told.append(t("combat-fled"))
    return "\n".join(told)


def price_of_dying(t: Translator, gold: int, xp: int) -> str:
    """What the fall cost: gold, and this level's XP where the gold did not cover it (never an item)."""
    if gold and xp:
        return t("combat-gold-xp-lost", gold=gold, xp=xp)
    if gold:
        return t("combat-gold-lost", gold=gold)
    if xp:
        return t("combat-xp-lost", xp=xp)
    return t("combat-nothing-lost")


def waiting_skills(t: Translator, skills: tuple[SkillOption, ...]) -> str | None:
    """The skills that are not ready, and why, in one line (they have no button)."""
    said = []
    for skill in skills:
        if skill.ready:
            continue
        name = local(t, skill.name)
        if skill.cooldown_left:
            said.append(t("skill-cooling", name=name, turns=skill.cooldown_left))
        else:
            said.append(t("skill-short-of-mana", name=name, mana=skill.mana))
    return " · ".join(said) or None


def text(t: Translator, view: CombatView, *, notice: str | None = None, sheet: CharacterSheet | None = None) -> str:
    """`sheet`: the character after the fight, for when HP is back once it is won."""
    p, m = view.player, view.monster
    lines = [notice, ""] if notice else []
    lines.append(t("combat-monster", name=local(t, view.monster_name), level=m.level))
    lines.append(f"❤️ {bar(t, m.hp, m.max_hp)}")
    if m.effects:
        lines.append(f"   {effects_line(t, m.effects)}")
    lines += ["", t("combat-you", level=p.level), f"❤️ {bar(t, p.hp, p.max_hp)}"]
    if p.max_mana:
        lines.append(f"🔷 {bar(t, p.mana, p.max_mana)}")
    if p.effects:
        lines.append(f"   {effects_line(t, p.effects)}")
    log = log_lines(t, view)
    if log:
        # `turn` is the next one to play: the log tells of the one before it.
        lines += ["", t("combat-turn", turn=view.turn - 1), *log]
    if view.outcome == "won":
        lines += ["", t("combat-won")]
        if view.rewards is not None:
            lines += rewards.lines(t, view.rewards)
        if sheet is not None:
            lines += refill_lines(t, sheet, low_only=True, explore=False)
    elif view.outcome == "lost":
        lines += ["", t("combat-lost")]
        if view.respawn_location is not None:
            lines.append(t("combat-respawn", **noun(t, "location", view.respawn_location, view.respawn_forms)))
        lines.append(price_of_dying(t, view.gold_lost or 0, view.xp_lost))
    elif view.outcome == "fled":
        if not any(line.kind == "fled" for line in view.log):  # the log says it otherwise
            lines += ["", t("combat-fled")]
    else:
        waiting = waiting_skills(t, view.skills)
        lines += ["", *([waiting] if waiting else []), t("combat-your-move")]
    return "\n".join(lines)


def markup(t: Translator, view: CombatView, *, explore_in: int = 0) -> InlineKeyboardMarkup:
    """`explore_in`: seconds until the next exploration, for the way on after a win."""
    kb = KeyboardBuilder()
    if view.outcome != "ongoing":
        rows = []
        if view.rewards is not None and view.rewards.levels_gained:
            # New points: the way to spend them.
            kb.button(text=t("btn-character"), callback_data=nav("sheet"))
            kb.button(text=t("btn-skills"), callback_data=nav("skills"))
            rows.append(2)
        if view.outcome == "won":
            kb.add(explore_button(t, None, explore_in, again=True))
            rows.append(1)
        kb.button(text=t("btn-look"), callback_data=nav("look"))
        kb.button(text=t("btn-menu"), callback_data=nav("menu"))
        kb.adjust(*rows, 2)
        return kb.as_markup()

    def act(name: str, arg: str | None = None) -> FightCb:
        return FightCb(cid=view.id, turn=view.turn, act=name, arg=arg)

    # Rows that stay put turn after turn: Attack and Flee, then every skill (one cooling down or short
    # of mana is marked and says why when pressed), then the potions that would restore something. A
    # quick second tap lands on the same action, never on a potion that moved up into a skill's place.
    kb.button(text=t("btn-attack"), callback_data=act("attack"))
    kb.button(text=t("btn-flee", chance=round(view.flee_chance * 100)), callback_data=act("flee"))
    rows = [2]
    for skill in view.skills:
        kb.button(text=skill_label(t, skill), callback_data=act("skill", skill.id))
    rows += in_pairs(len(view.skills))
    p = view.player
    ailing = any(e.effect in AILMENTS for e in p.effects)
    useful = [s for s in view.items if not restores_nothing(s.item, p.hp, p.max_hp, p.mana, p.max_mana, ailing=ailing)]
    for stack in useful:
        kb.button(text=item_label(t, stack.item, stack.quantity), callback_data=act("item", stack.item.id))
    rows += in_pairs(len(useful))
    kb.adjust(*rows)
    return kb.as_markup()


def skill_label(t: Translator, skill: SkillOption) -> str:
    """`✨ Backstab (5 🔷)`; `⏳ Backstab (2)` while it cools down (turns left); `🔷 Backstab (5 🔷)`
    when the mana is short."""
    name = t.pick(skill.name)
    if skill.ready:
        return t("btn-skill", name=name, mana=skill.mana)
    if skill.cooldown_left:
        return t("btn-skill-cooling", name=name, turns=skill.cooldown_left)
    return t("btn-skill-no-mana", name=name, mana=skill.mana)


def screen(
    t: Translator,
    view: CombatView,
    *,
    notice: str | None = None,
    explore_in: int = 0,
    sheet: CharacterSheet | None = None,
) -> Screen:
    """`sheet`: the character as the fight left them (the time until the next exploration and until HP
    is back, once won); `explore_in` stands for the former without it."""
    if sheet is not None:
        explore_in = sheet.explore_in
    return Screen(text(t, view, notice=notice, sheet=sheet), markup(t, view, explore_in=explore_in))
