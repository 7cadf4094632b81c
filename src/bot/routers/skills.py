"""The skill tree: what is learned, what can be, what stands in the way."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb, SkillCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import skills
from game.api import CharactersApi, SkillsApi, SkillTreeView


class SkillsGame(SkillsApi, CharactersApi, Protocol):
    """The tree, and the classes to name the tree's class with."""


async def _show_tree(
    event: Message | CallbackQuery, game: SkillsGame, t: Translator, tree: SkillTreeView, notice: str | None = None
) -> None:
    await show(event, skills.screen(t, tree, await game.list_classes(), notice=notice))


async def open_tree(event: Message | CallbackQuery, game: SkillsGame, t: Translator) -> None:
    await _show_tree(event, game, t, await game.skill_tree(player_id=player_of(event)))


async def learn(query: CallbackQuery, callback_data: SkillCb, game: SkillsGame, t: Translator) -> None:
    tree = await game.learn_skill(player_id=query.from_user.id, skill_id=callback_data.id, version=callback_data.v)
    await _show_tree(query, game, t, tree, skills.learned(t, tree, callback_data.id))


async def refresh(query: CallbackQuery, *, game: SkillsGame, t: Translator, notice: str, **_: object) -> None:
    await _show_tree(query, game, t, await game.skill_tree(player_id=query.from_user.id), notice)


def build_router() -> Router:
    router = Router(name="skills")
    router.message.register(open_tree, Command("skills"))
    router.callback_query.register(open_tree, NavCb.filter(F.to == "skills"))
    router.callback_query.register(learn, SkillCb.filter(), flags={"refresh": refresh})
    return router
