"""The top players by level."""

from __future__ import annotations

from bot.callbacks import nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import MEDALS
from bot.views.guild import tagged
from bot.views.keyboard import KeyboardBuilder
from game.api import ClassInfo, LeaderboardRow


def screen(t: Translator, rows: list[LeaderboardRow], classes: list[ClassInfo], *, me: int | None = None) -> Screen:
    names = {c.id: t.pick(c.name) for c in classes}
    lines = [t("top-title"), ""]
    if not rows:
        lines.append(t("top-empty"))
    for row in rows:
        line = t(
            "top-row",
            rank=MEDALS.get(row.rank, f"{row.rank}."),
            name=tagged(row.name, row.guild_tag),
            class_name=names.get(row.class_id, row.class_id),
            level=row.level,
        )
        lines.append(f"<b>{line}</b>" if row.player_id == me else line)
    kb = KeyboardBuilder()
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    return Screen("\n".join(lines), kb.as_markup())
