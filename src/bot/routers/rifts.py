"""Rifts: the open ones, stepping in, walking floor by floor on one message, leaving.

A fight inside a rift is an ordinary fight (the combat screen and its buttons); once it is won the
run moves on, and /rifts (or the rift button) brings the run back.
"""

from __future__ import annotations

import contextlib

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.callbacks import ExploreCb, NavCb
from bot.i18n import Translator
from bot.screens import show
from bot.views import Screen, combat
from bot.views import world_events as views
from bot.views.common import local
from bot.world_callbacks import RiftCb
from game.api import CombatView, GameApi, StaleAction
from game.api.world import InRift, NotInRift, RiftClosed, RiftLevelTooLow, RiftProgressView, WrongLocation


async def _toast(query: CallbackQuery, text: str, *, alert: bool = False) -> None:
    with contextlib.suppress(TelegramBadRequest):  # already answered, or too old to answer
        await query.answer(text, show_alert=alert)


async def _draw(event: Message | CallbackQuery, screen: Screen) -> None:
    await show(event, screen.text, screen.markup)


async def list_screen(event: Message | CallbackQuery, game: GameApi, t: Translator, notice: str | None = None) -> None:
    player_id = event.from_user.id
    sheet = await game.get_character(player_id=player_id)
    run = await game.rift_progress(player_id=player_id)
    await _draw(event, views.rifts(t, await game.list_rifts(), here=sheet.location_id, run=run, notice=notice))


async def run_screen(
    event: Message | CallbackQuery,
    game: GameApi,
    t: Translator,
    notice: str | None = None,
    run: RiftProgressView | None = None,
) -> None:
    """The player's run (the last one if it ended); the open rifts when there never was one."""
    run = run or await game.rift_progress(player_id=event.from_user.id)
    if run is None:
        await list_screen(event, game, t, notice)
        return
    await _draw(event, views.progress(t, run, notice=notice))


async def rifts_command(message: Message, game: GameApi, t: Translator) -> None:
    run = await game.rift_progress(player_id=message.from_user.id)
    if run is not None and run.status == "active":
        await _draw(message, views.progress(t, run))
        return
    await list_screen(message, game, t)


async def open_list(query: CallbackQuery, game: GameApi, t: Translator) -> None:
    await list_screen(query, game, t)


async def open_run(query: CallbackQuery, game: GameApi, t: Translator) -> None:
    await run_screen(query, game, t)


async def enter(query: CallbackQuery, callback_data: RiftCb, game: GameApi, t: Translator) -> None:
    player_id = query.from_user.id
    try:
        run = await game.enter_rift(player_id=player_id, rift_id=callback_data.id or "")
    except RiftClosed:
        notice = t("err-rift-closed")
        await _toast(query, notice, alert=True)
        await list_screen(query, game, t, notice)
        return
    except WrongLocation as elsewhere:
        where = next((r for r in await game.list_rifts() if r.id == callback_data.id), None)
        place = local(t, where.location_name) if where else elsewhere.details.get("location_id", "?")
        await _toast(query, t("rift-elsewhere", location=place), alert=True)
        return
    except RiftLevelTooLow as low:
        await _toast(
            query,
            t("rift-level-low", needed=low.details.get("needed", "?"), level=low.details.get("level", "?")),
            alert=True,
        )
        return
    except InRift:
        notice = t("err-in-rift")
        await _toast(query, notice)
        await run_screen(query, game, t, notice)
        return
    await _draw(query, views.progress(t, run, notice=t("rift-entered")))


async def go_on(query: CallbackQuery, callback_data: RiftCb, game: GameApi, t: Translator) -> None:
    player_id = query.from_user.id
    current = await game.rift_progress(player_id=player_id)
    if current is None or current.status != "active" or current.steps_done != callback_data.n:
        # A second press of the same button, or a button from an older screen: nothing moves.
        notice = t("rift-stale")
        await _toast(query, notice)
        await run_screen(query, game, t, notice, run=current)
        return
    try:
        # The game checks the step too: two presses at the same instant cannot both advance.
        moved = await game.advance_rift(player_id=player_id, steps_done=callback_data.n)
    except StaleAction:
        notice = t("rift-stale")
        await _toast(query, notice)
        await run_screen(query, game, t, notice)
        return
    except (NotInRift, RiftClosed) as over:
        notice = t("err-rift-closed") if isinstance(over, RiftClosed) else t("err-not-in-rift")
        await _toast(query, notice, alert=True)
        await run_screen(query, game, t, notice)
        return
    if moved.step.combat is not None:
        await _draw(query, combat.screen(t, moved.step.combat, notice=views.step_heading(t, moved.step)))
        return
    await _draw(query, views.advanced(t, moved))


async def leave(query: CallbackQuery, game: GameApi, t: Translator) -> None:
    try:
        run = await game.leave_rift(player_id=query.from_user.id)
    except NotInRift:
        notice = t("err-not-in-rift")
        await _toast(query, notice)
        await run_screen(query, game, t, notice)
        return
    await _draw(query, views.progress(t, run))


async def refresh(query: CallbackQuery, *, game: GameApi, t: Translator, notice: str, **_: object) -> None:
    """How a refused rift button redraws (see the game-errors middleware's `refresh` flag)."""
    await run_screen(query, game, t, notice)


async def with_way_back(game: GameApi, t: Translator, player_id: int, fight: CombatView, shown: Screen) -> Screen:
    """A finished fight's screen, with a button back to the rift when the fight was a step of one.

    For the fight router: the combat screen does not know where its fight came from, the run does.
    """
    if fight.part_of != "rift" or fight.outcome not in ("won", "lost") or shown.markup is None:
        return shown
    run = await game.rift_progress(player_id=player_id)
    if run is None or run.rift.status != "open" or run.status not in ("active", "cleared", "fallen") or run.fighting:
        return shown
    back = InlineKeyboardButton(text=t("btn-rift-back"), callback_data=RiftCb(act="show").pack())
    # Inside a rift the way on is the rift, not the wild: "explore again" would lead out of it.
    explore = ExploreCb().pack()
    rows = [[b for b in row if b.callback_data != explore] for row in shown.markup.inline_keyboard]
    return Screen(shown.text, InlineKeyboardMarkup(inline_keyboard=[[back], *(row for row in rows if row)]))


def build_router() -> Router:
    router = Router(name="rifts")
    router.message.register(rifts_command, Command("rifts"))
    router.callback_query.register(open_list, RiftCb.filter(F.act == "list"))
    router.callback_query.register(open_list, NavCb.filter(F.to == "rifts"))
    router.callback_query.register(open_run, RiftCb.filter(F.act == "show"))
    flags = {"refresh": refresh}
    router.callback_query.register(enter, RiftCb.filter(F.act == "enter"), flags=flags)
    router.callback_query.register(go_on, RiftCb.filter(F.act == "go"), flags=flags)
    router.callback_query.register(leave, RiftCb.filter(F.act == "leave"), flags=flags)
    return router
