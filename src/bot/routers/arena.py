"""The arena: /arena, finding an opponent, fighting their ghost (or a revenge), and the ladder."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.guild_callbacks import ArenaCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import arena as views
from game.api import CharactersApi
from game.api.ports.arena import ArenaApi


class ArenaGame(ArenaApi, CharactersApi, Protocol):
    """The arena, and the classes to name fighters' classes with."""


async def home(event: Message | CallbackQuery, game: ArenaGame, t: Translator) -> None:
    view = await game.arena(player_id=player_of(event))
    await show(event, views.home(t, view, await game.list_classes()))


async def on_button(query: CallbackQuery, callback_data: ArenaCb, game: ArenaGame, t: Translator) -> None:
    player_id = player_of(query)
    if callback_data.act == "find":
        view = await game.find_opponent(player_id=player_id)
        await show(query, views.home(t, view, await game.list_classes()))
    elif callback_data.act == "fight":
        result = await game.arena_fight(player_id=player_id, opponent_id=callback_data.id)
        await show(query, views.home(t, result.arena, await game.list_classes(), notice=views.outcome(t, result)))
    elif callback_data.act == "top":
        board = await game.arena_ladder(player_id=player_id, limit=10)
        await show(query, views.ladder(t, board, await game.list_classes()))
    else:
        await home(query, game, t)


def build_router() -> Router:
    router = Router(name="arena")
    router.message.register(home, Command("arena"))
    router.callback_query.register(home, NavCb.filter(F.to == "arena"))
    router.callback_query.register(on_button, ArenaCb.filter())
    return router
