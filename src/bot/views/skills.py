"""The class's skill tree: learned, learnable, and locked with the reason."""

from __future__ import annotations

from collections.abc import Sequence

from bot.callbacks import SkillCb, nav
from bot.i18n import Translator
from bot.views import Screen
from bot.views.common import literal, local
from bot.views.keyboard import KeyboardBuilder
from game.api import ClassInfo, SkillTreeView, SkillView


def why_locked(t: Translator, tree: SkillTreeView, skill: SkillView) -> str:
    """Says which of the tree's own facts stands in the way (the game decides; this only reads its view)."""
    if tree.level < skill.level:
        return t("skill-needs-level", level=skill.level)
    learned = {s.id for s in tree.skills if s.learned}
    missing = [s for s in tree.skills if s.id in skill.requires and s.id not in learned]
    if missing:
        names = ", ".join(t("skill-name", name=local(t, s.name)) for s in missing)
        return t("skill-needs-skill", skills=names, count=len(missing))
    return t("skill-needs-points")


def skill_line(t: Translator, tree: SkillTreeView, skill: SkillView) -> list[str]:
    # A cooldown of N turns: usable every N turns (1, or none: every turn).
    kind = (
        t("skill-active", mana=skill.mana, every=max(skill.cooldown, 1))
        if skill.kind == "active"
        else t("skill-passive")
    )
    if skill.learned:
        head, status = "✅", t("skill-learned")
    elif skill.learnable:
        head, status = "🟢", t("skill-learnable")
    else:
        head, status = "🔒", why_locked(t, tree, skill)
    return [
        f"{head} <b>{local(t, skill.name)}</b> · {t('skill-level', level=skill.level)} · {kind}",
        f"   <i>{local(t, skill.description)}</i>",
        f"   {status}",
    ]


def screen(t: Translator, tree: SkillTreeView, classes: Sequence[ClassInfo], *, notice: str | None = None) -> Screen:
    known = next((c for c in classes if c.id == tree.class_id), None)
    class_name = local(t, known.name) if known else literal(tree.class_id)
    lines = [notice, ""] if notice else []
    lines += [t("skills-title", class_name=class_name, points=tree.skill_points), ""]
    for skill in tree.skills:
        lines += skill_line(t, tree, skill)
    kb = KeyboardBuilder()
    for skill in tree.skills:
        if skill.learnable:
            kb.button(text=t("btn-learn", name=t.pick(skill.name)), callback_data=SkillCb(id=skill.id, v=tree.version))
    kb.button(text=t("btn-menu"), callback_data=nav("menu"))
    kb.adjust(1)
    return Screen("\n".join(lines), kb.as_markup())


def learned(t: Translator, tree: SkillTreeView, skill_id: str) -> str:
    skill = next((s for s in tree.skills if s.id == skill_id), None)
    return t("skill-learned-now", name=local(t, skill.name) if skill else literal(skill_id))
