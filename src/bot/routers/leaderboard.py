"""The level leaderboard: the top ten."""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import player_of, show
from bot.views import leaderboard
from game.api import CharactersApi, LeaderboardsApi

TOP = 10


class LeaderboardGame(LeaderboardsApi, CharactersApi, Protocol):
    """The board, and the classes to name the players' classes with."""


async def top(event: Message | CallbackQuery, game: LeaderboardGame, t: Translator) -> None:
    rows = await game.leaderboard(board="level", limit=TOP)
    await show(event, leaderboard.screen(t, rows, await game.list_classes(), me=player_of(event)))


def build_router() -> Router:
    router = Router(name="leaderboard")
    router.message.register(top, Command("top"))
    router.callback_query.register(top, NavCb.filter(F.to == "top"))
    return router
