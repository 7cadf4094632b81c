"""World bosses: the one where the player stands, striking it, and the damage leaderboard.

A boss button may outlive its boss (an old message, a notification): a press then says what became
of it and shows the bosses as they are now.
"""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import show
from bot.views import world_events as views
from bot.views.common import local
from bot.world_callbacks import BossCb
from game.api import GameApi
from game.api.world import BossCooldown, BossGone, WrongLocation

TOP = 10
GONE = {
    "defeated": lambda t: t("boss-gone-defeated"),
    "escaped": lambda t: t("boss-gone-escaped"),
}


async def _toast(query: CallbackQuery, text: str, *, alert: bool = False) -> None:
    with contextlib.suppress(TelegramBadRequest):  # already answered, or too old to answer
        await query.answer(text, show_alert=alert)


async def boss_screen(event: Message | CallbackQuery, game: GameApi, t: Translator, notice: str | None = None) -> None:
    player_id = event.from_user.id
    sheet = await game.get_character(player_id=player_id)
    alive = await game.list_bosses(player_id=player_id)
    shown = views.bosses(t, alive, here=sheet.location_id, notice=notice)
    await show(event, shown.text, shown.markup)


async def open_screen(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    await boss_screen(event, game, t)


async def attack(query: CallbackQuery, callback_data: BossCb, game: GameApi, t: Translator) -> None:
    player_id = query.from_user.id
    boss_id = callback_data.id or ""
    try:
        result = await game.attack_boss(player_id=player_id, boss_id=boss_id)
    except BossGone as gone:
        explain = GONE.get(gone.details.get("status", ""))
        notice = explain(t) if explain else t("boss-gone-unknown")
        await _toast(query, notice, alert=True)
        await boss_screen(query, game, t, notice)
        return
    except BossCooldown as cooling:
        notice = t("boss-cooldown-wait", seconds=cooling.details.get("seconds_left", "?"))
        await _toast(query, notice)
        await boss_screen(query, game, t, notice)
        return
    except WrongLocation as elsewhere:
        boss = next((b for b in await game.list_bosses() if b.id == boss_id), None)
        place = local(t, boss.location_name) if boss else elsewhere.details.get("location_id", "?")
        await _toast(query, t("boss-elsewhere-hit", location=place), alert=True)
        return
    others = [b for b in await game.list_bosses(player_id=player_id) if b.id != result.boss.id]
    shown = views.after_attack(t, result, others)
    await show(query, shown.text, shown.markup)


async def top(event: Message | CallbackQuery, game: GameApi, t: Translator) -> None:
    rows = await game.boss_leaderboard(limit=TOP)
    shown = views.boss_top(t, rows, await game.list_classes(), me=event.from_user.id)
    await show(event, shown.text, shown.markup)


async def refresh(query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, **_: object) -> None:
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
