"""Main menu, character sheet and help."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot import keyboards, presenters
from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import show
from game.api import GameApi


async def main_menu(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    sheet = await game.get_character(player_id=event.from_user.id)
    await show(event, presenters.menu(t, sheet), keyboards.main_menu(t, sheet))


async def character_sheet(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    sheet = await game.get_character(player_id=event.from_user.id)
    await show(event, presenters.character(t, sheet), keyboards.character(t, sheet))


async def help_(message: Message, t: Translator) -> None:
    await message.answer(t("help"))


def build_router() -> Router:
    router = Router(name="menu")
    router.message.register(main_menu, Command("menu"))
    router.callback_query.register(main_menu, NavCb.filter(F.to == "menu"))
    router.message.register(character_sheet, Command("me"))
    router.callback_query.register(character_sheet, NavCb.filter(F.to == "sheet"))
    router.message.register(help_, Command("help"))
    return router
