"""World bosses: the one where the player stands (with its Attack button and the live ranking of its
fighters), the others, and the damage leaderboards (live, then of all time)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.callbacks import nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import MEDALS, bar, duration, literal, local, noun, with_notice
from bot.views.guild import tagged
from bot.views.keyboard import KeyboardBuilder
from bot.world_callbacks import BossCb, RiftCb
from game.api import ClassInfo, LeaderboardRow
from game.api.world import BossAttackResult, BossView

LIVE_TOP = 5  # fighters named under a boss


def ranking_lines(t: Translator, boss: BossView, *, me: int | None = None, top: int = LIVE_TOP) -> list[str]:
    """Who has dealt the most to this boss so far, and the player's own place."""
    if not boss.ranking:
        return [t("boss-ranking-empty")]
    lines = [t("boss-ranking-title", fighters=max(boss.fighters, len(boss.ranking)))]
    for row in boss.ranking[:top]:
        line = t(
            "boss-ranking-row", rank=MEDALS.get(row.rank, f"{row.rank}."), name=literal(row.name), damage=row.damage
        )
        lines.append(f"<b>{line}</b>" if row.player_id == me else line)
    if boss.my_rank is not None:
        lines.append(t("boss-my-rank", rank=boss.my_rank, fighters=max(boss.fighters, boss.my_rank)))
    return lines


def boss_lines(t: Translator, boss: BossView, *, me: int | None = None) -> list[str]:
    lines = [
        t("boss-title", name=local(t, boss.name), level=boss.level, location=local(t, boss.location_name)),
        t("boss-hp", bar=bar(t, boss.hp, boss.max_hp)),
    ]
    if boss.status == "alive":
        lines.append(t("boss-left", left=duration(t, boss.seconds_left)))
    lines.append(t("boss-my-damage", damage=boss.my_damage) if boss.my_damage else t("boss-my-damage-none"))
    if boss.status == "alive":
        if boss.my_cooldown_left > 0:
            lines.append(t("boss-cooldown", seconds=round(boss.my_cooldown_left, 1)))
        else:
            lines.append(t("boss-ready"))
    return [*lines, "", *ranking_lines(t, boss, me=me)]


def screen(
    t: Translator,
    alive: Sequence[BossView],
    *,
    here: str | None,
    me: int | None = None,
    busy: str | None = None,
    notice: str | None = None,
) -> Screen:
    """The boss where the player stands (with its Attack button), then the ones elsewhere. `busy`:
    "fight" or "rift" while the player cannot strike a boss; the way back there instead of Attack."""
    local_ones = [b for b in alive if b.location_id == here]
    others = [b for b in alive if b.location_id != here]
    lines: list[str] = []
    kb = KeyboardBuilder()
    rows = []
    for boss in local_ones:
        lines += [*boss_lines(t, boss, me=me), ""]
        if busy == "fight":
            lines += [t("boss-busy-fight"), ""]
            kb.button(text=t("btn-back-to-fight"), callback_data=nav("fight"))
        elif busy == "rift":
            lines += [t("boss-busy-rift"), ""]
            kb.button(text=t("btn-rift-current"), callback_data=RiftCb(act="show"))
        else:
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
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(*rows, 2)
    return Screen(with_notice(notice, lines).rstrip(), kb.as_markup())


def attack_notice(t: Translator, result: BossAttackResult) -> str:
    if result.killed:
        return t("boss-killed", **noun(t, "boss", result.boss.name, result.boss.name_forms), damage=result.damage)
    if result.damage:
        return t("boss-hit", damage=result.damage)
    return t("boss-miss")


def after_attack(t: Translator, result: BossAttackResult, others: Sequence[BossView], *, me: int) -> Screen:
    """The struck boss as the attack left it (even if this blow killed it), and the rest."""
    boss = result.boss
    if boss.status == "alive":
        return screen(t, [boss, *others], here=boss.location_id, me=me, notice=attack_notice(t, result))
    lines = [attack_notice(t, result), "", *boss_lines(t, boss, me=me)]
    kb = KeyboardBuilder()
    kb.button(text=t("btn-boss-top"), callback_data=BossCb(act="top"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


def boss_top(
    t: Translator,
    rows: Sequence[LeaderboardRow],
    classes: Sequence[ClassInfo],
    *,
    alive: Sequence[BossView] = (),
    me: int | None = None,
) -> Screen:
    """The live ranking of each boss up now, then the damage of all time (counted once a boss ends)."""
    names = {c.id: t.pick(c.name) for c in classes}
    lines = []
    for boss in alive:
        lines += [t("boss-top-live", name=local(t, boss.name), location=local(t, boss.location_name))]
        lines += [*ranking_lines(t, boss, me=me, top=10), ""]
    lines += [t("boss-top-title"), ""]
    if not rows:
        lines.append(t("boss-top-empty-live") if alive else t("boss-top-empty"))
    for row in rows:
        line = t(
            "boss-top-row",
            rank=MEDALS.get(row.rank, f"{row.rank}."),
            name=tagged(row.name, row.guild_tag),
            class_name=names.get(row.class_id, row.class_id),
            level=row.level,
            damage=row.value,
        )
        lines.append(f"<b>{line}</b>" if row.player_id == me else line)
    kb = KeyboardBuilder()
    kb.button(text=t("btn-boss-back"), callback_data=BossCb(act="show"))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(2)
    return Screen("\n".join(lines), kb.as_markup())


def elsewhere(t: Translator, boss: BossView | None, location_id: str) -> str:
    """The boss is in another place: named in the player's language when it is still listed."""
    if boss is None:
        return t("boss-elsewhere-hit", **noun(t, "location", {"en": location_id}))
    return t("boss-elsewhere-hit", **noun(t, "location", boss.location_name, boss.location_forms))
