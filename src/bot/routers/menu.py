"""Main menu, character sheet and help.

The first time a skill point is free (a new character has one), the menu or sheet says where to
spend it; the chat's FSM data remembers that it was said.
"""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import character, menu
from game.api import AdventureApi, CharactersApi, CharacterSheet

SKILLS_HINTED = "skills_hinted"  # in the chat's FSM data: the first free skill point was pointed out


class MenuGame(CharactersApi, AdventureApi, Protocol):
    """The character, and where it stands (exploring is for the wild, the town's services for town)."""


async def hint_skills(state: FSMContext, sheet: CharacterSheet) -> bool:
    """Whether to point to the skill tree now: a skill point is free, and it was never pointed out."""
    if sheet.skill_points <= 0 or (await state.get_data()).get(SKILLS_HINTED):
        return False
    await state.update_data({SKILLS_HINTED: True})
    return True


async def main_menu(event: Message | CallbackQuery, state: FSMContext, game: MenuGame, t: Translator) -> None:
    player_id = player_of(event)
    sheet = await game.get_character(player_id=player_id)
    here = await game.look(player_id=player_id)
    await show(event, menu.main(t, sheet, here, hint_skills=await hint_skills(state, sheet)))


async def character_sheet(
    event: Message | CallbackQuery, state: FSMContext, game: CharactersApi, t: Translator
) -> None:
    sheet = await game.get_character(player_id=player_of(event))
    await show(event, character.screen(t, sheet, hint_skills=await hint_skills(state, sheet)))


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
