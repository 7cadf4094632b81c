"""Rifts: the open ones, stepping in, walking floor by floor on one message, leaving.

A fight inside a rift is an ordinary fight (the combat screen and its buttons); once it is won the
run moves on, and /rifts (or the rift button) brings the run back. The refusals handled here are those
answered with a redraw of the rift's own screens; the rest are the game-errors middleware's.
"""

from __future__ import annotations

from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.callbacks import NavCb
from bot.i18n import Translator
from bot.screens import player_of, show, toast
from bot.views import combat, rifts
from bot.views.refusals import explain
from bot.world_callbacks import RiftCb
from game.api import AdventureApi, RiftsApi, StaleAction
from game.api.world import InRift, NotInRift, RiftClosed, RiftProgressView, WrongLocation


class RiftsGame(RiftsApi, AdventureApi, Protocol):
    """The rifts, and where the player stands (the rifts there are listed first, the roads lead to others)."""


async def list_screen(
    event: Message | CallbackQuery, game: RiftsGame, t: Translator, notice: str | None = None
) -> None:
    player_id = player_of(event)
    here = await game.look(player_id=player_id)
    run = await game.rift_progress(player_id=player_id)
    await show(event, rifts.listing(t, await game.list_rifts(), here, run=run, notice=notice))


async def run_screen(
    event: Message | CallbackQuery,
    game: RiftsGame,
    t: Translator,
    notice: str | None = None,
    run: RiftProgressView | None = None,
) -> None:
    """The player's run (the last one if it ended); the open rifts when there never was one."""
    run = run or await game.rift_progress(player_id=player_of(event))
    if run is None:
        await list_screen(event, game, t, notice)
        return
    await show(event, rifts.progress(t, run, notice=notice))


async def rifts_command(message: Message, game: RiftsGame, t: Translator) -> None:
    run = await game.rift_progress(player_id=player_of(message))
    if run is not None and run.status == "active":
        await show(message, rifts.progress(t, run))
        return
    await list_screen(message, game, t)


async def open_list(query: CallbackQuery, game: RiftsGame, t: Translator) -> None:
    await list_screen(query, game, t)


async def open_run(query: CallbackQuery, game: RiftsGame, t: Translator) -> None:
    await run_screen(query, game, t)


async def enter(query: CallbackQuery, callback_data: RiftCb, game: RiftsGame, t: Translator) -> None:
    player_id = query.from_user.id
    try:
        run = await game.enter_rift(player_id=player_id, rift_id=callback_data.id or "")
    except RiftClosed as closed:
        await list_screen(query, game, t, explain(t, closed))
        return
    except WrongLocation as elsewhere:
        where = next((r for r in await game.list_rifts() if r.id == callback_data.id), None)
        await toast(query, rifts.elsewhere(t, where, str(elsewhere.details.get("location_id", "?"))), alert=True)
        return
    except InRift as inside:
        await run_screen(query, game, t, explain(t, inside))
        return
    await show(query, rifts.progress(t, run, notice=rifts.entered(t)))


async def go_on(query: CallbackQuery, callback_data: RiftCb, game: RiftsGame, t: Translator) -> None:
    player_id = query.from_user.id
    current = await game.rift_progress(player_id=player_id)
    if current is None or current.status != "active" or current.steps_done != callback_data.n:
        # A second press of the same button, or a button from an older screen: nothing moves.
        await run_screen(query, game, t, rifts.stale(t), run=current)
        return
    try:
        # The game checks the step too: two presses at the same instant cannot both advance.
        moved = await game.advance_rift(player_id=player_id, steps_done=callback_data.n)
    except StaleAction:
        await run_screen(query, game, t, rifts.stale(t))
        return
    except (NotInRift, RiftClosed) as over:
        await run_screen(query, game, t, explain(t, over))
        return
    if moved.step.combat is not None:
        await show(query, combat.screen(t, moved.step.combat, notice=rifts.step_heading(t, moved.step)))
        return
    await show(query, rifts.advanced(t, moved))


async def leave(query: CallbackQuery, game: RiftsGame, t: Translator) -> None:
    try:
        run = await game.leave_rift(player_id=query.from_user.id)
    except NotInRift as outside:
        await run_screen(query, game, t, explain(t, outside))
        return
    await show(query, rifts.progress(t, run))


async def refresh(query: CallbackQuery, *, game: RiftsGame, t: Translator, notice: str, **_: object) -> None:
    """How a refused rift button redraws (see the game-errors middleware's `refresh` flag)."""
    await run_screen(query, game, t, notice)


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
