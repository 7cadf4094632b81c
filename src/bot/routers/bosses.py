"""World bosses: the one where the player stands, striking it, and the damage leaderboard.

A boss button may outlive its boss (an old message, a notification): a press then says what became
of it and shows the bosses as they are now.
"""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.views import bosses
from bot.views.refusals import explain
from bot.world_callbacks import BossCb
from game.api import CharactersApi, LeaderboardsApi, RiftsApi, WorldBossesApi
from game.api.world import BossCooldown, BossGone, WrongLocation

TOP = 10


class BossesGame(WorldBossesApi, CharactersApi, RiftsApi, Protocol):
    """The bosses, where the player stands, and whether a fight or a rift keeps them from striking."""


class BossTopGame(LeaderboardsApi, CharactersApi, WorldBossesApi, Protocol):
    """The damage boards (live and of all time), and the classes to name the players' classes with."""


async def boss_screen(
    event: Message | CallbackQuery, game: BossesGame, t: Translator, notice: str | None = None
) -> None:
    player_id = player_of(event)
    sheet = await game.get_character(player_id=player_id)
    alive = await game.list_bosses(player_id=player_id)
    busy = None
    if sheet.in_combat:
        busy = "fight"
    elif any(b.location_id == sheet.location_id for b in alive):
        run = await game.rift_progress(player_id=player_id)
        busy = "rift" if run is not None and run.status == "active" else None
    await show(event, bosses.screen(t, alive, here=sheet.location_id, me=player_id, busy=busy, notice=notice))


async def open_screen(event: Message | CallbackQuery, game: BossesGame, t: Translator) -> None:
    await boss_screen(event, game, t)


async def attack(query: CallbackQuery, callback_data: BossCb, game: BossesGame, t: Translator) -> None:
    player_id = query.from_user.id
    boss_id = callback_data.id or ""
    try:
        result = await game.attack_boss(player_id=player_id, boss_id=boss_id)
    except (BossGone, BossCooldown) as refused:
        # The bosses as they are now, under what became of this one.
        await boss_screen(query, game, t, explain(t, refused))
        return
    except WrongLocation as elsewhere:
        boss = next((b for b in await game.list_bosses() if b.id == boss_id), None)
        await toast(query, bosses.elsewhere(t, boss, str(elsewhere.details.get("location_id", "?"))), alert=True)
        return
    others = [b for b in await game.list_bosses(player_id=player_id) if b.id != result.boss.id]
    await show(query, bosses.after_attack(t, result, others, me=player_id))


async def top(event: Message | CallbackQuery, game: BossTopGame, t: Translator) -> None:
    player_id = player_of(event)
    rows = await game.boss_leaderboard(limit=TOP)
    alive = await game.list_bosses(player_id=player_id)
    await show(event, bosses.boss_top(t, rows, await game.list_classes(), alive=alive, me=player_id))


async def refresh(query: CallbackQuery, *, game: BossesGame, t: Translator, notice: str, **_: object) -> None:
    """How a refused boss button redraws (see the game-errors middleware's `refresh` flag)."""
    await boss_screen(query, game, t, notice)


def build_router() -> Router:
    router = Router(name="bosses")
    router.message.register(open_screen, Command("boss"))
    router.message.register(top, Command("boss_top"))
    router.callback_query.register(open_screen, BossCb.filter(F.act == "show"))
    router.callback_query.register(open_screen, NavCb.filter(F.to == "boss"))
    router.callback_query.register(attack, BossCb.filter(F.act == "hit"), flags={"refresh": refresh})
    router.callback_query.register(top, BossCb.filter(F.act == "top"))
    return router
