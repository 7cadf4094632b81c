"""Spending stat points from the character sheet."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery

from bot import keyboards, presenters
from bot.callbacks import StatCb
from bot.i18n import Translator
from bot.screens import show
from bot.views.common import STATS, named
from game.api import GameApi


async def allocate(query: CallbackQuery, callback_data: StatCb, game: GameApi, t: Translator) -> None:
    sheet = await game.allocate_stat(player_id=query.from_user.id, stat=callback_data.stat, version=callback_data.v)
    notice = t("stat-raised", stat=named(t, STATS, callback_data.stat))
    await query.answer(notice)
    await show(query, presenters.character(t, sheet, notice=notice), keyboards.character(t, sheet))


async def refresh(query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, **_: object) -> None:
    sheet = await game.get_character(player_id=query.from_user.id)
    await show(query, presenters.character(t, sheet, notice=notice), keyboards.character(t, sheet))


def build_router() -> Router:
    router = Router(name="character")
    router.callback_query.register(allocate, StatCb.filter(), flags={"refresh": refresh})
    return router
