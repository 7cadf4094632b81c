"""Spending stat points from the character sheet."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery

from bot.callbacks import StatCb
from bot.i18n import Translator
from bot.screens import show
from bot.views import character
from game.api import CharactersApi


async def allocate(query: CallbackQuery, callback_data: StatCb, game: CharactersApi, t: Translator) -> None:
    sheet = await game.allocate_stat(player_id=query.from_user.id, stat=callback_data.stat, version=callback_data.v)
    await show(query, character.screen(t, sheet, notice=character.stat_raised(t, callback_data.stat)))


async def refresh(query: CallbackQuery, *, game: CharactersApi, t: Translator, notice: str, **_: object) -> None:
    sheet = await game.get_character(player_id=query.from_user.id)
    await show(query, character.screen(t, sheet, notice=notice))


def build_router() -> Router:
    router = Router(name="character")
    router.callback_query.register(allocate, StatCb.filter(), flags={"refresh": refresh})
    return router
