"""Main menu, character sheet and help."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import character, menu
from game.api import CharactersApi


async def main_menu(event: Message | CallbackQuery, game: CharactersApi, t: Translator) -> None:
    sheet = await game.get_character(player_id=player_of(event))
    await show(event, menu.main(t, sheet))


async def character_sheet(event: Message | CallbackQuery, game: CharactersApi, t: Translator) -> None:
    sheet = await game.get_character(player_id=player_of(event))
    await show(event, character.screen(t, sheet))


async def help_(message: Message, t: Translator) -> None:
    await show(message, menu.help_screen(t))


def build_router() -> Router:
    router = Router(name="menu")
    router.message.register(main_menu, Command("menu"))
    router.callback_query.register(main_menu, NavCb.filter(F.to == "menu"))
    router.message.register(character_sheet, Command("me"))
    router.callback_query.register(character_sheet, NavCb.filter(F.to == "sheet"))
    router.message.register(help_, Command("help"))
    return router
